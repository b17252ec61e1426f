package io.collectionstrategy.examples.portfolio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each one as UTF-8 on its own, so that one bad line is one bad row. A
 * line ends at LF or CRLF only (a lone CR is part of the line). At most {@code maxBytes} bytes of a line are kept:
 * the rest of a longer line is read past without being stored, so memory is bounded whatever the input.
 */
final class ByteLines implements Closeable {

    /**
     * One line.
     *
     * @param text        the text, or for a line that is too long the text of its first {@code maxBytes} bytes;
     *                    bytes that are not UTF-8 are replaced by U+FFFD
     * @param bytes       how many bytes the line has, without its line end
     * @param tooLong     true when it has more than {@code maxBytes} bytes
     * @param malformedAt the 1-based byte of the line where UTF-8 decoding failed, or 0 when it is valid
     */
    record Line(String text, long bytes, boolean tooLong, int malformedAt) {

        boolean blank() {
            return !tooLong && malformedAt == 0 && text.isBlank();
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private byte[] line = new byte[1024];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param in       the stream, positioned after any byte-order mark
     * @param maxBytes the most bytes of a line kept
     */
    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** @return the next line, or null at the end of the input */
    Line next() throws IOException {
        int kept = 0;
        long total = 0;
        boolean any = false;
        boolean endedByLf = false;
        while (true) {
            if (pos == end) {
                fill();
                if (pos == end) {
                    break;
                }
            }
            any = true;
            int i = pos;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            int n = i - pos;
            int room = (int) Math.min(n, Math.max(0, (long) maxBytes + 1 - kept)); // one byte more: a CR before LF
            if (room > 0) {
                ensure(kept + room);
                System.arraycopy(buffer, pos, line, kept, room);
                kept += room;
            }
            total += n;
            if (i < end) {
                pos = i + 1;
                endedByLf = true;
                break;
            }
            pos = end;
        }
        if (!any) {
            return null;
        }
        if (endedByLf && total > 0 && total == kept && line[kept - 1] == '\r') { // CRLF
            kept--;
            total--;
        }
        if (total > maxBytes) {
            return new Line(new String(line, 0, Math.min(kept, maxBytes), StandardCharsets.UTF_8), total, true, 0);
        }
        return decode(kept, total);
    }

    private Line decode(int length, long total) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new Line(new String(line, 0, length, StandardCharsets.ISO_8859_1), total, false, 0);
        }
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(new String(line, 0, length, StandardCharsets.UTF_8), total, false, bytes.position() + 1);
        }
        decoder.flush(chars);
        chars.flip();
        return new Line(chars.toString(), total, false, 0);
    }

    private void ensure(int size) {
        if (size > line.length) {
            line = Arrays.copyOf(line, Math.max(size, Math.min(2 * line.length, maxBytes + 1)));
        }
    }

    private void fill() throws IOException {
        if (eof) {
            return;
        }
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        end = Math.max(0, n);
        if (n < 0) {
            eof = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
