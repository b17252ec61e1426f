package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.collectionstrategy.json.ContractSchemas;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON Lines the tool writes are the records of docs/schema/assessment.schema.json. */
class ContractOutputTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static JsonSchema assessment;
    private static JsonSchema error;
    private static JsonSchema record;

    @BeforeAll
    static void schemas() {
        assessment = ContractSchemas.strict("assessment.schema.json", "");
        error = ContractSchemas.strict("assessment.schema.json", "/$defs/errorRecord");
        record = ContractSchemas.open("assessment.schema.json", "/$defs/outputRecord");
    }

    @Test
    void assess_samplePortfolio_everyRecordValidAgainstTheAssessmentSchema() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("sample-portfolio.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(1000);
        int withScript = 0;
        int withEvidence = 0;
        for (String line : lines) {
            JsonNode node = PLAIN.readTree(line);
            assertThat(ContractSchemas.problems(assessment, node)).as(line).isEmpty();
            assertThat(ContractSchemas.problems(record, node)).as(line).isEmpty();
            withScript += node.get("script").isNull() ? 0 : 1;
            withEvidence += node.get("evidence").isEmpty() ? 0 : 1;
        }
        assertThat(withScript).isGreaterThan(500);
        assertThat(withEvidence).isGreaterThan(500);
    }

    @Test
    void assess_samplePortfolio_sameTextAsJacksonSerialisingTheCoreAssessment() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("sample-portfolio.jsonl").toString(), "--as-of", Cli.AS_OF,
                "--locale", "en", "--threads", "2");
        CollectionStrategy core = CollectionStrategy.builder().rulebook(Rulebook.defaults()).locale(Locale.ENGLISH).build();
        List<String> input = Files.readAllLines(Cli.DATA.resolve("sample-portfolio.jsonl"), StandardCharsets.UTF_8);

        List<String> lines = r.lines();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> fields = RowReader.parseLine("sample", i + 1, input.get(i)).fields();
            String expected = PLAIN.writeValueAsString(core.assess(Debtor.fromFields(fields), LocalDate.parse(Cli.AS_OF)));
            assertThat(lines.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void assess_mixedBadRowsJsonLines_assessmentsAndErrorRecordsEachValid() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("mixed-bad-rows.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        int errors = checkRecords(r.lines());
        assertThat(errors).isEqualTo(10);
    }

    @Test
    void assess_mixedBadRowsCsv_assessmentsAndErrorRecordsEachValid() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("mixed-bad-rows.csv").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(checkRecords(r.lines())).isPositive();
    }

    /** @return the number of error records */
    private static int checkRecords(List<String> lines) throws Exception {
        int errors = 0;
        for (String line : lines) {
            JsonNode node = PLAIN.readTree(line);
            assertThat(ContractSchemas.problems(record, node)).as(line).isEmpty();
            if (node.has("error")) {
                assertThat(ContractSchemas.problems(error, node)).as(line).isEmpty();
                List<String> names = new java.util.ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                assertThat(names).containsExactly("row", "id", "error");
                errors++;
            } else {
                assertThat(ContractSchemas.problems(assessment, node)).as(line).isEmpty();
            }
        }
        return errors;
    }
}
