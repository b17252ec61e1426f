package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The pattern language of the text lint, the lint of a rulebook's own patterns, and of the rules' texts. */
class TextLintPatternTest {

    private static final Map<String, List<String>> SETS = Map.of("who", List.of("your boss", "neighbour*", "家人"));

    private static boolean matches(String pattern, String text) {
        return ScriptLint.compile(pattern, SETS).matcher(text).find();
    }

    @Test
    void word_latin_matchesWholeWordsOnlyIgnoringCase() {
        assertThat(matches("court", "The Court will decide")).isTrue();
        assertThat(matches("court", "Please be courteous")).isFalse();
        assertThat(matches("court", "a county-court claim")).isTrue();
    }

    @Test
    void check_wordBeforeAnApostrophe_isFound() {
        assertThat(ScriptLint.builtIn().check("This is the court's enforcement office.", false, false))
                .extracting(ScriptLint.Finding::kind).contains("impersonation");
        assertThat(ScriptLint.builtIn().check("The police’s officers are on their way.", false, false))
                .extracting(ScriptLint.Finding::kind).contains("impersonation");
    }

    @Test
    void word_star_matchesEveryWordStartingWithIt() {
        assertThat(matches("arrest*", "you will be arrested")).isTrue();
        assertThat(matches("arrest*", "your arrears")).isFalse();
    }

    @Test
    void word_chinese_matchesAnywhere() {
        assertThat(matches("法院", "这里是法院，请配合")).isTrue();
        assertThat(matches("通知 ~4 @who", "不还就通知你的家人")).isTrue();
    }

    @Test
    void gap_allowsUpToItsWords_andNeverCrossesASentenceEnd() {
        assertThat(matches("tell ~3 @who", "we will tell your boss")).isTrue();
        assertThat(matches("tell ~3 @who", "we will tell all of the neighbours")).isTrue();
        assertThat(matches("tell ~1 @who", "we will tell all of the neighbours")).isFalse();
        assertThat(matches("tell ~3 @who", "Please tell me. Your boss is not involved")).isFalse();
        assertThat(matches("通知 ~2 @who", "通知你们全部的家人")).isFalse();
    }

    @Test
    void optionalPart_mayBeLeftOut() {
        assertThat(matches("take (the)? car", "we will take the car")).isTrue();
        assertThat(matches("take (the)? car", "we will take car")).isTrue();
        assertThat(matches("take (the)? car", "we will take a car")).isFalse();
    }

    @Test
    void exception_textItMatches_isNotCheckedByItsKind() {
        Rulebook own = TestRulebooks.with("lint/script-lint.yaml", """
                en:
                  house: ["!(not|never) ~1 sue", "sue"]
                """);
        ScriptLint lint = ScriptLint.of(own, new java.util.ArrayList<>());

        assertThat(lint.check("we will not sue you", false, false)).extracting(ScriptLint.Finding::kind)
                .doesNotContain("house");
        assertThat(lint.check("we will sue you", false, false)).extracting(ScriptLint.Finding::kind).contains("house");
    }

    @Test
    void compile_brokenPattern_saysWhatIsWrong() {
        assertThatThrownBy(() -> ScriptLint.compile("(court", SETS)).hasMessage("( without )");
        assertThatThrownBy(() -> ScriptLint.compile("tell ~", SETS)).hasMessage("a gap (~) stands between two words");
        assertThatThrownBy(() -> ScriptLint.compile("tell @nobody", SETS)).hasMessageStartingWith("no word set @nobody");
        assertThatThrownBy(() -> ScriptLint.compile("a ~99 b", SETS)).hasMessageContaining("1 to 20");
        assertThatThrownBy(() -> ScriptLint.compile("ar*rest", SETS)).hasMessageContaining("* stands only at the end");
    }

    @Test
    void build_ownLintFileWithABrokenEntry_isRefusedNamingFileLineAndEntry() {
        Rulebook own = TestRulebooks.with("lint/script-lint.yaml", """
                en:
                  house:
                    - "numpty"
                    - "(unclosed"
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(own).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("lint/script-lint.yaml:4: \"(unclosed\" (en, house) is not a pattern the lint reads:"
                        + " ( without )");
    }

    @Test
    void build_ruleTextsAcrossConcatenation_areCheckedWithTheirLine() {
        Rulebook rules = TestRulebooks.with("rules/bad.drl", TestRulebooks.HEADER + """

                // Pressure.
                rule "Pressure"
                    @id("P-001")
                when
                    Debtor( $d : daysOverdue > 30 )
                then
                    String why = $d + " days: tell the debtor that the " + "bailiffs are coming";
                    outcome.step( "PHONE_CALL", 0, why );
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(rules).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rules/bad.drl:12: rule P-001 \"Pressure\" contains forbidden phrase \"bailiffs\""
                        + " (falseLegalClaim) in its text \"days: tell the debtor that the bailiffs are coming\"");
    }

    @Test
    void textLint_ofARulebook_listsTheBuiltInKindsAndItsOwn() {
        Rulebook own = TestRulebooks.with("lint/script-lint.yaml", "en:\n  house: [\"numpty\"]\n");

        Map<String, Map<String, List<String>>> lists = own.textLint();

        assertThat(lists.get("en")).containsKeys("impersonation", "falseLegalClaim", "criminalThreat", "thirdPartyContact",
                "publicShaming", "falseCreditClaim", "insult", "timeBarred", "verifyDisclosure", "words.authority", "house");
        assertThat(lists.get("en").get("house")).containsExactly("numpty");
        assertThat(lists.get("zh-CN")).containsKeys("impersonation", "thirdPartyContact");
    }

    @Property(tries = 300)
    void compile_anyPatternText_compilesOrSaysWhy(@ForAll("patterns") String pattern) {
        try {
            Pattern p = ScriptLint.compile(pattern, SETS);
            p.matcher("we will tell your boss and the 家人 about the court today").find();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void compile_plainWords_matchThemselvesInASentence(@ForAll("words") List<String> words) {
        String phrase = String.join(" ", words);

        assertThat(ScriptLint.compile(phrase, SETS).matcher("Well, " + phrase.toUpperCase() + ", he said").find()).isTrue();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab 法院()|~*@?!123").ofMinLength(0).ofMaxLength(24);
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(4);
    }
}
