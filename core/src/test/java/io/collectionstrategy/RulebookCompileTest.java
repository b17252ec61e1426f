package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulebookCompileTest {

    @Test
    void build_syntaxError_listsFileAndLine() {
        Rulebook broken = TestRulebooks.with("rules/broken.drl", TestRulebooks.HEADER + """

                rule "Broken"
                    @id("B-001")
                when
                    Debtor( daysOverdue > )
                then
                end
                """);

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(broken).build());

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/broken.drl"));
        assertThat(e.problems().get(0).line()).isEqualTo(9);
        assertThat(e.getMessage()).contains("rules/broken.drl:9:");
    }

    @Test
    void build_unknownFactTypeInTwoFiles_listsEveryError() {
        String bad = TestRulebooks.HEADER + """

                rule "Uses an unknown type"
                    @id("%s")
                when
                    NoSuchFact()
                then
                end
                """;
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/a.drl", bad.formatted("A-1"));
        files.put("rules/b.drl", bad.formatted("B-1"));

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(Rulebook.of("t", files)).build());

        assertThat(e.problems()).extracting(RulebookProblem::file).contains("rules/a.drl", "rules/b.drl");
        assertThat(e.problems()).extracting(RulebookProblem::toString).anyMatch(s -> s.startsWith("rules/a.drl:9: "));
    }

    @Test
    void build_ruleWithoutId_isRefusedWithLine() {
        Rulebook noId = TestRulebooks.with("rules/noid.drl", TestRulebooks.HEADER + """
                rule "Has no id"
                when
                    Debtor()
                then
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(noId).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rules/noid.drl:5: rule \"Has no id\" has no @id(\"...\") metadata");
    }

    @Test
    void build_duplicateId_namesBothPlaces() {
        Rulebook dup = TestRulebooks.with("rules/dup.drl", TestRulebooks.HEADER + """
                rule "Another rule"
                    @id("T-001")
                when
                    Debtor()
                then
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(dup).build())
                .hasMessageContaining("rules/test.drl:7: rule id T-001 of \"Avoiding contact is evasive\" is already used by \"Another rule\" at rules/dup.drl:5");
    }

    @Test
    void build_scriptMissingInOneLocale_namesScriptAndLocale() {
        Rulebook missing = TestRulebooks.with("scripts/zh-CN.yaml", """
                locale: zh-CN
                scripts:
                  OTHER:
                    text: "其他"
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(missing).build())
                .hasMessageContaining("scripts/zh-CN.yaml:0: script HELLO has no text in locale zh-CN")
                .hasMessageContaining("scripts/en.yaml:0: script OTHER has no text in locale en");
    }

    @Test
    void build_unknownPlaceholder_namesItAndTheKnownOnes() {
        Rulebook bad = TestRulebooks.with("scripts/en.yaml", """
                locale: en
                scripts:
                  HELLO:
                    text: "Hello {fullName}"
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(bad).build())
                .hasMessageContaining("scripts/en.yaml:3: script HELLO uses unknown placeholder {fullName}");
    }

    @Test
    void build_placeholderInTalkingPoint_isRefused() {
        Rulebook bad = TestRulebooks.with("scripts/en.yaml", """
                locale: en
                scripts:
                  HELLO:
                    text: "Hello {name}"
                    do:
                      - "Say {amount} twice"
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(bad).build())
                .hasMessageContaining("scripts/en.yaml:3: script HELLO uses placeholder {amount} outside its text");
    }

    @Test
    void build_malformedYaml_givesLine() {
        Rulebook bad = TestRulebooks.with("scripts/en.yaml", "locale: en\nscripts:\n  HELLO: [unclosed\n");

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(bad).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("scripts/en.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void version_changesWithContent_andIsStableOtherwise() {
        assertThat(TestRulebooks.basic().version()).isEqualTo(TestRulebooks.basic().version()).hasSize(16);
        assertThat(TestRulebooks.with("scenarios/x.csv", "scenario\n").version()).isNotEqualTo(TestRulebooks.basic().version());
    }

    @Test
    void fromDirectory_skipsHiddenFilesAndBackups_andTakesTheDeclaredName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("a.drl"), TestRulebooks.RULES);
        Files.writeString(dir.resolve(".a.drl.swp"), "garbage");
        Files.writeString(dir.resolve("a.drl~"), "garbage");
        Files.writeString(dir.resolve("scripts/en.yaml"), TestRulebooks.SCRIPTS_EN);
        Files.writeString(dir.resolve("rulebook.yaml"), "name: team-a # our rules\n");

        Rulebook book = Rulebook.fromDirectory(dir);

        assertThat(book.files()).containsOnlyKeys("a.drl", "scripts/en.yaml", "rulebook.yaml");
        assertThat(book.name()).isEqualTo("team-a");
    }

    @Test
    void fromDirectory_missingDirectory_saysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> Rulebook.fromDirectory(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void of_absolutePath_isRejected() {
        assertThatThrownBy(() -> Rulebook.of("x", Map.of("/etc/a.drl", "")))
                .hasMessage("rulebook file paths must be relative with '/', was \"/etc/a.drl\"");
    }

    @Test
    void builder_withoutRulebook_explainsWhatToCall() {
        assertThatThrownBy(() -> CollectionStrategy.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("defaultRulebook()");
    }

    @Test
    void builder_nonPositiveFiringLimit_isRejected() {
        assertThatThrownBy(() -> CollectionStrategy.builder().maxRuleFirings(0))
                .hasMessage("maxRuleFirings must be positive: 0");
    }
}
