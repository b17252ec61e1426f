package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff --rules A --against B FILE}: what a rulebook change does to a portfolio. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What-if: compare two rulebooks over the same portfolio.",
            "What-if for a rulebook change: assess the same portfolio with two rulebooks and report how "
                + "many debtors change type, situation, first step or script, with counts per transition "
                + "(baseline -> candidate) and up to 5 sample case ids each. Streams: only the counts are kept.",
            "Rows that cannot be assessed by both rulebooks are counted as errors and not compared.",
            "Two incentive rulebooks (kind: incentives, or --kind incentives for the default policy) are compared over a "
                + "receivables file at --period and --year: receivables whose reward, penalty or net change, the "
                + "totals before and after, and the units whose expense freeze changes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:compared every row",
            "1:some rows could not be assessed",
            "2:could not start: missing file, broken rulebook, bad command line",
            "3:unexpected failure"})
final class DiffCommand implements Callable<Integer> {

    static final int SAMPLES = 5;
    static final List<String> DIMENSIONS = List.of("debtorType", "situation", "firstStep", "script");

    @CommandLine.ParentCommand
    CollectionStrategyCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The portfolio (JSON Lines, JSON or CSV), or - for stdin.")
    String file;

    @Option(names = "--rules", required = true, paramLabel = "A",
            description = "The candidate rulebook: a directory, or 'default'.")
    String candidate;

    @Option(names = "--against", paramLabel = "B", defaultValue = "default",
            description = "The baseline rulebook: a directory, or 'default' (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--format", paramLabel = "FORMAT", converter = AssessCommand.InputFormatConverter.class,
            description = "Input format: jsonl, json or csv (default: by extension).")
    PortfolioFormat format;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Language of the scripts (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date; default today.")
    LocalDate asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Assess on N threads (default: processors - 1, at least 1; reading and writing run on the main thread).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "collection or incentives: which default rulebook 'default' means (a directory says its kind in "
                    + "rulebook.yaml).")
    String kind;

    @Option(names = "--period", paramLabel = "PERIOD", converter = IncentivesCommand.PeriodConverter.class,
            description = "Incentive rulebooks only: the settlement, interim or final.")
    io.collectionstrategy.incentives.SettlementPeriod period;

    @Option(names = "--year", paramLabel = "YEAR", description = "Incentive rulebooks only: the settlement year "
            + "(default: this year).")
    Integer year;

    /** Counts of one dimension's transitions, with sample ids. */
    static final class Transitions {
        long changed;
        final Map<String, Transition> byPair = new LinkedHashMap<>();

        void add(String from, String to, String id) {
            changed++;
            Transition t = byPair.computeIfAbsent(from + " -> " + to, k -> new Transition(from, to));
            t.count++;
            if (t.samples.size() < SAMPLES) {
                t.samples.add(id);
            }
        }

        List<Transition> sorted() {
            List<Transition> list = new ArrayList<>(byPair.values());
            list.sort((a, b) -> a.count != b.count ? Long.compare(b.count, a.count)
                    : (a.from + a.to).compareTo(b.from + b.to));
            return list;
        }
    }

    static final class Transition {
        final String from;
        final String to;
        long count;
        final List<String> samples = new ArrayList<>(SAMPLES);

