package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.json.AssessmentJson;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one output record per input row, immediately, in one of the {@link OutputFormat}s. Records are flushed after
 * each one when asked (interactive input), and otherwise at least once a second by a daemon thread, so a run that is
 * killed midway leaves every record finished more than a second before in the output. Error records show their id
 * and message with control characters escaped ({@link SafeText#escape}), cut after {@link #MAX_ERROR_LENGTH}
 * characters.
 */
abstract class RecordWriter implements AutoCloseable {

    /** The longest error message written; messages echo values only in short excerpts, so this is a last guard. */
    static final int MAX_ERROR_LENGTH = 1000;

    /** How often buffered records are flushed at the latest. */
    static final long FLUSH_MILLIS = 1000;

    protected final Writer out;
    private final boolean flushEachRecord;
    private final ScheduledExecutorService flusher;
    private boolean unflushed;
    private long records;

    RecordWriter(Writer out, boolean flushEachRecord) {
        this.out = out;
        this.flushEachRecord = flushEachRecord;
        if (flushEachRecord) {
            flusher = null;
        } else {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flush-output");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::flushIfWritten, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    static RecordWriter create(OutputFormat format, Writer out, boolean flushEachRecord) {
        return create(format, out, null, flushEachRecord, AssessmentJson.Fields.ALL);
    }

    /**
     * @param format          the output format
     * @param out             where the records go as text; for JSON Lines with {@code bytes}, not written to
     * @param bytes           for JSON Lines, the stream under {@code out} that the records are written to as UTF-8
     *                        bytes, rendered so on the worker threads; null to write through {@code out}
     * @param flushEachRecord true to flush after each record
     * @param fields          the fields of each record ({@link AssessmentJson.Fields#ALL} for all of them); not for
     *                        {@link OutputFormat#TABLE}
     * @return the writer
     */
    static RecordWriter create(OutputFormat format, Writer out, OutputStream bytes, boolean flushEachRecord,
                               AssessmentJson.Fields fields) {
        if (fields == null) {
            throw new IllegalArgumentException("fields must not be null; Fields.ALL writes every field");
        }
        if (format == OutputFormat.TABLE && fields != AssessmentJson.Fields.ALL) {
            throw new IllegalArgumentException("--fields works with the jsonl and csv output formats, not with table");
        }
        return switch (format) {
            case JSONL -> new JsonLines(out, bytes, flushEachRecord, fields);
            case CSV -> new Csv(out, flushEachRecord, fields);
            case TABLE -> new Table(out, flushEachRecord);
        };
    }

    /** @return the stream flushed and written to, or the writer's */
    Flushable target() {
        return out;
    }

    final synchronized void assessment(long row, Assessment a) {
        try {
            writeAssessment(row, a);
            afterRecord();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    final synchronized void error(long row, String id, String error) {
        String message = SafeText.escape(error);
        if (message.length() > MAX_ERROR_LENGTH) {
            message = message.substring(0, MAX_ERROR_LENGTH) + "…";
        }
        try {
            writeError(row, SafeText.escape(id), message);
            afterRecord();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    private void afterRecord() throws IOException {
        records++;
        if (flushEachRecord) {
            target().flush();
        } else {
            unflushed = true;
        }
        if (records % 4096 == 0 && out instanceof PrintWriter pw && pw.checkError()) {
            throw new IOException("output closed after " + records + " records");
        }
    }

    /** Flushes what was written since the last flush; a failure shows at the next write. */
    private synchronized void flushIfWritten() {
        if (!unflushed) {
            return;
        }
        unflushed = false;
        try {
            target().flush();
        } catch (IOException | RuntimeException e) {
            // the thread that writes records meets the same problem and reports it
        }
    }

    abstract void writeAssessment(long row, Assessment a) throws IOException;

    /**
     * The finished record of one assessment, as UTF-8 bytes, rendered on the calling thread so that the thread
     * writing the output only copies it; {@code null} when this format renders as it writes (or, rarely, when this
     * record is better written by {@link #assessment}).
     */
    byte[] render(long row, Assessment a) {
        return null;
    }

    /** Writes a record {@link #render rendered} earlier. */
    final synchronized void rendered(byte[] record) {
        try {
            writeRendered(record);
            afterRecord();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    /** Writes what {@link #render} gave. */
    void writeRendered(byte[] record) throws IOException {
        throw new IllegalStateException("this format renders as it writes");
    }

    abstract void writeError(long row, String id, String error) throws IOException;

    @Override
    public void close() throws IOException {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        synchronized (this) {
            target().flush();
        }
    }

    /**
     * JSON Lines in the shape of docs/contract.md: each assessment as {@link AssessmentJson} writes it, each error
     * record {@code {"row", "id", "error"}}.
     */
    static final class JsonLines extends RecordWriter {
        private final JsonGenerator gen;
        private final OutputStream bytes;
        private final AssessmentJson.Fields fields;
        private final ByteArrayBuilder errorBuffer;

        JsonLines(Writer out, OutputStream bytes, boolean flushEachRecord, AssessmentJson.Fields fields) {
            super(out, flushEachRecord);
            this.bytes = bytes;
            this.fields = fields;
            try {
                if (bytes == null) {
                    errorBuffer = null;
                    gen = RowReader.JSON.getFactory().createGenerator(out);
                } else {
                    errorBuffer = new ByteArrayBuilder(512);
                    gen = RowReader.JSON.getFactory().createGenerator(errorBuffer, JsonEncoding.UTF8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            gen.setRootValueSeparator(null);
        }

        @Override
        Flushable target() {
            return bytes != null ? bytes : out;
        }

        /** A UTF-8 generator and its buffer per thread, for {@link #render}. */
        private static final ThreadLocal<Renderer> RENDERERS = ThreadLocal.withInitial(Renderer::new);

        private static final class Renderer {
            final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);
            final JsonGenerator gen;

            Renderer() {
                try {
                    gen = RowReader.JSON.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                gen.setRootValueSeparator(null);
            }

            /** The record's bytes, or null when a text holds a surrogate (written as an escape by this generator). */
            byte[] render(Assessment a, AssessmentJson.Fields fields) throws IOException {
                buffer.reset();
                AssessmentJson.write(gen, a, fields);
                gen.writeRaw('\n');
                gen.flush();
                byte[] record = buffer.toByteArray();
                return hasSurrogateEscape(record) ? null : record;
            }
        }

        /**
         * True when the bytes hold a backslash, u, D: the UTF-8 generator escapes a surrogate (an emoji, a lone one) that
         * the text path writes as the character itself. Rare; such a record goes the text path.
         */
        static boolean hasSurrogateEscape(byte[] b) {
            for (int i = 0; i + 2 < b.length; i++) {
                if (b[i] == '\\' && b[i + 1] == 'u' && (b[i + 2] == 'D' || b[i + 2] == 'd')) {
                    return true;
                }
            }
            return false;
        }

        @Override
        byte[] render(long row, Assessment a) {
            try {
                return RENDERERS.get().render(a, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void writeRendered(byte[] record) throws IOException {
            if (bytes != null) {
                bytes.write(record);
            } else {
                out.write(new String(record, StandardCharsets.UTF_8));
            }
        }

        @Override
        void writeAssessment(long row, Assessment a) throws IOException {
            StringWriter text = new StringWriter(4096);
            JsonGenerator g = RowReader.JSON.getFactory().createGenerator(text);
            AssessmentJson.write(g, a, fields);
            g.close();
            text.write('\n');
            if (bytes != null) {
                // as a writer of the file would encode it: a character that is not text is an error, not a '?'
                ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text.getBuffer()));
                bytes.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
            } else {
                out.write(text.toString());
            }
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("row", row);
            gen.writeStringField("id", id);
            gen.writeStringField("error", error);
            gen.writeEndObject();
            gen.flush();
            if (bytes != null) {
                errorBuffer.write('\n');
                bytes.write(errorBuffer.toByteArray());
                errorBuffer.reset();
            } else {
                out.write('\n');
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (this) {
                gen.flush();
            }
            super.close();
        }
    }

    /**
     * CSV: the key results of each row flattened into columns; an error row fills {@code row}, {@code id},
     * {@code error}. A text cell that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) gets a {@code '} in front, as OWASP recommends against CSV
     * injection.
     */
    static final class Csv extends RecordWriter {
        static final String[] HEADER = {"row", "id", "debtorType", "situation", "script", "firstStep",
            "firstStepInDays", "steps", "warnings", "blocked", "firedRules", "rulebook", "rulebookVersion", "error"};
        /** The field of each column of {@link #HEADER}, as {@code --fields} names it; null: always there. */
        static final String[] COLUMN_FIELDS = {null, "id", "debtorType", "situation", "script.id", "escalation",
            "escalation", "escalation", "warnings", "blocked", "firedRules", "rulebook.name", "rulebook.version", null};
        private final CSVPrinter printer;
        /** Which columns of {@link #HEADER} are written. */
        private final boolean[] columns = new boolean[HEADER.length];
        private final Object[] cells;

        Csv(Writer out, boolean flushEachRecord, AssessmentJson.Fields fields) {
            super(out, flushEachRecord);
            List<String> header = new ArrayList<>();
            for (int i = 0; i < HEADER.length; i++) {
                columns[i] = COLUMN_FIELDS[i] == null || fields.includes(COLUMN_FIELDS[i]);
                if (columns[i]) {
                    header.add(HEADER[i]);
                }
            }
            cells = new Object[header.size()];
            try {
                printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").setAutoFlush(false).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * @param fields the fields asked for
         * @return the names among them that no CSV column shows (the CSV output holds the key results only)
         */
        static List<String> withoutColumn(AssessmentJson.Fields fields) {
            List<String> without = new ArrayList<>();
            for (String name : fields.names()) {
                boolean shown = false;
                for (String f : COLUMN_FIELDS) {
                    shown |= f != null && (f.equals(name) || f.startsWith(name + "."));
                }
                if (!shown) {
                    without.add(name);
                }
            }
            return without;
        }

        private void print(Object... all) throws IOException {
            int n = 0;
            for (int i = 0; i < all.length; i++) {
                if (columns[i]) {
                    cells[n++] = all[i];
                }
            }
            printer.printRecord(cells);
        }

        @Override
        void writeAssessment(long row, Assessment a) throws IOException {
            EscalationStep first = a.escalation().isEmpty() ? null : a.escalation().get(0);
            print(row, cell(a.id()), cell(a.debtorType()), cell(a.situation()),
                    cell(a.script() == null ? "" : a.script().id()), cell(first == null ? "" : first.step()),
                    first == null ? "" : first.inDays(),
                    cell(a.escalation().stream().map(s -> s.step() + "@" + s.inDays()).collect(Collectors.joining("|"))),
                    cell(String.join("|", a.warningCodes())),
                    cell(a.blocked().stream().map(BlockedStep::step).collect(Collectors.joining("|"))),
                    cell(String.join("|", a.firedRuleIds())), cell(a.rulebook().name()), cell(a.rulebook().version()), "");
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            print(row, cell(id), "", "", "", "", "", "", "", "", "", "", "", cell(error));
        }

        /** A text cell: empty for null, neutralised when a spreadsheet would read it as a formula. */
        static String cell(String s) {
            if (s == null || s.isEmpty()) {
                return "";
            }
            char c = s.charAt(0);
            return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
        }
    }

    /** A fixed-width table for reading; long cells are cut with {@code …}, control characters escaped. */
    static final class Table extends RecordWriter {
        private static final String FORMAT = "%-7s %-14s %-15s %-10s %-24s %-22s %s%n";

        Table(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
            try {
                out.write(String.format(FORMAT, "ROW", "ID", "TYPE", "SITUATION", "FIRST STEP", "SCRIPT",
                        "WARNINGS / ERROR"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void writeAssessment(long row, Assessment a) throws IOException {
            String first = a.firstStep().map(s -> s.step() + " +" + s.inDays() + "d").orElse("-");
            String warnings = a.warningCodes().isEmpty() ? "" : String.join(",", a.warningCodes());
            if (!a.blocked().isEmpty()) {
                warnings += (warnings.isEmpty() ? "" : " ") + "blocked:"
                        + a.blocked().stream().map(BlockedStep::step).collect(Collectors.joining(","));
            }
            out.write(String.format(FORMAT, row, cut(a.id(), 14), cut(a.debtorType(), 15),
                    a.situation() == null ? "-" : cut(a.situation(), 10), cut(first, 24),
                    a.script() == null ? "-" : cut(a.script().id(), 22), SafeText.escape(warnings)));
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            out.write(String.format(FORMAT, row, id == null ? "-" : cut(id, 14), "ERROR", "", "", "", error));
        }

        static String cut(String s, int width) {
            String shown = SafeText.escape(s);
            return shown.length() <= width ? shown : shown.substring(0, width - 1) + "…";
        }
    }
}
