package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.Behaviour;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code profile FILE}: who is in a portfolio, to see whom a new cue or threshold would reach. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profile a portfolio: counts by days overdue, stated reason, behaviour, type, first step, situation.",
            "Counts the debtors of a portfolio by stage of days overdue (first week 1-7, rest of M1 8-30, M2 31-60, "
                + "M3 61-90, M4+ over 90, as in docs/domain.md), by stated reason, by behaviour (a debtor may show "
                + "several, so those shares add up to more than 100%), and, assessed with the rulebook, by debtor "
                + "type, first step and situation. Use it to see whom a new cue or a moved threshold would reach.",
            "Streams: only the counts are kept. Rows that cannot be assessed are counted as errors, with their row "
                + "numbers, and not profiled."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:profiled every row",
            "1:some rows could not be assessed",
            "2:could not start: missing file, broken rulebook, bad command line",
            "3:unexpected failure"})
final class ProfileCommand implements Callable<Integer> {

    /** The stages of days overdue, by their last day (inclusive); the last has none. */
    static final List<String> STAGES = List.of("not overdue (0)", "first week (1-7)", "M1 after the first week (8-30)",
            "M2 (31-60)", "M3 (61-90)", "M4+ (91 and more)");
    private static final int[] STAGE_ENDS = {0, 7, 30, 60, 90};
    /** The dimensions, in the order reports list them. */
    static final List<String> DIMENSIONS = List.of("stage", "statedReason", "behaviour", "debtorType", "firstStep",
            "situation");

