package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.Warning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code diff --show ID}: one debtor's two explanations, the baseline's and the candidate's, side by side with the
 * lines that differ marked ({@code *}), or one after the other when the terminal is narrow ({@code -} for a line only
 * the baseline has, {@code +} for one only the candidate has). The explanation is compact: type and evidence,
 * situation, script, steps with their rules and reasons, warnings, blocked steps, next action and fired rules.
 */
final class CaseComparison {

    /** The narrowest terminal that gets two columns. */
    static final int SIDE_BY_SIDE_WIDTH = 100;

    /** A titled part of an explanation. */
    record Section(String title, List<String> lines) {
    }

    private CaseComparison() {
    }

    /** The compact explanation of an assessment, by section. */
    static List<Section> explain(Assessment a) {
        List<Section> out = new ArrayList<>();
        List<String> type = new ArrayList<>();
        type.add(a.debtorType());
        Map<String, Integer> points = new LinkedHashMap<>();
        for (Evidence e : a.evidence()) {
            points.merge(e.type(), e.points(), Integer::sum);
        }
        points.forEach((t, p) -> type.add("points " + t + " " + p));
        for (Evidence e : a.evidence()) {
            type.add(String.format("%+d %s: %s [%s]", e.points(), e.type(), e.cue(), e.rule()));
        }
        out.add(new Section("Type", type));
        out.add(new Section("Situation", List.of(a.situation() == null ? "none" : a.situation())));
        out.add(new Section("Script", List.of(a.script() == null ? "none" : a.script().id())));
        List<String> steps = new ArrayList<>();
        for (EscalationStep s : a.escalation()) {
            steps.add("in " + s.inDays() + " days " + s.step() + (s.rule() == null ? "" : " [" + s.rule() + "]")
                    + ": " + s.reason());
        }
        out.add(new Section("Steps", steps.isEmpty() ? List.of("none") : steps));
        List<String> warnings = new ArrayList<>();
        for (Warning w : a.warnings()) {
            warnings.add(w.code() + (w.rule() == null ? "" : " [" + w.rule() + "]") + ": " + w.message());
        }
        out.add(new Section("Warnings", warnings.isEmpty() ? List.of("none") : warnings));
        List<String> blocked = new ArrayList<>();
        for (BlockedStep b : a.blocked()) {
            blocked.add(b.step() + (b.rule() == null ? "" : " [proposed by " + b.rule() + "]") + ": " + b.reason());
        }
        out.add(new Section("Blocked", blocked.isEmpty() ? List.of("none") : blocked));
        out.add(new Section("Next action", List.of(a.nextAction() == null ? "none"
                : a.nextAction().step() + " on " + a.nextAction().on() + " [" + a.nextAction().rule() + "]")));
        List<String> fired = new ArrayList<>();
        for (FiredRule r : a.firedRules()) {
            fired.add(r.id() + " " + r.name());
        }
        out.add(new Section("Fired rules", fired.isEmpty() ? List.of("none") : fired));
        return out;
    }

    /**
     * Prints the differences, then the two explanations.
     *
     * @param width the terminal's width: two columns from {@link #SIDE_BY_SIDE_WIDTH}
     */
    static void print(PrintWriter out, Assessment base, Assessment cand, DiffReport.Label baseLabel,
                      DiffReport.Label candLabel, int width) {
        out.printf("Debtor %s%n", SafeText.escape(base.id()));
        out.printf("  baseline:  %s%n  candidate: %s%n", SafeText.escape(baseLabel.describe()),
                SafeText.escape(candLabel.describe()));
        CaseDiff diff = CaseDiff.of(base, cand);
        if (diff.any()) {
            out.println("Differences:");
            for (CaseDiff.Change c : diff.changes()) {
                out.printf("  %-15s %s%n", c.kind(), SafeText.escape(c.describe()));
            }
        } else {
            out.println("Differences: none, both rulebooks assess this debtor alike");
        }
        out.println();
        List<Section> left = explain(base);
        List<Section> right = explain(cand);
        boolean twoColumns = width >= SIDE_BY_SIDE_WIDTH;
        int column = (width - 4) / 2;
        if (twoColumns) {
            out.println("  " + pad("baseline", column) + "  candidate");
        }
        for (int s = 0; s < left.size(); s++) {
            List<String[]> aligned = align(left.get(s).lines(), right.get(s).lines());
            boolean differs = aligned.stream().anyMatch(p -> p[0] == null || p[1] == null);
            out.println((differs ? "* " : "  ") + left.get(s).title() + ":");
            if (twoColumns) {
                for (String[] p : aligned) {
                    boolean same = p[0] != null && p[1] != null;
                    out.println((same ? "  " : "* ") + pad(cut(p[0], column), column) + "  "
                            + cut(p[1], column).stripTrailing());
                }
            }
        }
        if (!twoColumns) {
            oneAfterTheOther(out, left, right);
        }
    }

    private static void oneAfterTheOther(PrintWriter out, List<Section> left, List<Section> right) {
        for (int side = 0; side < 2; side++) {
            out.println();
            out.println(side == 0 ? "Baseline (- only in the baseline):" : "Candidate (+ only in the candidate):");
            for (int s = 0; s < left.size(); s++) {
                out.println("  " + left.get(s).title() + ":");
                for (String[] p : align(left.get(s).lines(), right.get(s).lines())) {
                    String line = p[side];
                    if (line != null) {
                        boolean only = p[1 - side] == null;
                        out.println((only ? (side == 0 ? "- " : "+ ") : "  ") + "  " + SafeText.escape(line));
                    }
                }
            }
        }
    }

    /**
     * Aligns two lists of lines on their longest common subsequence.
     *
     * @return pairs {left, right}; a null side is a line only the other has
     */
    static List<String[]> align(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(new String[] {a.get(i++), b.get(j++)});
            } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new String[] {a.get(i++), null});
            } else {
                out.add(new String[] {null, b.get(j++)});
            }
        }
        return out;
    }

    private static String cut(String s, int width) {
        return s == null ? "" : RecordWriter.Table.cut(s, width);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
