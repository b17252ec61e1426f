package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on a copy of the default rulebook: rules no scenario fires, thresholds no scenario tests, YAML tables. */
class CheckCoverageTest {

    @TempDir
    Path tmp;

    private static final String NEW_RULE = String.join("\n",
            "",
            "// A very old debt gets a supervisor's look (added by the analyst, no scenario yet).",
            "rule \"A debt past eighty years is reviewed\"",
            "    @id(\"ESC-900\")",
            "when",
            "    Treatment( normal, debtor.daysOverdue >= 30000 )",
            "then",
            "    outcome.step( \"SUPERVISOR_REVIEW\", 0, \"past eighty years overdue\" );",
            "end",
            "");

    private Path copyWithNewRule() throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path drl = rules.resolve("collection/escalation.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + NEW_RULE, StandardCharsets.UTF_8);
        return rules;
    }

    @Test
    void check_newRuleNoScenarioFires_warnsWithFileLineAndPasses() throws IOException {
        Cli.Result r = Cli.run("check", copyWithNewRule().toString());

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("warning: collection/escalation\\.drl:\\d+: rule ESC-900 \"A debt past eighty"
                        + " years is reviewed\" fires in no scenario: add a row to scenarios/ that makes it fire")
                .contains("coverage: 1 rule fires in no scenario").contains("check: PASSED");
    }

    @Test
    void check_strictNewRuleNoScenarioFires_fails() throws IOException {
        Cli.Result r = Cli.run("check", "--strict", copyWithNewRule().toString());

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("\ncollection/escalation\\.drl:\\d+: rule ESC-900 ").contains("check: FAILED");
    }

    @Test
    void check_defaultRulebookStrict_everyRuleFires() {
        Cli.Result r = Cli.run("check", "--strict", "default");

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("coverage: every rule fires in some scenario").contains("thresholds: ");
    }

    @Test
    void check_evasiveVisitThresholdMovedTo15_hintsThatNoScenarioIsBelowIt() throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path drl = rules.resolve("collection/escalation.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String before = "type == \"EVASIVE\", debtor.daysOverdue >= 8 )";
        assertThat(text).contains(before);
        Files.writeString(drl, text.replace(before, "type == \"EVASIVE\", debtor.daysOverdue >= 15 )"),
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("hint: ESC-020 \\(collection/escalation\\.drl:\\d+\\) tests daysOverdue >= 15:"
                + " no scenario has daysOverdue 14 or below where only this number keeps the rule from firing\\."
                + " Boundary rows: 14 and 15");
    }

    @Test
    void test_yamlTableInADirectory_isRunLikeCsv() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        Cli.write(dir, "evasive.yaml", String.join("\n",
                "- scenario: Evasive, shop closed, calls unanswered after a promise three weeks ago",
                "  asOf: 2026-11-28",
                "  locale: en",
                "  debtor:",
                "    id: W-EVA",
                "    daysOverdue: 27",
                "    amountOverdue: 5400.00",
                "    behaviours: [AVOIDS_CONTACT]",
                "    contactAttempts: 8",
                "    contactsReached: 1",
                "  expect:",
                "    type: EVASIVE",
                "    situation: none",
                "    script: TYPE_EVASIVE",
                "    steps: [FIELD_VISIT@0, PHONE_CALL@0]",
                "    notSteps: [LITIGATION]",
                "    rules: [CLS-010, ESC-020]",
                "- scenario: Wrong on purpose",
                "  debtor: {id: W-2, daysOverdue: 27, behaviours: [AVOIDS_CONTACT]}",
                "  expect: {type: STUBBORN}",
                ""));

        Cli.Result r = Cli.run("test", dir.toString());

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("PASS +Evasive, shop closed.*evasive\\.yaml:1")
                .containsPattern("FAIL +Wrong on purpose .*evasive\\.yaml:18").contains("expected type STUBBORN, got EVASIVE")
                .contains("2 scenarios: 1 passed, 1 failed");
    }
}
