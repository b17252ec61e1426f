package io.collectionstrategy.examples.portfolio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.collectionstrategy.SafeText;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a portfolio row by row with memory bounded by the size of a row: JSON Lines line by line, a JSON array element
 * by element with Jackson's streaming parser, CSV record by record. A row that cannot be read becomes a malformed
 * {@link PortfolioRow} in its place, with the case id when it can be seen, and reading goes on with the next row:
 *
 * <ul>
 *   <li>Lines end at LF or CRLF only; a lone CR is part of the line. Each line is decoded as UTF-8 on its own, so
 *       bytes that are not UTF-8 make that row malformed and no other.</li>
 *   <li>A row of more than {@link #MAX_ROW_BYTES} bytes (a line, a CSV record, a JSON array element; for an element,
 *       characters) is malformed: it is read past without being kept in memory.</li>
 *   <li>CSV: a record that does not read (a stray quote, a quoted value that never closes) is malformed, and reading
 *       goes on with the line after its first line. A header that names a column twice makes every row malformed,
 *       naming the column.</li>
 *   <li>JSON array: after a syntax error the rest of the array cannot be parsed: the malformed element is the last
 *       row and {@link #stoppedEarly()} says why.</li>
 * </ul>
 *
 * <p>JSON Lines rows come out {@linkplain PortfolioRow#unparsed unparsed}, so that the parsing can run on the
 * threads (or Spark executors) that assess them: {@link PortfolioRow#parsed()}, or {@link #parseLine} for a line
 * read some other way. A file and a stream (standard input) are read in the same way.
 */
public final class RowReader implements Iterator<PortfolioRow>, Closeable {

    /** The most bytes a row may have: 1 MiB. */
    public static final int MAX_ROW_BYTES = 1 << 20;

    /** The most lines one CSV record may span (a quoted value with line breaks). */
    static final int MAX_RECORD_LINES = 10_000;

    /**
     * The JSON mapper rows are parsed with: floats as {@link java.math.BigDecimal}, a duplicate field or content
     * after the object is malformed. Fine for writing JSON too.
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads one element of a JSON array: what follows it is the next element, not trailing garbage. */
    private static final ObjectReader ELEMENT_READER =
            JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputStream in;
    private final PortfolioFormat format;
    private final String source;
    private final int maxRowBytes;
    private long row;
    private PortfolioRow next;
    private boolean done;
    private String stoppedEarly;

    // JSON Lines and CSV
    private ByteLines lines;
    // JSON
    private CheckedUtf8Reader chars;
    private JsonParser parser;
    private boolean inArray;
    private boolean pendingFirst;
    private boolean emptyJson;
    private String elementId;
    // CSV
    private final ArrayDeque<ByteLines.Line> pushedBack = new ArrayDeque<>();
    private List<String> header;
    private int idColumn = -1;
    private String duplicateColumn;

    private RowReader(InputStream in, PortfolioFormat format, String source, int maxRowBytes) throws IOException {
        this.in = in;
        this.format = format;
        this.source = source;
        this.maxRowBytes = maxRowBytes;
        switch (format) {
            case JSON -> openJson();
            case CSV -> {
                lines = new ByteLines(in, maxRowBytes);
                openCsv();
            }
            case JSONL -> lines = new ByteLines(in, maxRowBytes);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    /**
     * Opens a file.
     *
     * @param file   the file
     * @param format the format, or null for the file's extension (else sniffed from the first character)
     * @return the reader
     * @throws UnreadablePortfolioException when the file is missing or unreadable, or its start is malformed (a JSON
     *                                      file that does not start with a value, a CSV header that does not read)
     */
    public static RowReader open(Path file, PortfolioFormat format) throws UnreadablePortfolioException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new UnreadablePortfolioException("file not found: " + source);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UnreadablePortfolioException("file not found: " + source);
        } catch (IOException e) {
            throw new UnreadablePortfolioException("cannot read " + source + ": " + e.getMessage());
        }
        PortfolioFormat byName = format != null ? format : PortfolioFormat.byExtension(file.getFileName().toString());
        return start(in, byName, source, MAX_ROW_BYTES);
    }

    /**
     * Reads a stream, e.g. standard input; closing the reader closes it.
     *
     * @param in     the stream, UTF-8
     * @param format the format, or null to sniff it from the first character
     * @param source what to call the input in messages and rows, e.g. {@code stdin}
     * @return the reader
     * @throws UnreadablePortfolioException when the stream cannot be read or its start is malformed
     */
    public static RowReader read(InputStream in, PortfolioFormat format, String source)
            throws UnreadablePortfolioException {
        return read(in, format, source, MAX_ROW_BYTES);
    }

    /**
     * Reads a stream with another limit on the size of a row.
     *
     * @param in          the stream, UTF-8
     * @param format      the format, or null to sniff it from the first character
     * @param source      what to call the input in messages and rows
     * @param maxRowBytes the most bytes of a row; a longer row is malformed
     * @return the reader
     * @throws UnreadablePortfolioException when the stream cannot be read or its start is malformed
     */
    public static RowReader read(InputStream in, PortfolioFormat format, String source, int maxRowBytes)
            throws UnreadablePortfolioException {
        if (maxRowBytes < 1) {
            throw new IllegalArgumentException("maxRowBytes must be at least 1, was " + maxRowBytes);
        }
        return start(in, format, source, maxRowBytes);
    }

    private static RowReader start(InputStream raw, PortfolioFormat format, String source, int maxRowBytes)
            throws UnreadablePortfolioException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            skipBom(in);
            return new RowReader(in, format != null ? format : sniff(in), source, maxRowBytes);
        } catch (UnreadablePortfolioException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(in);
            throw new UnreadablePortfolioException("cannot read " + source + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing with a better reason
        }
    }

    /** Skips a UTF-8 byte-order mark. */
    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) {
            in.reset();
        }
    }

    /** Guesses the format from the first non-blank byte: {@code [} JSON, <code>{</code> JSON Lines, else CSV. */
    private static PortfolioFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(4096);
        int c;
        int read = 0;
        do {
            c = in.read();
            read++;
        } while (c != -1 && read < 4000 && (c == ' ' || c == '\t' || c == '\r' || c == '\n'));
        in.reset();
        if (c == '[') {
            return PortfolioFormat.JSON;
        }
        if (c == '{' || c == -1) {
            return PortfolioFormat.JSONL;
        }
        return PortfolioFormat.CSV;
    }

    /** @return the format being read */
    public PortfolioFormat format() {
        return format;
    }

    /** @return what the input is called in messages and rows */
    public String source() {
        return source;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
            }
            if (next == null) {
                done = true;
            }
        }
        return next != null;
    }

    @Override
    public PortfolioRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PortfolioRow r = next;
        next = null;
        return r;
    }

    /** @return why reading stopped before the end of the input, or null when it read everything */
    public String stoppedEarly() {
        return stoppedEarly;
    }

    private PortfolioRow read() throws IOException {
        if (stoppedEarly != null) {
            return null;
        }
        return switch (format) {
            case JSONL -> readLine();
            case JSON -> readJsonElement();
            case CSV -> readCsvRecord();
        };
    }

    private String tooLong(String what) {
        return what + " is longer than " + maxRowBytes + " bytes, the limit of a row; it was skipped";
    }

    private static String notUtf8(int at) {
        return "not valid UTF-8 text: the bytes at byte " + at + " of the row are not UTF-8";
    }

    // ---- JSON Lines

    private PortfolioRow readLine() throws IOException {
        ByteLines.Line line;
        while ((line = lines.next()) != null) {
            row++;
            if (line.tooLong()) {
                return PortfolioRow.malformed(source, row, tooLong("the line"), salvageId(line.text()));
            }
            if (line.malformedAt() > 0) {
                return PortfolioRow.malformed(source, row, notUtf8(line.malformedAt()), salvageId(line.text()));
            }
            if (!line.text().isBlank()) {
                return PortfolioRow.unparsed(source, row, line.text());
            }
        }
        return null;
    }

    /**
     * Parses one JSON Lines line.
     *
     * @param source the input the line comes from
     * @param row    its 1-based line number
     * @param line   the line
     * @return the row with its fields, or a malformed row (not JSON, not an object) with the id seen in its text
     */
    public static PortfolioRow parseLine(String source, long row, String line) {
        Map<String, Object> fields = streamObject(line);
        if (fields != null) {
            return PortfolioRow.of(source, row, fields);
        }
        return parseTree(source, row, line);
    }

    /**
     * Parses one line through a JSON tree: the path of every line that is not one well-formed object, for the exact
     * message of what is wrong with it.
     */
    static PortfolioRow parseTree(String source, long row, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return PortfolioRow.malformed(source, row, malformed(e, false), salvageId(line));
        }
        return fromNode(source, row, node);
    }

    private static PortfolioRow fromNode(String source, long row, JsonNode node) {
        if (node == null || !node.isObject()) {
            return PortfolioRow.malformed(source, row, "expected a JSON object with the debtor's fields, was "
                    + (node == null ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)),
                    null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) toJava(node);
        return PortfolioRow.of(source, row, fields);
    }

    private static final Pattern START_MARKER = Pattern.compile(
            "\\(start marker at \\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*\\]");
    /** A token the parser quotes in its message, e.g. {@code Unrecognized token 'Wang'}. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'([^']*)'");
    /** A plain {@code "id": "..."} in the text of a row that is not valid JSON. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");
    /** The longest parser message kept. */
    private static final int MAX_MESSAGE = 300;

    /**
     * The parser's message with its position and the field it was in, without Jackson's source noise; the tokens it
     * quotes are cut short and masked like any echoed value, and not shown at all inside {@code name}.
     *
     * @param e        the parser's exception
     * @param withLine true to name the line too (a JSON file); a JSON Lines row is one line
     */
    private static String malformed(JsonProcessingException e, boolean withLine) {
        String where = "";
        if (e.getLocation() != null) {
            where = withLine ? " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
                    : " at column " + e.getLocation().getColumnNr();
        }
        String field = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : null;
        boolean inName = "name".equals(field);
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = START_MARKER.matcher(message).replaceAll(withLine ? "(opened at line $1 column $2)" : "(opened at column $2)");
        message = SOURCE.matcher(message).replaceAll("");
        message = QUOTED_TOKEN.matcher(message).replaceAll(m -> Matcher.quoteReplacement(
                "'" + (inName ? "…" : SafeText.excerpt(m.group(1))) + "'"));
        message = SafeText.escape(message);
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        String in = field == null ? "" : " (in " + SafeText.excerpt(field) + ")";
        return "malformed JSON" + where + in + ": " + message;
    }

    /** Where the parser was: {@code contactHistory[2].at}, or null at the top. */
    private static String path(JsonStreamContext context) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                sb.insert(0, "." + c.getCurrentName());
            } else if (c.inArray() && c.getParent() != null && !c.getParent().inRoot()) {
                sb.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return sb.length() == 0 ? null : sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    /** The id of a row that is not valid JSON, when a plain {@code "id": "..."} can be seen in its text. */
    private static String salvageId(String text) {
        Matcher m = ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A well-formed line's object read token by token into the values {@link #toJava} gives for its tree, without
     * building the tree; null for anything else (not JSON, not an object, a duplicate field, content after the
     * object, a value beyond the parser's limits), which {@link #parseTree} then describes.
     */
    static Map<String, Object> streamObject(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> fields = streamFields(p);
            return p.nextToken() == null ? fields : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> streamFields(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            map.put(name, streamValue(p, p.nextToken()));
        }
        return map;
    }

    private static Object streamValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return streamFields(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(streamValue(p, item));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue(); // Integer, Long or BigInteger by size, as the tree's nodes
            case VALUE_NUMBER_FLOAT:
                return stripped(p.getDecimalValue());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /** As the tree stores a decimal: without trailing zeros ({@code 1.50} is {@code 1.5}). */
    private static java.math.BigDecimal stripped(java.math.BigDecimal d) {
        try {
            return d.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return d;
        }
    }

    /** Jackson tree to plain Java values: maps, lists, strings, Integer/Long/BigInteger, BigDecimal, Boolean, null. */
    private static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    map.put(e.getKey(), toJava(e.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toJava(item));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.isIntegralNumber() ? node.numberValue() : node.decimalValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return null;
        }
    }

    // ---- JSON array (or a sequence of top-level values)

    private void openJson() throws IOException {
        chars = new CheckedUtf8Reader(in);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxRowBytes).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        parser = factory.createParser(chars);
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                inArray = true;
            } else if (first != null) {
                pendingFirst = true;
            } else {
                emptyJson = true;
            }
        } catch (JsonProcessingException e) {
            throw new UnreadablePortfolioException("cannot read " + source + ": " + malformed(e, true));
        }
    }

    private PortfolioRow readJsonElement() throws IOException {
        if (emptyJson) {
            return null;
        }
        long element = row + 1;
        try {
            JsonToken t;
            if (pendingFirst) {
                pendingFirst = false;
                t = parser.currentToken();
            } else {
                t = parser.nextToken();
            }
            if (t == null || (inArray && t == JsonToken.END_ARRAY)) {
                if (inArray && t == JsonToken.END_ARRAY && parser.nextToken() != null) {
                    stoppedEarly = "content after the end of the JSON array ignored";
                }
                return null;
            }
            row = element;
            long start = parser.currentTokenLocation().getCharOffset();
            TokenBuffer tokens = new TokenBuffer(parser, null).forceUseOfBigDecimal(true); // decimals exactly
            boolean fits = copyElement(tokens, start);
            long end = parser.currentLocation().getCharOffset();
            long bad = chars.malformedWithin(start, end);
            if (!fits) {
                return PortfolioRow.malformed(source, element, tooLong("the element"), elementId);
            }
            JsonNode node = ELEMENT_READER.readTree(tokens.asParser());
            if (bad >= 0) {
                return PortfolioRow.malformed(source, element, "not valid UTF-8 text: the bytes at character "
                        + (bad - start + 1) + " of the element are not UTF-8", idOf(node));
            }
            return fromNode(source, element, node);
        } catch (JsonProcessingException e) {
            row = element;
            stoppedEarly = "stopped reading at element " + element + ": the rest of a malformed JSON array cannot be read";
            return PortfolioRow.malformed(source, element, malformed(e, true), null);
        }
    }

    /**
     * Copies the element the parser is at, token by token, as long as it has at most {@link #maxRowBytes}
     * characters; the rest of a longer one is read past without being kept.
     *
     * Notes the element's {@code id} in {@link #elementId} on the way, for the error record of an element too long.
     *
     * @return true when it was copied whole
     */
    private boolean copyElement(TokenBuffer tokens, long start) throws IOException {
        elementId = null;
        int depth = 0;
        boolean fits = true;
        JsonToken t = parser.currentToken();
        while (true) {
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else if (depth == 1 && elementId == null && t == JsonToken.VALUE_STRING && "id".equals(parser.currentName())) {
                elementId = parser.getText();
            }
            if (fits && parser.currentLocation().getCharOffset() - start > maxRowBytes) {
                fits = false;
            }
            if (fits) {
                tokens.copyCurrentEvent(parser);
            } else {
                chars.forgetBefore(parser.currentLocation().getCharOffset() - 1);
            }
            if (depth == 0) {
                return fits;
            }
            t = parser.nextToken();
            if (t == null) {
                throw new JsonParseException(parser, "Unexpected end-of-input inside an element");
            }
        }
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    // ---- CSV

    /** The next line to read: one pushed back after a record that did not read, else the next of the input. */
    private ByteLines.Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst();
    }

    /** A record as read: its values, why it does not read (the whole message, or null), and the lines it spans. */
    private record CsvRecord(List<String> cells, String error, List<ByteLines.Line> lines) {

        int malformedAt() {
            for (ByteLines.Line l : lines) {
                if (l.malformedAt() > 0) {
                    return l.malformedAt();
                }
            }
            return 0;
        }
    }

    /**
     * Reads the next record: from its first non-blank line as far as a quoted value reaches. A record of more than
     * one line that does not read (or, once the header is known, does not have as many values as the header has
     * columns) is taken back: its first line alone is the malformed record, and reading goes on with the line after
     * it.
     *
     * @return the record, or null at the end of the input
     */
    private CsvRecord nextCsvRecord() throws IOException {
        ByteLines.Line first;
        do {
            first = nextLine();
        } while (first != null && first.blank());
        if (first == null) {
            return null;
        }
        List<ByteLines.Line> taken = new ArrayList<>();
        taken.add(first);
        CsvSplitter split = new CsvSplitter();
        split.feed(first.text());
        if (first.tooLong()) {
            return new CsvRecord(split.cells(), tooLong("the row"), taken);
        }
        long bytes = first.bytes();
        String unclosed = null;
        while (split.open()) {
            ByteLines.Line more = nextLine();
            if (more == null) {
                unclosed = "the input ends inside the quoted value";
                break;
            }
            taken.add(more);
            bytes += more.bytes() + 1;
            if (more.tooLong() || bytes > maxRowBytes) {
                unclosed = "they would make a row of more than " + maxRowBytes + " bytes";
                break;
            }
            if (taken.size() > MAX_RECORD_LINES) {
                unclosed = "they would make a row of more than " + MAX_RECORD_LINES + " lines";
                break;
            }
            split.feed(more.text());
        }
        if (taken.size() == 1) {
            String error = unclosed != null ? "a quoted value opened at " + split.openQuote() + " is never closed"
                    : split.error();
            return new CsvRecord(split.cells(), error == null ? null : "malformed CSV: " + error, taken);
        }
        if (unclosed == null && split.error() != null) {
            unclosed = split.shortError();
        }
        List<String> cells = split.cells();
        if (unclosed == null && header != null && cells.size() != header.size()) {
            unclosed = "they would make a row of " + cells.size() + " values, the header has " + header.size() + " columns";
        }
        if (unclosed == null) {
            return new CsvRecord(cells, null, taken);
        }
        for (int i = taken.size() - 1; i >= 1; i--) {
            pushedBack.addFirst(taken.get(i));
        }
        CsvSplitter alone = new CsvSplitter();
        alone.feed(first.text());
        return new CsvRecord(alone.cells(), "malformed CSV: a quoted value opened at " + alone.openQuote()
                + " is not closed on this line, and the lines after it do not complete the row (" + unclosed
                + "); reading goes on with the next line", List.of(first));
    }

    private void openCsv() throws IOException {
        CsvRecord first = nextCsvRecord();
        if (first == null) {
            header = List.of();
            return;
        }
        if (first.error() != null) {
            throw new UnreadablePortfolioException("cannot read the CSV header of " + source + ": " + first.error());
        }
        if (first.malformedAt() > 0) {
            throw new UnreadablePortfolioException("cannot read the CSV header of " + source + ": "
                    + notUtf8(first.malformedAt()));
        }
        header = first.cells();
        idColumn = header.indexOf("id");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size() && duplicateColumn == null; i++) {
            String name = header.get(i);
            Integer before = name.isEmpty() ? null : seen.putIfAbsent(name, i);
            if (before != null) {
                duplicateColumn = "column \"" + SafeText.excerpt(name) + "\" appears twice in the CSV header (columns "
                        + (before + 1) + " and " + (i + 1) + "); rename or remove one of them";
            }
        }
    }

    private PortfolioRow readCsvRecord() throws IOException {
        if (header.isEmpty()) {
            return null;
        }
        CsvRecord record = nextCsvRecord();
        if (record == null) {
            return null;
        }
        row++;
        List<String> cells = record.cells();
        String id = idColumn >= 0 && idColumn < cells.size() && !cells.get(idColumn).isBlank() ? cells.get(idColumn) : null;
        if (record.error() != null) {
            return PortfolioRow.malformed(source, row, record.error(), id);
        }
        if (record.malformedAt() > 0) {
            return PortfolioRow.malformed(source, row, notUtf8(record.malformedAt()), id);
        }
        if (duplicateColumn != null) {
            return PortfolioRow.malformed(source, row, duplicateColumn, id);
        }
        if (cells.size() < header.size()) {
            return PortfolioRow.malformed(source, row, "row has " + cells.size() + " values but the header has "
                    + header.size() + " columns; missing column "
                    + String.join(", ", header.subList(cells.size(), header.size())), id);
        }
        if (cells.size() > header.size()) {
            return PortfolioRow.malformed(source, row, "row has " + cells.size() + " values but the header has only "
                    + header.size() + " columns " + header, id);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        return PortfolioRow.of(source, row, fields);
    }

    /**
     * Counts the rows of a file cheaply for a progress bar's total: its lines (less one for a CSV header).
     *
     * @param file   the file
     * @param format its format
     * @return the count, or -1 when not known (a JSON array, a file that cannot be read)
     */
    public static long countRows(Path file, PortfolioFormat format) {
        if (format == PortfolioFormat.JSON) {
            return -1;
        }
        long lines = 0;
        boolean lastNewline = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                lastNewline = buffer[n - 1] == '\n';
            }
        } catch (IOException e) {
            return -1;
        }
        if (!lastNewline) {
            lines++;
        }
        return format == PortfolioFormat.CSV ? Math.max(0, lines - 1) : lines;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
