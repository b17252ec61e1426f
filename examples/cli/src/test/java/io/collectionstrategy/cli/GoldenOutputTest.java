package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output of {@code assess} stays byte for byte what it was before the pipeline was made faster (issue 20): JSON
 * Lines and CSV, from JSON Lines and CSV inputs, with bad rows. The expected hashes were made by the tool before the
 * change ({@code golden/expected-sha256.txt}). The rulebook's version (a content hash) is replaced by
 * {@code RULEBOOK-VERSION} before hashing, so that an edit of the default rulebook does not count as a change of the
 * pipeline's output.
 */
class GoldenOutputTest {

    @TempDir
    Path tmp;

    @Test
    void assess_goldenInputs_outputByteIdenticalToBefore() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/golden/expected-sha256.txt"));
        String version = io.collectionstrategy.CollectionStrategy.builder().defaultRulebook().build().rulebook().version();
        int checked = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ");
            Path out = tmp.resolve("out-" + checked + "." + p[1]);
            Cli.Result r = Cli.run("assess", p[0], "--as-of", Cli.AS_OF, "--output-format", p[1], "--out", out.toString());
            byte[] bytes = Files.readString(out, StandardCharsets.UTF_8).replace(version, "RULEBOOK-VERSION")
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(bytes.length).as(line + "\n" + r.err()).isEqualTo(Long.parseLong(p[3]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).as(line)
                    .isEqualTo(p[2]);
            checked++;
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void assess_toStdout_sameTextAsToAFile() throws Exception {
        Path out = tmp.resolve("out.jsonl");
        String input = "src/test/resources/golden/gen-bad-300.jsonl";
        Cli.run("assess", input, "--as-of", Cli.AS_OF, "--out", out.toString());
        Cli.Result r = Cli.run("assess", input, "--as-of", Cli.AS_OF);

        assertThat(r.out()).isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void assess_fields_onlyThoseFieldsInContractOrder() throws Exception {
        Cli.Result r = Cli.run("assess", "src/test/resources/golden/gen-bad-300.jsonl", "--as-of", Cli.AS_OF,
                "--fields", "escalation,script.id,id,debtorType,situation");
        Cli.Result full = Cli.run("assess", "src/test/resources/golden/gen-bad-300.jsonl", "--as-of", Cli.AS_OF);

        List<String> lines = r.lines();
        List<String> fullLines = full.lines();
        assertThat(lines).hasSize(300);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode a = RowReader.JSON.readTree(lines.get(i));
            JsonNode b = RowReader.JSON.readTree(fullLines.get(i));
            if (b.has("error")) {
                assertThat(a).isEqualTo(b);
                continue;
            }
            assertThat(a.fieldNames()).toIterable().containsExactly("id", "debtorType", "situation", "script",
                    "escalation");
            assertThat(a.get("escalation")).isEqualTo(b.get("escalation"));
            assertThat(a.get("debtorType")).isEqualTo(b.get("debtorType"));
            if (b.get("script").isNull()) {
                assertThat(a.get("script").isNull()).isTrue();
            } else {
                assertThat(a.get("script").fieldNames()).toIterable().containsExactly("id");
                assertThat(a.get("script").get("id")).isEqualTo(b.get("script").get("id"));
            }
        }
    }

    @Test
    void assess_fieldsCsv_onlyTheirColumns() {
        Cli.Result r = Cli.run("assess", "../data/mixed-bad-rows.jsonl", "--as-of", Cli.AS_OF, "--output-format", "csv",
                "--fields", "id,script,escalation");

        assertThat(r.lines().get(0)).isEqualTo("row,id,script,firstStep,firstStepInDays,steps,error");
        assertThat(r.lines().get(2)).startsWith("2,M-002,,,,,");
    }

    @Test
    void assess_unknownField_failsAtStartNamingItAndTheKnownOnes() {
        Cli.Result r = Cli.run("assess", "../data/sample-portfolio.jsonl", "--as-of", Cli.AS_OF,
                "--fields", "id,script.txt");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown field \"script.txt\"").contains("script.text").contains("nextAction.step");
    }

    @Test
    void assess_fieldWithoutCsvColumn_failsAtStart() {
        Cli.Result r = Cli.run("assess", "../data/sample-portfolio.jsonl", "--as-of", Cli.AS_OF,
                "--output-format", "csv", "--fields", "id,nextAction");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("no column for nextAction");
    }
}
