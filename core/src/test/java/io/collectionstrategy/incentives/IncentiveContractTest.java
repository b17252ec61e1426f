package io.collectionstrategy.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.collectionstrategy.json.ContractSchemas;
import io.collectionstrategy.json.IncentiveJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the incentive policy reads and writes agrees with docs/schema/receivable and incentive schemas. */
class IncentiveContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonSchema RECEIVABLE = ContractSchemas.open("receivable.schema.json", "");

    private interface Write {
        void to(JsonGenerator g) throws IOException;
    }

    private static String json(Write w) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            w.to(g);
        }
        return out.toString();
    }

    @Test
    void receivableSchema_listsExactlyTheFieldsAndRequiredOnes() throws IOException {
        JsonNode schema = JSON.readTree(ContractSchemas.dir().resolve("receivable.schema.json").toFile());

        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asText()));

        assertThat(properties).containsExactlyElementsOf(Receivable.FIELDS);
        assertThat(required).containsExactly("id", "unit", "owner", "category", "amountDue", "recovered");
    }

    static final List<String> VALID = List.of(
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1000,\"recovered\":0}",
            "{\"id\":\"R-2\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"BANKRUPTCY\",\"amountDue\":\"80000.00\","
                    + "\"recovered\":12345.67,\"offsetOrRestructured\":null,\"ageDays\":400,\"writeOffEligible\":true,"
                    + "\"writtenOff\":false,\"termEnded\":null,\"rewardPaid\":\"617.28\"}",
            "{\"id\":\"R-3\",\"unit\":\"华东事业部\",\"owner\":\"王芳\",\"category\":\"DEPOSIT\",\"amountDue\":3000,"
                    + "\"recovered\":3000,\"termEnded\":true}");

    static final List<String> INVALID = List.of(
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1000}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"category\":\"DISPUTED\",\"amountDue\":1000,\"recovered\":0}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"LOST\",\"amountDue\":1000,\"recovered\":0}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":-1,\"recovered\":0}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1,\"recovered\":0,"
                    + "\"ageDays\":36501}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1,\"recovered\":0,"
                    + "\"writtenOff\":\"maybe\"}",
            "{\"id\":\"R-1\",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1,\"recovered\":0,"
                    + "\"region\":\"north\"}",
            "{\"id\":\" \",\"unit\":\"East\",\"owner\":\"Li\",\"category\":\"DISPUTED\",\"amountDue\":1,\"recovered\":0}");

    @Test
    void receivableSchema_andLibrary_agreeOnValidAndInvalidDocuments() throws IOException {
        for (String doc : VALID) {
            assertThat(ContractSchemas.problems(RECEIVABLE, doc)).as(doc).isEmpty();
            Receivable.fromFields(JSON.readValue(doc, new TypeReference<Map<String, Object>>() { }));
        }
        for (String doc : INVALID) {
            assertThat(ContractSchemas.problems(RECEIVABLE, doc)).as(doc).isNotEmpty();
            Map<String, Object> fields = JSON.readValue(doc, new TypeReference<Map<String, Object>>() { });
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Receivable.fromFields(fields))).as(doc)
                    .isInstanceOf(InvalidReceivableException.class);
        }
    }

    @Test
    void incentiveJson_resultsAndTotals_validAgainstTheStrictSchema() throws IOException {
        IncentivePolicy policy = TestIncentives.policy();
        IncentiveReport report = policy.settle(List.of(
                TestIncentives.receivable("C-1", "East", Category.CONTRACT_NORMAL).amountDue("100").recovered("40").build(),
                TestIncentives.receivable("R-1", "East", Category.RECOVERABLE).amountDue("1000").recovered("250.55")
                        .rewardPaid("1.00").build(),
                TestIncentives.receivable("D-1", "West", Category.DEPOSIT).amountDue("1E+3").recovered("0").build()),
                SettlementPeriod.FINAL, 2026);
        JsonSchema result = ContractSchemas.strict("incentive.schema.json", "");
        JsonSchema record = ContractSchemas.strict("incentive.schema.json", "/$defs/outputRecord");
        JsonSchema unit = ContractSchemas.strict("incentive.schema.json", "/$defs/unitTotals");
        JsonSchema owner = ContractSchemas.strict("incentive.schema.json", "/$defs/ownerTotals");

        for (IncentiveResult r : report.results()) {
            String text = json(g -> IncentiveJson.write(g, r));
            assertThat(ContractSchemas.problems(result, text)).as(text).isEmpty();
            assertThat(ContractSchemas.problems(record, text)).as(text).isEmpty();
        }
        for (UnitTotals u : report.units()) {
            String text = json(g -> IncentiveJson.write(g, u));
            assertThat(ContractSchemas.problems(unit, text)).as(text).isEmpty();
        }
        for (OwnerTotals o : report.owners()) {
            String text = json(g -> IncentiveJson.write(g, o));
            assertThat(ContractSchemas.problems(owner, text)).as(text).isEmpty();
        }
        assertThat(ContractSchemas.problems(record, "{\"row\":2,\"id\":\"R-2\",\"error\":\"recovered is required\"}"))
                .isEmpty();
        assertThat(ContractSchemas.problems(record, "{\"row\":2,\"error\":\"x\"}")).isNotEmpty();
    }

    @Test
    void incentiveJson_amounts_exactDecimalsNeverExponents() throws IOException {
        IncentiveResult r = TestIncentives.policy().evaluate(TestIncentives.receivable("D-1", "West", Category.RECOVERABLE)
                .amountDue("1E+3").recovered("1E+3").build(), SettlementPeriod.INTERIM, 2026);

        String text = json(g -> IncentiveJson.write(g, r));

        assertThat(text).contains("\"reward\":10.00,\"penalty\":0.00,\"net\":10.00", "\"base\":1000.00,\"percent\":0.5,"
                + "\"amount\":5.00,").doesNotContain("E+");
        assertThat(text).startsWith("{\"id\":\"D-1\",\"unit\":\"West\",\"owner\":\"Owner of D-1\",\"category\":\"RECOVERABLE\","
                + "\"period\":\"interim\",\"year\":2026,");
    }
}
