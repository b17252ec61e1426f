package io.collectionstrategy.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code diff --html} page: both rulebooks, the changed counts, the transition matrices of type and situation,
 * the escalation steps before and after as bars, the rules that fire more or less often as bars, and sample case ids.
 * Self-contained (inline CSS and SVG, no script, nothing from the network); see {@link Html}.
 */
final class DiffHtml {

    private DiffHtml() {
    }

    static String page(DiffReport r, String file, LocalDate asOf) {
        StringBuilder h = Html.page("diff: " + r.candidate().name() + " against " + r.baseline().name(),
                ".warn{background:#fff3cd;border:1px solid #e0b400;padding:.5em}td.same{color:#888}"
                        + "td.hot{font-weight:bold}\n");
        h.append("<h1>What-if: ").append(Html.esc(r.candidate().name())).append(" against ")
                .append(Html.esc(r.baseline().name())).append("</h1>\n");
        h.append("<table>\n");
        Html.row(h, "th", "", "rulebook", "from", "version");
        Html.row(h, "td", "baseline", r.baseline().name(), r.baseline().origin(), r.baseline().version());
        Html.row(h, "td", "candidate", r.candidate().name(), r.candidate().origin(), r.candidate().version());
        h.append("</table>\n");
        if (r.sameName()) {
            h.append("<p class=\"warn\">Warning: ").append(Html.esc(r.sameNameWarning())).append("</p>\n");
        }
        h.append("<p>Portfolio ").append(Html.esc(file)).append(", as of ").append(asOf).append(": ")
                .append(r.rows).append(" rows, ").append(r.compared).append(" compared, ").append(r.errors)
                .append(" errors.</p>\n<p id=\"changed\"><strong>Changed: <span class=\"changed\">").append(r.changed.count)
                .append("</span> debtors (").append(DiffReport.percent(r.changed.count, r.compared))
                .append(")</strong>").append(r.changed.samples.isEmpty() ? "" : ", e.g. "
                        + Html.esc(String.join(", ", r.changed.samples))).append("</p>\n");

        h.append("<h2>Differences by kind</h2>\n<table>\n");
        Html.row(h, "th", "kind", "debtors", "%", "sample case ids");
        r.kinds.forEach((k, t) -> Html.row(h, "td", k, t.count, DiffReport.percent(t.count, r.compared),
                String.join(", ", t.samples)));
        h.append("</table>\n");

        for (String d : DiffReport.MATRIX_DIMENSIONS) {
            matrix(h, d, r.matrix.get(d));
        }

        h.append("<h2>Transitions</h2>\n");
        for (String d : DiffReport.DIMENSIONS) {
            List<DiffReport.Transition> ts = r.transitions(d);
            h.append("<h3>").append(Html.esc(d)).append(": ").append(r.dimensionChanged.get(d).count)
                    .append(" changed</h3>\n");
            if (ts.isEmpty()) {
                continue;
            }
            h.append("<table>\n");
            Html.row(h, "th", "baseline", "candidate", "debtors", "sample case ids");
            for (DiffReport.Transition t : ts) {
                Html.row(h, "td", t.from(), t.to(), t.tally().count, String.join(", ", t.tally().samples));
            }
            h.append("</table>\n");
        }

        List<Map.Entry<String, DiffReport.StepCounts>> steps = new ArrayList<>(r.steps.entrySet());
        h.append("<h2>Escalation steps</h2>\n");
        List<Html.Bars> bars = new ArrayList<>();
        for (Map.Entry<String, DiffReport.StepCounts> e : steps) {
            bars.add(new Html.Bars(e.getKey(), e.getValue().before, e.getValue().after));
        }
        h.append(Html.barChart("debtors with the step", List.of("baseline", "candidate"), bars, false));
        h.append("<table>\n");
        Html.row(h, "th", "step", "before", "after", "gained", "lost", "moved", "sample case ids");
        for (Map.Entry<String, DiffReport.StepCounts> e : r.changedSteps()) {
            DiffReport.StepCounts s = e.getValue();
            Html.row(h, "td", e.getKey(), s.before, s.after, s.gained.count, s.lost.count, s.moved.count,
                    samples(s));
        }
        h.append("</table>\n");

        List<DiffReport.RuleCount> rules = r.ruleChanges();
        h.append("<h2>Rules that fire more or less often</h2>\n");
        if (rules.isEmpty()) {
            h.append("<p>Every rule fires as often as before.</p>\n");
        } else {
            List<Html.Bars> deltas = new ArrayList<>();
            for (DiffReport.RuleCount c : rules) {
                deltas.add(new Html.Bars(c.id() + " " + (c.name() == null ? "" : c.name()), c.delta()));
            }
            h.append(Html.barChart("change in debtors for whom the rule fires", List.of("delta"), deltas, true));
            h.append("<table>\n");
            Html.row(h, "th", "rule", "name", "before", "after", "delta");
            for (DiffReport.RuleCount c : rules) {
                Html.row(h, "td", c.id(), c.name(), c.before(), c.after(),
                        String.format(Locale.ROOT, "%+d", c.delta()));
            }
            h.append("</table>\n");
        }

        if (!r.errorRows.isEmpty()) {
            h.append("<h2>Rows not compared</h2>\n<table>\n");
            Html.row(h, "th", "row", "case id", "error");
            for (DiffReport.ErrorRow e : r.errorRows) {
                Html.row(h, "td", e.row(), e.id() == null ? "" : e.id(), e.message());
            }
            h.append("</table>\n");
        }
        return Html.end(h);
    }

    private static String samples(DiffReport.StepCounts s) {
        List<String> parts = new ArrayList<>();
        if (!s.gained.samples.isEmpty()) {
            parts.add("gained: " + String.join(", ", s.gained.samples));
        }
        if (!s.lost.samples.isEmpty()) {
            parts.add("lost: " + String.join(", ", s.lost.samples));
        }
        if (!s.moved.samples.isEmpty()) {
            parts.add("moved: " + String.join(", ", s.moved.samples));
        }
        return String.join("; ", parts);
    }

    /** Baseline values as rows, candidate values as columns; the shade of a cell grows with its count. */
    private static void matrix(StringBuilder h, String dimension, Map<String, Map<String, Long>> m) {
        h.append("<h2>").append(Html.esc(dimension)).append(": baseline (rows) against candidate (columns)</h2>\n");
        TreeSet<String> columns = new TreeSet<>();
        long max = 1;
        for (Map<String, Long> row : m.values()) {
            columns.addAll(row.keySet());
            for (long v : row.values()) {
                max = Math.max(max, v);
            }
        }
        if (m.isEmpty()) {
            h.append("<p>No debtor compared.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>baseline \\ candidate</th>");
        for (String c : columns) {
            h.append("<th>").append(Html.esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (Map.Entry<String, Map<String, Long>> row : m.entrySet()) {
            h.append("<tr><th>").append(Html.esc(row.getKey())).append("</th>");
            for (String c : columns) {
                long v = row.getValue().getOrDefault(c, 0L);
                boolean same = c.equals(row.getKey());
                int shade = v == 0 ? 0 : (int) Math.round(20 + 60.0 * v / max);
                h.append("<td class=\"num").append(same ? " same" : v > 0 ? " hot" : "").append('"');
                if (v > 0 && !same) {
                    h.append(String.format(Locale.ROOT, " style=\"background:hsl(25,90%%,%d%%)\"", 100 - shade / 2));
                }
                h.append('>').append(v).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
