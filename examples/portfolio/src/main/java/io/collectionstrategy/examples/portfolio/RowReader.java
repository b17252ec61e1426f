package io.collectionstrategy.examples.portfolio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a portfolio row by row with constant memory: JSON Lines line by line, a JSON array element by element with
 * Jackson's streaming parser, CSV record by record. A row that cannot be read becomes a malformed
 * {@link PortfolioRow} in its place, with the case id when it can be seen; reading goes on with the next row when
 * the format allows (JSON Lines, CSV with a bad row). When it does not (a syntax error inside a JSON array), the
 * malformed row is the last one and {@link #stoppedEarly()} says why.
 *
 * <p>JSON Lines rows come out {@linkplain PortfolioRow#unparsed unparsed}, so that the parsing can run on the
 * threads (or Spark executors) that assess them: {@link PortfolioRow#parsed()}, or {@link #parseLine} for a line
 * read some other way.
 */
public final class RowReader implements Iterator<PortfolioRow>, Closeable {

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

    private static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private final BufferedReader reader;
    private final PortfolioFormat format;
    private final String source;
    private long row;
    private PortfolioRow next;
    private boolean done;
    private String stoppedEarly;

    // JSON
    private JsonParser parser;
    private boolean inArray;
    private boolean pendingFirst;
    private boolean emptyJson;
    // CSV
    private CSVParser csv;
    private Iterator<CSVRecord> records;
    private List<String> header;

    private RowReader(BufferedReader reader, PortfolioFormat format, String source) throws IOException {
        this.reader = reader;
        this.format = format;
        this.source = source;
        skipBom();
        switch (format) {
            case JSON -> openJson();
            case CSV -> openCsv();
            default -> { }
        }
    }

    /**
     * Opens a file.
     *
     * @param file   the file
     * @param format the format, or null for the file's extension (else sniffed from the first character)
     * @return the reader
     * @throws UnreadablePortfolioException when the file is missing or unreadable, or its start is malformed (a JSON
     *                                      file that does not start with a value, a CSV header with duplicate
     *                                      names)
     */
    public static RowReader open(Path file, PortfolioFormat format) throws UnreadablePortfolioException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new UnreadablePortfolioException("file not found: " + source);
        }
        BufferedReader r;
        try {
            r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadablePortfolioException("file not found: " + source);
        } catch (IOException e) {
            throw new UnreadablePortfolioException("cannot read " + source + ": " + e.getMessage());
        }
        PortfolioFormat byName = format != null ? format : PortfolioFormat.byExtension(file.getFileName().toString());
        return start(r, byName, source);
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
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        return start(r, format, source);
    }

    private static RowReader start(BufferedReader r, PortfolioFormat format, String source)
            throws UnreadablePortfolioException {
        try {
            return new RowReader(r, format != null ? format : sniff(r), source);
        } catch (UnreadablePortfolioException e) {
            closeQuietly(r);
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(r);
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

    /** Guesses the format from the first non-blank character: {@code [} JSON, <code>{</code> JSON Lines, else CSV. */
    private static PortfolioFormat sniff(BufferedReader r) throws IOException {
        r.mark(4096);
        int c;
        int read = 0;
        do {
            c = r.read();
            read++;
        } while (c != -1 && read < 4000 && (Character.isWhitespace(c) || c == '\uFEFF'));
        r.reset();
        if (c == '[') {
            return PortfolioFormat.JSON;
        }
        if (c == '{' || c == -1) {
            return PortfolioFormat.JSONL;
        }
        return PortfolioFormat.CSV;
    }

    private void skipBom() throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
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

    // ---- JSON Lines

    private PortfolioRow readLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            row++;
            if (!line.isBlank()) {
                return PortfolioRow.unparsed(source, row, line);
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
    /** A plain {@code "id": "..."} in the text of a row that is not valid JSON. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");

    /**
     * The parser's message with its position, without Jackson's source noise.
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
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = START_MARKER.matcher(message).replaceAll(withLine ? "(opened at line $1 column $2)" : "(opened at column $2)");
        message = SOURCE.matcher(message).replaceAll("");
        return "malformed JSON" + where + ": " + message;
    }

    /** The id of a row that is not valid JSON, when a plain {@code "id": "..."} can be seen in its text. */
    private static String salvageId(String text) {
        Matcher m = ID.matcher(text);
        return m.find() ? m.group(1) : null;
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
        parser = JSON.getFactory().createParser(reader);
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
            JsonNode node = ELEMENT_READER.readTree(parser);
            return fromNode(source, element, node);
        } catch (JsonProcessingException e) {
            row = element;
            stoppedEarly = "stopped reading at element " + element + ": the rest of a malformed JSON array cannot be read";
            return PortfolioRow.malformed(source, element, malformed(e, true), null);
        }
    }

    // ---- CSV

    private void openCsv() throws IOException {
        try {
            csv = CSV_FORMAT.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UnreadablePortfolioException("cannot read the CSV header of " + source + ": " + e.getMessage());
        }
        header = csv.getHeaderNames();
        if (header.isEmpty()) {
            records = Collections.emptyIterator();
        } else {
            records = csv.iterator();
        }
    }

    private PortfolioRow readCsvRecord() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            row++;
            stoppedEarly = "stopped reading at data row " + row + ": " + e.getMessage();
            return PortfolioRow.malformed(source, row, "malformed CSV: " + rootMessage(e), null);
        }
        row++;
        Map<String, Object> fields = new LinkedHashMap<>();
        int n = Math.min(record.size(), header.size());
        for (int i = 0; i < n; i++) {
            fields.put(header.get(i), record.get(i));
        }
        PortfolioRow read = PortfolioRow.of(source, row, fields);
        if (record.size() < header.size()) {
            return PortfolioRow.malformed(source, row, "row has " + record.size() + " values but the header has "
                    + header.size() + " columns; missing column "
                    + String.join(", ", header.subList(record.size(), header.size())), read.id());
        }
        if (record.size() > header.size()) {
            return PortfolioRow.malformed(source, row, "row has " + record.size() + " values but the header has only "
                    + header.size() + " columns " + header, read.id());
        }
        return read;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
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
        if (csv != null) {
            csv.close();
        }
        if (parser != null) {
            parser.close();
        }
        reader.close();
    }
}
