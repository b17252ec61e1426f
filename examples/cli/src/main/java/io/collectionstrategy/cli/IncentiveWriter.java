package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.OwnerTotals;
import io.collectionstrategy.incentives.UnitTotals;
import io.collectionstrategy.json.IncentiveJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the {@code incentives} command's records in one of the {@link OutputFormat}s: one record per input row
 * (a receivable's result or an error record), and the totals per unit and per person responsible.
 */
abstract class IncentiveWriter implements AutoCloseable {

    protected final Writer out;
    private final boolean flushEachRecord;

    IncentiveWriter(Writer out, boolean flushEachRecord) {
        this.out = out;
        this.flushEachRecord = flushEachRecord;
    }

    static IncentiveWriter create(OutputFormat format, Writer out, boolean flushEachRecord) {
        return switch (format) {
            case JSONL -> new JsonLines(out, flushEachRecord);
            case CSV -> new Csv(out, flushEachRecord);
            case TABLE -> new Table(out, flushEachRecord);
        };
    }

    final void result(long row, IncentiveResult r) {
        write(() -> writeResult(row, r));
    }

    final void error(long row, String id, String error) {
        write(() -> writeError(row, id, error));
    }

    /** Writes the totals: every unit, then every person responsible. */
    final void totals(List<UnitTotals> units, List<OwnerTotals> owners) {
        write(() -> writeTotals(units, owners));
    }

    private interface Io {
        void run() throws IOException;
    }

    private void write(Io io) {
        try {
            io.run();
            if (flushEachRecord) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    abstract void writeResult(long row, IncentiveResult r) throws IOException;

    abstract void writeError(long row, String id, String error) throws IOException;

    abstract void writeTotals(List<UnitTotals> units, List<OwnerTotals> owners) throws IOException;

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** JSON Lines in the shape of docs/schema/incentive.schema.json, written by {@link IncentiveJson}. */
    static final class JsonLines extends IncentiveWriter {

        JsonLines(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
        }

        private interface Json {
            void to(JsonGenerator g) throws IOException;
        }

        private void line(Json json) throws IOException {
            StringWriter buffer = new StringWriter(512);
            try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(buffer)) {
                json.to(g);
            }
            out.write(buffer.toString());
            out.write('\n');
        }

        @Override
        void writeResult(long row, IncentiveResult r) throws IOException {
            line(g -> IncentiveJson.write(g, r));
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            line(g -> {
                g.writeStartObject();
                g.writeNumberField("row", row);
                g.writeStringField("id", id);
                g.writeStringField("error", error);
                g.writeEndObject();
            });
        }

        @Override
        void writeTotals(List<UnitTotals> units, List<OwnerTotals> owners) throws IOException {
            for (UnitTotals u : units) {
                line(g -> IncentiveJson.write(g, u));
            }
            for (OwnerTotals o : owners) {
                line(g -> IncentiveJson.write(g, o));
            }
        }
    }

    /** CSV: one row per receivable, flattened; totals as rows of {@code totals, name, ...}. */
    static final class Csv extends IncentiveWriter {
        static final String[] HEADER = {"row", "id", "unit", "owner", "category", "period", "year", "reward", "penalty",
            "net", "expenseFreeze", "firedRules", "error"};
        static final String[] TOTALS = {"totals", "name", "receivables", "reward", "penalty", "net", "expenseFreeze"};
        private CSVPrinter printer;

        Csv(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
        }

        private CSVPrinter printer(String[] header) throws IOException {
            if (printer == null) {
                printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n")
                        .setAutoFlush(false).get());
            }
            return printer;
        }

        @Override
        void writeResult(long row, IncentiveResult r) throws IOException {
            printer(HEADER).printRecord(row, r.id(), r.unit(), r.owner(), r.category().name(), r.period().label(),
                    r.year(), plain(r.reward()), plain(r.penalty()), plain(r.net()), r.expenseFreeze(),
                    String.join("|", r.firedRuleIds()), "");
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            printer(HEADER).printRecord(row, id == null ? "" : id, "", "", "", "", "", "", "", "", "", "", error);
        }

        @Override
        void writeTotals(List<UnitTotals> units, List<OwnerTotals> owners) throws IOException {
            CSVPrinter p = printer(TOTALS);
            for (UnitTotals u : units) {
                p.printRecord("unit", u.unit(), u.receivables(), plain(u.reward()), plain(u.penalty()), plain(u.net()),
                        u.expenseFreeze());
            }
            for (OwnerTotals o : owners) {
                p.printRecord("owner", o.owner(), o.receivables(), plain(o.reward()), plain(o.penalty()),
                        plain(o.net()), "");
            }
        }
    }

    /** A fixed-width table for reading; long cells are cut with {@code …}. */
    static final class Table extends IncentiveWriter {
        private static final String FORMAT = "%-6s %-12s %-12s %-12s %-22s %12s %12s %12s %-6s %s%n";
        private static final String TOTALS = "%-6s %-24s %5s %12s %12s %12s %s%n";
        private boolean header;

        Table(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
        }

        private void header() throws IOException {
            if (!header) {
                header = true;
                out.write(String.format(FORMAT, "ROW", "ID", "UNIT", "OWNER", "CATEGORY", "REWARD", "PENALTY", "NET",
                        "FREEZE", "RULES / ERROR"));
            }
        }

        @Override
        void writeResult(long row, IncentiveResult r) throws IOException {
            header();
            out.write(String.format(FORMAT, row, cut(r.id(), 12), cut(r.unit(), 12), cut(r.owner(), 12),
                    cut(r.category().name(), 22), plain(r.reward()), plain(r.penalty()), plain(r.net()),
                    r.expenseFreeze() ? "yes" : "no", String.join(",", r.firedRuleIds())));
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            header();
            out.write(String.format(FORMAT, row, id == null ? "-" : cut(id, 12), "", "", "ERROR", "", "", "", "", error));
        }

        @Override
        void writeTotals(List<UnitTotals> units, List<OwnerTotals> owners) throws IOException {
            out.write(String.format(TOTALS, "TOTALS", "UNIT", "COUNT", "REWARD", "PENALTY", "NET", "EXPENSES"));
            for (UnitTotals u : units) {
                out.write(String.format(TOTALS, "unit", cut(u.unit(), 24), u.receivables(), plain(u.reward()),
                        plain(u.penalty()), plain(u.net()), u.expenseFreeze() ? "frozen" : "not frozen"));
            }
            out.write(String.format(TOTALS, "TOTALS", "OWNER", "COUNT", "REWARD", "PENALTY", "NET", ""));
            for (OwnerTotals o : owners) {
                out.write(String.format(TOTALS, "owner", cut(o.owner(), 24), o.receivables(), plain(o.reward()),
                        plain(o.penalty()), plain(o.net()), ""));
            }
        }

        static String cut(String s, int width) {
            return RecordWriter.Table.cut(s, width);
        }
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
