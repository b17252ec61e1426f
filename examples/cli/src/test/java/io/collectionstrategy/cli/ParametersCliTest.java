package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rulebook's parameters as an analyst meets them: explain shows them, check refuses mistakes, diff sees changes. */
class ParametersCliTest {

    private static final Path SAMPLE = Cli.DATA.resolve("sample-portfolio.jsonl");
    private static final String EVASIVE = "{\"id\":\"C-P1\",\"daysOverdue\":40,\"amountOverdue\":1200,"
            + "\"behaviours\":[\"AVOIDS_CONTACT\"],\"contactAttempts\":6,\"contactsReached\":0}";

    @TempDir
    Path tmp;

    private Path copyWith(String from, String to) throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("copy"));
        Path yaml = rules.resolve("rulebook.yaml");
        String text = Files.readString(yaml);
        String changed = text.replace(from, to);
        assertThat(changed).as("the edit applies").isNotEqualTo(text);
        Files.writeString(yaml, changed);
        return rules;
    }

    @Test
    void explain_evasiveDebtor_listsTheParametersItsFiredRulesRead() {
        Cli.Result r = Cli.run("explain", EVASIVE, "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Parameters the fired rules read (rulebook.yaml, parameters:):")
                .containsPattern("evasive\\.neverReachedAttempts +5 \\(allowed from 1\\) +read by CLS-013");
        assertThat(r.out()).doesNotContain("evasive.silenceDays").containsPattern("CLS-013 +Never reached after 5 or"
                + " more attempts points to an evasive debtor");
    }

    @Test
    void diff_thresholdParameterLowered_showsTheDebtorsWhoseTypeChanged() throws Exception {
        Path copy = copyWith("    value: 14\n    min: 1", "    value: 3\n    min: 1");

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), SAMPLE.toString(), "--as-of", Cli.AS_OF, "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = RowReader.JSON.readTree(r.out());
        assertThat(report.get("changed").get("any").asLong()).isPositive();
        assertThat(report.get("kinds").get("debtorType").get("debtors").asLong()).isPositive();
    }

    @Test
    void check_valueAboveItsMax_failsNamingTheLineAndTheBounds() throws Exception {
        Path copy = copyWith("    value: 14\n    min: 0\n    max: 60", "    value: 90\n    min: 0\n    max: 60");

        Cli.Result r = Cli.run("check", copy.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err() + r.out()).containsPattern("rulebook\\.yaml:\\d+: parameter demand\\.secondMonthInDays is 90,"
                + " outside its bounds: expected from 0 to 60");
    }

    @Test
    void check_misspelledParameterInARule_failsWithTheDeclaredName() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("copy"));
        Path drl = rules.resolve("collection/classification.drl");
        Files.writeString(drl, Files.readString(drl).replace("${evasive.silenceDays} )", "${evasive.silenceDay} )"));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err() + r.out()).containsPattern("collection/classification\\.drl:\\d+: \\$\\{evasive\\.silenceDay\\}"
                + " is not a parameter of this rulebook: did you mean \\$\\{evasive\\.silenceDays\\}\\?");
    }

    @Test
    void check_parameterNoRuleReads_failsAsLint() throws Exception {
        Path copy = copyWith("parameters:\n", "parameters:\n  forgotten.days: 30\n");

        Cli.Result r = Cli.run("check", copy.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err() + r.out()).contains("parameter forgotten.days is read by no rule");
    }
}
