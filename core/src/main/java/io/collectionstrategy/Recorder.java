package io.collectionstrategy;

import io.collectionstrategy.facts.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Outcome} of one session: what the rules wrote during one assessment, each entry with the id of the
 * rule that was firing. Reused by the session it belongs to, one assessment at a time; not thread-safe.
 */
final class Recorder implements Outcome {

    /** A situation a rule proposed. */
    private record Candidate(String name, int precedence) {
    }

    /** Id of the rule firing now, set by the engine's listener before each firing. */
    String rule;
    final List<Evidence> evidence = new ArrayList<>();
    final List<Candidate> situations = new ArrayList<>(2);
    String scriptId;
    /** Step name to the earliest proposal of it, in the order first proposed. */
    final Map<String, EscalationStep> steps = new LinkedHashMap<>();
    /**
     * The proposals that lost a merge to a sooner (or as soon, earlier) proposal of the same step, in the order they
     * lost; only written when a merge happens. Which proposal each lost to for good is read from {@link #steps} at the
     * end of the stages.
     */
    final List<EscalationStep> merged = new ArrayList<>(0);
    /** Warning code to the first warning with it. */
    final Map<String, Warning> warnings = new LinkedHashMap<>();

    void clear() {
        rule = null;
        evidence.clear();
        situations.clear();
        scriptId = null;
        steps.clear();
        merged.clear();
        warnings.clear();
        adjustments.clear();
    }

    @Override
    public void evidence(String type, int points, String cue) {
        evidence.add(new Evidence(name("evidence type", type), points, cue == null ? "" : cue, rule));
    }

    @Override
    public void situation(String name, int precedence, String cue) {
        situations.add(new Candidate(name("situation", name), precedence));
    }

    @Override
    public void script(String id) {
        name("script id", id);
        if (scriptId == null) {
            scriptId = id;
        }
    }

    /** A later rule's change to a proposed step: put back by {@code days}, or withdrawn ({@code days} 0). */
    record Adjustment(String step, int days, String reason, String rule) {
    }

    /** The delays and withdrawals, in firing order. */
    final List<Adjustment> adjustments = new ArrayList<>(0);

    @Override
    public void delay(String step, int days, String reason) {
        if (days < 1) {
            throw new IllegalArgumentException("a step is delayed by at least 1 day, was " + days);
        }
        adjustments.add(new Adjustment(name("step", step), days, reason == null ? "" : reason, rule));
    }

    @Override
    public void withdraw(String step, String reason) {
        adjustments.add(new Adjustment(name("step", step), 0, reason == null ? "" : reason, rule));
    }

    @Override
    public void step(String step, int inDays, String reason) {
        add(new EscalationStep(step, inDays, reason, rule));
    }

    /** Keeps the soonest proposal of each step (ties: the first); the other one of a merge goes to {@link #merged}. */
    void add(EscalationStep s) {
        EscalationStep earlier = steps.putIfAbsent(s.step(), s);
        if (earlier == null) {
            return;
        }
        if (s.inDays() < earlier.inDays()) {
            steps.put(s.step(), s);
            merged.add(earlier);
        } else {
            merged.add(s);
        }
    }

    @Override
    public void warning(String code, String message) {
        add(new Warning(code, message, rule));
    }

    void add(Warning w) {
        warnings.putIfAbsent(w.code(), w);
    }

    /**
     * The debtor type: most points, at least {@code minimumPoints}; ties go to the type first in {@code tieOrder}
     * (the gentlest treatment), then to the alphabetically first type.
     *
     * @return the type, or {@link DebtorTypes#UNCLASSIFIED}
     */
    String type(int minimumPoints, List<String> tieOrder) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            scores.merge(e.type(), e.points(), Integer::sum);
        }
        String best = null;
        int bestPoints = 0;
        for (Map.Entry<String, Integer> s : scores.entrySet()) {
            int points = s.getValue();
            if (points >= minimumPoints && (best == null || points > bestPoints
                    || points == bestPoints && before(s.getKey(), best, tieOrder))) {
                best = s.getKey();
                bestPoints = points;
            }
        }
        return best == null ? DebtorTypes.UNCLASSIFIED : best;
    }

    private static boolean before(String a, String b, List<String> order) {
        int ia = order.indexOf(a);
        int ib = order.indexOf(b);
        if (ia >= 0 || ib >= 0) {
            return ib < 0 || (ia >= 0 && ia < ib);
        }
        return a.compareTo(b) < 0;
    }

    /** @return the situation with the lowest precedence (ties: alphabetically first), or {@code null} */
    String situation() {
        Candidate first = null;
        for (Candidate c : situations) {
            if (first == null || c.precedence() < first.precedence()
                    || c.precedence() == first.precedence() && c.name().compareTo(first.name()) < 0) {
                first = c;
            }
        }
        return first == null ? null : first.name();
    }

    private String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was " + InvalidDebtorException.show(value));
        }
        return value;
    }
}
