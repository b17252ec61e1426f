package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, test and diff. */
class RulebookCommandsTest {

    @TempDir
    Path tmp;

    private static final String SCENARIOS = String.join("\n",
            "scenario,id,daysOverdue,contactAttempts,contactsReached,behaviours,statedReason,expect.type",
            "evasive debtor,T-1,27,8,1,AVOIDS_CONTACT,NONE,EVASIVE",
            "stubborn debtor,T-2,25,4,4,REPEATS_CANNOT_PAY|INSISTS_OWN_TERMS,BUSINESS_DOWNTURN,STUBBORN",
            "");

    @Test
    void check_defaultRulebookCopy_passes() {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("compile: OK").contains("lint: OK").contains("scenarios:").contains("check: PASSED");
    }

    @Test
    void check_syntaxErrorInDrl_printsFileLineAndExits1() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path drl = rules.resolve("collection/classification.drl");
        long lines = Files.readAllLines(drl).size();
        Files.writeString(drl, Files.readString(drl) + AssessCommandTest.BROKEN_RULE);

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("compile: FAILED").containsPattern("collection/classification\\.drl:(\\d+): ")
                .contains("check: FAILED");
        String line = r.out().replaceAll("(?s).*collection/classification\\.drl:(\\d+): .*", "$1");
        assertThat(Long.parseLong(line)).isGreaterThan(lines);
    }

    @Test
    void check_ruleCallingSystemExit_isRefusedNamingFileAndLine() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Cli.write(rules.resolve("collection"), "exit.drl", String.join("\n",
                "package collection;",
                "import io.collectionstrategy.Debtor;",
                "// Stops the whole application: must never load.",
                "rule \"Stop everything\"",
                "    @id(\"BAD-001\")",
                "when",
                "    Debtor()",
                "then",
                "    System.exit( 0 );",
                "end",
                ""));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("collection/exit.drl:9: rule \"Stop everything\": static calls such as System.exit(...) are not allowed")
                .contains("check: FAILED");
    }

    @Test
    void check_scriptClaimingToBeFromTheCourt_isRefusedNamingScriptLocaleAndPhrase() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path en = rules.resolve("scripts/en.yaml");
        Files.writeString(en, Files.readString(en).replace("I am calling about your account",
                "I am calling from the court about your account"));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("scripts/en\\.yaml:\\d+: script TYPE_PROVOCATIVE \\(en\\) contains forbidden phrase"
                + " \"I am calling from the court\" \\(impersonation\\) in its text");
    }

    @Test
    void check_stepReasonThreateningArrest_isRefusedNamingFileLineAndRule() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path drl = rules.resolve("collection/escalation.drl");
        Files.writeString(drl, Files.readString(drl).replace("\"more than a week overdue: ask directly for payment and the cause\"",
                "\"more than a week overdue: tell them the police will arrest them\""));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("collection/escalation\\.drl:\\d+: rule ESC-003 \"Past the first week, call the debtor\""
                + " contains forbidden phrase \"arrest\" \\(criminalThreat\\)").contains("check: FAILED");
    }

    @Test
    void check_chineseReasonTellingTheFamily_isRefused() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path zh = rules.resolve("scripts/zh-CN.yaml");
        Files.writeString(zh, Files.readString(zh).replace("\"逾期超过30天：上门当面沟通\"", "\"逾期超过30天：告诉他家人他欠钱不还\""));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("reason ESC-004/FIELD_VISIT contains forbidden phrase").contains("(thirdPartyContact)");
    }

    @Test
    void check_showLint_printsEveryKindOfEveryLocaleWithTheRulebooksOwnPatterns() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Cli.write(rules.resolve("lint"), "script-lint.yaml", "en:\n  insult: [\"numpty\"]\n");

        Cli.Result r = Cli.run("check", "--show-lint", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("plus lint/script-lint.yaml").contains("en:").contains("zh-CN:")
                .contains("@authority = court | courts").contains("    numpty")
                .contains("timeBarred (only scripts whose id has TIME_BARRED or PRESCRIBED)")
                .contains("verifyDisclosure (only the verify part of scripts)").contains("check: PASSED");
        for (String kind : java.util.List.of("impersonation", "falseLegalClaim", "criminalThreat", "thirdPartyContact",
                "publicShaming", "falseCreditClaim", "insult")) {
            assertThat(r.out()).containsPattern("\\n  " + kind + ", \\d+ patterns:");
        }
    }

    @Test
    void check_ownLintPattern_refusesATextTheBuiltInOnesAllow() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Cli.write(rules.resolve("lint"), "script-lint.yaml", "en:\n  house: [\"(take|taking) ~2 your time\"]\n");

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("script TYPE_VICTIM (en) contains forbidden phrase \"Take your time\" (house) in its text");
    }

    @Test
    void check_failingScenarioInDirectory_exits1() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("scenarios"));
        Cli.write(rules.resolve("scenarios"), "wrong.csv", SCENARIOS.replace(",STUBBORN\n", ",VICTIM\n"));

        Cli.Result r = Cli.run("check", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("scenarios: \\d+ run, \\d+ passed, 1 failed")
                .containsPattern("scenarios/wrong\\.csv:3: stubborn debtor: expected type VICTIM, got STUBBORN");
    }

    @Test
    void check_missingDirectory_exits2() {
        Cli.Result r = Cli.run("check", tmp.resolve("none").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("rulebook directory not found");
    }

    @Test
    void test_scenarioFile_printsPassFailTableWithExpectedAndActual() {
        Path file = Cli.write(tmp, "types.csv", SCENARIOS.replace(",STUBBORN\n", ",VICTIM\n"));

        Cli.Result r = Cli.run("test", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).containsPattern("PASS\\s+evasive debtor").containsPattern("FAIL\\s+stubborn debtor")
                .contains("expected type VICTIM, got STUBBORN").contains("2 scenarios: 1 passed, 1 failed");
    }

    @Test
    void test_passingDirectory_exits0() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scen"));
        Cli.write(dir, "types.csv", SCENARIOS);

        Cli.Result r = Cli.run("test", dir.toString(), "--rules", "default");

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("2 scenarios: 2 passed, 0 failed");
    }

    @Test
    void test_missingFile_exits2() {
        Cli.Result r = Cli.run("test", tmp.resolve("none.csv").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
    }

    private Path rulebookWithAvoidingContactAsStubborn() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("changed"));
        Path drl = rules.resolve("collection/classification.drl");
        String text = Files.readString(drl);
        String changed = text.replace("outcome.evidence( \"EVASIVE\", 3, \"behaviour AVOIDS_CONTACT\" )",
                "outcome.evidence( \"STUBBORN\", 20, \"behaviour AVOIDS_CONTACT\" )");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(drl, changed);
        return rules;
    }

    @Test
    void diff_changedRule_reportsTransitionsWithSamples() throws Exception {
        Path rules = rulebookWithAvoidingContactAsStubborn();

        Cli.Result r = Cli.run("diff", "--rules", rules.toString(), "--against", "default",
                Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows: 7, compared: 7, errors: 0").contains("debtorType: 1 changed")
                .containsPattern("EVASIVE +-> +STUBBORN +1 +WX-EVASIVE").containsPattern("TYPE_EVASIVE +-> +TYPE_STUBBORN +1");
    }

    @Test
    void diff_json_isMachineReadable() throws Exception {
        Path rules = rulebookWithAvoidingContactAsStubborn();
        Path portfolio = tmp.resolve("p.jsonl");
        Cli.run("generate", "--count", "300", "--seed", "7", "--out", portfolio.toString());

        Cli.Result r = Cli.run("diff", "--rules", rules.toString(), portfolio.toString(), "--json", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = RowReader.JSON.readTree(r.out());
        assertThat(report.get("rows").asInt()).isEqualTo(300);
        assertThat(report.get("changed").get("debtorType").asInt()).isPositive();
        JsonNode first = report.get("transitions").get("debtorType").get(0);
        assertThat(first.get("to").asText()).isEqualTo("STUBBORN");
        assertThat(first.get("samples").size()).isBetween(1, 5);
        assertThat(report.get("against").get("source").asText()).isEqualTo("default");
    }

    @Test
    void diff_sameRulebook_reportsNoChange() {
        Cli.Result r = Cli.run("diff", "--rules", "default", "--against", "default",
                Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("changed: 0 debtors");
    }
}
