package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RulebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewTypeCommandTest {

    @Test
    void newType_copyOfTheDefault_ruleScriptInEveryLocaleAndScenarioThatCheckRefusesUntilWritten(@TempDir Path dir)
            throws IOException {
        Path rules = Cli.copyOfDefaultRulebook(dir.resolve("rules"));

        Cli.Result r = Cli.run("new-type", rules.toString(), "NEGOTIATOR");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("added the type NEGOTIATOR", "evidence rule CLS-", "scripts/en.yaml:",
                "scripts/zh-CN.yaml:", "scenarios/new-types.yaml:");
        assertThat(Files.readString(rules.resolve("collection/classification.drl")))
                .contains("outcome.evidence( \"NEGOTIATOR\", 3,");
        assertThat(Files.readString(rules.resolve("scenarios/new-types.yaml"))).contains("type: NEGOTIATOR");

        RulebookException refused = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebookDirectory(rules).build());
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).extracting(p -> p.file())
                .contains("scripts/en.yaml", "scripts/zh-CN.yaml");
        assertThat(refused.problems()).allSatisfy(p ->
                assertThat(p.message()).contains("script TYPE_NEGOTIATOR", "still the stub that new-type wrote"));

        for (String locale : new String[] {"en", "zh-CN"}) {
            Path f = rules.resolve("scripts/" + locale + ".yaml");
            Files.writeString(f, Files.readString(f).replaceAll("TODO: write ([a-z ]+) \\(new-type stub\\)",
                    "Written by the analyst: $1"));
        }
        CollectionStrategy built = CollectionStrategy.builder().rulebookDirectory(rules).build();
        assertThat(built.authoring().rules()).anySatisfy(rule ->
                assertThat(rule.name()).isEqualTo("TODO: a cue that points to a negotiator debtor"));
    }

    @Test
    void newType_existingType_refusedNamingTheScript(@TempDir Path dir) {
        Path rules = Cli.copyOfDefaultRulebook(dir.resolve("rules"));

        Cli.Result r = Cli.run("new-type", rules.toString(), "EVASIVE");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("the type EVASIVE exists already", "TYPE_EVASIVE");
    }

    @Test
    void newType_defaultRulebook_refusedAsReadOnly() {
        Cli.Result r = Cli.run("new-type", "default", "NEGOTIATOR");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("read-only");
    }
}
