package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.examples.portfolio.GeneratedRow;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz: synthetic portfolios with mutated rows (flipped, inserted and deleted bytes, bytes that are not UTF-8, control
 * characters, stray quotes and line breaks, hostile values, rows over the size limit) go through the reader and the
 * pipeline that {@code assess} uses ({@link AssessCommand#assessAll}). Whatever the input: no exception escapes, every
 * row gets exactly one record in input order, and every error record names its row and a reason.
 */
class AssessFuzzTest {

    private static final CollectionStrategy STRATEGY = RulebookSource.build("default", Locale.ENGLISH);
    private static final RowAssessor ROWS = RowAssessor.of(STRATEGY, LocalDate.of(2026, 11, 28)).locale(Locale.ENGLISH);
    /** Small, so that some mutated rows go over it. */
    private static final int MAX_ROW_BYTES = 2048;

    private static final byte[][] SNIPPETS = {
        bytes("\"id\":true,"), bytes("\"id\":\"C-1\\nERROR all debts paid\","), bytes("\"id\":\"\\u001b[31mX\","),
        bytes("\"name\":[\"Wang Fang\",\"13800138000\"],"), bytes("\"amountOverdue\":1e99999999,"),
        bytes("\"amountOverdue\":1e-99999999,"), bytes("\"daysOverdue\":1e99999999,"), bytes("\"amountOverdue\":\"1.00001\","),
        bytes("\"daysOverdue\":\"13800138000\","), bytes("\"x\":1,"), bytes("\"id\":\"dup\","), bytes("\"id\":12345678901,"),
        bytes("\"name\":\"" + "N".repeat(3000) + "\","), bytes("\"behaviours\":[" + "\"FRIENDLY\",".repeat(120) + "\"FRIENDLY\"],"),
        bytes("\"contactHistory\":[" + "{\"at\":\"2026-11-27T10:00+08:00\",\"channel\":\"CALL\"},".repeat(20) + "{}],"),
        bytes("\"id\":\"=HYPERLINK(1)\","), bytes("\"name\":\"\\u202e\","), bytes("\"region\":\"\\u0000\","),
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {'\r'}, {'\n'},
        {'\r', '\n'}, {0x1B, '[', '2', 'J'}, {'"'}, {'\\'}, {'{'}, {'}'}, {','}, {':'}, {'['}, {0}, {' '}, {'\t'},
    };

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    enum Kind { FLIP, INSERT, DELETE, TRUNCATE, FIELD, BLANK }

    /** One change to one row: what, where in the row (a fraction of its length), and with which bytes. */
    record Mutation(Kind kind, int row, double at, byte[] payload) {

        @Override
        public String toString() {
            return kind + "@" + row + ":" + String.format("%.2f", at) + ":" + new String(payload, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<byte[]> payload = Arbitraries.oneOf(Arbitraries.of(SNIPPETS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 999),
                Arbitraries.doubles().between(0, 1), payload).as(Mutation::new);
        return one.list().ofMaxSize(80);
    }

    /** Applies the mutations to the rows' lines (one line per row before mutation; a mutation may add line breaks). */
    private static byte[] mutate(List<byte[]> lines, List<Mutation> mutations, boolean fieldsAreJson) {
        List<byte[]> out = new ArrayList<>(lines);
        for (Mutation m : mutations) {
            int i = m.row() % out.size();
            byte[] line = out.get(i);
            int at = (int) Math.min(line.length, Math.round(m.at() * line.length));
            out.set(i, switch (m.kind()) {
                case FLIP -> {
                    if (line.length == 0) {
                        yield m.payload();
                    }
                    byte[] copy = line.clone();
                    copy[Math.min(at, line.length - 1)] = m.payload()[0];
                    yield copy;
                }
                case INSERT -> splice(line, at, 0, m.payload());
                case DELETE -> splice(line, at, Math.min(m.payload().length, line.length - at), new byte[0]);
                case TRUNCATE -> Arrays.copyOf(line, at);
                case FIELD -> fieldsAreJson && line.length > 0 && line[0] == '{' ? splice(line, 1, 0, m.payload())
                        : splice(line, at, 0, m.payload());
                case BLANK -> bytes(" \t ");
            });
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] line : out) {
            all.writeBytes(line);
            all.write('\n');
        }
        return all.toByteArray();
    }

    private static byte[] splice(byte[] line, int at, int remove, byte[] insert) {
        byte[] out = new byte[line.length - remove + insert.length];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(line, at + remove, out, at + insert.length, line.length - at - remove);
        return out;
    }

    /** A physical line of the input, as a reader that splits at LF and CRLF sees it. */
    private record Line(int number, byte[] bytes) {

        /** Blank: valid UTF-8, within the limit, only white space; such a line counts but gets no record. */
        boolean blank() {
            if (bytes.length > MAX_ROW_BYTES) {
                return false;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString().isBlank();
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Line> lines(byte[] input) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length ? i > start : input[i] == '\n') {
                int end = i > start && input[i - 1] == '\r' && i < input.length ? i - 1 : i;
                lines.add(new Line(lines.size() + 1, Arrays.copyOfRange(input, start, end)));
                start = i + 1;
            }
        }
        return lines;
    }

    private static List<JsonNode> assess(byte[] input, PortfolioFormat format, OutputFormat output) throws IOException {
        StringWriter out = new StringWriter();
        Summary summary = new Summary();
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(input), format, "fuzz", MAX_ROW_BYTES);
             RecordWriter writer = RecordWriter.create(output, out, false)) {
            AssessCommand.assessAll(reader, ROWS, writer, summary, () -> { }, 2);
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                records.add(RowReader.JSON.readTree(line));
            }
        }
        assertThat(summary.rows()).isEqualTo(records.size());
        return records;
    }

    private static void assertErrorRecord(JsonNode record, long row) {
        assertThat(record.get("row").asLong()).as(record.toString()).isEqualTo(row);
        assertThat(record.get("error").asText()).as(record.toString()).isNotBlank();
        assertThat(SafeText.hasControl(record.get("error").asText())).as(record.toString()).isFalse();
        assertThat(record.get("id").isNull() || !SafeText.hasControl(record.get("id").asText())).as(record.toString())
                .isTrue();
    }

    private static List<byte[]> jsonLines(long seed, int count) throws IOException {
        StringWriter text = new StringWriter();
        new SyntheticPortfolio(seed, count).withBadRows(0.1).write(text, PortfolioFormat.JSONL);
        return Arrays.stream(text.toString().split("\n")).map(AssessFuzzTest::bytes).collect(Collectors.toList());
    }

    @Property(tries = 40)
    void assess_mutatedJsonLines_oneRecordPerRowInOrderAndEveryErrorNamesRowAndReason(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int count,
            @ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] input = mutate(jsonLines(seed, count), mutations, true);
        List<Line> expected = lines(input).stream().filter(l -> !l.blank()).toList();

        List<JsonNode> records = assess(input, PortfolioFormat.JSONL, OutputFormat.JSONL);

        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            Line line = expected.get(i);
            if (record.has("error")) {
                assertErrorRecord(record, line.number());
            } else {
                JsonNode fields = RowReader.JSON.readTree(line.text());
                assertThat(record.get("id").asText()).as("line %d: %s", line.number(), line.text())
                        .isEqualTo(fields.get("id").asText());
            }
        }
    }

    /** CSV without quotes: every non-blank data line is one record, whatever is inserted (quotes aside). */
    @Property(tries = 25)
    void assess_mutatedCsvWithoutQuotes_oneRecordPerLineInOrder(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int count,
            @ForAll("mutations") List<Mutation> mutations) throws IOException {
        List<String> columns = List.of("id", "daysOverdue", "amountOverdue", "currency", "debtorKind", "promisesMade",
                "promisesBroken", "contactAttempts", "contactsReached", "behaviours", "jurisdiction");
        List<byte[]> rows = new ArrayList<>();
        for (GeneratedRow g : new SyntheticPortfolio(seed, count).withBadRows(0.1).stream(PortfolioFormat.CSV).toList()) {
            rows.add(bytes(columns.stream().map(c -> csvCell(g.fields().get(c))).collect(Collectors.joining(","))));
        }
        List<Mutation> noQuotes = mutations.stream().filter(m -> indexOf(m.payload(), (byte) '"') < 0).toList();
        byte[] input = concat(bytes(String.join(",", columns) + "\n"), mutate(rows, noQuotes, false));
        List<Line> expected = lines(input).stream().skip(1).filter(l -> !l.blank()).toList();

        List<JsonNode> records = assess(input, PortfolioFormat.CSV, OutputFormat.JSONL);

        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (record.has("error")) {
                assertErrorRecord(record, i + 1);
            } else {
                String firstCell = expected.get(i).text().split(",", -1)[0].stripLeading().trim();
                assertThat(record.get("id").asText()).isEqualTo(firstCell);
            }
        }
    }

    /** CSV with stray quotes: records may span lines, but they stay numbered one by one and every one is answered. */
    @Property(tries = 25)
    void assess_mutatedCsvWithQuotes_recordsNumberedInOrderNoneLostToAnException(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int count,
            @ForAll("mutations") @Size(min = 1) List<Mutation> mutations) throws IOException {
        StringWriter text = new StringWriter();
        new SyntheticPortfolio(seed, count).withBadRows(0.1).write(text, PortfolioFormat.CSV);
        List<byte[]> lines = Arrays.stream(text.toString().split("\n")).map(AssessFuzzTest::bytes)
                .collect(Collectors.toList());
        byte[] header = concat(lines.remove(0), new byte[] {'\n'});
        byte[] input = concat(header, mutate(lines, mutations, false));
        long dataLines = lines(input).stream().skip(1).filter(l -> !l.blank()).count();

        List<JsonNode> records = assess(input, PortfolioFormat.CSV, OutputFormat.JSONL);

        assertThat((long) records.size()).isLessThanOrEqualTo(dataLines);
        assertThat(records.isEmpty()).isEqualTo(dataLines == 0);
        String inputText = new String(input, StandardCharsets.UTF_8);
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).has("error")) {
                assertErrorRecord(records.get(i), i + 1);
            } else {
                assertThat(inputText).contains(records.get(i).get("id").asText());
            }
        }
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining("|"))
                : value instanceof Map<?, ?> ? "" : String.valueOf(value);
        return s.replace("\"", "").replace(",", "").replace("\n", "");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
