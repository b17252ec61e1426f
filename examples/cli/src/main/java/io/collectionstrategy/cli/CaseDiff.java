package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every difference between two assessments of one debtor: type, situation, script, escalation steps added, removed
 * or moved (due in other days), warnings added or removed (by code), steps blocked or no longer blocked, and the next
 * action.
 *
 * @param changes the differences, in the order of {@link #KINDS}; empty when the two agree
 */
record CaseDiff(List<Change> changes) {

    static final String TYPE = "debtorType";
    static final String SITUATION = "situation";
    static final String SCRIPT = "script";
    static final String STEP_ADDED = "stepAdded";
    static final String STEP_REMOVED = "stepRemoved";
    static final String STEP_MOVED = "stepMoved";
    static final String WARNING_ADDED = "warningAdded";
    static final String WARNING_REMOVED = "warningRemoved";
    static final String BLOCKED_ADDED = "blockedAdded";
    static final String BLOCKED_REMOVED = "blockedRemoved";
    static final String NEXT_ACTION = "nextAction";
    /** The kinds of difference, in the order reports list them. */
    static final List<String> KINDS = List.of(TYPE, SITUATION, SCRIPT, STEP_ADDED, STEP_REMOVED, STEP_MOVED,
            WARNING_ADDED, WARNING_REMOVED, BLOCKED_ADDED, BLOCKED_REMOVED, NEXT_ACTION);

    /**
     * One difference.
     *
     * @param kind   one of {@link #KINDS}
     * @param name   what differs: the step or warning code, or the dimension for type, situation, script, next action
     * @param before the baseline's value ("none" when it has none)
     * @param after  the candidate's value
     */
    record Change(String kind, String name, String before, String after) {

        /** @return e.g. {@code FIELD_VISIT in 0 -> 7 days}, {@code EVASIVE -> STUBBORN} */
        String describe() {
            return switch (kind) {
                case STEP_ADDED -> "+ " + name + " in " + after + " days";
                case STEP_REMOVED -> "- " + name + " (was in " + before + " days)";
                case STEP_MOVED -> name + " in " + before + " -> " + after + " days";
                case WARNING_ADDED, BLOCKED_ADDED -> "+ " + name;
                case WARNING_REMOVED, BLOCKED_REMOVED -> "- " + name;
                default -> before + " -> " + after;
            };
        }
    }

    CaseDiff {
        changes = List.copyOf(changes);
    }

    boolean any() {
        return !changes.isEmpty();
    }

    /** Compares the baseline's assessment of a debtor with the candidate's. */
    static CaseDiff of(Assessment base, Assessment cand) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cand, "cand");
        List<Change> out = new ArrayList<>();
        value(out, TYPE, base.debtorType(), cand.debtorType());
        value(out, SITUATION, orNone(base.situation()), orNone(cand.situation()));
        value(out, SCRIPT, base.script() == null ? "none" : base.script().id(),
                cand.script() == null ? "none" : cand.script().id());
        Map<String, Integer> before = steps(base);
        Map<String, Integer> after = steps(cand);
        for (Map.Entry<String, Integer> s : after.entrySet()) {
            if (!before.containsKey(s.getKey())) {
                out.add(new Change(STEP_ADDED, s.getKey(), "none", String.valueOf(s.getValue())));
            }
        }
        for (Map.Entry<String, Integer> s : before.entrySet()) {
            if (!after.containsKey(s.getKey())) {
                out.add(new Change(STEP_REMOVED, s.getKey(), String.valueOf(s.getValue()), "none"));
            }
        }
        for (Map.Entry<String, Integer> s : before.entrySet()) {
            Integer moved = after.get(s.getKey());
            if (moved != null && !moved.equals(s.getValue())) {
                out.add(new Change(STEP_MOVED, s.getKey(), String.valueOf(s.getValue()), String.valueOf(moved)));
            }
        }
        sets(out, WARNING_ADDED, WARNING_REMOVED, codes(base.warnings()), codes(cand.warnings()));
        sets(out, BLOCKED_ADDED, BLOCKED_REMOVED, blocked(base.blocked()), blocked(cand.blocked()));
        value(out, NEXT_ACTION, nextAction(base), nextAction(cand));
        out.sort(java.util.Comparator.comparingInt(c -> KINDS.indexOf(c.kind())));
        return new CaseDiff(out);
    }

    /** @return each step with the days of its first (earliest) occurrence, in the assessment's order */
    static Map<String, Integer> steps(Assessment a) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        for (EscalationStep s : a.escalation()) {
            steps.merge(s.step(), s.inDays(), Math::min);
        }
        return steps;
    }

    static String nextAction(Assessment a) {
        return a.nextAction() == null ? "none" : a.nextAction().step() + " on " + a.nextAction().on();
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }

    private static void value(List<Change> out, String kind, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new Change(kind, kind, before, after));
        }
    }

    private static void sets(List<Change> out, String added, String removed, Set<String> before, Set<String> after) {
        for (String s : after) {
            if (!before.contains(s)) {
                out.add(new Change(added, s, "none", s));
            }
        }
        for (String s : before) {
            if (!after.contains(s)) {
                out.add(new Change(removed, s, s, "none"));
            }
        }
    }

    private static Set<String> codes(List<Warning> warnings) {
        Set<String> codes = new LinkedHashSet<>();
        warnings.forEach(w -> codes.add(w.code()));
        return codes;
    }

    private static Set<String> blocked(List<BlockedStep> blocked) {
        Set<String> steps = new LinkedHashSet<>();
        blocked.forEach(b -> steps.add(b.step()));
        return steps;
    }
}
