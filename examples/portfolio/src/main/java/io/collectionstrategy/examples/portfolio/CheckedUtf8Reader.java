package io.collectionstrategy.examples.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes UTF-8 for a streaming parser without failing on bytes that are not UTF-8: each malformed sequence becomes
 * U+FFFD and its position (in characters from the start) is noted, so that the reader can turn the one element it
 * falls in into an error record and go on with the next.
 */
final class CheckedUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer pair = CharBuffer.allocate(2).flip();
    private final ArrayDeque<Long> malformed = new ArrayDeque<>();
    private boolean eof;
    private long chars;
    private long lastMalformed = -2;

    /** @param in the stream, positioned after any byte-order mark */
    CheckedUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        if (pair.hasRemaining()) { // the second half of a surrogate pair that did not fit last time
            out.put(pair.get());
        }
        while (out.position() == off) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                long at = chars + out.position() - off;
                if (at != lastMalformed + 1) { // of a run of bad bytes, its start is enough
                    malformed.add(at);
                }
                lastMalformed = at;
                out.put('\uFFFD');
                bytes.position(bytes.position() + r.length());
            } else if (r.isOverflow()) {
                if (out.position() > off) {
                    break;
                }
                // room for one char only, and the next is a surrogate pair
                pair.clear();
                decoder.decode(bytes, pair, eof);
                pair.flip();
                out.put(pair.get());
            } else if (eof) {
                if (out.position() == off) {
                    return -1;
                }
            } else if (out.position() == off) {
                fill();
            }
        }
        int n = out.position() - off;
        chars += n;
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /**
     * Whether a malformed sequence was replaced within a range of characters; forgets those before it.
     *
     * @param from the first character of the range
     * @param to   the character after the range
     * @return the position of the first replaced sequence in the range, or -1
     */
    long malformedWithin(long from, long to) {
        forgetBefore(from);
        return !malformed.isEmpty() && malformed.peekFirst() < to ? malformed.peekFirst() : -1;
    }

    /** @param from forget the replaced sequences before this character (they are behind the parser) */
    void forgetBefore(long from) {
        while (!malformed.isEmpty() && malformed.peekFirst() < from) {
            malformed.pollFirst();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
