package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff --rules A --against B FILE}: what a rulebook change does to a portfolio. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What-if: compare two rulebooks over the same portfolio.",
            "What-if for a rulebook change: assess the same portfolio with two rulebooks and report every debtor "
                + "whose assessment changes: type, situation, script, escalation steps added, removed or moved (in "
                + "days), warnings, blocked steps, next action. Counts per kind of difference, per transition "
                + "(baseline -> candidate) and per step, how often each rule fires before and after, and up to 5 "
                + "sample case ids each. Streams: only the counts are kept.",
            "--show ID puts the two explanations of one debtor side by side; --html FILE writes the report as a "
                + "page with charts that opens in any browser without a network.",
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

    static final int SAMPLES = DiffReport.SAMPLES;

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

    @Option(names = "--show", paramLabel = "ID",
            description = "Show one debtor's two explanations side by side (one after the other on a narrow terminal), "
                    + "the differences marked, instead of the report.")
    String show;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the report as a self-contained HTML page (charts included, nothing fetched from "
                    + "the network).")
    Path html;

    @Option(names = "--width", paramLabel = "N",
            description = "With --show: the terminal's width (default: $COLUMNS, else 160); two columns from 100.")
    Integer width;

    /** What the sink needs of a compared row (not the row itself: rows waiting to be counted hold no fields). */
    private record Pair(long row, String id, Assessment base, Assessment cand, String error) {
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
        CollectionStrategy base = RulebookSource.build(baseline, loc);
        CollectionStrategy cand = RulebookSource.build(candidate, loc);
        DiffReport report = new DiffReport(label(baseline, base), label(candidate, cand));
        if (show != null) {
            return show(out, base, cand, report, date, loc);
        }
        try (RowReader reader = parent.openPortfolio(file, format)) {
            boolean showProgress = progress || Progress.stderrIsTerminal();
            long total = showProgress ? CollectionStrategyCli.countRows(file, reader.format()) : -1;
            try (Progress bar = Progress.start(showProgress, "diff", total, err)) {
                OrderedPipeline.run(reader, row -> compare(base, cand, row, date, loc), pair -> {
                    bar.step();
                    if (pair.error != null) {
                        report.error(pair.row, pair.id, pair.error);
                    } else {
                        report.add(pair.base, pair.cand);
                    }
                }, Math.max(1, threads), PortfolioRow::textLength);
            }
            if (reader.stoppedEarly() != null) {
                err.println(SafeText.escape(reader.source() + ": " + reader.stoppedEarly()));
            }
            if (report.sameName()) {
                err.println("warning: " + report.sameNameWarning());
            }
            if (json) {
                report.printJson(out, file, date);
            } else {
                report.printText(out, file, date);
            }
            if (html != null) {
                try {
                    Files.writeString(html, DiffHtml.page(report, file, date), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new StartupException("cannot write " + html + ": " + e.getMessage());
                }
                err.println("wrote " + html);
            }
            out.flush();
            return report.errors > 0 || reader.stoppedEarly() != null ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** Where a rulebook of the comparison comes from, for the report's header. */
    private static DiffReport.Label label(String source, CollectionStrategy strategy) {
        String origin = RulebookSource.isDefault(source) ? RulebookSource.DEFAULT
                : Path.of(source).toAbsolutePath().normalize().toString();
        return new DiffReport.Label(RulebookSource.isDefault(source) ? RulebookSource.DEFAULT : source,
                strategy.rulebook().name(), origin, strategy.rulebook().version());
    }

    private int show(PrintWriter out, CollectionStrategy base, CollectionStrategy cand, DiffReport report,
                     LocalDate date, Locale loc) throws IOException {
        PortfolioRow found = null;
        try (RowReader reader = parent.openPortfolio(file, format)) {
            while (reader.hasNext() && found == null) {
                PortfolioRow r = reader.next().parsed();
                if (show.equals(r.id())) {
                    found = r;
                }
            }
        }
        if (found == null) {
            throw new StartupException("no debtor with id " + show + " in " + file);
        }
        Pair pair = compare(base, cand, found, date, loc);
        if (pair.error != null) {
            spec.commandLine().getErr().println(SafeText.escape("cannot compare " + show + " (row " + pair.row + "): "
                    + pair.error));
            return ExitCodes.FAILED;
        }
        int columns = width != null ? width : terminalWidth();
        CaseComparison.print(out, pair.base, pair.cand, report.baseline(), report.candidate(), columns);
        out.flush();
        return ExitCodes.OK;
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? 160 : Integer.parseInt(columns.strip());
        } catch (NumberFormatException e) {
            return 160;
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
            return new Pair(row.row(), row.id(), null, null, row.malformed());
        }
        Debtor debtor;
        try {
            debtor = Debtor.fromFields(row.fields());
        } catch (InvalidDebtorException e) {
            return new Pair(row.row(), row.id(), null, null, e.getMessage());
        }
        ProcessedRow a = ProcessedRow.of(RowAssessor.of(base, asOf).locale(locale), row, debtor);
        if (!a.ok()) {
            return new Pair(row.row(), row.id(), null, null, a.error());
        }
        ProcessedRow b = ProcessedRow.of(RowAssessor.of(cand, asOf).locale(locale), row, debtor);
        if (!b.ok()) {
            return new Pair(row.row(), row.id(), null, null, b.error());
        }
        return new Pair(row.row(), row.id(), a.assessment(), b.assessment(), null);
    }
}
