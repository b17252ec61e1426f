package io.collectionstrategy.cli;

import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate --count N}: a synthetic portfolio. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a realistic synthetic portfolio, deterministic for a seed.",
            "JSON Lines or CSV: days "
                + "overdue skewed to the early buckets with a long tail, behaviours consistent with the seven debtor "
                + "types, promises and contacts, 3-5%% special circumstances, guarantor, collateral and business "
                + "flags, synthetic names.",
            "Dates in the rows lie before --reference-date: assess on or after it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:generated", "2:bad command line or output not writable", "3:unexpected failure"})
final class GenerateCommand implements Callable<Integer> {

    /** The formats generate writes (a JSON array is not one of them). */
    enum Format {
        JSONL(PortfolioFormat.JSONL), CSV(PortfolioFormat.CSV);

        final PortfolioFormat portfolioFormat;

        Format(PortfolioFormat portfolioFormat) {
            this.portfolioFormat = portfolioFormat;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many debtors.")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Option(names = "--bad-rows", paramLabel = "FRACTION", defaultValue = "0",
            description = "Fraction 0..1 of rows made invalid on purpose, to try error handling (default: ${DEFAULT-VALUE}).")
    double badRows;

    @Option(names = "--reference-date", paramLabel = "DATE",
            description = "Dates in the rows lie before this date (default: 2026-11-01).")
    LocalDate reference = SyntheticPortfolio.DEFAULT_REFERENCE_DATE;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 0, was " + count);
        }
        if (badRows < 0 || badRows > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bad-rows must be between 0 and 1, was " + badRows);
        }
        Writer writer;
        if (out == null) {
            writer = spec.commandLine().getOut();
        } else {
            try {
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new StartupException("cannot write " + out + ": " + e);
            }
        }
        SyntheticPortfolio portfolio = new SyntheticPortfolio(seed, count).withBadRows(badRows).withReferenceDate(reference);
        try {
            portfolio.write(writer, format.portfolioFormat);
        } finally {
            if (out != null) {
                writer.close();
            } else {
                writer.flush();
            }
        }
        if (out != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("generated %d debtors (seed %d) in %s%n", count, seed, out);
            err.flush();
        }
        return ExitCodes.OK;
    }
}
