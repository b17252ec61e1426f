package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code diff} found over a portfolio: counts and up to {@link #SAMPLES} sample case ids per kind of difference,
 * per transition (baseline to candidate) of type, situation, script and first step, per escalation step (debtors
 * that gain, lose or see it moved), and per rule (how often it fired before and after). It keeps only counts and
 * samples, never a row, so a portfolio of any size fits in memory. Filled on one thread.
 */
final class DiffReport {

    static final int SAMPLES = 5;
    /** Bad rows listed with their row number; the rest are only counted. */
    static final int ERROR_ROWS = 20;
    /** The dimensions whose transitions are counted. */
    static final List<String> DIMENSIONS = List.of("debtorType", "situation", "script", "firstStep");
    /** The dimensions counted as a full matrix (few values each). */
    static final List<String> MATRIX_DIMENSIONS = List.of("debtorType", "situation");

    /**
     * Where a rulebook of the comparison comes from.
     *
     * @param source  what the command line said: a directory or {@code default}
     * @param name    the name in its {@code rulebook.yaml}
     * @param origin  the directory it was read from, or {@code default} for the default rulebook
     * @param version its content hash
     */
    record Label(String source, String name, String origin, String version) {

        Label {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        /** @return e.g. {@code 'default' from /tmp/copy, version 3f2a...} */
        String describe() {
            return "'" + name + "' from " + origin + ", version " + version;
        }
    }

    /** A count with its first sample ids. */
    static final class Tally {
        long count;
        final List<String> samples = new ArrayList<>(SAMPLES);

        void add(String id) {
            count++;
            if (samples.size() < SAMPLES && id != null) {
                samples.add(id);
            }
        }
    }

    /** One transition of a dimension. */
    record Transition(String from, String to, Tally tally) {
    }

    /** What happened to one escalation step. */
    static final class StepCounts {
        long before;
        long after;
        final Tally gained = new Tally();
        final Tally lost = new Tally();
        final Tally moved = new Tally();
    }

    /** A rule that fired a different number of times. */
    record RuleCount(String id, String name, long before, long after) {
        long delta() {
            return after - before;
        }
    }

    /** The rows that could not be assessed, as the JSON array {@code errorRows} (row, id, message). */
    static void writeErrorRows(JsonGenerator g, List<ErrorRow> rows) throws IOException {
        g.writeArrayFieldStart("errorRows");
        for (ErrorRow e : rows) {
            g.writeStartObject();
            g.writeNumberField("row", e.row());
            g.writeStringField("id", e.id());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A row that was not compared. */
    record ErrorRow(long row, String id, String message) {
    }

    private final Label baseline;
    private final Label candidate;
    long rows;
    long compared;
    long errors;
    final Tally changed = new Tally();
    final Map<String, Long> errorKinds = new TreeMap<>();
    final List<ErrorRow> errorRows = new ArrayList<>();
    final Map<String, Tally> kinds = new LinkedHashMap<>();
    final Map<String, Map<String, Transition>> transitions = new LinkedHashMap<>();
    final Map<String, Tally> dimensionChanged = new LinkedHashMap<>();
    final Map<String, StepCounts> steps = new TreeMap<>();
    /** Type and situation: baseline value to candidate value to debtors, unchanged ones included. */
    final Map<String, Map<String, Map<String, Long>>> matrix = new LinkedHashMap<>();
    private final Map<String, long[]> firings = new TreeMap<>();
    private final Map<String, String> ruleNames = new LinkedHashMap<>();

    DiffReport(Label baseline, Label candidate) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        CaseDiff.KINDS.forEach(k -> kinds.put(k, new Tally()));
        DIMENSIONS.forEach(d -> {
            transitions.put(d, new LinkedHashMap<>());
            dimensionChanged.put(d, new Tally());
        });
        MATRIX_DIMENSIONS.forEach(d -> matrix.put(d, new TreeMap<>()));
    }

    Label baseline() {
        return baseline;
    }

    Label candidate() {
        return candidate;
    }

    /** @return true when the candidate has the baseline's name but other content: the report cannot tell them apart */
    boolean sameName() {
        return baseline.name().equals(candidate.name()) && !baseline.version().equals(candidate.version());
    }

    /** @return the warning line for {@link #sameName()}, or null */
    String sameNameWarning() {
        return sameName() ? "the candidate is still named '" + candidate.name() + "' like the baseline: rename it in "
                + "rulebook.yaml (name: ...) so that reports and assessments tell the two apart" : null;
    }

    /** Counts a row that could not be assessed by both rulebooks. */
    void error(long row, String id, String message) {
        rows++;
        errors++;
        errorKinds.merge(Summary.kind(message), 1L, Long::sum);
        if (errorRows.size() < ERROR_ROWS) {
            errorRows.add(new ErrorRow(row, id, message));
        }
    }

    /** Counts a debtor assessed by both rulebooks. */
    void add(Assessment base, Assessment cand) {
        rows++;
        compared++;
        String id = base.id();
        CaseDiff diff = CaseDiff.of(base, cand);
        if (diff.any()) {
            changed.add(id);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (CaseDiff.Change c : diff.changes()) {
            if (seen.add(c.kind())) {
                kinds.get(c.kind()).add(id);
            }
            switch (c.kind()) {
                case CaseDiff.STEP_ADDED -> steps.computeIfAbsent(c.name(), k -> new StepCounts()).gained.add(id);
                case CaseDiff.STEP_REMOVED -> steps.computeIfAbsent(c.name(), k -> new StepCounts()).lost.add(id);
                case CaseDiff.STEP_MOVED -> steps.computeIfAbsent(c.name(), k -> new StepCounts()).moved.add(id);
                default -> { }
            }
        }
        for (String d : DIMENSIONS) {
            String from = value(d, base);
            String to = value(d, cand);
            if (matrix.containsKey(d)) {
                matrix.get(d).computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1L, Long::sum);
            }
            if (!from.equals(to)) {
                dimensionChanged.get(d).add(id);
                transitions.get(d).computeIfAbsent(from + "\u0000" + to, k -> new Transition(from, to, new Tally()))
                        .tally().add(id);
            }
        }
        CaseDiff.steps(base).keySet().forEach(s -> steps.computeIfAbsent(s, k -> new StepCounts()).before++);
        CaseDiff.steps(cand).keySet().forEach(s -> steps.computeIfAbsent(s, k -> new StepCounts()).after++);
        count(base, 0);
        count(cand, 1);
    }

    private void count(Assessment a, int side) {
        for (FiredRule r : a.firedRules()) {
            firings.computeIfAbsent(r.id(), k -> new long[2])[side]++;
            ruleNames.putIfAbsent(r.id(), r.name());
        }
    }

    static String value(String dimension, Assessment a) {
        return switch (dimension) {
            case "debtorType" -> a.debtorType();
            case "situation" -> a.situation() == null ? "none" : a.situation();
            case "script" -> a.script() == null ? "none" : a.script().id();
            case "firstStep" -> a.firstStep().map(EscalationStep::step).orElse("none");
            default -> throw new IllegalArgumentException("not a dimension of diff: " + dimension);
        };
    }

    /** @return the transitions of a dimension, most frequent first */
    List<Transition> transitions(String dimension) {
        List<Transition> list = new ArrayList<>(transitions.get(dimension).values());
        list.sort(Comparator.comparingLong((Transition t) -> -t.tally().count).thenComparing(Transition::from)
                .thenComparing(Transition::to));
        return list;
    }

    /** @return the rules whose number of firings changed, the largest change first */
    List<RuleCount> ruleChanges() {
        List<RuleCount> list = new ArrayList<>();
        firings.forEach((id, c) -> {
            if (c[0] != c[1]) {
                list.add(new RuleCount(id, ruleNames.get(id), c[0], c[1]));
            }
        });
        list.sort(Comparator.comparingLong((RuleCount r) -> -Math.abs(r.delta())).thenComparing(RuleCount::id));
        return list;
    }

    /** @return the steps some debtor gains, loses or sees moved */
    List<Map.Entry<String, StepCounts>> changedSteps() {
        List<Map.Entry<String, StepCounts>> list = new ArrayList<>();
        for (Map.Entry<String, StepCounts> e : steps.entrySet()) {
            StepCounts s = e.getValue();
            if (s.gained.count + s.lost.count + s.moved.count > 0) {
                list.add(e);
            }
        }
        return list;
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String samples(Tally t) {
        return String.join(", ", t.samples);
    }

    // ---------------------------------------------------------------- text

    void printText(PrintWriter out, String file, LocalDate asOf) {
        out.printf("diff of %s as of %s%n", SafeText.escape(file), asOf);
        out.printf("  baseline:  %s%n", SafeText.escape(baseline.describe()));
        out.printf("  candidate: %s%n", SafeText.escape(candidate.describe()));
        if (sameName()) {
            out.println("warning: " + SafeText.escape(sameNameWarning()));
        }
        out.printf("rows: %d, compared: %d, errors: %d%n", rows, compared, errors);
        if (!errorKinds.isEmpty()) {
            out.printf("errors by field: %s%n", SafeText.escape(errorKinds.toString()));
            for (ErrorRow e : errorRows) {
                out.printf("  row %d%s: %s%n", e.row(), e.id() == null ? "" : " (" + SafeText.escape(e.id()) + ")",
                        SafeText.escape(e.message()));
            }
            if (errors > errorRows.size()) {
                out.printf("  ... and %d more%n", errors - errorRows.size());
            }
        }
        out.printf("changed: %d debtors (%s)%s%n", changed.count, percent(changed.count, compared),
                changed.count == 0 ? "" : "   e.g. " + samples(changed));
        if (changed.count == 0) {
            return;
        }

        out.printf("%nDifferences by kind (a debtor counts once per kind):%n");
        TextTable kindsTable = new TextTable("kind", "debtors", "%", "e.g.");
        kinds.forEach((k, t) -> {
            if (t.count > 0) {
                kindsTable.add(k, t.count, percent(t.count, compared), samples(t));
            }
        });
        kindsTable.print(out, "  ");

        for (String d : DIMENSIONS) {
            Tally t = dimensionChanged.get(d);
            if (t.count == 0) {
                continue;
            }
            out.printf("%n%s: %d changed (%s)%n", d, t.count, percent(t.count, compared));
            TextTable table = new TextTable("baseline", "", "candidate", "debtors", "e.g.");
            for (Transition tr : transitions(d)) {
                table.add(tr.from(), "->", tr.to(), tr.tally().count, samples(tr.tally()));
            }
            table.print(out, "  ");
        }

        List<Map.Entry<String, StepCounts>> changedSteps = changedSteps();
        if (!changedSteps.isEmpty()) {
            out.printf("%nEscalation steps (debtors with the step before and after; gained, lost, moved in days):%n");
            TextTable table = new TextTable("step", "before", "after", "gained", "lost", "moved", "e.g.");
            for (Map.Entry<String, StepCounts> e : changedSteps) {
                StepCounts s = e.getValue();
                table.add(e.getKey(), s.before, s.after, s.gained.count, s.lost.count, s.moved.count,
                        stepSamples(s));
            }
            table.print(out, "  ");
        }

        List<RuleCount> rules = ruleChanges();
        if (!rules.isEmpty()) {
            out.printf("%nRules that fire more or less often (debtors):%n");
            TextTable table = new TextTable("rule", "name", "before", "after", "delta");
            for (RuleCount r : rules) {
                table.add(r.id(), RecordWriter.Table.cut(r.name() == null ? "" : r.name(), 60), r.before(), r.after(),
                        String.format(Locale.ROOT, "%+d", r.delta()));
            }
            table.print(out, "  ");
        }
    }

    private static String stepSamples(StepCounts s) {
        List<String> parts = new ArrayList<>();
        if (!s.gained.samples.isEmpty()) {
            parts.add("gained " + samples(s.gained));
        }
        if (!s.lost.samples.isEmpty()) {
            parts.add("lost " + samples(s.lost));
        }
        if (!s.moved.samples.isEmpty()) {
            parts.add("moved " + samples(s.moved));
        }
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- JSON

    void printJson(PrintWriter out, String file, LocalDate asOf) throws IOException {
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("asOf", asOf.toString());
            label(g, "rules", candidate);
            label(g, "against", baseline);
            g.writeBooleanField("sameName", sameName());
            g.writeArrayFieldStart("warnings");
            if (sameName()) {
                g.writeString(sameNameWarning());
            }
            g.writeEndArray();
            g.writeNumberField("rows", rows);
            g.writeNumberField("compared", compared);
            g.writeNumberField("errors", errors);
            g.writeObjectFieldStart("errorsByField");
            for (Map.Entry<String, Long> e : errorKinds.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            writeErrorRows(g, errorRows);
            g.writeObjectFieldStart("changed");
            g.writeNumberField("any", changed.count);
            g.writeNumberField("percent", compared == 0 ? 0 : Math.round(1000.0 * changed.count / compared) / 10.0);
            for (String d : DIMENSIONS) {
                g.writeNumberField(d, dimensionChanged.get(d).count);
            }
            samples(g, changed);
            g.writeEndObject();
            g.writeObjectFieldStart("kinds");
            for (Map.Entry<String, Tally> k : kinds.entrySet()) {
                g.writeObjectFieldStart(k.getKey());
                g.writeNumberField("debtors", k.getValue().count);
                samples(g, k.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("transitions");
            for (String d : DIMENSIONS) {
                g.writeArrayFieldStart(d);
                for (Transition t : transitions(d)) {
                    g.writeStartObject();
                    g.writeStringField("from", t.from());
                    g.writeStringField("to", t.to());
                    g.writeNumberField("count", t.tally().count);
                    samples(g, t.tally());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("steps");
            for (Map.Entry<String, StepCounts> e : changedSteps()) {
                StepCounts s = e.getValue();
                g.writeStartObject();
                g.writeStringField("step", e.getKey());
                g.writeNumberField("before", s.before);
                g.writeNumberField("after", s.after);
                tally(g, "gained", s.gained);
                tally(g, "lost", s.lost);
                tally(g, "moved", s.moved);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ruleFirings");
            for (RuleCount r : ruleChanges()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("name", r.name());
                g.writeNumberField("before", r.before());
                g.writeNumberField("after", r.after());
                g.writeNumberField("delta", r.delta());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private static void tally(JsonGenerator g, String field, Tally t) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("debtors", t.count);
        samples(g, t);
        g.writeEndObject();
    }

    private static void samples(JsonGenerator g, Tally t) throws IOException {
        g.writeArrayFieldStart("samples");
        for (String s : t.samples) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void label(JsonGenerator g, String field, Label l) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("source", l.source());
        g.writeStringField("name", l.name());
        g.writeStringField("origin", l.origin());
        g.writeStringField("version", l.version());
        g.writeEndObject();
    }
}
