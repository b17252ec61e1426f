package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** new-rule: the next free id, a template in the file of the rule it imitates. */
class NewRuleCommandTest {

    @TempDir
    Path tmp;

    @Test
    void newRule_likeCls062_appendsCls063ToClassificationAndCheckPasses() throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.Result r = Cli.run("new-rule", rules.toString(), "--like", "CLS-062");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("added rule CLS-063 \"TODO: describe when this rule applies\" at"
                + " collection/classification\\.drl:(\\d+) \\(a copy of CLS-062\\)").contains("check " + rules);
        int line = Integer.parseInt(r.out().replaceAll("(?s).*classification\\.drl:(\\d+) .*", "$1"));
        List<String> lines = Files.readAllLines(rules.resolve("collection/classification.drl"), StandardCharsets.UTF_8);
        assertThat(lines.get(line - 1)).isEqualTo("rule \"TODO: describe when this rule applies (CLS-063)\"");
        assertThat(lines.get(line - 2)).startsWith("// TODO: why this rule exists");
        assertThat(lines.get(line)).contains("@id(\"CLS-063\")");
        assertThat(Cli.run("check", rules.toString()).out()).contains("check: PASSED");
    }

    @Test
    void newRule_likeARuleReadingAParameter_copyReadsTheSameParameterAndCompiles() throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.Result r = Cli.run("new-rule", rules.toString(), "--like", "CLS-013");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        int line = Integer.parseInt(r.out().replaceAll("(?s).*classification\\.drl:(\\d+) .*", "$1"));
        List<String> lines = Files.readAllLines(rules.resolve("collection/classification.drl"), StandardCharsets.UTF_8);
        assertThat(String.join("\n", lines.subList(line - 1, lines.size())))
                .contains("contactAttempts >= ${evasive.neverReachedAttempts}");
        Cli.Result check = Cli.run("check", rules.toString());
        assertThat(check.out() + check.err()).contains("scenarios").doesNotContain("does not parse")
                .doesNotContain("classification.drl:" + line + ":");
    }

    @Test
    void newRule_idTaken_skipsToTheNextFree() throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.run("new-rule", rules.toString(), "--like", "CLS-062");
        Cli.Result second = Cli.run("new-rule", rules.toString(), "--like", "CLS-062");

        assertThat(second.out()).contains("added rule CLS-064");
        assertThat(Cli.run("check", rules.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void newRule_prefixOnly_usesTheFileOfThatPrefix() {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.Result r = Cli.run("new-rule", rules.toString(), "--prefix", "ESC");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("added rule ESC-\\d+ .* at collection/escalation\\.drl:\\d+");
    }

    @Test
    void newRule_defaultOrUnknownId_isRefusedClearly() {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));

        Cli.Result onDefault = Cli.run("new-rule", "default", "--like", "CLS-062");
        Cli.Result unknown = Cli.run("new-rule", rules.toString(), "--like", "CLS-999");
        Cli.Result noPrefix = Cli.run("new-rule", rules.toString(), "--prefix", "XYZ");

        assertThat(onDefault.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(onDefault.err()).contains("the default rulebook is read-only: copy it first");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(unknown.err()).contains("no rule has the id CLS-999").contains("CLS-062");
        assertThat(noPrefix.err()).contains("no rule has the prefix XYZ").contains("prefixes in use: [CLS, ESC");
    }
}
