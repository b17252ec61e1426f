package io.collectionstrategy.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {

    @TempDir
    Path tmp;

    private static List<PortfolioRow> readAll(String text, PortfolioFormat format) throws IOException {
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format,
                "stdin")) {
            List<PortfolioRow> rows = new ArrayList<>();
            reader.forEachRemaining(r -> rows.add(r.parsed()));
            return rows;
        }
    }

    @Test
    void read_jsonLines_rowsNumberedByLineBlankLinesSkipped() throws IOException {
        List<PortfolioRow> rows = readAll("{\"id\":\"A-1\",\"daysOverdue\":3}\n\n{\"id\":\"A-2\",\"amountOverdue\":12.50}\n",
                PortfolioFormat.JSONL);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 3L);
        assertThat(rows).extracting(PortfolioRow::id).containsExactly("A-1", "A-2");
        assertThat(rows).allSatisfy(r -> assertThat(r.source()).isEqualTo("stdin"));
        assertThat(rows.get(0).fields()).containsEntry("daysOverdue", 3);
        assertThat(rows.get(1).fields().get("amountOverdue")).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void read_jsonLines_rowsLeftUnparsedUntilAsked() throws IOException {
        try (RowReader reader = RowReader.read(new ByteArrayInputStream("{\"id\":\"A-1\"}\n".getBytes(StandardCharsets.UTF_8)),
                PortfolioFormat.JSONL, "stdin")) {
            PortfolioRow row = reader.next();

            assertThat(row.readable()).isFalse();
            assertThat(row.line()).isEqualTo("{\"id\":\"A-1\"}");
            assertThat(row.parsed().fields()).isEqualTo(Map.of("id", "A-1"));
        }
    }

    @Test
    void parseLine_truncatedObject_malformedWithTheSalvagedId() {
        PortfolioRow row = RowReader.parseLine("p.jsonl", 7, "{\"id\": \"C-7\", \"daysOverdue\": 3");

        assertThat(row.readable()).isFalse();
        assertThat(row.malformed()).startsWith("malformed JSON at column ");
        assertThat(row.salvagedId()).isEqualTo("C-7");
        assertThat(row.id()).isEqualTo("C-7");
        assertThat(row.row()).isEqualTo(7);
        assertThat(row.source()).isEqualTo("p.jsonl");
    }

    @Test
    void parseLine_notAnObject_malformedWithoutId() {
        PortfolioRow row = RowReader.parseLine("p.jsonl", 1, "[1, 2]");

        assertThat(row.malformed()).isEqualTo("expected a JSON object with the debtor's fields, was a JSON array");
        assertThat(row.id()).isNull();
    }

    @Test
    void parseLine_duplicateFieldOrTrailingContent_malformed() {
        assertThat(RowReader.parseLine("p", 1, "{\"id\":\"A\",\"id\":\"B\"}").malformed()).contains("Duplicate field 'id'");
        assertThat(RowReader.parseLine("p", 1, "{\"id\":\"A\"} {}").readable()).isFalse();
    }

    @Test
    void parseLine_blankOrNumericId_idAsText() {
        assertThat(RowReader.parseLine("p", 1, "{\"id\":\"  \"}").id()).isNull();
        assertThat(RowReader.parseLine("p", 1, "{\"id\":42}").id()).isEqualTo("42");
        assertThat(RowReader.parseLine("p", 1, "{\"id\":[1]}").id()).isNull();
    }

    @Test
    void read_jsonArray_elementsNumberedInOrder() throws IOException {
        List<PortfolioRow> rows = readAll("[{\"id\":\"A-1\"},\n {\"id\":\"A-2\",\"behaviours\":[\"FRIENDLY\"]}]", null);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 2L);
        assertThat(rows.get(1).fields().get("behaviours")).isEqualTo(List.of("FRIENDLY"));
    }

    @Test
    void read_brokenJsonArray_malformedElementIsTheLastAndReadingStopsEarly() throws IOException {
        String text = "[{\"id\":\"A-1\"},\n{\"id\":\"A-2\",,},{\"id\":\"A-3\"}]";
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null, "stdin")) {
            List<PortfolioRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);

            assertThat(reader.format()).isEqualTo(PortfolioFormat.JSON);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).malformed()).startsWith("malformed JSON at line 2 column ");
            assertThat(reader.stoppedEarly()).isEqualTo("stopped reading at element 2: the rest of a malformed JSON array cannot be read");
        }
    }

    @Test
    void read_contentAfterTheJsonArray_ignoredAndSaid() throws IOException {
        try (RowReader reader = RowReader.read(new ByteArrayInputStream("[{\"id\":\"A\"}] {}".getBytes(StandardCharsets.UTF_8)),
                PortfolioFormat.JSON, "stdin")) {
            assertThat(reader.next().id()).isEqualTo("A");
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.stoppedEarly()).isEqualTo("content after the end of the JSON array ignored");
        }
    }

    @Test
    void read_csv_fieldsByHeaderTrimmedAndBomSkipped() throws IOException {
        List<PortfolioRow> rows = readAll("\uFEFFid,daysOverdue,behaviours\nC-1, 3 ,FRIENDLY|APOLOGETIC\n\nC-2,4,\n", null);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 2L);
        assertThat(rows.get(0).fields()).isEqualTo(Map.of("id", "C-1", "daysOverdue", "3", "behaviours", "FRIENDLY|APOLOGETIC"));
    }

    @Test
    void read_csvRowWithMissingOrExtraValues_malformedWithItsIdAndReadingGoesOn() throws IOException {
        List<PortfolioRow> rows = readAll("id,daysOverdue,currency\nC-1,3\nC-2,4,CNY,extra\nC-3,5,CNY\n", PortfolioFormat.CSV);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("C-1", "C-2", "C-3");
        assertThat(rows.get(0).malformed()).isEqualTo("row has 2 values but the header has 3 columns; missing column currency");
        assertThat(rows.get(1).malformed()).isEqualTo("row has 4 values but the header has only 3 columns [id, daysOverdue, currency]");
        assertThat(rows.get(2).readable()).isTrue();
    }

    @Test
    void read_emptyInput_noRows() throws IOException {
        assertThat(readAll("", null)).isEmpty();
        assertThat(readAll("", PortfolioFormat.CSV)).isEmpty();
        assertThat(readAll("  ", PortfolioFormat.JSON)).isEmpty();
    }

    @Test
    void open_fileByExtensionOrSniffed_formatTold() throws IOException {
        Path csv = Files.writeString(tmp.resolve("p.csv"), "id\nC-1\n");
        Path noExtension = Files.writeString(tmp.resolve("p"), "  {\"id\":\"C-1\"}\n");

        try (RowReader a = RowReader.open(csv, null); RowReader b = RowReader.open(noExtension, null)) {
            assertThat(a.format()).isEqualTo(PortfolioFormat.CSV);
            assertThat(a.source()).isEqualTo(csv.toString());
            assertThat(b.format()).isEqualTo(PortfolioFormat.JSONL);
            assertThat(b.next().parsed().id()).isEqualTo("C-1");
        }
    }

    @Test
    void open_missingFile_unreadableNamingIt() {
        Path missing = tmp.resolve("missing.jsonl");

        assertThatThrownBy(() -> RowReader.open(missing, null)).isInstanceOf(UnreadablePortfolioException.class)
                .hasMessage("file not found: " + missing);
    }

    @Test
    void open_jsonFileThatDoesNotStartWithAValue_unreadable() throws IOException {
        Path file = Files.writeString(tmp.resolve("p.json"), "  ]\n");

        assertThatThrownBy(() -> RowReader.open(file, null)).isInstanceOf(UnreadablePortfolioException.class)
                .hasMessageStartingWith("cannot read " + file + ": malformed JSON at line 1 column 3: ");
    }

    @Test
    void countRows_linesLessTheCsvHeader_unknownForJsonArrays() throws IOException {
        Path jsonl = Files.writeString(tmp.resolve("p.jsonl"), "{}\n{}\n{}");
        Path csv = Files.writeString(tmp.resolve("p.csv"), "id\nC-1\nC-2\n");

        assertThat(RowReader.countRows(jsonl, PortfolioFormat.JSONL)).isEqualTo(3);
        assertThat(RowReader.countRows(csv, PortfolioFormat.CSV)).isEqualTo(2);
        assertThat(RowReader.countRows(jsonl, PortfolioFormat.JSON)).isEqualTo(-1);
        assertThat(RowReader.countRows(tmp.resolve("missing"), PortfolioFormat.JSONL)).isEqualTo(-1);
    }

    @Test
    void portfolioRow_serialized_sameRow() throws IOException, ClassNotFoundException {
        PortfolioRow row = RowReader.parseLine("p.jsonl", 3,
                "{\"id\":\"A-1\",\"amountOverdue\":10.5,\"contactHistory\":[{\"at\":\"2026-11-01T09:00:00+08:00\",\"reached\":true}]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(row);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(row);
        }
    }

    private static List<PortfolioRow> readBytes(byte[] bytes, PortfolioFormat format, int maxRowBytes) throws IOException {
        try (RowReader reader = RowReader.read(new ByteArrayInputStream(bytes), format, "stdin", maxRowBytes)) {
            List<PortfolioRow> rows = new ArrayList<>();
            reader.forEachRemaining(r -> rows.add(r.parsed()));
            return rows;
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void read_jsonLinesWithALoneCr_crIsPartOfTheLineAndCrlfEndsIt() throws IOException {
        List<PortfolioRow> rows = readAll("{\"id\":\"A-1\",\r\"daysOverdue\":3}\r\n{\"id\":\"A-2\",\"name\":\"x\ry\"}\r\n"
                + "{\"id\":\"A-3\"}", PortfolioFormat.JSONL);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).fields()).containsEntry("daysOverdue", 3);
        assertThat(rows.get(1).malformed()).startsWith("malformed JSON at column 22 (in name): Illegal unquoted character");
        assertThat(rows.get(1).id()).isEqualTo("A-2");
        assertThat(rows.get(2).id()).isEqualTo("A-3");
    }

    @Test
    void read_invalidUtf8InOneLine_thatRowMalformedTheOthersRead() throws IOException {
        byte[] bytes = concat("{\"id\":\"A-1\"}\n{\"id\":\"A-2\",\"name\":\"Wang", new byte[] {(byte) 0xC3, (byte) 0x28},
                "\"}\n{\"id\":\"A-3\"}\n");

        List<PortfolioRow> rows = readBytes(bytes, null, RowReader.MAX_ROW_BYTES);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("A-1", "A-2", "A-3");
        assertThat(rows.get(1).malformed()).isEqualTo("not valid UTF-8 text: the bytes at byte 25 of the row are not UTF-8");
        assertThat(rows.get(0).readable()).isTrue();
        assertThat(rows.get(2).readable()).isTrue();
    }

    @Test
    void open_fileWithInvalidUtf8_sameRowsAsTheStream() throws IOException {
        byte[] bytes = concat("{\"id\":\"A-1\"}\n", new byte[] {(byte) 0xFF}, "\n{\"id\":\"A-3\"}\n");
        Path file = Files.write(tmp.resolve("u.jsonl"), bytes);

        List<PortfolioRow> fromFile = new ArrayList<>();
        try (RowReader reader = RowReader.open(file, null)) {
            reader.forEachRemaining(r -> fromFile.add(r.parsed()));
        }

        assertThat(fromFile).extracting(PortfolioRow::row).containsExactly(1L, 2L, 3L);
        assertThat(fromFile).extracting(PortfolioRow::malformed)
                .isEqualTo(readBytes(bytes, null, RowReader.MAX_ROW_BYTES).stream().map(PortfolioRow::malformed).toList());
        assertThat(fromFile.get(1).malformed()).startsWith("not valid UTF-8 text");
    }

    @Test
    void read_lineLongerThanTheLimit_malformedWithItsIdAndTheNextRowsRead() throws IOException {
        String big = "{\"id\":\"B-2\",\"name\":\"" + "x".repeat(5000) + "\"}";

        List<PortfolioRow> rows = readAll("{\"id\":\"A-1\"}\n" + big + "\n{\"id\":\"A-3\"}\n", PortfolioFormat.JSONL);
        List<PortfolioRow> small = readBytes(("{\"id\":\"A-1\"}\n" + big + "\n{\"id\":\"A-3\"}\n")
                .getBytes(StandardCharsets.UTF_8), PortfolioFormat.JSONL, 1000);

        assertThat(rows.get(1).readable()).isTrue();
        assertThat(small).extracting(PortfolioRow::id).containsExactly("A-1", "B-2", "A-3");
        assertThat(small.get(1).malformed()).isEqualTo("the line is longer than 1000 bytes, the limit of a row; it was skipped");
        assertThat(small.get(2).readable()).isTrue();
    }

    /** A stream of one 50 MB line between two small ones, made as it is read: it is never in memory as a whole. */
    private static InputStream hugeLine() {
        byte[] head = "{\"id\":\"A-1\"}\n{\"id\":\"H-2\",\"contactHistory\":[".getBytes(StandardCharsets.UTF_8);
        byte[] entry = "{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\"},".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "{}]}\n{\"id\":\"A-3\"}\n".getBytes(StandardCharsets.UTF_8);
        long entries = 50_000_000L / entry.length;
        return new InputStream() {
            private long pos;
            private final long size = head.length + entries * entry.length + tail.length;

            @Override
            public int read() {
                if (pos >= size) {
                    return -1;
                }
                long p = pos++;
                if (p < head.length) {
                    return head[(int) p];
                }
                p -= head.length;
                if (p < entries * entry.length) {
                    return entry[(int) (p % entry.length)];
                }
                return tail[(int) (p - entries * entry.length)];
            }
        };
    }

    @Test
    void read_fiftyMegabyteLine_malformedWithoutKeepingItAndTheOthersRead() throws IOException {
        List<PortfolioRow> rows = new ArrayList<>();
        try (RowReader reader = RowReader.read(hugeLine(), null, "stdin")) {
            reader.forEachRemaining(r -> rows.add(r.parsed()));
        }

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("A-1", "H-2", "A-3");
        assertThat(rows.get(1).malformed()).isEqualTo("the line is longer than 1048576 bytes, the limit of a row; it was skipped");
        assertThat(rows.get(1).textLength()).isLessThan(1000);
    }

    @Test
    void parseLine_badTokenInName_namesTheFieldButNotTheValue() {
        PortfolioRow row = RowReader.parseLine("p", 1, "{\"id\":\"A\",\"name\":Wang13800138000}");

        assertThat(row.malformed()).startsWith("malformed JSON at column ").contains("(in name)")
                .doesNotContain("Wang").doesNotContain("138");
    }

    @Test
    void parseLine_badTokenElsewhere_namesThePathAndMasksTheToken() {
        PortfolioRow row = RowReader.parseLine("p", 1,
                "{\"id\":\"A\",\"contactHistory\":[{\"at\":\"x\"},{\"at\":tel13800138000}]}");

        assertThat(row.malformed()).contains("(in contactHistory[1].at)").contains("tel***********")
                .doesNotContain("138");
    }

    @Test
    void id_withControlCharactersOrTooLong_escapedAndCut() {
        assertThat(PortfolioRow.of("p", 1, Map.of("id", "C-1\nERROR x\u001B[31m")).id()).isEqualTo("C-1\\nERROR x\\u001B[31m");
        assertThat(PortfolioRow.of("p", 1, Map.of("id", "x".repeat(100_000))).id()).isEqualTo("x".repeat(200) + "…");
        assertThat(PortfolioRow.of("p", 1, Map.of("id", true)).id()).isNull();
    }

    @Test
    void read_csvWithABadQuoteAtRow100Of1000_readingResumesAtTheNextRecord() throws IOException {
        StringBuilder csv = new StringBuilder("id,daysOverdue,name\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(i == 100 ? "C-100,5,\"Wang \"Fang\n" : "C-" + i + "," + (i % 50) + ",Li Lei\n");
        }

        List<PortfolioRow> rows = readAll(csv.toString(), PortfolioFormat.CSV);

        assertThat(rows).hasSize(1000);
        assertThat(rows).extracting(PortfolioRow::row).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 1000).boxed().toList());
        assertThat(rows.get(99).malformed()).startsWith("malformed CSV: a quoted value (opened at character 9) is followed by 'F'");
        assertThat(rows.get(99).id()).isEqualTo("C-100");
        assertThat(rows.stream().filter(r -> !r.readable())).hasSize(1);
    }

    @Test
    void read_csvWithAQuoteThatNeverCloses_firstLineMalformedAndTheRestRead() throws IOException {
        List<PortfolioRow> rows = readAll("id,daysOverdue,name\nC-1,1,\"Wang\nC-2,2,Li\nC-3,3,Zhao\n", PortfolioFormat.CSV);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("C-1", "C-2", "C-3");
        assertThat(rows.get(0).malformed()).isEqualTo("malformed CSV: a quoted value opened at character 7 is not closed"
                + " on this line, and the lines after it do not complete the row (the input ends inside the quoted"
                + " value); reading goes on with the next line");
        assertThat(rows.get(1).fields()).containsEntry("name", "Li");
        assertThat(rows.get(2).fields()).containsEntry("name", "Zhao");
    }

    @Test
    void read_csvQuotedValueOverTwoLines_oneRecord() throws IOException {
        List<PortfolioRow> rows = readAll("id,daysOverdue,contactHistory\nC-1,1,\"[{\"\"at\"\":\"\"2026-11-27T10:00+08:00\"\",\n"
                + " \"\"channel\"\":\"\"CALL\"\"}]\"\nC-2,2,\n", PortfolioFormat.CSV);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 2L);
        assertThat(rows.get(0).fields().get("contactHistory"))
                .isEqualTo("[{\"at\":\"2026-11-27T10:00+08:00\",\n \"channel\":\"CALL\"}]");
        assertThat(rows.get(1).fields()).containsEntry("id", "C-2");
    }

    @Test
    void read_csvDuplicateHeaderColumn_everyRowMalformedNamingTheColumn() throws IOException {
        List<PortfolioRow> rows = readAll("id,daysOverdue,name,daysOverdue\nC-1,1,Li,2\nC-2,3,Wang,3\n", PortfolioFormat.CSV);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("C-1", "C-2");
        assertThat(rows).extracting(PortfolioRow::malformed).containsOnly("column \"daysOverdue\" appears twice in the"
                + " CSV header (columns 2 and 4); rename or remove one of them");
    }

    @Test
    void read_csvRowWithInvalidUtf8OrTooLong_thatRowMalformed() throws IOException {
        byte[] bytes = concat("id,daysOverdue,name\nC-1,1,Li\nC-2,2,", new byte[] {(byte) 0xE4, (byte) 0xB8},
                "\nC-3,3," + "x".repeat(2000) + "\nC-4,4,Zhao\n");

        List<PortfolioRow> rows = readBytes(bytes, PortfolioFormat.CSV, 1000);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("C-1", "C-2", "C-3", "C-4");
        assertThat(rows.get(1).malformed()).isEqualTo("not valid UTF-8 text: the bytes at byte 7 of the row are not UTF-8");
        assertThat(rows.get(2).malformed()).isEqualTo("the row is longer than 1000 bytes, the limit of a row; it was skipped");
        assertThat(rows.get(3).readable()).isTrue();
    }

    @Test
    void read_jsonArrayWithInvalidUtf8InOneElement_thatElementMalformedAndTheNextRead() throws IOException {
        byte[] bytes = concat("[{\"id\":\"A-1\"},\n {\"id\":\"A-2\",\"name\":\"", new byte[] {(byte) 0xFF},
                "\"},\n {\"id\":\"A-3\"}]");

        List<PortfolioRow> rows = readBytes(bytes, null, RowReader.MAX_ROW_BYTES);

        assertThat(rows).extracting(PortfolioRow::id).containsExactly("A-1", "A-2", "A-3");
        assertThat(rows.get(1).malformed()).isEqualTo("not valid UTF-8 text: the bytes at character 21 of the element are not UTF-8");
        assertThat(rows.get(2).readable()).isTrue();
    }

    @Test
    void read_jsonArrayElementLongerThanTheLimit_malformedAndTheNextRead() throws IOException {
        String contacts = "{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\"},".repeat(100);
        String text = "[{\"id\":\"A-1\"}, {\"id\":\"A-2\",\"contactHistory\":[" + contacts + "{}]}, {\"id\":\"A-3\"}]";

        List<PortfolioRow> rows = readBytes(text.getBytes(StandardCharsets.UTF_8), PortfolioFormat.JSON, 1000);

        assertThat(rows).extracting(PortfolioRow::row).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(1).malformed()).isEqualTo("the element is longer than 1000 bytes, the limit of a row; it was skipped");
        assertThat(rows.get(1).id()).isEqualTo("A-2");
        assertThat(rows.get(2).id()).isEqualTo("A-3");
    }

    @Test
    void read_jsonArrayDecimals_readExactlyWhateverTheirExponent() throws IOException {
        List<PortfolioRow> rows = readAll("[{\"id\":\"A\",\"amountOverdue\":123456789012345.6789},"
                + "{\"id\":\"B\",\"amountOverdue\":1e99999999}]", PortfolioFormat.JSON);

        assertThat(rows.get(0).fields().get("amountOverdue")).isEqualTo(new BigDecimal("123456789012345.6789"));
        assertThat(rows.get(1).fields().get("amountOverdue")).isEqualTo(new BigDecimal("1e99999999"));
    }
}
