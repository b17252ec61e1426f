package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    /** A writer that keeps what was flushed apart from what is still buffered. */
    static final class Flushes extends Writer {
        final StringBuilder buffered = new StringBuilder();
        final StringWriter flushed = new StringWriter();
        final CountDownLatch firstFlush = new CountDownLatch(1);

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            buffered.append(cbuf, off, len);
        }

        @Override
        public synchronized void flush() {
            flushed.append(buffered);
            buffered.setLength(0);
            firstFlush.countDown();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void error_withoutClosing_flushedByTheWriterItself() throws Exception {
        Flushes target = new Flushes();
        try (RecordWriter writer = RecordWriter.create(OutputFormat.JSONL, target, false)) {
            writer.error(1, "C-1", "daysOverdue is required");

            assertThat(target.firstFlush.await(30, TimeUnit.SECONDS)).as("flushed while the writer is open").isTrue();
            assertThat(target.flushed.toString()).isEqualTo("{\"row\":1,\"id\":\"C-1\",\"error\":\"daysOverdue is required\"}\n");
        }
    }

    @Test
    void error_withControlCharactersOrVeryLong_escapedAndCut() {
        StringWriter out = new StringWriter();
        try (RecordWriter writer = RecordWriter.create(OutputFormat.TABLE, out, true)) {
            writer.error(7, "C-\u001B[31m", "bad\nline " + "x".repeat(5000));
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        String row = out.toString().split("\n")[1];
        assertThat(row).startsWith("7       C-\\u001B[31m").contains("bad\\nline xxx").endsWith("x…")
                .doesNotContain("\u001B");
        assertThat(row.length()).isLessThan(RecordWriter.MAX_ERROR_LENGTH + 100);
    }
}
