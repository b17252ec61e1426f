package io.collectionstrategy.cli;

import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.json.AssessmentJson;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assess FILE|-}: one output record per input row, in input order, streaming. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess a portfolio (JSON Lines, JSON or CSV): one record per row, in order.",
            "Streams with bounded memory whatever the file size; a row over 1 MiB becomes an error record unread.",
            "Input: JSON Lines (.jsonl), a JSON array (.json) or CSV (.csv) with the field names of docs/contract.md; "
                    + "'-' reads stdin. A row that cannot be assessed becomes {\"row\": N, \"id\": ..., \"error\": ...} "
                    + "in its place and every other row is still assessed.",
            "With --challenger DIR --share PERCENT --experiment NAME (or --experiment-file FILE) each case is assessed "
                    + "by the arm of the experiment its id is assigned to, and its record names the arm in 'strategy'.",
            "A summary (rows, assessed, errors; counts per type, situation, first step, warning code, arm) goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every row assessed",
            "1:some rows failed (error records in the output)",
            "2:the run could not start: missing file, broken rulebook (problems printed as file:line: message), bad command line",
            "3:unexpected failure during the run"})
final class AssessCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    CollectionStrategyCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The portfolio file, or - for stdin.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputFormatConverter.class,
            description = "Input format: jsonl, json or csv (default: by extension; stdin: by the first character).")
    PortfolioFormat format;

    @Option(names = "--output-format", paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            defaultValue = "jsonl", description = "Output format: jsonl, csv or table (default: ${DEFAULT-VALUE}).")
    OutputFormat outputFormat;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the records to FILE instead of stdout.")
    Path out;

    @Option(names = "--fields", paramLabel = "LIST", split = ",",
            description = {"Only these fields in each record, e.g. id,debtorType,situation,script.id,escalation "
                    + "(records without the script texts are a tenth of the size). Top-level fields and dotted paths "
                    + "into objects (script.id, rulebook.version, nextAction.step); written in the order of "
                    + "docs/contract.md whatever the order given. JSON Lines and CSV output; an error record is "
                    + "always row, id, error.",
                "Default: every field."})
    List<String> fields;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--threads", paramLabel = "N",
            description = "Parse, assess and render on N worker threads; output order is kept (default: the number of processors; the main thread only reads and writes).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    ExperimentOptions experiment = new ExperimentOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AssessmentJson.Fields selected = selectedFields();
        try (RowReader reader = parent.openPortfolio(file, format)) {
            RowAssessor assessor = engine.rows(experiment.strategy(engine));
            OutputStream bytes = openOut();
            Writer target = bytes == null ? spec.commandLine().getOut()
                    : new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder()), 1 << 16);
            Summary summary = new Summary();
            boolean showProgress = progress || Progress.stderrIsTerminal();
            long total = showProgress ? CollectionStrategyCli.countRows(file, reader.format()) : -1;
            boolean interactive = "-".equals(file);
            try (RecordWriter writer = RecordWriter.create(outputFormat, target,
                    outputFormat == OutputFormat.JSONL ? bytes : null, interactive, selected);
                 Progress bar = Progress.start(showProgress, "assess", total, err)) {
                assessAll(reader, assessor, writer, summary, bar::step, Math.max(1, threads),
                        interactive ? 1 : OrderedPipeline.BATCH);
            } finally {
                if (out != null) {
                    target.close();
                } else {
                    target.flush();
                }
            }
            if (reader.stoppedEarly() != null) {
                err.println(SafeText.escape(reader.source() + ": " + reader.stoppedEarly()));
            }
            summary.print(err);
            boolean failed = summary.errors() > 0 || reader.stoppedEarly() != null;
            return failed ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /**
     * Reads, assesses and writes every row, in input order: what {@code assess} does between opening its input and
     * printing its summary (its tests run their inputs through here too). Rows are parsed, assessed and rendered on
     * the worker threads; this thread reads and writes. Whatever goes wrong with one row becomes its error record.
     *
     * @param rows     the rows as read
     * @param assessor how rows are assessed
     * @param writer   where the records go
     * @param summary  the counts, updated per row
     * @param step     called once per row written (the progress bar)
     * @param threads  worker threads
     */
    static void assessAll(Iterator<PortfolioRow> rows, RowAssessor assessor, RecordWriter writer, Summary summary,
                          Runnable step, int threads) {
        assessAll(rows, assessor, writer, summary, step, threads, OrderedPipeline.BATCH);
    }

    /** As above, with at most {@code batch} rows per hand-off to a worker (1 for rows typed at a terminal). */
    static void assessAll(Iterator<PortfolioRow> rows, RowAssessor assessor, RecordWriter writer, Summary summary,
                          Runnable step, int threads, int batch) {
        OrderedPipeline.run(rows, row -> {
            try {
                ProcessedRow outcome = ProcessedRow.of(assessor, row);
                if (!outcome.ok()) {
                    return outcome;
                }
                byte[] record = writer.render(outcome.row(), outcome.assessment());
                return record == null ? outcome : outcome.rendered(record);
            } catch (StackOverflowError | OutOfMemoryError e) { // an error record, not the end of the run
                return ProcessedRow.failed(row, RowResult.Kind.ASSESSMENT_FAILED, e.toString());
            } catch (RuntimeException e) { // a bug of the tool with this row: still only this row's error record
                return ProcessedRow.failed(row, RowResult.Kind.MALFORMED_RECORD,
                        "the row could not be processed: unexpected " + e.getClass().getName());
            }
        }, outcome -> {
            if (outcome.ok()) {
                if (outcome.rendered() != null) {
                    writer.rendered(outcome.rendered());
                } else {
                    writer.assessment(outcome.row(), outcome.assessment());
                }
                summary.assessed(outcome.assessment());
            } else {
                writer.error(outcome.row(), outcome.id(), outcome.error());
                summary.error(outcome.error());
            }
            step.run();
        }, threads, PortfolioRow::textLength, OrderedPipeline.MAX_WEIGHT_IN_FLIGHT, batch);
    }

    /** The fields asked for with {@code --fields}, checked before anything is read; all of them without it. */
    private AssessmentJson.Fields selectedFields() {
        if (fields == null) {
            return AssessmentJson.Fields.ALL;
        }
        if (outputFormat == OutputFormat.TABLE) {
            throw new StartupException("--fields works with --output-format jsonl or csv, not table");
        }
        AssessmentJson.Fields selected;
        try {
            selected = AssessmentJson.Fields.of(fields);
        } catch (IllegalArgumentException e) {
            throw new StartupException("--fields: " + SafeText.escape(e.getMessage()));
        }
        if (outputFormat == OutputFormat.CSV) {
            List<String> without = RecordWriter.Csv.withoutColumn(selected);
            if (!without.isEmpty()) {
                throw new StartupException("--fields: the CSV output has no column for " + String.join(", ", without)
                        + "; its columns show id, debtorType, situation, script.id, escalation, warnings, blocked, "
                        + "firedRules, rulebook.name and rulebook.version (use --output-format jsonl for the others)");
            }
        }
        return selected;
    }

    /** The file of {@code --out} as a stream with a large buffer, or null for stdout. */
    private OutputStream openOut() {
        if (out == null) {
            return null;
        }
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            return new BufferedOutputStream(Files.newOutputStream(out), 1 << 18);
        } catch (IOException e) {
            throw new StartupException("cannot write " + out + ": " + e);
        }
    }

    /** picocli converter for {@link PortfolioFormat}, accepting any case. */
    static final class InputFormatConverter implements CommandLine.ITypeConverter<PortfolioFormat> {
        @Override
        public PortfolioFormat convert(String value) {
            try {
                return PortfolioFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected jsonl, json or csv, was \"" + value + "\"");
            }
        }
    }

    /** picocli converter for {@link OutputFormat}. */
    static final class OutputFormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
