package io.collectionstrategy.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
}
