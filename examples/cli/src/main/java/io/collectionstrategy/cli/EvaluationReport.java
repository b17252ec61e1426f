package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The three forms of an {@link Evaluation}: a table for the terminal, JSON for programs, and a self-contained HTML page
 * with charts (inline SVG and CSS, nothing fetched from the network; well-formed XHTML so any XML parser reads it).
 */
final class EvaluationReport {

    /** One of the four measures, with how to get it from an arm and a comparison. */
    private record Measure(String key, String label, Function<Evaluation.Arm, Stats.Interval> interval,
                           Function<Evaluation.Comparison, Stats.Difference> difference, boolean amountBased) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("recoveryRate", "recovery", Evaluation.Arm::recovery, Evaluation.Comparison::recovery, true),
            new Measure("cureRate", "cure", Evaluation.Arm::cure, Evaluation.Comparison::cure, false),
            new Measure("promiseKeptRate", "promise kept", Evaluation.Arm::promiseKept,
                    Evaluation.Comparison::promiseKept, false),
            new Measure("complaintRate", "complaints", Evaluation.Arm::complaint, Evaluation.Comparison::complaint,
                    false));

    static final String DEFINITIONS = "recovery = sum of paidAmount / sum of amountOverdue; cure = share of cases"
            + " that paid all they owed; promise kept = share of promises that fell due and were kept; complaints ="
            + " share of cases with a complaint";

    private EvaluationReport() {
    }

    // ---------------------------------------------------------------- terminal

    static String table(Evaluation e) {
        StringBuilder out = new StringBuilder();
        long assessed = e.arms().stream().mapToLong(Evaluation.Arm::assessed).sum();
        long evaluated = e.arms().stream().mapToLong(Evaluation.Arm::evaluated).sum();
        out.append(String.format(Locale.ROOT, "experiment %s: %d arms, %,d cases assessed, %,d with an outcome%n",
                e.experiment(), e.arms().size(), assessed, evaluated));
        out.append("95% confidence intervals. ").append(DEFINITIONS).append('.').append('\n').append('\n');
        String format = "%-14s %-11s %9s %9s  %-22s %-22s %-22s %-22s%n";
        out.append(String.format(Locale.ROOT, format, "ARM", "ROLE", "CASES", "NO OUTCOME", "RECOVERY", "CURE",
                "PROMISE KEPT", "COMPLAINTS"));
        for (Evaluation.Arm a : e.arms()) {
            out.append(String.format(Locale.ROOT, format, RecordWriter.Table.cut(a.name(), 14),
                    a.name().equals(e.champion()) ? "champion" : "challenger", String.format(Locale.ROOT, "%,d",
                            a.evaluated()), String.format(Locale.ROOT, "%,d", a.missing()),
                    interval(a.recovery()), interval(a.cure()), interval(a.promiseKept()), interval(a.complaint())));
        }
        for (Evaluation.Comparison c : e.comparisons()) {
            out.append('\n').append(c.challenger()).append(" minus ").append(e.champion())
                    .append(" (percentage points, 95% interval, two-sided p, minimum detectable effect at 80% power)")
                    .append('\n');
            for (Measure m : MEASURES) {
                Stats.Difference d = m.difference().apply(c);
                out.append(String.format(Locale.ROOT, "  %-13s %s%n", m.label(), difference(d)));
            }
        }
        out.append('\n').append("tests: recovery by the ").append(Evaluation.RECOVERY_TEST).append("; the rates by the ")
                .append(Evaluation.PROPORTION_TEST).append(". Significant means p < 0.05.");
        if (e.comparisons().size() > 1) {
            out.append(" Each challenger is tested on its own, without a correction for testing several.");
        }
        out.append('\n');
        for (String note : notes(e)) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString().replaceAll("(?m)[ \t]+$", "");
    }

    private static String interval(Stats.Interval i) {
        if (i == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.value(), 100 * i.low(), 100 * i.high());
    }

    private static String difference(Stats.Difference d) {
        if (d == null) {
            return "- (too few cases)";
        }
        return String.format(Locale.ROOT, "%+.2fpp [%+.2f, %+.2f]  z = %6.2f  p = %-7s  %-15s  MDE %.2fpp",
                100 * d.difference(), 100 * d.low(), 100 * d.high(), d.statistic(), p(d.pValue()),
                d.significant() ? "significant" : "not significant", 100 * d.minimumDetectableEffect());
    }

    static String p(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    static List<String> notes(Evaluation e) {
        List<String> notes = new ArrayList<>();
        for (Evaluation.Arm a : e.arms()) {
            if (a.missing() > 0) {
                notes.add(String.format(Locale.ROOT, "arm %s: %,d assessed %s no outcome and %s left out",
                        a.name(), a.missing(), a.missing() == 1 ? "case has" : "cases have",
                        a.missing() == 1 ? "is" : "are"));
            }
            if (a.rulebooks().size() > 1) {
                notes.add("arm " + a.name() + " was assessed by " + a.rulebooks().size() + " rulebook versions: "
                        + String.join(", ", a.rulebooks()));
            }
        }
        if (e.unmatched() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d %s an id that is not among the assessments: ignored",
                    e.unmatched(), e.unmatched() == 1 ? "outcome has" : "outcomes have"));
        }
        if (e.errorRecords() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d %s of the assessments file %s (not assessed, not in"
                    + " any arm)", e.errorRecords(), e.errorRecords() == 1 ? "row" : "rows",
                    e.errorRecords() == 1 ? "is an error record" : "are error records"));
        }
        return notes;
    }

    // ---------------------------------------------------------------- JSON

    static void json(JsonGenerator g, Evaluation e) throws IOException {
        g.writeStartObject();
        g.writeStringField("experiment", e.experiment());
        g.writeStringField("champion", e.champion());
        g.writeNumberField("confidence", Stats.CONFIDENCE);
        g.writeNumberField("alpha", round(Stats.ALPHA));
        g.writeNumberField("power", Stats.POWER);
        g.writeArrayFieldStart("arms");
        for (Evaluation.Arm a : e.arms()) {
            g.writeStartObject();
            g.writeStringField("arm", a.name());
            g.writeStringField("role", a.name().equals(e.champion()) ? "champion" : "challenger");
            g.writeArrayFieldStart("rulebooks");
            for (String book : a.rulebooks()) {
                int space = book.lastIndexOf(' ');
                g.writeStartObject();
                g.writeStringField("name", nullWord(book.substring(0, space)));
                g.writeStringField("version", nullWord(book.substring(space + 1)));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("assessed", a.assessed());
            g.writeNumberField("evaluated", a.evaluated());
            g.writeNumberField("missingOutcomes", a.missing());
            g.writeNumberField("amountOverdue", round2(a.amountOverdue()));
            g.writeNumberField("paidAmount", round2(a.paidAmount()));
            rate(g, "recoveryRate", a.recovery(), -1, -1);
            rate(g, "cureRate", a.cure(), a.cured(), a.owing());
            rate(g, "promiseKeptRate", a.promiseKept(), a.kept(), a.promises());
            rate(g, "complaintRate", a.complaint(), a.complaints(), a.evaluated());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("comparisons");
        for (Evaluation.Comparison c : e.comparisons()) {
            g.writeStartObject();
            g.writeStringField("challenger", c.challenger());
            g.writeStringField("champion", e.champion());
            for (Measure m : MEASURES) {
                Stats.Difference d = m.difference().apply(c);
                g.writeFieldName(m.key());
                if (d == null) {
                    g.writeNull();
                    continue;
                }
                g.writeStartObject();
                g.writeNumberField("difference", round(d.difference()));
                g.writeNumberField("low", round(d.low()));
                g.writeNumberField("high", round(d.high()));
                g.writeStringField("test", m.amountBased() ? Evaluation.RECOVERY_TEST : Evaluation.PROPORTION_TEST);
                g.writeNumberField("statistic", round(d.statistic()));
                g.writeNumberField("pValue", d.pValue());
                g.writeBooleanField("significant", d.significant());
                g.writeNumberField("minimumDetectableEffect", round(d.minimumDetectableEffect()));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("unmatchedOutcomes", e.unmatched());
        g.writeNumberField("errorRecords", e.errorRecords());
        g.writeArrayFieldStart("notes");
        for (String note : notes(e)) {
            g.writeString(note);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String nullWord(String s) {
        return s.equals("null") ? null : s;
    }

    private static void rate(JsonGenerator g, String field, Stats.Interval i, long count, long of) throws IOException {
        g.writeFieldName(field);
        if (i == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("value", round(i.value()));
        g.writeNumberField("low", round(i.low()));
        g.writeNumberField("high", round(i.high()));
        if (of >= 0) {
            g.writeNumberField("count", count);
            g.writeNumberField("cases", of);
        }
        g.writeEndObject();
    }

    /** Six decimals: a hundredth of a basis point, more than any interval resolves. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ---------------------------------------------------------------- HTML

    private static final String[] COLOURS = Html.COLOURS;

    static String html(Evaluation e) {
        StringBuilder h = Html.page("Experiment " + e.experiment(),
                "th,td{text-align:right;white-space:nowrap}th:first-child,td:first-child{text-align:left}\n"
                + "td.wrap{white-space:normal}.sig{color:#1a7f37;font-weight:bold}.ns{color:#666}"
                + ".charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}\n");
        long assessed = e.arms().stream().mapToLong(Evaluation.Arm::assessed).sum();
        long evaluated = e.arms().stream().mapToLong(Evaluation.Arm::evaluated).sum();
        h.append("<h1>Experiment ").append(esc(e.experiment())).append("</h1>\n<p>")
                .append(String.format(Locale.ROOT, "%d arms, %,d cases assessed, %,d with an outcome. Champion: ",
                        e.arms().size(), assessed, evaluated)).append(esc(e.champion()))
                .append(". Intervals are 95% confidence intervals.</p>\n<p><small>").append(esc(DEFINITIONS))
                .append(".</small></p>\n");

        h.append("<h2>Arms</h2>\n<table>\n<tr><th>arm</th><th>role</th><th>rulebook</th><th>cases</th>")
                .append("<th>no outcome</th><th>recovery</th><th>cure</th><th>promise kept</th><th>complaints</th></tr>\n");
        for (Evaluation.Arm a : e.arms()) {
            h.append("<tr><td>").append(esc(a.name())).append("</td><td>")
                    .append(a.name().equals(e.champion()) ? "champion" : "challenger").append("</td><td class=\"wrap\">")
                    .append(esc(String.join(", ", a.rulebooks()))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", a.evaluated())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", a.missing())).append("</td>");
            for (Measure m : MEASURES) {
                h.append("<td>").append(esc(interval(m.interval().apply(a)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>Rates per arm</h2>\n<div class=\"charts\">\n");
        for (Measure m : MEASURES) {
            h.append(barChart(e, m));
        }
        h.append("</div>\n");

        for (Evaluation.Comparison c : e.comparisons()) {
            h.append("<h2>").append(esc(c.challenger())).append(" minus ").append(esc(e.champion())).append("</h2>\n")
                    .append("<table>\n<tr><th>measure</th><th>difference</th><th>95% interval</th><th>z</th>")
                    .append("<th>p</th><th>result</th><th>minimum detectable effect (80% power)</th></tr>\n");
            for (Measure m : MEASURES) {
                Stats.Difference d = m.difference().apply(c);
                h.append("<tr><td>").append(esc(m.label())).append("</td>");
                if (d == null) {
                    h.append("<td colspan=\"6\">too few cases</td></tr>\n");
                    continue;
                }
                h.append(String.format(Locale.ROOT, "<td>%+.2f pp</td><td>[%+.2f, %+.2f]</td><td>%.2f</td><td>%s</td>",
                                100 * d.difference(), 100 * d.low(), 100 * d.high(), d.statistic(), esc(p(d.pValue()))))
                        .append(d.significant() ? "<td class=\"sig\">significant</td>" : "<td class=\"ns\">not significant</td>")
                        .append(String.format(Locale.ROOT, "<td>%.2f pp</td></tr>%n", 100 * d.minimumDetectableEffect()));
            }
            h.append("</table>\n<figure><figcaption>differences with their 95% intervals, in percentage points")
                    .append("</figcaption>\n").append(forestPlot(c)).append("</figure>\n");
        }
        h.append("<h2>Method</h2>\n<ul>\n<li>Recovery rate: ").append(esc(Evaluation.RECOVERY_TEST))
                .append(". Its interval is the rate plus or minus 1.96 standard errors.</li>\n<li>Cure, promise-kept and")
                .append(" complaint rates: Wilson score intervals per arm; differences by the ")
                .append(esc(Evaluation.PROPORTION_TEST)).append(".</li>\n<li>Significant means a two-sided p below 0.05.")
                .append(" The minimum detectable effect is the smallest true difference the test would find with 80%")
                .append(" power at these sample sizes.</li>\n");
        if (e.comparisons().size() > 1) {
            h.append("<li>Each challenger is tested on its own, without a correction for testing several.</li>\n");
        }
        h.append("</ul>\n");
        List<String> notes = notes(e);
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : notes) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return Html.end(h);
    }

    /** Horizontal bars per arm with the 95% interval as a whisker. */
    private static String barChart(Evaluation e, Measure m) {
        int rowHeight = 28;
        int labelWidth = 110;
        int plotWidth = 260;
        int height = rowHeight * e.arms().size() + 24;
        double max = 0;
        for (Evaluation.Arm a : e.arms()) {
            Stats.Interval i = m.interval().apply(a);
            if (i != null) {
                max = Math.max(max, i.high());
            }
        }
        double scale = max <= 0 ? 1 : max * 1.1;
        StringBuilder s = new StringBuilder();
        s.append("<figure><figcaption>").append(esc(m.label())).append("</figcaption>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"%s per arm\">%n", labelWidth + plotWidth + 70, height,
                        esc(m.label())));
        for (int k = 0; k < e.arms().size(); k++) {
            Evaluation.Arm a = e.arms().get(k);
            Stats.Interval i = m.interval().apply(a);
            int y = 8 + k * rowHeight;
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>%n", y + 14,
                    esc(RecordWriter.Table.cut(a.name(), 16))));
            if (i == null) {
                continue;
            }
            double w = plotWidth * i.value() / scale;
            double lo = labelWidth + plotWidth * Math.max(0, i.low()) / scale;
            double hi = labelWidth + plotWidth * i.high() / scale;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n",
                    labelWidth, y, w, COLOURS[k % COLOURS.length]));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\""
                    + " stroke-width=\"1.5\"/>%n", lo, y + 9, hi, y + 9));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n"
                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n",
                    lo, y + 4, lo, y + 14, hi, y + 4, hi, y + 14));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.1f%%</text>%n",
                    hi + 6, y + 14, 100 * i.value()));
        }
        return s.append("</svg></figure>\n").toString();
    }

    /** Each measure's difference with its interval around a zero line: green when significant. */
    private static String forestPlot(Evaluation.Comparison c) {
        int rowHeight = 26;
        int labelWidth = 110;
        int plotWidth = 360;
        double span = 0;
        for (Measure m : MEASURES) {
            Stats.Difference d = m.difference().apply(c);
            if (d != null) {
                span = Math.max(span, Math.max(Math.abs(d.low()), Math.abs(d.high())));
            }
        }
        double scale = span <= 0 ? 0.01 : span * 1.15;
        double zero = labelWidth + plotWidth / 2.0;
        int height = rowHeight * MEASURES.size() + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"differences of %s\">%n", labelWidth + plotWidth + 20, height,
                esc(c.challenger())));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\""
                + " stroke-dasharray=\"4 3\"/>%n", zero, zero, height - 18));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">0</text>%n"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"start\">%+.1f pp</text>%n"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%+.1f pp</text>%n",
                zero, height - 4, labelWidth, height - 4, -100 * scale, labelWidth + plotWidth, height - 4,
                100 * scale));
        for (int k = 0; k < MEASURES.size(); k++) {
            Measure m = MEASURES.get(k);
            Stats.Difference d = m.difference().apply(c);
            int y = 10 + k * rowHeight;
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>%n", y + 4,
                    esc(m.label())));
            if (d == null) {
                continue;
            }
            String colour = d.significant() ? "#1a7f37" : "#666";
            double x = zero + plotWidth / 2.0 * d.difference() / scale;
            double lo = zero + plotWidth / 2.0 * d.low() / scale;
            double hi = zero + plotWidth / 2.0 * d.high() / scale;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>%n",
                    lo, y, hi, y, colour, x, y, colour));
        }
        return s.append("</svg>").toString();
    }

    /** Escapes text for XHTML content and attribute values. */
    static String esc(String s) {
        return Html.esc(s);
    }
}
