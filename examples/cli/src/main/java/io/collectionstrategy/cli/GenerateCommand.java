package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

    enum Format { JSONL, CSV }

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
    LocalDate reference = PortfolioGenerator.DEFAULT_REFERENCE_DATE;

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
        PortfolioGenerator rows = new PortfolioGenerator(seed, count, badRows, reference, format == Format.JSONL);
        try {
            if (format == Format.JSONL) {
                writeJsonLines(rows, writer);
            } else {
                writeCsv(rows, writer);
            }
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

    private static void writeJsonLines(PortfolioGenerator rows, Writer writer) throws IOException {
        JsonGenerator g = PortfolioReader.JSON.getFactory().createGenerator(writer);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.setRootValueSeparator(null);
        while (rows.hasNext()) {
            PortfolioGenerator.Row row = rows.next();
            if (row.malformedJson() != null) {
                g.flush();
                writer.write(row.malformedJson());
            } else {
                PortfolioReader.JSON.writeValue(g, row.fields());
                g.flush();
            }
            writer.write('\n');
        }
        g.flush();
    }

    private static void writeCsv(PortfolioGenerator rows, Writer writer) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(PortfolioGenerator.CSV_COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get());
        List<Object> values = new ArrayList<>(PortfolioGenerator.CSV_COLUMNS.size());
        while (rows.hasNext()) {
            Map<String, Object> f = rows.next().fields();
            values.clear();
            for (String column : PortfolioGenerator.CSV_COLUMNS) {
                Object v = f.get(column);
                if (v == null) {
                    values.add("");
                } else if ("contactHistory".equals(column)) {
                    values.add(PortfolioReader.JSON.writeValueAsString(v));
                } else if (v instanceof Collection<?> c) {
                    values.add(String.join("|", c.stream().map(String::valueOf).toList()));
                } else {
                    values.add(v);
                }
            }
            printer.printRecord(values);
        }
        printer.flush();
    }
}
