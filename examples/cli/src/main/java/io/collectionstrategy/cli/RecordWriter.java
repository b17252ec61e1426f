package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.json.AssessmentJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
        return switch (format) {
            case JSONL -> new JsonLines(out, flushEachRecord);
            case CSV -> new Csv(out, flushEachRecord);
            case TABLE -> new Table(out, flushEachRecord);
        };
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
            out.flush();
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
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the thread that writes records meets the same problem and reports it
        }
    }

    abstract void writeAssessment(long row, Assessment a) throws IOException;

    /**
     * The finished text of one assessment's record, rendered on the calling thread so that the thread writing the
     * output only copies it; {@code null} when this format renders as it writes.
     */
    String render(long row, Assessment a) {
        return null;
    }

    /** Writes a record {@link #render rendered} earlier. */
    final synchronized void rendered(String record) {
        try {
            out.write(record);
            afterRecord();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    abstract void writeError(long row, String id, String error) throws IOException;

    @Override
    public void close() throws IOException {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        synchronized (this) {
            out.flush();
        }
    }

    /**
     * JSON Lines in the shape of docs/contract.md: each assessment as {@link AssessmentJson} writes it, each error
     * record {@code {"row", "id", "error"}}.
     */
    static final class JsonLines extends RecordWriter {
        private final JsonGenerator gen;

        JsonLines(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
            try {
                gen = RowReader.JSON.getFactory().createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            gen.setRootValueSeparator(null);
        }

        /** A generator and its buffer per thread, for {@link #render}. */
        private static final ThreadLocal<Renderer> RENDERERS = ThreadLocal.withInitial(Renderer::new);

        private static final class Renderer {
            final java.io.StringWriter buffer = new java.io.StringWriter(4096);
            final JsonGenerator gen;

            Renderer() {
                try {
                    gen = RowReader.JSON.getFactory().createGenerator(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                gen.setRootValueSeparator(null);
            }

            String render(Assessment a) throws IOException {
                buffer.getBuffer().setLength(0);
                AssessmentJson.write(gen, a);
                gen.writeRaw('\n');
                gen.flush();
                return buffer.toString();
            }
        }

        @Override
        String render(long row, Assessment a) {
            try {
                return RENDERERS.get().render(a);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void writeAssessment(long row, Assessment a) throws IOException {
            out.write(render(row, a));
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("row", row);
            gen.writeStringField("id", id);
            gen.writeStringField("error", error);
            gen.writeEndObject();
            gen.flush();
            out.write('\n');
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
        private final CSVPrinter printer;

        Csv(Writer out, boolean flushEachRecord) {
            super(out, flushEachRecord);
            try {
                printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n")
                        .setAutoFlush(false).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void writeAssessment(long row, Assessment a) throws IOException {
            EscalationStep first = a.escalation().isEmpty() ? null : a.escalation().get(0);
            printer.printRecord(row, cell(a.id()), cell(a.debtorType()), cell(a.situation()),
                    cell(a.script() == null ? "" : a.script().id()), cell(first == null ? "" : first.step()),
                    first == null ? "" : first.inDays(),
                    cell(a.escalation().stream().map(s -> s.step() + "@" + s.inDays()).collect(Collectors.joining("|"))),
                    cell(String.join("|", a.warningCodes())),
                    cell(a.blocked().stream().map(BlockedStep::step).collect(Collectors.joining("|"))),
                    cell(String.join("|", a.firedRuleIds())), cell(a.rulebook().name()), cell(a.rulebook().version()), "");
        }

        @Override
        void writeError(long row, String id, String error) throws IOException {
            printer.printRecord(row, cell(id), "", "", "", "", "", "", "", "", "", "", "", cell(error));
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
