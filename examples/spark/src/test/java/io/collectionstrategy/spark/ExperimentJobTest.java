package io.collectionstrategy.spark;

import static io.collectionstrategy.examples.portfolio.PortfolioFormat.JSONL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.ExperimentFile;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import io.collectionstrategy.experiment.Experiment;
import io.collectionstrategy.experiment.ExperimentStrategy;
import io.collectionstrategy.json.ContractSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job with a champion and a challenger: the same arms and assessments as the library's experiment strategy. */
class ExperimentJobTest extends SparkTestSupport {

    @TempDir
    Path dir;

    @Test
    void parse_challengerShareExperiment_twoArmsWithTheRulebookAsChampion() {
        JobOptions o = JobOptions.parse(new String[] {"--input", "p.jsonl", "--output", "out", "--rulebook", "/r/a",
            "--challenger", "/r/b", "--share", "20", "--experiment", "q4"}, AS_OF);

        assertThat(o.experiment()).isEqualTo(ExperimentFile.twoArms("q4", "/r/a", "/r/b", 20));
        assertThat(JobOptions.parse(new String[] {"--input", "p", "--output", "o"}, AS_OF).experiment()).isNull();
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "p", "--output", "o", "--challenger", "/r/b",
            "--experiment", "q4"}, AS_OF)).hasMessageContaining("an experiment needs --challenger <dir>, --share");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "p", "--output", "o", "--challenger", "/r/b",
            "--experiment", "q4", "--share", "lots"}, AS_OF))
                .hasMessage("--share must be a percentage such as 20, was \"lots\"");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "p", "--output", "o", "--experiment-file",
            "e.yaml", "--rulebook", "x"}, AS_OF)).hasMessageContaining("give it without --rulebook");
    }

    @Test
    void score_experiment_everyCaseInTheArmOfItsIdAssessedAsTheLibraryDoes() throws IOException {
        Path input = dir.resolve("portfolio.jsonl");
        new SyntheticPortfolio(13, 300).withReferenceDate(AS_OF).write(input, JSONL);
        JobOptions options = JobOptions.parse(new String[] {"--input", input.toString(), "--output",
            dir.resolve("out").toString(), "--as-of", AS_OF.toString(), "--challenger", tinyRulebookDir().toString(),
            "--share", "30", "--experiment", "q4-tiny", "--output-format", "json"}, AS_OF);

        ScoreSummary summary = new PortfolioScorer(spark()).score(options);

        assertThat(summary.assessed()).isEqualTo(300);
        Experiment experiment = Experiment.championChallenger("q4-tiny", "champion", "challenger", 30);
        CollectionStrategy library = ExperimentStrategy.of(experiment, Map.of(
                "champion", CollectionStrategy.builder().rulebook(Rulebook.defaults()).build(),
                "challenger", CollectionStrategy.builder().rulebook(tinyRulebook()).build()));
        Map<String, Debtor> debtors = new HashMap<>();
        new SyntheticPortfolio(13, 300).withReferenceDate(AS_OF).debtors().forEach(d -> debtors.put(d.id(), d));
        var schema = ContractSchemas.strict("assessment.schema.json", "");
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> arms = new HashMap<>();
        List<Row> rows = spark().read().schema(OutputRows.ASSESSMENT).json(dir.resolve("out/assessments").toString())
                .collectAsList();
        for (Row row : rows) {
            Assessment written = assessment(row);
            Assessment expected = library.assess(debtors.get(written.id()), AS_OF);
            assertThat(written).isEqualTo(expected);
            assertThat(written.strategy().arm()).isEqualTo(experiment.armOf(written.id()).name());
            arms.merge(written.strategy().arm(), 1, Integer::sum);
        }
        assertThat(arms.keySet()).containsExactlyInAnyOrder("champion", "challenger");
        for (Path part : Files.list(dir.resolve("out/assessments")).filter(p -> p.toString().endsWith(".json"))
                .toList()) {
            for (String line : Files.readAllLines(part)) {
                JsonNode node = json.readTree(line);
                assertThat(ContractSchemas.problems(schema, node)).as(line).isEmpty();
                assertThat(node.get("strategy").get("experiment").asText()).isEqualTo("q4-tiny");
            }
        }
    }
}
