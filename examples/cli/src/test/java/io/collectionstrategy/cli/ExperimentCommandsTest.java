package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.experiment.Experiment;
import io.collectionstrategy.json.ContractSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** assess with an experiment, generate-outcomes and evaluate, through the command line. */
class ExperimentCommandsTest {

    @TempDir
    static Path dir;

    static Path portfolio;
    static Path challenger;
    static Path assessments;

    @BeforeAll
    static void assessAnExperiment() throws IOException {
        portfolio = dir.resolve("portfolio.jsonl");
        assertThat(Cli.run("generate", "--count", "3000", "--seed", "3", "--out", portfolio.toString()).exitCode())
                .isZero();
        challenger = Cli.copyOfDefaultRulebook(dir.resolve("softer"));
        Path rules = challenger.resolve("collection/escalation.drl");
        Files.writeString(rules, Files.readString(rules) + "\n// the challenger's copy\n");
        assessments = dir.resolve("assessments.jsonl");
        Cli.Result r = Cli.run("assess", portfolio.toString(), "--as-of", Cli.AS_OF, "--locale", "en",
                "--challenger", challenger.toString(), "--share", "20", "--experiment", "q4-softer",
                "--out", assessments.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("arms: +champion \\d+, challenger \\d+");
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(RowReader.JSON.readTree(line));
            }
        }
        return nodes;
    }

    static Path outcomes(String name, String... options) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("generate-outcomes", "--assessments", assessments.toString(),
                "--as-of", Cli.AS_OF, "--out", out.toString()));
        args.addAll(List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    @Test
    void assess_challengerShareExperiment_everyRecordInTheArmOfItsIdWithItsRulebook() throws IOException {
        Experiment e = Experiment.championChallenger("q4-softer", "champion", "challenger", 20);
        Map<String, String> versions = new HashMap<>();
        var schema = ContractSchemas.strict("assessment.schema.json", "");

        List<JsonNode> records = lines(assessments);

        assertThat(records).hasSize(3000);
        for (JsonNode a : records) {
            JsonNode s = a.get("strategy");
            assertThat(s.get("experiment").asText()).isEqualTo("q4-softer");
            assertThat(s.get("arm").asText()).isEqualTo(e.armOf(a.get("id").asText()).name());
            assertThat(s.get("version").asText()).isEqualTo(a.get("rulebook").get("version").asText());
            versions.put(s.get("arm").asText(), s.get("version").asText());
            assertThat(ContractSchemas.problems(schema, a)).isEmpty();
        }
        assertThat(versions).hasSize(2);
        assertThat(versions.get("champion")).isNotEqualTo(versions.get("challenger"));
    }

    @Test
    void assess_again_sameArmForEveryId() throws IOException {
        Path again = dir.resolve("again.jsonl");
        Cli.run("assess", portfolio.toString(), "--as-of", "2026-12-15", "--locale", "en", "--challenger",
                challenger.toString(), "--share", "20", "--experiment", "q4-softer", "--out", again.toString(),
                "--threads", "1");

        assertThat(lines(again)).extracting(n -> n.get("id").asText() + "=" + n.get("strategy").get("arm").asText())
                .containsExactlyElementsOf(lines(assessments).stream()
                        .map(n -> n.get("id").asText() + "=" + n.get("strategy").get("arm").asText()).toList());
    }

    @Test
    void assess_experimentFileWithThreeArms_sharesAndRulebooksFromTheFile() throws IOException {
        Path file = Cli.write(dir, "tone.yaml", """
                experiment: tone
                champion:
                  name: current
                  rulebook: default
                challengers:
                  - {name: soft, rulebook: softer, share: 15}
                  - {name: firm, rulebook: softer, share: 15}
                """);

        Cli.Result r = Cli.run("assess", portfolio.toString(), "--as-of", Cli.AS_OF, "--experiment-file",
                file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Integer> counts = new HashMap<>();
        for (String line : r.lines()) {
            counts.merge(RowReader.JSON.readTree(line).get("strategy").get("arm").asText(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("current", "soft", "firm");
        assertThat(counts.get("current")).isBetween(1950, 2250);   // 70% of 3,000, sd 25
    }

    @Test
    void assess_incompleteOrConflictingExperimentOptions_exit2NamingWhatIsMissing() {
        Cli.Result noShare = Cli.run("assess", portfolio.toString(), "--challenger", challenger.toString(),
                "--experiment", "x");
        Cli.Result badShare = Cli.run("assess", portfolio.toString(), "--challenger", challenger.toString(),
                "--experiment", "x", "--share", "100");
        Cli.Result both = Cli.run("assess", portfolio.toString(), "--experiment-file", "e.yaml", "--share", "5");
        Cli.Result noDir = Cli.run("assess", portfolio.toString(), "--challenger", "no/such/dir", "--share", "5",
                "--experiment", "x");

        assertThat(noShare.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(noShare.err()).contains("an experiment needs --challenger DIR, --share PERCENT and --experiment NAME"
                + " together (or --experiment-file FILE); missing: --share");
        assertThat(badShare.err()).contains("--share must be more than 0% and less than 100%, was 100.0%");
        assertThat(both.err()).contains("--experiment-file names the experiment and every arm's rulebook and share");
        assertThat(noDir.err()).contains("challenger rulebook directory not found: no/such/dir");
        assertThat(noShare.out()).isEmpty();
    }

    @Test
    void generateOutcomes_sameSeed_sameFileAndValidAgainstTheSchema() throws IOException {
        Path a = outcomes("o-a.jsonl", "--seed", "9", "--effect", "+3pp");
        Path b = outcomes("o-b.jsonl", "--seed", "9", "--effect", "+3pp");
        var schema = ContractSchemas.strict("outcome.schema.json", "");

        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        List<JsonNode> lines = lines(a);
        assertThat(lines).hasSize(3000);
        for (JsonNode o : lines) {
            assertThat(ContractSchemas.problems(schema, o)).as(o.toString()).isEmpty();
        }
    }

    @Test
    void outcomeSchema_properties_exactlyTheFieldsEvaluateReads() throws IOException {
        JsonNode schema = RowReader.JSON.readTree(ContractSchemas.dir().resolve("outcome.schema.json").toFile());
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyElementsOf(CaseOutcome.FIELDS);
    }

    @Test
    void evaluate_json_armsComparisonsAndTheirTests() throws IOException {
        Path o = outcomes("o-json.jsonl", "--seed", "4", "--effect", "+10pp");

        Cli.Result r = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString(),
                "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = RowReader.JSON.readTree(r.out());
        assertThat(e.get("experiment").asText()).isEqualTo("q4-softer");
        assertThat(e.get("arms")).extracting(a -> a.get("arm").asText()).containsExactly("champion", "challenger");
        JsonNode champion = e.get("arms").get(0);
        assertThat(champion.get("role").asText()).isEqualTo("champion");
        assertThat(champion.get("assessed").asLong() + e.get("arms").get(1).get("assessed").asLong()).isEqualTo(3000);
        for (String rate : List.of("recoveryRate", "cureRate", "promiseKeptRate", "complaintRate")) {
            JsonNode v = champion.get(rate);
            assertThat(v.get("low").asDouble()).as(rate).isLessThanOrEqualTo(v.get("value").asDouble());
            assertThat(v.get("high").asDouble()).as(rate).isGreaterThanOrEqualTo(v.get("value").asDouble());
        }
        JsonNode recovery = e.get("comparisons").get(0).get("recoveryRate");
        assertThat(recovery.get("test").asText()).startsWith("Welch z-test");
        assertThat(recovery.get("significant").asBoolean()).isTrue();     // +10 points on 600 cases: z about 5
        assertThat(recovery.get("difference").asDouble()).isBetween(0.04, 0.16);
        assertThat(e.get("comparisons").get(0).get("cureRate").get("test").asText())
                .startsWith("two-proportion z-test");
    }

    @Test
    void evaluate_tableAndHtml_aReadableTableAndAWellFormedSelfContainedPage() throws Exception {
        Path o = outcomes("o-html.jsonl", "--seed", "4");
        Path html = dir.resolve("report/report.html");

        Cli.Result r = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString(),
                "--html", html.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("experiment q4-softer: 2 arms, 3,000 cases assessed, 3,000 with an outcome")
                .containsPattern("champion +champion +\\d")
                .contains("challenger minus champion").contains("MDE");
        String page = Files.readString(html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(html.toFile());   // throws unless well-formed
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(5);
        assertThat(page).doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("src=");
        assertThat(page.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http");
    }

    @Test
    void evaluate_badOutcomeRows_exit2NamingEachLineFieldAndValue() {
        Path o = Cli.write(dir, "bad-outcomes.jsonl", String.join("\n",
                "{\"id\":\"C-1000000\",\"paidAmount\":\"ten\"}",
                "{\"id\":\"C-1000001\",\"paidAmount\":5,\"paidOn\":\"soon\"}",
                "not json",
                "{\"id\":\"C-1000002\",\"paidAmount\":5,\"complaints\":true}",
                "{\"id\":\"C-1000003\",\"paidAmount\":-1}",
                "{\"id\":\"C-1000004\",\"paidAmount\":0,\"promiseKept\":\"yes\"}", ""));

        Cli.Result r = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains(o + ": line 1 (id C-1000000): paidAmount must be a number of at least 0, was \"ten\"")
                .contains("line 2 (id C-1000001): paidOn must be an ISO date such as 2026-12-05, or null, was \"soon\"")
                .contains("line 3: not JSON")
                .contains("line 4 (id C-1000002): unknown field complaints; expected one of [id, paidAmount, paidOn,"
                        + " promiseKept, complaint, amountOverdue]")
                .contains("line 5 (id C-1000003): paidAmount must be a number of at least 0, was -1")
                .contains("line 6 (id C-1000004): promiseKept must be true, false or null (no promise fell due),"
                        + " was \"yes\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void evaluate_outcomesWithoutAmounts_needThePortfolio() {
        Path o = Cli.write(dir, "no-amounts.jsonl", "{\"id\":\"C-1000000\",\"paidAmount\":100,\"paidOn\":\"2026-12-01\","
                + "\"promiseKept\":null,\"complaint\":false}\n{\"id\":\"C-1000001\",\"paidAmount\":0}\n"
                + "{\"id\":\"C-1000002\",\"paidAmount\":0,\"complaint\":true}\n");

        Cli.Result without = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString());
        Cli.Result with = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString(),
                "--portfolio", portfolio.toString(), "--json");

        assertThat(without.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(without.err()).contains("the outcome of case C-1000000 has no amountOverdue and no --portfolio was"
                + " given");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(with.out()).contains("\"missingOutcomes\"").contains("have no outcome and are left out");
    }

    @Test
    void evaluate_assessmentsNotFromAnExperimentOrUnknownChampion_exit2() {
        Path plain = dir.resolve("plain.jsonl");
        Cli.run("assess", portfolio.toString(), "--as-of", Cli.AS_OF, "--out", plain.toString());
        Path o = outcomes("o-plain.jsonl");

        Cli.Result r = Cli.run("evaluate", "--assessments", plain.toString(), "--outcomes", o.toString());
        Cli.Result champion = Cli.run("evaluate", "--assessments", assessments.toString(), "--outcomes", o.toString(),
                "--champion", "current");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("line 1 (id C-1000000): strategy is null: the assessment is not from an"
                + " experiment");
        assertThat(champion.err()).contains("the assessments have no arm current (their arms are [challenger,"
                + " champion]): name the champion with --champion NAME");
    }

    @Test
    void generateOutcomes_badEffect_exit2WithTheExpectedForm() {
        Cli.Result r = Cli.run("generate-outcomes", "--assessments", assessments.toString(), "--effect", "3%");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("--effect must be percentage points such as +3pp, -1.5pp or 0pp");
    }
}
