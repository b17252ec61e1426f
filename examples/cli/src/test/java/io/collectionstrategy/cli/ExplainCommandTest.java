package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    Path tmp;

    private static final String EVASIVE = "{\"id\":\"WX-EVASIVE\",\"daysOverdue\":27,\"contactAttempts\":8,"
            + "\"contactsReached\":1,\"promisesMade\":1,\"promisesBroken\":1,\"daysSinceLastContact\":21,"
            + "\"behaviours\":[\"AVOIDS_CONTACT\"]}";

    @Test
    void explain_jsonArgument_showsTypeEvidenceRulesScriptAndSteps() {
        Cli.Result r = Cli.run("explain", EVASIVE, "--as-of", Cli.AS_OF, "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Debtor WX-EVASIVE").contains("Type: EVASIVE")
                .contains("points by type (a type needs 3): EVASIVE").contains("behaviour AVOIDS_CONTACT").contains("CLS-010")
                .contains("Situation: none").contains("Script: TYPE_EVASIVE (en)")
                .contains("Escalation:").contains("in   0 days").contains("Warnings:").contains("Blocked:")
                .contains("Fired rules").contains("collection/classification.drl:");
    }

    @Test
    void explain_agentAndCompany_verifyComesBeforeTheText() {
        Cli.Result r = Cli.run("explain", EVASIVE, "--as-of", Cli.AS_OF, "--locale", "en", "--agent", "Li Na",
                "--company", "Acme Finance");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        int check = out.indexOf("First, check you are speaking with the right person:");
        int verify = out.indexOf("Hello, this is Li Na from Acme Finance.");
        int text = out.indexOf("Then:");
        assertThat(check).isNotNegative();
        assertThat(verify).isGreaterThan(check);
        assertThat(text).isGreaterThan(verify);
        assertThat(out.indexOf("I am calling about account WX-EVASIVE")).isGreaterThan(text);
    }

    @Test
    void explain_stdin_readsTheDebtor() {
        Cli.Result r = Cli.runWithStdin(EVASIVE + "\n", "explain", "-", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Type: EVASIVE");
    }

    @Test
    void explain_idInFile_findsTheDebtor() {
        Cli.Result r = Cli.run("explain", "--id", "WX-VICTIM", "--file",
                Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Debtor WX-VICTIM").contains("Type: VICTIM").contains("CLS-020");
    }

    @Test
    void explain_unknownId_exits2() {
        Cli.Result r = Cli.run("explain", "--id", "NOPE", "--file", Cli.DATA.resolve("worked-examples.jsonl").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("no debtor with id NOPE");
    }

    @Test
    void explain_invalidDebtor_exits1NamingTheField() {
        Cli.Result r = Cli.run("explain", "{\"id\":\"X-1\",\"daysOverdue\":5,\"jurisdiction\":\"FR\"}");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("X-1").contains("jurisdiction").contains("\"FR\"").contains("CN");
    }

    @Test
    void explain_debtorWithName_inputFactsShownWithoutTheName() {
        Cli.Result r = Cli.run("explain", "{\"id\":\"C-7\",\"name\":\"Wang Xiaoming\",\"daysOverdue\":45,"
                + "\"promisesMade\":2,\"promisesBroken\":1,\"behaviours\":[\"AVOIDS_CONTACT\"]}", "--as-of", Cli.AS_OF,
                "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("Input:").containsPattern("daysOverdue +45").containsPattern("promisesBroken +1")
                .containsPattern("behaviours +\\[AVOIDS_CONTACT\\]").containsPattern("name +\\(given, not shown\\)");
        assertThat(out.indexOf("Input:")).isLessThan(out.indexOf("Type:"));
        assertThat(out.substring(out.indexOf("Input:"), out.indexOf("Type:"))).doesNotContain("Wang");
    }

    @Test
    void explain_typeBelowTheMinimum_saysHowManyPointsShort() {
        Cli.Result r = Cli.run("explain", "{\"id\":\"C-8\",\"daysOverdue\":45,\"promisesMade\":2,"
                + "\"promisesBroken\":1,\"behaviours\":[\"AVOIDS_CONTACT\"]}", "--as-of", Cli.AS_OF, "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("points by type (a type needs 3): EVASIVE 3, SERIAL_PROMISER 1 (2 points short)");
    }

    @Test
    void explain_asScenario_entryThatPassesInTheRulebooksScenarioTables(@TempDir Path dir) {
        String debtor = "{\"id\":\"C-9\",\"name\":\"Wang Xiaoming\",\"daysOverdue\":45,\"amountOverdue\":5000.50,"
                + "\"promisesMade\":2,\"promisesBroken\":1,\"behaviours\":[\"AVOIDS_CONTACT\"],"
                + "\"contactHistory\":[{\"at\":\"2026-11-20T10:00:00+08:00\",\"channel\":\"CALL\",\"reached\":false}]}";
        Cli.Result r = Cli.run("explain", debtor, "--as-of", Cli.AS_OF, "--locale", "en", "--as-scenario");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("- scenario: C-9 as assessed on " + Cli.AS_OF, "type: EVASIVE",
                "- FIELD_VISIT@0", "- CLS-010").doesNotContain("Wang");

        Path rules = Cli.copyOfDefaultRulebook(dir.resolve("rules"));
        Cli.write(rules, "scenarios/from-a-case.yaml", r.out());
        Cli.Result test = Cli.run("test", "--rules", rules.toString(), rules.resolve("scenarios").toString());
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).containsPattern("PASS +C-9 as assessed");
    }

    /** The Merged section of an explanation, up to the blank line after it. */
    private static String mergedSection(String out) {
        int start = out.indexOf("Merged (the same step proposed again; the soonest proposal counts):");
        assertThat(start).as(out).isNotNegative();
        return out.substring(start, out.indexOf("\n\n", start));
    }

    @Test
    void explain_evasiveAndOverdue_mergedSectionNamesTheVisitAbsorbedAndTheOneKept() {
        String debtor = "{\"id\":\"C-MERGED\",\"daysOverdue\":40,\"contactAttempts\":8,\"contactsReached\":1,"
                + "\"behaviours\":[\"AVOIDS_CONTACT\"]}";
        Cli.Result r = Cli.run("explain", debtor, "--as-of", Cli.AS_OF, "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(mergedSection(out)).contains("  FIELD_VISIT in 7 days [ESC-004]: more than 30 days overdue: visit in"
                + " person -> kept ESC-020's in 0 days");
        assertThat(out.indexOf("Escalation:")).isLessThan(out.indexOf("Merged ("));
        assertThat(out.indexOf("Merged (")).isLessThan(out.indexOf("Warnings:"));
    }

    @Test
    void explain_atWithTime_mergedSectionOfTheSameAssessment() {
        String debtor = "{\"id\":\"C-MERGED\",\"daysOverdue\":40,\"behaviours\":[\"AVOIDS_CONTACT\"]}";
        Cli.Result r = Cli.run("explain", debtor, "--at", Cli.AS_OF + "T10:00:00+08:00", "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(mergedSection(r.out())).contains("[ESC-004]").contains("kept ESC-020's in 0 days");
    }

    @Test
    void explain_nothingProposedTwice_mergedSectionSaysNone() {
        Cli.Result r = Cli.run("explain", "{\"id\":\"C-EARLY\",\"daysOverdue\":3}", "--as-of", Cli.AS_OF,
                "--locale", "en");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(mergedSection(r.out())).isEqualTo("Merged (the same step proposed again; the soonest proposal"
                + " counts):\n  none");
    }
}
