package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.EscalationStep;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts of a run: rows, assessed, errors; per type, situation, first step, warning code and error field; per arm
 * when the run is an experiment.
 */
final class Summary {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*) (must|is required)");

    private long rows;
    private long assessed;
    private long errors;
    private final Map<String, Long> types = new HashMap<>();
    private final Map<String, Long> situations = new HashMap<>();
    private final Map<String, Long> firstSteps = new HashMap<>();
    private final Map<String, Long> warnings = new HashMap<>();
    private final Map<String, Long> errorKinds = new HashMap<>();
    private final Map<String, Long> arms = new java.util.TreeMap<>();
    private final long started = System.nanoTime();

    void assessed(Assessment a) {
        rows++;
        assessed++;
        types.merge(a.debtorType(), 1L, Long::sum);
        situations.merge(a.situation() == null ? "none" : a.situation(), 1L, Long::sum);
        firstSteps.merge(a.firstStep().map(EscalationStep::step).orElse("none"), 1L, Long::sum);
        for (String code : a.warningCodes()) {
            warnings.merge(code, 1L, Long::sum);
        }
        if (a.strategy() != null) {
            arms.merge(a.strategy().arm(), 1L, Long::sum);
        }
    }

    void error(String message) {
        rows++;
        errors++;
        errorKinds.merge(kind(message), 1L, Long::sum);
    }

    long rows() {
        return rows;
    }

    long assessed() {
        return assessed;
    }

    long errors() {
        return errors;
    }

    Map<String, Long> types() {
        return types;
    }

    /** The field an error names, or its kind ({@code malformed JSON}, ...). */
    static String kind(String message) {
        if (message.startsWith("malformed JSON")) {
            return "malformed JSON";
        }
        if (message.startsWith("malformed CSV")) {
            return "malformed CSV";
        }
        if (message.startsWith("unknown field") || message.contains("; expected one of [id, name")) {
            return "unknown field";
        }
        if (message.startsWith("expected a JSON object")) {
            return "not an object";
        }
        if (message.startsWith("assessment failed")) {
            return "assessment failed";
        }
        if (message.startsWith("row has")) {
            return "column count";
        }
        if (message.startsWith("not valid UTF-8")) {
            return "not UTF-8";
        }
        if (message.matches("^the (line|row|element) is longer than .*")) {
            return "row too long";
        }
        if (message.startsWith("column ") && message.contains(" appears twice in the CSV header")) {
            return "duplicate column";
        }
        Matcher m = FIELD.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        return "other";
    }

    void print(PrintWriter err) {
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("summary: %d rows, %d assessed, %d errors in %.1f s (%.0f rows/s)%n", rows, assessed, errors,
                seconds, seconds > 0 ? rows / seconds : 0.0);
        line(err, "debtorType", types);
        line(err, "situation", situations);
        line(err, "firstStep", firstSteps);
        line(err, "warnings", warnings);
        line(err, "errors", errorKinds);
        if (!arms.isEmpty()) {
            line(err, "arms", arms);
        }
        err.flush();
    }

    private static void line(PrintWriter err, String label, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            err.printf("  %-11s %s%n", label + ":", "none");
            return;
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : entries) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(' ').append(e.getValue());
        }
        err.printf("  %-11s %s%n", label + ":", sb);
    }
}