        Transition(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** What the sink needs of a compared row (not the row itself: rows waiting to be counted hold no fields). */
    private record Pair(Assessment base, Assessment cand, String error) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale loc = RulebookSource.locale(locale);
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        String candidateKind = RulebookSource.kind(candidate, kind);
        String baselineKind = RulebookSource.kind(baseline, kind == null ? candidateKind : kind);
        if (!candidateKind.equals(baselineKind)) {
            throw new StartupException("cannot compare a " + candidateKind + " rulebook (" + candidate + ") with a "
                    + baselineKind + " rulebook (" + baseline + ")");
        }
        if (candidateKind.equals(RulebookSource.INCENTIVES)) {
            return incentives(out, err, loc);
        }
        try (RowReader reader = parent.openPortfolio(file, format)) {
            CollectionStrategy base = RulebookSource.build(baseline, loc);
            CollectionStrategy cand = RulebookSource.build(candidate, loc);
            Map<String, Transitions> dims = new LinkedHashMap<>();
            DIMENSIONS.forEach(d -> dims.put(d, new Transitions()));
            long[] counts = new long[4]; // rows, compared, errors, any change
            Map<String, Long> errorKinds = new HashMap<>();
            boolean showProgress = progress || Progress.stderrIsTerminal();
            long total = showProgress ? CollectionStrategyCli.countRows(file, reader.format()) : -1;
            try (Progress bar = Progress.start(showProgress, "diff", total, err)) {
                OrderedPipeline.run(reader, row -> compare(base, cand, row, date, loc), pair -> {
                    counts[0]++;
                    bar.step();
                    if (pair.error != null) {
                        counts[2]++;
                        errorKinds.merge(Summary.kind(pair.error), 1L, Long::sum);
                        return;
                    }
                    counts[1]++;
                    boolean any = false;
                    for (String d : DIMENSIONS) {
                        String from = value(d, pair.base);
                        String to = value(d, pair.cand);
                        if (!Objects.equals(from, to)) {
                            dims.get(d).add(from, to, pair.base.id());
                            any = true;
                        }
                    }
                    if (any) {
                        counts[3]++;
                    }
                }, Math.max(1, threads), PortfolioRow::textLength);
            }
            if (reader.stoppedEarly() != null) {
                err.println(SafeText.escape(reader.source() + ": " + reader.stoppedEarly()));
            }
            if (json) {
                printJson(out, base.rulebook(), cand.rulebook(), date, counts, dims, errorKinds);
            } else {
                printText(out, base.rulebook(), cand.rulebook(), date, counts, dims, errorKinds);
            }
            out.flush();
            return counts[2] > 0 || reader.stoppedEarly() != null ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private int incentives(PrintWriter out, PrintWriter err, Locale loc) throws IOException {
        if (period == null) {
            throw new StartupException("diff of incentive rulebooks needs --period interim or --period final");
        }
        int settlementYear = year != null ? year : LocalDate.now().getYear();
        var base = RulebookSource.policy(baseline, loc, false);
        var cand = RulebookSource.policy(candidate, loc, false);
        IncentiveDiff diff;
        try {
            diff = new IncentiveDiff(io.collectionstrategy.incentives.ReceivableRows.of(base, period, settlementYear),
                    io.collectionstrategy.incentives.ReceivableRows.of(cand, period, settlementYear), base.rulebook(),
                    cand.rulebook());
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        try (RowReader reader = parent.openPortfolio(file, format)) {
            boolean showProgress = progress || Progress.stderrIsTerminal();
            long total = showProgress ? CollectionStrategyCli.countRows(file, reader.format()) : -1;
            try (Progress bar = Progress.start(showProgress, "diff", total, err)) {
                diff.run(reader, threads, bar);
            }
            if (reader.stoppedEarly() != null) {
                err.println(reader.source() + ": " + reader.stoppedEarly());
            }
            if (json) {
                diff.printJson(out, file, candidate, baseline, period, settlementYear);
            } else {
                diff.printText(out, file, candidate, baseline, period, settlementYear);
            }
            out.flush();
            return diff.errors() > 0 || reader.stoppedEarly() != null ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private static Pair compare(CollectionStrategy base, CollectionStrategy cand, PortfolioRow unparsed, LocalDate asOf,
                                Locale locale) {
        PortfolioRow row = unparsed.parsed();
        if (!row.readable()) {
            return new Pair(null, null, row.malformed());
        }
        Debtor debtor;
        try {
            debtor = Debtor.fromFields(row.fields());
        } catch (InvalidDebtorException e) {
            return new Pair(null, null, e.getMessage());
        }
        ProcessedRow a = ProcessedRow.of(RowAssessor.of(base, asOf).locale(locale), row, debtor);
        if (!a.ok()) {
            return new Pair(null, null, a.error());
        }
        ProcessedRow b = ProcessedRow.of(RowAssessor.of(cand, asOf).locale(locale), row, debtor);
        if (!b.ok()) {
            return new Pair(null, null, b.error());
        }
        return new Pair(a.assessment(), b.assessment(), null);
    }

    static String value(String dimension, Assessment a) {
        Function<Assessment, String> f = switch (dimension) {
            case "debtorType" -> Assessment::debtorType;
            case "situation" -> x -> x.situation() == null ? "none" : x.situation();
            case "firstStep" -> x -> x.firstStep().map(EscalationStep::step).orElse("none");
            case "script" -> x -> x.script() == null ? "none" : x.script().id();
            default -> throw new IllegalArgumentException(dimension);
        };
        return f.apply(a);
    }

    private void printText(PrintWriter out, RulebookInfo base, RulebookInfo cand, LocalDate date, long[] counts,
                           Map<String, Transitions> dims, Map<String, Long> errorKinds) {
        out.printf("diff of %s: candidate %s (%s, %s) against baseline %s (%s, %s), as of %s%n", file, candidate,
                cand.name(), cand.version(), baseline, base.name(), base.version(), date);
        out.printf("rows: %d, compared: %d, errors: %d%n", counts[0], counts[1], counts[2]);
        if (!errorKinds.isEmpty()) {
            out.printf("errors by field: %s%n", errorKinds);
        }
        out.printf("changed: %d debtors (%s)%n", counts[3], percent(counts[3], counts[1]));
        for (Map.Entry<String, Transitions> d : dims.entrySet()) {
            Transitions t = d.getValue();
            out.printf("%n%s: %d changed (%s)%n", d.getKey(), t.changed, percent(t.changed, counts[1]));
            for (Transition tr : t.sorted()) {
                out.printf("  %s -> %s: %d   e.g. %s%n", tr.from, tr.to, tr.count, String.join(", ", tr.samples));
            }
        }
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private void printJson(PrintWriter out, RulebookInfo base, RulebookInfo cand, LocalDate date, long[] counts,
                           Map<String, Transitions> dims, Map<String, Long> errorKinds) throws IOException {
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("asOf", date.toString());
            rulebook(g, "rules", candidate, cand);
            rulebook(g, "against", baseline, base);
            g.writeNumberField("rows", counts[0]);
            g.writeNumberField("compared", counts[1]);
            g.writeNumberField("errors", counts[2]);
            g.writeObjectFieldStart("errorsByField");
            for (Map.Entry<String, Long> e : errorKinds.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("changed");
            g.writeNumberField("any", counts[3]);
            for (Map.Entry<String, Transitions> d : dims.entrySet()) {
                g.writeNumberField(d.getKey(), d.getValue().changed);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("transitions");
            for (Map.Entry<String, Transitions> d : dims.entrySet()) {
                g.writeArrayFieldStart(d.getKey());
                for (Transition t : d.getValue().sorted()) {
                    g.writeStartObject();
                    g.writeStringField("from", t.from);
                    g.writeStringField("to", t.to);
                    g.writeNumberField("count", t.count);
                    g.writeArrayFieldStart("samples");
                    for (String s : t.samples) {
                        g.writeString(s);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.println();
    }

    private static void rulebook(JsonGenerator g, String field, String source, RulebookInfo info) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("source", source);
        g.writeStringField("name", info.name());
        g.writeStringField("version", info.version());
        g.writeEndObject();
    }
}
