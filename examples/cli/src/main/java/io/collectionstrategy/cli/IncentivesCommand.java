package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.UnreadablePortfolioException;
import io.collectionstrategy.incentives.IncentivePolicy;
import io.collectionstrategy.incentives.IncentiveRowResult;
import io.collectionstrategy.incentives.IncentiveTotals;
import io.collectionstrategy.incentives.ReceivableRows;
import io.collectionstrategy.incentives.SettlementPeriod;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code incentives FILE|-}: settles receivables with the incentive policy. A unit's expense freeze depends on all
 * its receivables, so the file is read twice: the first pass settles every row and adds up the totals per unit and
 * per person (memory: one entry per unit, per person and per unit and person, plus the ids of the receivables that
 * freeze), the second settles every row again and writes it with its unit's freeze. Standard input is copied to a
 * temporary file first. The rules never read the clock, so both passes give the same figures.
 */
@Command(name = "incentives", mixinStandardHelpOptions = true,
        description = {"Settle receivables with the incentive policy: reward, penalty and net per receivable, and each "
                + "business unit's expense freeze.",
            "Input: JSON Lines (.jsonl), a JSON array (.json) or CSV (.csv) with the receivable fields of docs/contract.md; "
                    + "'-' reads stdin. One record per row, in order, on stdout; a row that cannot be settled becomes "
                    + "{\"row\": N, \"id\": ..., \"error\": ...} in its place.",
            "Then the totals per unit and per person responsible on stderr, in the output format.",
            "The file is read twice (the expense freeze of a unit depends on all its receivables); memory holds "
                    + "the totals per unit and person, not the receivables."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every row settled",
            "1:some rows failed (error records in the output)",
            "2:the run could not start: missing file, broken rulebook, bad command line",
            "3:unexpected failure during the run"})
