package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.collectionstrategy.json.AssessmentJson;
import io.collectionstrategy.json.ContractSchemas;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the library writes and reads agrees with docs/schema and with docs/contract.md. */
class ContractSchemaTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    /** Reads JSON as the command-line tool does: decimals exactly. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final JsonSchema DEBTOR = ContractSchemas.open("debtor.schema.json", "");

    private static Map<String, Object> fields(String json) throws IOException {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    private static boolean libraryAccepts(String json) throws IOException {
        try {
            Debtor.fromFields(fields(json));
            return true;
        } catch (InvalidDebtorException e) {
            return false;
        }
    }

    private static List<Assessment> engineAssessments() {
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(TestRulebooks.basic())
                .locale(Locale.ENGLISH).build();
        Debtor evasive = Debtor.builder("C-1").name("Wang Fang").daysOverdue(27).amountOverdue("1200.50")
                .behaviours(Behaviour.AVOIDS_CONTACT).contactAttempts(6).contactsReached(1).build();
        Debtor timeBarred = Debtor.builder("C-2").daysOverdue(5000).build();
        Debtor notOverdue = Debtor.builder("C-3").daysOverdue(0).circumstances(Circumstance.DECEASED_REPORTED).build();
        return List.of(strategy.assess(evasive, AS_OF), strategy.assess(timeBarred, AS_OF),
                strategy.assess(notOverdue, AS_OF),
                strategy.assess(evasive, OffsetDateTime.parse("2026-11-28T23:30:00+08:00"), Locale.forLanguageTag("zh-CN")));
    }

    @Test
    void writeValueAsString_engineAssessments_validAndSameAsAssessmentJson() throws IOException {
        JsonSchema open = ContractSchemas.open("assessment.schema.json", "");
        JsonSchema strict = ContractSchemas.strict("assessment.schema.json", "");
        ObjectMapper plain = new ObjectMapper();
        List<Assessment> assessments = engineAssessments();

        for (Assessment a : assessments) {
            String json = plain.writeValueAsString(a);
            StringWriter streamed = new StringWriter();
            try (var g = plain.getFactory().createGenerator(streamed)) {
                AssessmentJson.write(g, a);
            }
            assertThat(json).as(a.id()).isEqualTo(streamed.toString());
            assertThat(ContractSchemas.problems(open, json)).as(json).isEmpty();
            assertThat(ContractSchemas.problems(strict, json)).as(json).isEmpty();
        }
        assertThat(assessments).anySatisfy(a -> assertThat(a.script()).isNotNull());
        assertThat(assessments).anySatisfy(a -> assertThat(a.warnings()).isNotEmpty());
        assertThat(assessments).anySatisfy(a -> assertThat(a.evidence()).isNotEmpty());
    }

    @Test
    void assessmentSchema_recordsThatBreakTheContract_rejected() throws IOException {
        JsonSchema open = ContractSchemas.open("assessment.schema.json", "");
        ObjectMapper plain = new ObjectMapper();
        JsonNode good = plain.valueToTree(engineAssessments().get(0));

        var missingEvidence = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) missingEvidence).remove("evidence");
        var negativeDays = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) negativeDays.get("escalation").get(0)).put("inDays", -1);
        var scriptWithoutDo = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) scriptWithoutDo.get("script")).remove("do");
        var textRow = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) textRow).put("row", "7");
        var extra = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("score", 3);

        assertThat(ContractSchemas.problems(open, good)).isEmpty();
        assertThat(ContractSchemas.problems(open, missingEvidence)).isNotEmpty();
        assertThat(ContractSchemas.problems(open, negativeDays)).isNotEmpty();
        assertThat(ContractSchemas.problems(open, scriptWithoutDo)).isNotEmpty();
        assertThat(ContractSchemas.problems(open, textRow)).isNotEmpty();
        // the published schema tolerates fields added later; the strict copy the tests use does not
        assertThat(ContractSchemas.problems(open, extra)).isEmpty();
        assertThat(ContractSchemas.problems(ContractSchemas.strict("assessment.schema.json", ""), extra)).isNotEmpty();
    }

    @Test
    void outputRecordSchema_assessmentOrErrorRecord_eachValidAndNothingElse() throws IOException {
        JsonSchema record = ContractSchemas.strict("assessment.schema.json", "/$defs/outputRecord");
        String assessment = new ObjectMapper().writeValueAsString(engineAssessments().get(0));

        assertThat(ContractSchemas.problems(record, assessment)).isEmpty();
        assertThat(ContractSchemas.problems(record,
                "{\"row\":2,\"id\":\"M-002\",\"error\":\"daysOverdue must be between 0 and 36500, was -3\"}")).isEmpty();
        assertThat(ContractSchemas.problems(record, "{\"row\":7,\"id\":null,\"error\":\"id is required\"}")).isEmpty();
        assertThat(ContractSchemas.problems(record, "{\"row\":0,\"id\":null,\"error\":\"x\"}")).isNotEmpty();
        assertThat(ContractSchemas.problems(record, "{\"row\":3,\"error\":\"x\"}")).isNotEmpty();
        assertThat(ContractSchemas.problems(record, "{\"id\":\"C-1\"}")).isNotEmpty();
    }

    /** Documents both the schema and {@code Debtor.fromFields} accept. */
    static final List<String> VALID = List.of(
            "{\"id\":\"C-1\",\"daysOverdue\":0}",
            "{\"id\":\"C-2\",\"daysOverdue\":36500,\"amountOverdue\":1200.50,\"currency\":\"USD\",\"jurisdiction\":\"US\"}",
            "{\"id\":\"C-3\",\"daysOverdue\":27,\"amountOverdue\":\"1200.50\",\"debtorKind\":\"BUSINESS\"}",
            "{\"id\":\"C-4\",\"name\":\"李强\",\"daysOverdue\":27,\"lateInstalments\":2,\"promisesMade\":3,\"promisesBroken\":3,"
                    + "\"contactAttempts\":8,\"contactsReached\":1,\"daysSinceLastContact\":21,\"statedReason\":\"CASH_FLOW_TIMING\","
                    + "\"behaviours\":[\"AVOIDS_CONTACT\",\"FRIENDLY\"],\"circumstances\":[\"COMPLAINT_OPEN\"],"
                    + "\"hasGuarantor\":true,\"hasCollateral\":false,\"dueDate\":\"2026-10-01\",\"lastInterruption\":\"2026-11-01\","
                    + "\"jurisdiction\":\"UK_SCOTLAND\"}",
            "{\"id\":\"C-5\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\","
                    + "\"reached\":true},{\"at\":\"2026-11-26T09:00:00Z\",\"channel\":\"SMS\"}]}",
            "{\"id\":\"C-6\",\"daysOverdue\":5,\"name\":null,\"currency\":null,\"behaviours\":null,\"dueDate\":null,"
                    + "\"daysSinceLastContact\":null,\"statedReason\":null,\"contactHistory\":[]}",
            "{\"id\":\"C-7\",\"daysOverdue\":5.0,\"behaviours\":[\"FRIENDLY\",\"FRIENDLY\"]}",
            "{\"id\":\"C-8\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00+08:00\",\"channel\":\"VISIT\","
                    + "\"reached\":null},{\"at\":\"2026-11-27t10:00:00.5z\",\"channel\":\"EMAIL\",\"reached\":false}]}",
            "{\"id\":\"C-9\",\"daysOverdue\":1,\"amountOverdue\":1000000000000000,\"name\":\"" + "王".repeat(500) + "\"}",
            "{\"id\":\"" + "9".repeat(200) + "\",\"daysOverdue\":1,\"amountOverdue\":0.0001}",
            "{\"id\":\"C-11\",\"daysOverdue\":1,\"amountOverdue\":\"999999999999999.9999\"}");

    /** Documents both reject. */
    static final List<String> INVALID = List.of(
            "{\"id\":\"C-1\",\"daysOverdue\":-3}",
            "{\"id\":\"C-1\",\"daysOverdue\":36501}",
            "{\"id\":\"C-1\",\"daysOverdue\":2.5}",
            "{\"id\":\"C-1\"}",
            "{\"daysOverdue\":5}",
            "{\"id\":\"  \",\"daysOverdue\":5}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"behaviours\":[\"SHOUTS\"]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"behaviours\":[\"friendly\"]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"nickname\":\"Lao Wang\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"debtorKind\":\"PARTNERSHIP\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"jurisdiction\":\"uk\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"amountOverdue\":-0.01}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"currency\":\"cny\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"promisesMade\":-1}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactAttempts\":3000000000}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"hasGuarantor\":\"maybe\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"dueDate\":\"2026-13-01\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"dueDate\":\"01/10/2026\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"FAX\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"channel\":\"CALL\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00:00\",\"channel\":\"CALL\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00:00Z\",\"channel\":\"CALL\",\"who\":\"x\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[\"CALL\"]}",
            "{\"id\":true,\"daysOverdue\":5}",
            "{\"id\":\"" + "x".repeat(201) + "\",\"daysOverdue\":5}",
            "{\"id\":\"C-1\\nERROR all debts paid\",\"daysOverdue\":5}",
            "{\"id\":\"C-1\\u001b[31m\",\"daysOverdue\":5}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"name\":\"" + "x".repeat(501) + "\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"name\":\"Wang\\u202eFang\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"amountOverdue\":1000000000000001}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"amountOverdue\":0.00001}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"amountOverdue\":\"12345678901234567\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"behaviours\":[" + "\"FRIENDLY\",".repeat(100) + "\"FRIENDLY\"]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":["
                    + "{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\"},".repeat(1000)
                    + "{\"at\":\"2026-11-27T10:00:00+08:00\",\"channel\":\"CALL\"}]}");

    /**
     * The library's own checks, beyond what a schema can say: the schema accepts these, the library rejects them when
     * it reads the record or when it assesses it.
     */
    static final List<String> LIBRARY_ONLY = List.of(
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"promisesMade\":1,\"promisesBroken\":3}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactAttempts\":1,\"contactsReached\":2}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"currency\":\"XYZ\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"dueDate\":\"2026-10-01\",\"lastInterruption\":\"2026-09-01\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-13-27T10:00+08:00\",\"channel\":\"CALL\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"jurisdiction\":\"DE\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"lastInterruption\":\"2027-01-01\"}");

    /** Forms the library reads too (as from CSV text) that are not the canonical JSON of the schema. */
    static final List<String> LENIENT = List.of(
            "{\"id\":\"C-1\",\"daysOverdue\":\"27\"}",
            "{\"id\":42,\"daysOverdue\":5}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"behaviours\":\"AVOIDS_CONTACT|FRIENDLY\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"hasGuarantor\":\"TRUE\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"currency\":\"USD \"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":[{\"at\":\"2026-11-27T10:00+08\",\"channel\":\"CALL\"}]}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"statedReason\":\"\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"amountOverdue\":\"1200.500000\"}",
            "{\"id\":\"C-1\",\"daysOverdue\":5,\"contactHistory\":\"[{\\\"at\\\":\\\"2026-11-27T10:00+08:00\\\",\\\"channel\\\":\\\"CALL\\\"}]\"}");

    @Test
    void debtorSchema_validDocuments_acceptedByTheSchemaAndTheLibrary() throws IOException {
        for (String json : VALID) {
            assertThat(ContractSchemas.problems(DEBTOR, json)).as(json).isEmpty();
            assertThat(libraryAccepts(json)).as(json).isTrue();
        }
    }

    @Test
    void debtorSchema_invalidDocuments_rejectedByTheSchemaAndTheLibrary() throws IOException {
        for (String json : INVALID) {
            assertThat(ContractSchemas.problems(DEBTOR, json)).as(json).isNotEmpty();
            assertThat(libraryAccepts(json)).as(json).isFalse();
        }
    }

    @Test
    void debtorSchema_crossFieldCodeAndDateChecks_leftToTheLibrary() throws IOException {
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(TestRulebooks.basic()).build();
        for (String json : LIBRARY_ONLY) {
            assertThat(ContractSchemas.problems(DEBTOR, json)).as(json).isEmpty();
            assertThatThrownBy(() -> strategy.assess(Debtor.fromFields(fields(json)), AS_OF)).as(json)
                    .isInstanceOf(InvalidDebtorException.class);
        }
    }

    @Test
    void debtorSchema_textFormsTheLibraryAlsoReads_notCanonical() throws IOException {
        for (String json : LENIENT) {
            assertThat(ContractSchemas.problems(DEBTOR, json)).as(json).isNotEmpty();
            assertThat(libraryAccepts(json)).as(json).isTrue();
        }
    }

    @Test
    void debtorSchema_fieldsOfTheSchema_areTheDebtorFieldsInOrder() throws IOException {
        JsonNode schema = JSON.readTree(ContractSchemas.dir().resolve("debtor.schema.json").toFile());
        List<String> names = new java.util.ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);

        assertThat(names).isEqualTo(Debtor.FIELDS);
        assertThat(schema.get("properties")).allSatisfy(p -> assertThat(p.hasNonNull("description")).isTrue());
        assertThat(schema.at("/properties/behaviours/items/enum")).extracting(JsonNode::asText)
                .containsExactly(java.util.Arrays.stream(Behaviour.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/properties/statedReason/enum")).extracting(JsonNode::asText)
                .startsWith(java.util.Arrays.stream(StatedReason.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/properties/circumstances/items/enum")).extracting(JsonNode::asText)
                .containsExactly(java.util.Arrays.stream(Circumstance.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/$defs/contact/properties/channel/enum")).extracting(JsonNode::asText)
                .containsExactly(java.util.Arrays.stream(Channel.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/properties/debtorKind/enum")).extracting(JsonNode::asText)
                .startsWith(java.util.Arrays.stream(DebtorKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(schema.at("/properties/jurisdiction/examples")).extracting(JsonNode::asText)
                .containsExactly(Jurisdiction.CN.name(), Jurisdiction.US.name(), Jurisdiction.UK.name(),
                        Jurisdiction.UK_SCOTLAND.name());
        assertThat(schema.at("/properties/daysOverdue/maximum").asInt()).isEqualTo(Debtor.MAX_DAYS_OVERDUE);
        assertThat(schema.at("/properties/amountOverdue/maximum").decimalValue()).isEqualByComparingTo(Debtor.MAX_AMOUNT);
        assertThat(schema.at("/properties/amountOverdue/multipleOf").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.ONE.movePointLeft(Debtor.MAX_AMOUNT_DECIMALS));
        assertThat(schema.at("/properties/id/maxLength").asInt()).isEqualTo(Debtor.MAX_ID_LENGTH);
        assertThat(schema.at("/properties/name/maxLength").asInt()).isEqualTo(Debtor.MAX_NAME_LENGTH);
        assertThat(schema.at("/properties/contactHistory/maxItems").asInt()).isEqualTo(Debtor.MAX_CONTACTS);
        assertThat(schema.at("/properties/behaviours/maxItems").asInt()).isEqualTo(Debtor.MAX_LIST_ITEMS);
        assertThat(schema.at("/properties/circumstances/maxItems").asInt()).isEqualTo(Debtor.MAX_LIST_ITEMS);
    }

    @Test
    void debtorSchema_bundledPortfolios_everyRowValidAndAcceptedByTheLibrary() throws IOException {
        Path data = ContractSchemas.repository().resolve("examples/data");
        int rows = 0;
        for (String file : List.of("sample-portfolio.jsonl", "worked-examples.jsonl")) {
            for (String line : Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                assertThat(ContractSchemas.problems(DEBTOR, line)).as(file + ": " + line).isEmpty();
                assertThat(libraryAccepts(line)).as(line).isTrue();
                rows++;
            }
        }
        assertThat(rows).isEqualTo(1007);
    }

    @Test
    void debtorSchema_mixedBadRows_sameVerdictAsTheLibraryButTheCrossFieldCheck() throws IOException {
        Path file = ContractSchemas.repository().resolve("examples/data/mixed-bad-rows.jsonl");
        int compared = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException malformed) {
                continue; // not JSON: rejected before any schema
            }
            boolean schemaAccepts = ContractSchemas.problems(DEBTOR, node).isEmpty();
            boolean library = node.isObject() && libraryAccepts(line);
            boolean crossField = node.path("promisesBroken").asInt() > node.path("promisesMade").asInt();
            assertThat(schemaAccepts).as(line).isEqualTo(library || crossField);
            compared++;
        }
        assertThat(compared).isEqualTo(13);
    }
}
