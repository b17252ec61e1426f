package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a portfolio row by row with constant memory: JSON Lines line by line, a JSON array element by element with
 * Jackson's streaming parser, CSV record by record. A row that cannot be read becomes an {@link InputRow} with an
 * error in its place; reading goes on with the next row when the format allows (JSON Lines, CSV with a bad row).
 * When it does not (a syntax error inside a JSON array), the failed row is the last one and {@link #stoppedEarly()}
 * says why.
 */
final class PortfolioReader implements Iterator<InputRow>, Closeable {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads one element of a JSON array: what follows it is the next element, not trailing garbage. */
    private static final com.fasterxml.jackson.databind.ObjectReader ELEMENT_READER =
            JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private final BufferedReader reader;
    private final InputFormat format;
    private final String source;
    private long row;
    private InputRow next;
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

    private PortfolioReader(BufferedReader reader, InputFormat format, String source) throws IOException {
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
     * Opens a file, or stdin for {@code -}.
     *
     * @param file   the path, or {@code -}
     * @param format the format, or null for the file's extension (stdin: sniffed from the first character)
     * @param stdin  standard input
     * @return the reader
     * @throws StartupException when the file is missing or unreadable, or the format unknown
     */
    static PortfolioReader open(String file, InputFormat format, InputStream stdin) {
        try {
            if ("-".equals(file)) {
                BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
                return new PortfolioReader(r, format != null ? format : sniff(r), "stdin");
            }
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new StartupException("file not found: " + file);
            }
            InputFormat f = format != null ? format : InputFormat.byExtension(path.getFileName().toString());
            BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            if (f == null) {
                f = sniff(r);
            }
            return new PortfolioReader(r, f, file);
        } catch (NoSuchFileException e) {
            throw new StartupException("file not found: " + file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Guesses the format from the first non-blank character: {@code [} JSON, <code>{</code> JSON Lines, else CSV. */
    private static InputFormat sniff(BufferedReader r) throws IOException {
        r.mark(4096);
        int c;
        int read = 0;
        do {
            c = r.read();
            read++;
        } while (c != -1 && read < 4000 && (Character.isWhitespace(c) || c == '\uFEFF'));
        r.reset();
        if (c == '[') {
            return InputFormat.JSON;
        }
        if (c == '{' || c == -1) {
            return InputFormat.JSONL;
        }
        return InputFormat.CSV;
    }

    private void skipBom() throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    InputFormat format() {
        return format;
    }

    String source() {
        return source;
    }

    /** @return why reading stopped before the end of the input, or null when it read everything */
    String stoppedEarly() {
        return stoppedEarly;
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
    public InputRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        InputRow r = next;
        next = null;
        return r;
    }

    private InputRow read() throws IOException {
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

    private InputRow readLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            row++;
            if (!line.isBlank()) {
                return InputRow.unparsed(row, line);
            }
        }
        return null;
    }

    static InputRow parseLine(long row, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return InputRow.failed(row, idGuess(line), malformed(e, false));
        }
        return fromNode(row, node);
    }

    private static InputRow fromNode(long row, JsonNode node) {
        if (node == null || !node.isObject()) {
            return InputRow.failed(row, null, "expected a JSON object with the debtor's fields, was "
                    + (node == null ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) toJava(node);
        return InputRow.of(row, fields);
    }

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\(start marker at \\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]\\)");
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
            "\\s*\\[Source: [^\\]]*\\]");

    /**
     * The parser's message with its position, without Jackson's source noise.
     *
     * @param e        the parser's exception
     * @param withLine true to name the line too (a JSON file); a JSON Lines row is one line
     */
    static String malformed(JsonProcessingException e, boolean withLine) {
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

    /** The id of a line that is not valid JSON, when a plain {@code "id": "..."} can be seen in it. */
    private static String idGuess(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** Jackson tree to plain Java values: maps, lists, strings, Integer/Long/BigInteger, BigDecimal, Boolean, null. */
    static Object toJava(JsonNode node) {
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
            throw new StartupException("cannot read " + source + ": " + malformed(e, true));
        }
    }

    private InputRow readJsonElement() throws IOException {
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
            return fromNode(element, node);
        } catch (JsonProcessingException e) {
            row = element;
            stoppedEarly = "stopped reading at element " + element + ": the rest of a malformed JSON array cannot be read";
            return InputRow.failed(element, null, malformed(e, true));
        }
    }

    // ---- CSV

    private void openCsv() throws IOException {
        try {
            csv = CSV_FORMAT.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException("cannot read the CSV header of " + source + ": " + e.getMessage());
        }
        header = csv.getHeaderNames();
        if (header.isEmpty()) {
            records = java.util.Collections.emptyIterator();
        } else {
            records = csv.iterator();
        }
    }

    private InputRow readCsvRecord() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            row++;
            stoppedEarly = "stopped reading at data row " + row + ": " + e.getMessage();
            return InputRow.failed(row, null, "malformed CSV: " + rootMessage(e));
        }
        row++;
        Map<String, Object> fields = new LinkedHashMap<>();
        int n = Math.min(record.size(), header.size());
        for (int i = 0; i < n; i++) {
            fields.put(header.get(i), record.get(i));
        }
        String id = InputRow.idOf(fields);
        if (record.size() < header.size()) {
            return InputRow.failed(row, id, "row has " + record.size() + " values but the header has " + header.size()
                    + " columns; missing column " + String.join(", ", header.subList(record.size(), header.size())));
        }
        if (record.size() > header.size()) {
            return InputRow.failed(row, id, "row has " + record.size() + " values but the header has only "
                    + header.size() + " columns " + header);
        }
        return InputRow.of(row, fields);
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
     * @return the count, or -1 when not known (stdin, JSON arrays)
     */
    static long countRows(String file, InputFormat format) {
        if ("-".equals(file) || format == InputFormat.JSON) {
            return -1;
        }
        long lines = 0;
        boolean lastNewline = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(Path.of(file))) {
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
        return format == InputFormat.CSV ? Math.max(0, lines - 1) : lines;
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