final class IncentivesCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    CollectionStrategyCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The receivables file, or - for stdin.")
    String file;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "The settlement: interim (30 September: rewards so far, no penalties) or final (31 December).")
    SettlementPeriod period;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "The settlement year, e.g. 2026 (default: this year).")
    Integer year;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "An incentive rulebook directory (rulebook.yaml with kind: incentives) instead of the default "
                    + "incentive policy; the word 'default' means the default policy.")
    String rules;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Language of the statements: zh-CN or en (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--format", paramLabel = "FORMAT", converter = AssessCommand.InputFormatConverter.class,
            description = "Input format: jsonl, json or csv (default: by extension; stdin: by the first character).")
    PortfolioFormat format;

    @Option(names = "--output-format", paramLabel = "FORMAT", converter = AssessCommand.OutputFormatConverter.class,
            defaultValue = "jsonl", description = "Output format of the records and the totals: jsonl, csv or table "
                    + "(default: ${DEFAULT-VALUE}).")
    OutputFormat outputFormat;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the records to FILE instead of stdout.")
    Path out;

    @Option(names = "--statement", paramLabel = "DIR",
            description = "Write each business unit's statement (Markdown, in --locale) to DIR/<unit>.md.")
    Path statementDir;

    @Option(names = "--ignore-unknown",
            description = "Ignore input fields that are not receivable fields instead of rejecting the row.")
    boolean ignoreUnknown;

    @Option(names = "--threads", paramLabel = "N",
            description = "Settle on N worker threads; output order is kept (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--allow-unsafe-rules",
            description = "Trusted rulebooks only: skip the sandbox. The bounds per receivable still apply.")
    boolean allowUnsafeRules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int settlementYear = year != null ? year : LocalDate.now().getYear();
        Locale statementLocale = RulebookSource.locale(locale);
        IncentivePolicy policy = RulebookSource.policy(rules, statementLocale, allowUnsafeRules);
        ReceivableRows rows;
        try {
            rows = ReceivableRows.of(policy, period, settlementYear).ignoreUnknownFields(ignoreUnknown);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        Path input = "-".equals(file) ? bufferStdin() : Path.of(file);
        try {
            // first pass: settle every row, add up the totals and the units' freeze
            IncentiveTotals totals = new IncentiveTotals();
            long[] counts = new long[2]; // rows, errors
            String stoppedEarly = pass(input, rows, r -> {
                counts[0]++;
                if (r.ok()) {
                    totals.add(r.result());
                } else {
                    counts[1]++;
                }
            }, null);
            // second pass: settle again and write every row with its unit's freeze
            Writer target = openOut();
            StatementFiles statements = statementDir == null ? null : new StatementFiles(statementDir,
                    policy.statements(period, settlementYear, statementLocale), totals.units());
            try (IncentiveWriter writer = IncentiveWriter.create(outputFormat, target, "-".equals(file))) {
                pass(input, rows, null, (row, r) -> {
                    if (r.ok()) {
                        var result = totals.withUnitFreeze(r.result());
                        writer.result(row.row(), result);
                        if (statements != null) {
                            statements.line(result);
                        }
                    } else {
                        writer.error(row.row(), row.id(), r.failure().describe());
                    }
                });
            } finally {
                if (statements != null) {
                    statements.close();
                }
                if (out != null) {
                    target.close();
                } else {
                    target.flush();
                }
            }
            try (IncentiveWriter totalsWriter = IncentiveWriter.create(outputFormat, err, false)) {
                totalsWriter.totals(totals.units(), totals.owners());
            }
            summary(err, policy, settlementYear, counts, stoppedEarly);
            return counts[1] > 0 || stoppedEarly != null ? ExitCodes.FAILED : ExitCodes.OK;
        } finally {
            if ("-".equals(file)) {
                Files.deleteIfExists(input);
            }
        }
    }

    /** A row read and settled. */
    private record Settled(PortfolioRow row, IncentiveRowResult result) {
    }

    private interface RowSink {
        void accept(PortfolioRow row, IncentiveRowResult result);
    }

    /**
     * Reads the input once, settling each row on the worker threads.
     *
     * @return why reading stopped early, or null
     */
    private String pass(Path input, ReceivableRows rows, Consumer<IncentiveRowResult> results, RowSink sink)
            throws IOException {
        try (RowReader reader = open(input)) {
            OrderedPipeline.run(reader, unparsed -> settle(rows, unparsed), s -> {
                if (results != null) {
                    results.accept(s.result());
                }
                if (sink != null) {
                    sink.accept(s.row(), s.result());
                }
            }, Math.max(1, threads), PortfolioRow::textLength);
            return reader.stoppedEarly() == null ? null : reader.source() + ": " + reader.stoppedEarly();
        }
    }

    private static Settled settle(ReceivableRows rows, PortfolioRow unparsed) {
        PortfolioRow row = unparsed.parsed();
        if (!row.readable()) {
            return new Settled(row, IncentiveRowResult.failed(RowResult.Kind.MALFORMED_RECORD, null, null,
                    row.malformed()));
        }
        try {
            return new Settled(row, rows.evaluate(row.fields()));
        } catch (StackOverflowError | OutOfMemoryError e) { // an error record, not the end of the run
            return new Settled(row, IncentiveRowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, null,
                    e.toString()));
        }
    }

    private RowReader open(Path input) {
        try {
            PortfolioFormat byName = format != null ? format
                    : "-".equals(file) ? null : PortfolioFormat.byExtension(input.getFileName().toString());
            if (byName == null) {
                return RowReader.read(Files.newInputStream(input), null, "-".equals(file) ? "stdin" : file);
            }
            return RowReader.open(input, byName);
        } catch (UnreadablePortfolioException e) {
            throw new StartupException(e.getMessage());
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Standard input can be read once only: it is copied to a temporary file for the two passes. */
    private Path bufferStdin() {
        try {
            Path tmp = Files.createTempFile("collection-strategy-receivables", ".input");
            try (InputStream in = parent.stdin()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return tmp;
        } catch (IOException e) {
            throw new StartupException("cannot buffer stdin to a temporary file: " + e.getMessage());
        }
    }

    private Writer openOut() {
        if (out == null) {
            return spec.commandLine().getOut();
        }
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            return new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new StartupException("cannot write " + out + ": " + e);
        }
    }

    private void summary(PrintWriter err, IncentivePolicy policy, int settlementYear, long[] counts, String stoppedEarly)
            throws IOException {
        if (outputFormat == OutputFormat.JSONL) {
            try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(err)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeNumberField("rows", counts[0]);
                g.writeNumberField("settled", counts[0] - counts[1]);
                g.writeNumberField("errors", counts[1]);
                g.writeStringField("period", period.label());
                g.writeNumberField("year", settlementYear);
                g.writeObjectFieldStart("rulebook");
                g.writeStringField("name", policy.rulebook().name());
                g.writeStringField("version", policy.rulebook().version());
                g.writeEndObject();
                g.writeStringField("stoppedEarly", stoppedEarly);
                g.writeEndObject();
            }
            err.println();
        } else {
            if (stoppedEarly != null) {
                err.println(stoppedEarly);
            }
            err.printf("summary: %d rows, %d settled, %d errors; %s %d, rulebook %s %s%n", counts[0],
                    counts[0] - counts[1], counts[1], period.label(), settlementYear, policy.rulebook().name(),
                    policy.rulebook().version());
        }
        err.flush();
    }

    /** picocli converter for {@link SettlementPeriod}. */
    static final class PeriodConverter implements CommandLine.ITypeConverter<SettlementPeriod> {
        @Override
        public SettlementPeriod convert(String value) {
            try {
                return SettlementPeriod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected interim or final, was \"" + value + "\"");
            }
        }
    }
}