    @CommandLine.ParentCommand
    CollectionStrategyCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The portfolio (JSON Lines, JSON or CSV), or - for stdin.")
    String file;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "default",
            description = "The rulebook that assesses type, first step and situation: a directory, or 'default' "
                    + "(default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(names = "--format", paramLabel = "FORMAT", converter = AssessCommand.InputFormatConverter.class,
            description = "Input format: jsonl, json or csv (default: by extension).")
    PortfolioFormat format;

    @Option(names = "--json", description = "Print the profile as JSON.")
    boolean json;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Language of the scripts (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date; default today.")
    LocalDate asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Assess on N threads (default: processors - 1, at least 1).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /** What the sink needs of a row: its facts that are counted and its assessment, or its error. */
    private record Profiled(long row, String id, Debtor debtor, Assessment assessment, String error) {
    }

    /** The counts of a portfolio, filled on one thread. */
    static final class Profile {
        long rows;
        long profiled;
        long errors;
        final List<DiffReport.ErrorRow> errorRows = new ArrayList<>();
        final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

        Profile() {
            for (String d : DIMENSIONS) {
                Map<String, Long> m = new LinkedHashMap<>();
                if (d.equals("stage")) {
                    STAGES.forEach(s -> m.put(s, 0L));
                }
                counts.put(d, m);
            }
        }

        void error(long row, String id, String message) {
            rows++;
            errors++;
            if (errorRows.size() < DiffReport.ERROR_ROWS) {
                errorRows.add(new DiffReport.ErrorRow(row, id, message));
            }
        }

        void add(Debtor d, Assessment a) {
            rows++;
            profiled++;
            count("stage", stage(d.daysOverdue()));
            count("statedReason", d.statedReason() == null ? "none given" : d.statedReason().name());
            if (d.behaviours().isEmpty()) {
                count("behaviour", "none");
            }
            for (Behaviour b : d.behaviours()) {
                count("behaviour", b.name());
            }
            count("debtorType", a.debtorType());
            count("firstStep", a.firstStep().map(EscalationStep::step).orElse("none"));
            count("situation", a.situation() == null ? "none" : a.situation());
        }

        private void count(String dimension, String value) {
            counts.get(dimension).merge(value, 1L, Long::sum);
        }

        /** @return the values of a dimension, the stages in their order, the others most frequent first */
        List<Map.Entry<String, Long>> sorted(String dimension) {
            List<Map.Entry<String, Long>> list = new ArrayList<>(new TreeMap<>(counts.get(dimension)).entrySet());
            if (dimension.equals("stage")) {
                list.sort(java.util.Comparator.comparingInt(e -> STAGES.indexOf(e.getKey())));
            } else {
                list.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            }
            return list;
        }
    }

    /** @return the stage of a number of days overdue, one of {@link #STAGES} */
    static String stage(int daysOverdue) {
        for (int i = 0; i < STAGE_ENDS.length; i++) {
            if (daysOverdue <= STAGE_ENDS[i]) {
                return STAGES.get(i);
            }
        }
        return STAGES.get(STAGES.size() - 1);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale loc = RulebookSource.locale(locale);
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        CollectionStrategy strategy = RulebookSource.build(rules, loc);
        Profile profile = new Profile();
        try (RowReader reader = parent.openPortfolio(file, format)) {
            OrderedPipeline.run(reader, row -> profile(strategy, row, date, loc), p -> {
                if (p.error != null) {
                    profile.error(p.row, p.id, p.error);
                } else {
                    profile.add(p.debtor, p.assessment);
                }
            }, Math.max(1, threads), PortfolioRow::textLength);
            if (reader.stoppedEarly() != null) {
                err.println(SafeText.escape(reader.source() + ": " + reader.stoppedEarly()));
            }
            String label = "'" + strategy.rulebook().name() + "' from " + (RulebookSource.isDefault(rules)
                    ? RulebookSource.DEFAULT : rules) + ", version " + strategy.rulebook().version();
            if (json) {
                printJson(out, profile, label, date);
            } else {
                printText(out, profile, label, date);
            }
            out.flush();
            return profile.errors > 0 || reader.stoppedEarly() != null ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private static Profiled profile(CollectionStrategy strategy, PortfolioRow unparsed, LocalDate asOf, Locale locale) {
        PortfolioRow row = unparsed.parsed();
        if (!row.readable()) {
            return new Profiled(row.row(), row.id(), null, null, row.malformed());
        }
        Debtor debtor;
        try {
            debtor = Debtor.fromFields(row.fields());
        } catch (InvalidDebtorException e) {
            return new Profiled(row.row(), row.id(), null, null, e.getMessage());
        }
        ProcessedRow a = ProcessedRow.of(RowAssessor.of(strategy, asOf).locale(locale), row, debtor);
        if (!a.ok()) {
            return new Profiled(row.row(), row.id(), null, null, a.error());
        }
        // keep only what is counted: the sink may hold rows waiting for their turn
        Debtor kept = Debtor.builder(debtor.id()).daysOverdue(debtor.daysOverdue()).statedReason(debtor.statedReason())
                .behaviours(debtor.behaviours()).build();
        return new Profiled(row.row(), row.id(), kept, a.assessment(), null);
    }

    private void printText(PrintWriter out, Profile p, String rulebook, LocalDate date) {
        out.printf("profile of %s as of %s, assessed with %s%n", SafeText.escape(file), date, SafeText.escape(rulebook));
        out.printf("rows: %d, profiled: %d, errors: %d%n", p.rows, p.profiled, p.errors);
        for (DiffReport.ErrorRow e : p.errorRows) {
            out.printf("  row %d%s: %s%n", e.row(), e.id() == null ? "" : " (" + SafeText.escape(e.id()) + ")",
                    SafeText.escape(e.message()));
        }
        if (p.errors > p.errorRows.size()) {
            out.printf("  ... and %d more%n", p.errors - p.errorRows.size());
        }
        for (String d : DIMENSIONS) {
            out.printf("%n%s%s:%n", d, d.equals("behaviour") ? " (a debtor may show several)" : "");
            TextTable t = new TextTable(d, "debtors", "%");
            for (Map.Entry<String, Long> e : p.sorted(d)) {
                t.add(e.getKey(), e.getValue(), DiffReport.percent(e.getValue(), p.profiled));
            }
            t.print(out, "  ");
        }
    }

    private void printJson(PrintWriter out, Profile p, String rulebook, LocalDate date) throws IOException {
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("asOf", date.toString());
            g.writeStringField("rulebook", rulebook);
            g.writeNumberField("rows", p.rows);
            g.writeNumberField("profiled", p.profiled);
            g.writeNumberField("errors", p.errors);
            DiffReport.writeErrorRows(g, p.errorRows);
            for (String d : DIMENSIONS) {
                g.writeArrayFieldStart(d);
                for (Map.Entry<String, Long> e : p.sorted(d)) {
                    g.writeStartObject();
                    g.writeStringField("value", e.getKey());
                    g.writeNumberField("debtors", e.getValue());
                    g.writeNumberField("percent", p.profiled == 0 ? 0
                            : Math.round(1000.0 * e.getValue() / p.profiled) / 10.0);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.println();
    }
}
