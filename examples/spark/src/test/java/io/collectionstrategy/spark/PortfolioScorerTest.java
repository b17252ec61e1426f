package io.collectionstrategy.spark;

import static io.collectionstrategy.examples.portfolio.PortfolioFormat.JSONL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.collectionstrategy.json.ContractSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioScorerTest extends SparkTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Rulebook rulebook;
    private static CollectionStrategy core;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        rulebook = tinyRulebook();
        core = CollectionStrategy.builder().rulebook(rulebook).build();
    }

    private ScoreSummary score(Path input, OutputFormat format) {
        JobOptions options = JobOptions.of(input.toString(), dir.resolve("out").toString(), AS_OF)
                .withOutputFormat(format);
        return new PortfolioScorer(spark()).score(options, rulebook);
    }

    private Map<String, Row> assessments() {
        return spark().read().parquet(dir.resolve("out/assessments").toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("id"), Function.identity()));
    }

    private List<Row> errors() {
        List<Row> rows = new ArrayList<>(spark().read().parquet(dir.resolve("out/errors").toString()).collectAsList());
        rows.sort((a, b) -> Long.compare(a.getAs("row"), b.getAs("row")));
        return rows;
    }

    @Test
    void score_generatedJsonLinesWithDefaultRulebook_sameAsCoreApi() throws IOException {
        Path input = dir.resolve("portfolio.jsonl");
        long bad = new SyntheticPortfolio(7, 400).withBadRows(0.02).withReferenceDate(AS_OF).write(input, JSONL);
        Rulebook defaults = Rulebook.defaults();
        CollectionStrategy core = CollectionStrategy.builder().rulebook(defaults).build();

        ScoreSummary summary = new PortfolioScorer(spark()).score(
                JobOptions.of(input.toString(), dir.resolve("out").toString(), AS_OF).withPartitions(2), defaults);

        assertThat(summary.input()).isEqualTo(400);
        assertThat(summary.errors()).isEqualTo(bad).isPositive();
        assertThat(summary.assessed()).isEqualTo(400 - bad);
        assertThat(summary.consistent()).isTrue();
        Map<String, Row> written = assessments();
        int compared = 0;
        for (String line : Files.readAllLines(input)) {
            Map<String, Object> fields;
            try {
                fields = JSON.readValue(line, LinkedHashMap.class);
                Assessment expected = coreApi(core, fields);
                assertThat(assessment(written.get(expected.id()))).as(expected.id()).isEqualTo(expected);
                compared++;
            } catch (IOException | InvalidDebtorException e) {
                // a bad row: counted among the errors
            }
        }
        assertThat(compared).isEqualTo(written.size());
        assertThat(summary.rulebookVersion()).isEqualTo(defaults.version());
        assertThat(written.values()).extracting(r -> r.<String>getAs("debtorType")).contains("UNCLASSIFIED")
                .hasSizeGreaterThan(1);
    }

    @Test
    void score_fileWithBadRows_countedErrorsAndEveryGoodRowAssessed() throws IOException {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\":\"C-1\",\"daysOverdue\":10}",
                "{\"id\":\"C-2\",\"daysOverdue\":-3}",
                "",
                "{\"id\":\"C-4\",\"daysOverdue\":12,\"behaviours\":[\"SHOUTS\"]}",
                "{\"id\":\"C-5\",\"daysOverdue\":\"forty\"}",
                "{\"id\":\"C-6\",\"daysOverdue\":40,\"promisesMade\":1,\"promisesBroken\":3}",
                "{\"id\":\"C-7\",\"daysOverdue\":3",
                "[1, 2]",
                "{\"daysOverdue\":5}",
                "{\"id\":\"C-10\",\"daysOverdue\":5,\"colour\":\"red\"}",
                "{\"id\":\"C-BOOM\",\"daysOverdue\":5}",
                "{\"id\":\"C-12\",\"daysOverdue\":95,\"behaviours\":[\"AVOIDS_CONTACT\"]}",
                "{\"id\":\"C-13\",\"daysOverdue\":9,\"lastInterruption\":\"2027-01-01\"}") + "\n",
                StandardCharsets.UTF_8);

        ScoreSummary summary = score(input, OutputFormat.PARQUET);

        assertThat(summary.input()).isEqualTo(12);
        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(10);
        assertThat(assessments().keySet()).containsExactlyInAnyOrder("C-1", "C-12");
        List<Row> errors = errors();
        assertThat(errors).extracting(r -> r.<Long>getAs("row")).containsExactly(2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L);
        assertThat(errors).extracting(r -> r.<String>getAs("id"))
                .containsExactly("C-2", "C-4", "C-5", "C-6", "C-7", null, null, "C-10", "C-BOOM", "C-13");
        assertThat(errors).extracting(r -> r.<String>getAs("kind")).containsExactly(
                OutputRows.INVALID_DEBTOR, OutputRows.INVALID_DEBTOR, OutputRows.INVALID_DEBTOR, OutputRows.INVALID_DEBTOR,
                OutputRows.MALFORMED_RECORD, OutputRows.MALFORMED_RECORD, OutputRows.INVALID_DEBTOR,
                OutputRows.INVALID_DEBTOR, OutputRows.ASSESSMENT_FAILED, OutputRows.INVALID_DEBTOR);
        assertThat(errors).extracting(r -> r.<String>getAs("field")).containsExactly(
                "daysOverdue", "behaviours", "daysOverdue", "promisesBroken", null, null, "id", "colour", null,
                "lastInterruption");
        assertThat(errors.get(0).<String>getAs("error")).isEqualTo("daysOverdue must be between 0 and 36500, was -3");
        assertThat(errors.get(1).<String>getAs("error")).contains("SHOUTS").contains("AVOIDS_CONTACT");
        assertThat(errors.get(4).<String>getAs("error")).startsWith("malformed JSON");
        assertThat(errors.get(5).<String>getAs("error")).contains("JSON object");
        assertThat(errors.get(8).<String>getAs("rule")).isEqualTo("T-999");
        assertThat(errors.get(9).<String>getAs("error")).contains("on or before asOf (2026-11-28)");
        assertThat(errors).allSatisfy(r -> assertThat(r.<String>getAs("source")).endsWith("bad.jsonl"));
    }

    @Test
    void score_csvWithSetAndJsonColumns_sameAsCoreApi() throws IOException {
        Path input = dir.resolve("portfolio.csv");
        String history = "\"[{\"\"at\"\":\"\"2026-11-27T10:00:00+08:00\"\",\"\"channel\"\":\"\"CALL\"\",\"\"reached\"\":true}]\"";
        Files.writeString(input, String.join("\n",
                "id,name,daysOverdue,amountOverdue,behaviours,circumstances,hasGuarantor,contactAttempts,contactsReached,contactHistory",
                "C-1,Wang Fang,12,1200.50,AVOIDS_CONTACT|FRIENDLY,,true,4,1," + history,
                "C-2,,120,99,,DECEASED_REPORTED,false,0,0,",
                "C-3,Li,95,10,AVOIDS_CONTACT,,,,,",
                "C-4,Zhao,abc,10,,,,,,",
                "C-5,Sun,5,10,,,maybe,,,",
                "C-6,Qian,5") + "\n", StandardCharsets.UTF_8);

        ScoreSummary summary = score(input, OutputFormat.PARQUET);

        assertThat(summary.input()).isEqualTo(6);
        assertThat(summary.assessed()).isEqualTo(3);
        assertThat(summary.errors()).isEqualTo(3);
        Map<String, Row> written = assessments();
        Map<String, Object> c1 = new HashMap<>(Map.of("id", "C-1", "name", "Wang Fang", "daysOverdue", "12",
                "amountOverdue", "1200.50", "behaviours", "AVOIDS_CONTACT|FRIENDLY", "hasGuarantor", "true",
                "contactAttempts", "4", "contactsReached", "1"));
        c1.put("contactHistory", "[{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\",\"reached\":true}]");
        assertThat(assessment(written.get("C-1"))).isEqualTo(coreApi(core, c1));
        assertThat(assessment(written.get("C-1")).debtorType()).isEqualTo("EVASIVE");
        assertThat(assessment(written.get("C-2"))).isEqualTo(coreApi(core, Map.of("id", "C-2", "daysOverdue", "120",
                "amountOverdue", "99", "circumstances", "DECEASED_REPORTED")));
        assertThat(assessment(written.get("C-2")).situation()).isEqualTo("DECEASED");
        assertThat(assessment(written.get("C-3"))).isEqualTo(coreApi(core, Map.of("id", "C-3", "name", "Li",
                "daysOverdue", "95", "amountOverdue", "10", "behaviours", "AVOIDS_CONTACT")));
        assertThat(errors()).extracting(r -> r.<Long>getAs("row")).containsExactly(4L, 5L, 6L);
        assertThat(errors()).extracting(r -> r.<String>getAs("field")).containsExactly("daysOverdue", "hasGuarantor", null);
        assertThat(errors().get(2).<String>getAs("kind")).isEqualTo(OutputRows.MALFORMED_RECORD);
        assertThat(errors().get(2).<String>getAs("id")).isEqualTo("C-6");
    }

    @Test
    void score_parquetWithTypedColumns_sameAsCoreApi() {
        StructType contact = new StructType().add("at", DataTypes.StringType).add("channel", DataTypes.StringType)
                .add("reached", DataTypes.BooleanType);
        StructType schema = new StructType()
                .add("id", DataTypes.StringType)
                .add("daysOverdue", DataTypes.IntegerType)
                .add("amountOverdue", DataTypes.createDecimalType(12, 2))
                .add("behaviours", DataTypes.createArrayType(DataTypes.StringType))
                .add("hasCollateral", DataTypes.BooleanType)
                .add("lastInterruption", DataTypes.DateType)
                .add("contactHistory", DataTypes.createArrayType(contact));
        List<Row> rows = List.of(
                RowFactory.create("C-1", 20, new java.math.BigDecimal("10.50"), List.of("AVOIDS_CONTACT"), true,
                        Date.valueOf("2026-11-01"),
                        List.of(RowFactory.create("2026-11-20T09:00:00+08:00", "VISIT", false))),
                RowFactory.create("C-2", 400, new java.math.BigDecimal("7.00"), List.of(), null, null, null),
                RowFactory.create("C-3", -1, null, null, null, null, null),
                RowFactory.create("C-4", 10, null, List.of("NOPE"), null, null, null));
        Path input = dir.resolve("portfolio.parquet");
        spark().createDataFrame(rows, schema).coalesce(1).write().parquet(input.toString());

        ScoreSummary summary = score(input, OutputFormat.PARQUET);

        assertThat(summary.input()).isEqualTo(4);
        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(2);
        Map<String, Object> c1 = Map.of("id", "C-1", "daysOverdue", 20, "amountOverdue", new java.math.BigDecimal("10.50"),
                "behaviours", List.of("AVOIDS_CONTACT"), "hasCollateral", true, "lastInterruption", "2026-11-01",
                "contactHistory", List.of(Map.of("at", "2026-11-20T09:00:00+08:00", "channel", "VISIT", "reached", false)));
        assertThat(assessment(assessments().get("C-1"))).isEqualTo(coreApi(core, c1));
        assertThat(assessment(assessments().get("C-2"))).isEqualTo(coreApi(core, Map.of("id", "C-2", "daysOverdue", 400,
                "amountOverdue", "7.00")));
        assertThat(errors()).extracting(r -> r.<String>getAs("id")).containsExactly("C-3", "C-4");
        assertThat(errors()).extracting(r -> r.<String>getAs("field")).containsExactly("daysOverdue", "behaviours");
    }

    @Test
    void score_directoryOfFiles_rowsNumberedPerFile() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"A-1\",\"daysOverdue\":1}\n{\"id\":\"A-2\",\"daysOverdue\":-1}\n");
        Files.writeString(in.resolve("b.jsonl"), "{\"id\":\"B-1\",\"daysOverdue\":-1}\n{\"id\":\"B-2\",\"daysOverdue\":2}\n");
        Files.writeString(in.resolve("_SUCCESS"), "");

        ScoreSummary summary = score(in, OutputFormat.PARQUET);

        assertThat(summary.input()).isEqualTo(4);
        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(errors()).extracting(r -> r.<String>getAs("id") + "@" + r.<Long>getAs("row"))
                .containsExactlyInAnyOrder("A-2@2", "B-1@1");
    }

    @Test
    void score_csvAndJsonOutput_countsAgreeWithInput() throws IOException {
        Path input = dir.resolve("portfolio.jsonl");
        long bad = new SyntheticPortfolio(11, 120).withBadRows(0.05).withReferenceDate(AS_OF).write(input, JSONL);
        for (OutputFormat format : List.of(OutputFormat.CSV, OutputFormat.JSON)) {
            JobOptions options = JobOptions.of(input.toString(), dir.resolve("out-" + format).toString(), AS_OF)
                    .withOutputFormat(format).withPartitions(3);

            ScoreSummary summary = new PortfolioScorer(spark()).score(options, rulebook);

            assertThat(summary.input()).as(format.name()).isEqualTo(120);
            assertThat(summary.errors()).as(format.name()).isEqualTo(bad);
            assertThat(summary.consistent()).as(format.name()).isTrue();
        }
        List<Row> csv = spark().read().option("header", true).option("escape", "\"").option("multiLine", true)
                .csv(dir.resolve("out-CSV/assessments").toString()).collectAsList();
        assertThat(csv).hasSize((int) (120 - bad));
        assertThat(csv).allSatisfy(r -> assertThat(r.<String>getAs("escalation")).startsWith("["));
        assertThat(csv).allSatisfy(r -> assertThat(r.<String>getAs("rulebook")).startsWith("{\"name\":"));
    }

    @Test
    void score_jsonOutput_recordsValidAgainstTheContractSchemasAndSameAsTheLibrary() throws IOException {
        Path input = dir.resolve("portfolio.jsonl");
        long bad = new SyntheticPortfolio(5, 150).withBadRows(0.05).withReferenceDate(AS_OF).write(input, JSONL);
        Rulebook defaults = Rulebook.defaults();
        CollectionStrategy library = CollectionStrategy.builder().rulebook(defaults).build();
        JobOptions options = JobOptions.of(input.toString(), dir.resolve("out").toString(), AS_OF)
                .withOutputFormat(OutputFormat.JSON).withPartitions(2);

        new PortfolioScorer(spark()).score(options, defaults);

        var assessmentSchema = ContractSchemas.strict("assessment.schema.json", "");
        var errorSchema = ContractSchemas.strict("assessment.schema.json", "/$defs/errorRecord");
        Map<String, String> lines = new HashMap<>();
        for (String line : Files.readAllLines(input)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(line);
            if (m.find()) {
                lines.put(m.group(1), line);
            }
        }
        List<String> assessments = partLines(dir.resolve("out/assessments"));
        assertThat(assessments).hasSize((int) (150 - bad));
        for (String json : assessments) {
            JsonNode node = JSON.readTree(json);
            assertThat(ContractSchemas.problems(assessmentSchema, node)).as(json).isEmpty();
            assertThat(node.get("source").asText()).endsWith("portfolio.jsonl");
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(lines.get(node.get("id").asText()), LinkedHashMap.class);
            JsonNode expected = JSON.valueToTree(coreApi(library, fields));
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("source", "row"));
            assertThat(node).as(json).isEqualTo(expected);
        }
        List<String> errors = partLines(dir.resolve("out/errors"));
        assertThat(errors).hasSize((int) bad);
        for (String json : errors) {
            assertThat(ContractSchemas.problems(errorSchema, json)).as(json).isEmpty();
        }
    }

    private static List<String> partLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                Files.readAllLines(part).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    @Test
    void score_csvWithUnknownColumn_failsBeforeScoring() throws IOException {
        Path input = dir.resolve("portfolio.csv");
        Files.writeString(input, "id,daysOverdue,colour\nC-1,3,red\n");

        assertThatThrownBy(() -> score(input, OutputFormat.PARQUET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[colour]");
    }

    @Test
    void score_existingOutputWithoutOverwrite_fails() throws IOException {
        Path input = dir.resolve("p.jsonl");
        Files.writeString(input, "{\"id\":\"C-1\",\"daysOverdue\":1}\n");
        score(input, OutputFormat.PARQUET);

        assertThatThrownBy(() -> score(input, OutputFormat.PARQUET)).hasMessageContaining("already exists");
        JobOptions again = JobOptions.of(input.toString(), dir.resolve("out").toString(), AS_OF).withOverwrite(true);
        assertThat(new PortfolioScorer(spark()).score(again, rulebook).assessed()).isEqualTo(1);
    }
}
