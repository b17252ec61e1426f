package io.collectionstrategy.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.Script;
import io.collectionstrategy.Warning;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {

    /** Every list filled, a warning without a rule, a script with both lists. */
    static final Assessment FULL = new Assessment("C-1001", "EVASIVE", null,
            new Script("TYPE_EVASIVE", "en", "Pin down a date", "Hello, this is Anna. May I speak with Wang Fang?",
                    "Wang Fang, CNY 1,200.50 is 27 days overdue.",
                    List.of("Ask for a date", "Confirm the address"), List.of("Threats")),
            List.of(new EscalationStep("PHONE_CALL", 0, "evasive debtors are called at once", "ESC-001"),
                    new EscalationStep("FIELD_VISIT", 7, "no answer", "ESC-004")),
            List.of(new Warning("LIMITATION_EXPIRING", "the limitation period ends on 2027-01-31", "LIM-001"),
                    new Warning("SCRIPT_MISSING", "script X has no text in en", null)),
            List.of(new BlockedStep("EMPLOYER_CONTACT", "contacts a third party about the debt", "ESC-009")),
            List.of(new FiredRule("CLS-002", "Avoiding contact is evasive"), new FiredRule("ESC-001", "Call evasive debtors")),
            new RulebookInfo("default", "968b890c4e1ecbd0"),
            List.of(new Evidence("EVASIVE", 3, "behaviour AVOIDS_CONTACT", "CLS-002"),
                    new Evidence("EVASIVE", 2, "", "CLS-003")));

    /** Nothing but what every assessment has: no situation, no script, empty lists. */
    static final Assessment BARE = new Assessment("C-2", "UNCLASSIFIED", null, null, List.of(), List.of(), List.of(),
            List.of(), new RulebookInfo("test", "0000"), List.of());

    /** A special situation and no script. */
    static final Assessment SITUATION = new Assessment("C-3", "UNCLASSIFIED", "DECEASED", null,
            List.of(new EscalationStep("DEATH_VERIFICATION", 0, "", "SIT-001")), List.of(), List.of(),
            List.of(new FiredRule("SIT-001", "Reported deaths are verified")), new RulebookInfo("default", "abc"),
            List.of());

    /** An assessment of a challenger arm of an experiment. */
    static final Assessment IN_EXPERIMENT = FULL.withStrategy(
            new io.collectionstrategy.StrategyInfo("q4-softer-tone", "softer", "softer", "1a2b3c4d5e6f7a8b"));

    static String written(Assessment a) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            AssessmentJson.write(g, a);
        }
        return out.toString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void write_fullAssessment_fieldsInContractOrder() throws IOException {
        JsonNode a = new ObjectMapper().readTree(written(FULL));

        assertThat(names(a)).containsExactly("id", "debtorType", "situation", "script", "escalation", "warnings",
                "blocked", "firedRules", "rulebook", "evidence", "nextAction", "strategy");
        assertThat(names(a.get("script"))).containsExactly("id", "locale", "title", "verify", "text", "do", "avoid");
        assertThat(names(a.get("escalation").get(0))).containsExactly("step", "inDays", "reason", "rule");
        assertThat(names(a.get("warnings").get(0))).containsExactly("code", "message", "rule");
        assertThat(names(a.get("blocked").get(0))).containsExactly("step", "reason", "rule");
        assertThat(names(a.get("firedRules").get(0))).containsExactly("id", "name");
        assertThat(names(a.get("rulebook"))).containsExactly("name", "version");
        assertThat(names(a.get("evidence").get(0))).containsExactly("type", "points", "cue", "rule");
        assertThat(a.get("script").get("do").get(1).asText()).isEqualTo("Confirm the address");
        assertThat(a.get("escalation").get(1).get("inDays").isInt()).isTrue();
        assertThat(a.get("evidence").get(0).get("points").asInt()).isEqualTo(3);
    }

    @Test
    void write_noSituationNoScriptNoRule_writesExplicitNulls() throws IOException {
        JsonNode full = new ObjectMapper().readTree(written(FULL));
        JsonNode bare = new ObjectMapper().readTree(written(BARE));

        assertThat(full.get("situation").isNull()).isTrue();
        assertThat(full.get("warnings").get(1).get("rule").isNull()).isTrue();
        assertThat(bare.get("script").isNull()).isTrue();
        assertThat(names(bare)).hasSize(12);
        assertThat(bare.get("nextAction").isNull()).isTrue();
        assertThat(bare.get("strategy").isNull()).isTrue();
        assertThat(bare.get("escalation").isArray()).isTrue();
        assertThat(bare.get("evidence").isEmpty()).isTrue();
    }

    @Test
    void write_assessmentInAnExperiment_strategyLastWithExperimentArmRulebookVersion() throws IOException {
        JsonNode a = new ObjectMapper().readTree(written(IN_EXPERIMENT));

        assertThat(names(a)).last().isEqualTo("strategy");
        assertThat(names(a.get("strategy"))).containsExactly("experiment", "arm", "rulebook", "version");
        assertThat(a.get("strategy").get("experiment").asText()).isEqualTo("q4-softer-tone");
        assertThat(a.get("strategy").get("arm").asText()).isEqualTo("softer");
        assertThat(a.get("strategy").get("version").asText()).isEqualTo("1a2b3c4d5e6f7a8b");
        assertThat(a.get("rulebook").get("version").asText()).isEqualTo("968b890c4e1ecbd0");
    }

    @Test
    void writeValueAsString_plainObjectMapper_sameTextAsWrite() throws IOException {
        for (Assessment a : List.of(FULL, BARE, SITUATION, IN_EXPERIMENT)) {
            assertThat(new ObjectMapper().writeValueAsString(a)).isEqualTo(written(a));
        }
    }

    @Test
    void writeValueAsString_mapperWithNonNullInclusionAndSnakeCase_sameTextAsWrite() throws IOException {
        ObjectMapper configured = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

        assertThat(configured.writeValueAsString(FULL)).isEqualTo(written(FULL));
        assertThat(configured.writeValueAsString(BARE)).isEqualTo(written(BARE));
    }

    @Test
    void writeValueAsString_assessmentsInAList_eachInTheSameShape() throws IOException {
        assertThat(new ObjectMapper().writeValueAsString(List.of(FULL, BARE)))
                .isEqualTo("[" + written(FULL) + "," + written(BARE) + "]");
    }

    /** A field typed by class name around an assessment (polymorphic typing). */
    static final class Holder {
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
        public Object value;
    }

    @Test
    void writeValueAsString_polymorphicTyping_typeIdThenTheSameFields() throws IOException {
        Holder h = new Holder();
        h.value = BARE;

        String json = new ObjectMapper().writeValueAsString(h);

        assertThat(json).isEqualTo("{\"value\":{\"@type\":\"Assessment\"," + written(BARE).substring(1) + "}");
    }

    @Test
    void readValue_writtenAssessment_equalsTheOriginal() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (Assessment a : List.of(FULL, BARE, SITUATION, IN_EXPERIMENT)) {
            assertThat(mapper.readValue(written(a), Assessment.class)).isEqualTo(a);
        }
    }

    @Test
    void readValue_recordWithFieldsAddedLater_ignoresThem() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(written(FULL));
        node.put("source", "portfolio.jsonl").put("row", 7);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("script")).put("channel", "CALL");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("escalation").get(0)).put("dueOn", "2026-11-28");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("evidence").get(0)).put("weight", 0.5);

        assertThat(mapper.treeToValue(node, Assessment.class)).isEqualTo(FULL);
    }

    @Test
    void write_handBuiltAssessments_validAgainstTheStrictSchema() throws IOException {
        var schema = ContractSchemas.strict("assessment.schema.json", "");
        for (Assessment a : List.of(FULL, BARE, SITUATION, IN_EXPERIMENT)) {
            assertThat(ContractSchemas.problems(schema, written(a))).as(a.id()).isEmpty();
        }
    }
}
