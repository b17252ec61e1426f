package io.collectionstrategy.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the row reader, alone and on what the generator writes. */
class RowReaderPropertyTest {

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4e20')
                .excludeChars('"', '\\').ofMinLength(1).ofMaxLength(200);
    }

    @Property(tries = 300)
    void parseLine_truncatedObject_idSalvaged(@ForAll("ids") String id, @ForAll @IntRange(max = 40) int cut) {
        String text = "{\"id\": \"" + id + "\", \"daysOverdue\": 12, \"behaviours\": [\"FRIENDLY\"";
        String line = text.substring(0, Math.max(text.indexOf(id) + id.length() + 1, text.length() - cut));

        PortfolioRow row = RowReader.parseLine("p", 1, line);

        assertThat(row.readable()).isFalse();
        assertThat(row.salvagedId()).isEqualTo(id);
    }

    @Property(tries = 300)
    void parseLine_object_fieldsWithItsId(@ForAll("ids") String id, @ForAll @IntRange(max = 36500) int days) {
        PortfolioRow row = RowReader.parseLine("p", 1, "{\"id\":\"" + id + "\",\"daysOverdue\":" + days + "}");

        assertThat(row.fields()).containsEntry("daysOverdue", days);
        assertThat(row.id()).isEqualTo(id.isBlank() ? null : id);
    }

    @Property(tries = 100)
    void generatedJsonLines_readBack_oneRowEachAndInvalidExactlyWhenBad(
            @ForAll long seed, @ForAll @IntRange(max = 60) int count, @ForAll @DoubleRange(max = 0.5) double badRows)
            throws IOException {
        SyntheticPortfolio portfolio = new SyntheticPortfolio(seed, count).withBadRows(badRows);
        StringWriter out = new StringWriter();
        portfolio.write(out, PortfolioFormat.JSONL);
        List<GeneratedRow> generated = portfolio.stream(PortfolioFormat.JSONL).toList();

        List<PortfolioRow> read = new ArrayList<>();
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                null, "generated")) {
            reader.forEachRemaining(r -> read.add(r.parsed()));
        }

        assertThat(read).hasSize(count);
        for (int i = 0; i < count; i++) {
            GeneratedRow g = generated.get(i);
            PortfolioRow r = read.get(i);
            assertThat(r.row()).isEqualTo(i + 1);
            assertThat(SyntheticPortfolioTest.valid(r)).isEqualTo(!g.bad());
            if (g.fields().get("id") != null) {
                assertThat(r.id()).isEqualTo(g.fields().get("id"));
            }
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<Byte> hostile = Arbitraries.of((byte) '\n', (byte) '\r', (byte) ' ', (byte) '{', (byte) '"',
                (byte) 0xFF, (byte) 0xC3, (byte) 0xE4, (byte) 0x80, (byte) 0x1B, (byte) 'a');
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.bytes()), Tuple.of(3, hostile)).array(byte[].class)
                .ofMaxSize(400);
    }

    @Property(tries = 500)
    void read_anyBytesAsJsonLines_oneRowPerNonBlankLineNumberedByLine(@ForAll("anyBytes") byte[] bytes)
            throws IOException {
        List<Long> expected = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") && i < lines.length - 1 ? lines[i].substring(0, lines[i].length() - 1)
                    : lines[i];
            byte[] raw = line.getBytes(StandardCharsets.ISO_8859_1);
            boolean valid = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw), java.nio.CharBuffer.allocate(raw.length), true).isUnderflow();
            if (raw.length > 0 && (raw.length > 100 || !valid || !new String(raw, StandardCharsets.UTF_8).isBlank())) {
                expected.add((long) i + 1);
            }
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return; // a byte-order mark is skipped: the first line is not what it looks like here
        }

        List<PortfolioRow> read = new ArrayList<>();
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(bytes), PortfolioFormat.JSONL, "bytes", 100)) {
            reader.forEachRemaining(r -> read.add(r.parsed()));
        }

        assertThat(read).extracting(PortfolioRow::row).containsExactlyElementsOf(expected);
        assertThat(read).allSatisfy(r -> assertThat(r.readable() || !r.malformed().isBlank()).isTrue());
    }

    @Property(tries = 300)
    void read_anyBytesAsJsonArrayOrCsv_rowsNumberedOneByOneAndNothingThrown(@ForAll("anyBytes") byte[] bytes)
            throws IOException {
        byte[] array = new byte[bytes.length + 2];
        array[0] = '[';
        System.arraycopy(bytes, 0, array, 1, bytes.length);
        array[array.length - 1] = ']';
        byte[] csv = ("id,daysOverdue,name\n" + new String(bytes, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);

        for (var input : List.of(java.util.Map.entry(PortfolioFormat.JSON, array), java.util.Map.entry(PortfolioFormat.CSV, csv))) {
            List<PortfolioRow> read = new ArrayList<>();
            try (RowReader reader = RowReader.read(new ByteArrayInputStream(input.getValue()), input.getKey(), "bytes", 100)) {
                reader.forEachRemaining(r -> read.add(r.parsed()));
            }

            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i).row()).isEqualTo(i + 1);
                assertThat(read.get(i).readable() || !read.get(i).malformed().isBlank()).isTrue();
            }
        }
    }

    /** JSON-ish fragments, well-formed or not: values of every kind, nesting, duplicates, trailing content. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(String::valueOf),
                Arbitraries.of("1.50", "100.0", "0.000", "-0.0", "1e2", "1E+400", "2.5e-3", "12.340", "NaN", "01", "1.", "true",
                        "false", "null", "\"\"", "\" \"", "\"x\\u00e9\"", "\"\\uD83D\\uDE00\"", "\"\u4e2d\u6587\"", "[]", "{}", "[1,[2,{\"a\":null}]]",
                        "{\"a\":1,\"a\":2}", "\"unclosed", "[1,]"));
        Arbitrary<String> field = Arbitraries.of("id", "daysOverdue", "behaviours", "amountOverdue", "a", "id")
                .flatMap(k -> scalar.map(v -> "\"" + k + "\":" + v));
        Arbitrary<String> object = field.list().ofMaxSize(6).map(fs -> "{" + String.join(",", fs) + "}");
        return Arbitraries.oneOf(object, object.map(o -> o + " "), object.map(o -> o + " {}"), object.map(o -> "[" + o + "]"),
                scalar, object.map(o -> o.substring(0, o.length() / 2)));
    }

    @Property(tries = 2000)
    void parseLine_anyLine_sameAsThroughATree(@ForAll("jsonish") String line) {
        PortfolioRow streamed = RowReader.parseLine("p", 1, line);
        PortfolioRow tree = RowReader.parseTree("p", 1, line);

        assertThat(streamed.readable()).isEqualTo(tree.readable());
        assertThat(streamed.malformed()).isEqualTo(tree.malformed());
        assertThat(streamed.salvagedId()).isEqualTo(tree.salvagedId());
        if (tree.readable()) {
            assertThat(streamed.fields()).isEqualTo(tree.fields());
            assertThat(classes(streamed.fields())).isEqualTo(classes(tree.fields()));
        }
    }

    /** The value's shape with the class of every leaf: equal maps can still hold an Integer where a Long was. */
    private static Object classes(Object v) {
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, classes(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RowReaderPropertyTest::classes).toList();
        }
        return v == null ? "null" : v.getClass().getName() + ":" + v;
    }
}
