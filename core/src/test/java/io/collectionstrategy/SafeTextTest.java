package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void escape_controlCharacters_writtenVisibly() {
        assertThat(SafeText.escape("C-1\nERROR all debts paid")).isEqualTo("C-1\\nERROR all debts paid");
        assertThat(SafeText.escape("a\r\tb\u001B[31m\u009B\u007F\u2028\u202E")).isEqualTo(
                "a\\r\\tb\\u001B[31m\\u009B\\u007F\\u2028\\u202E");
        assertThat(SafeText.escape("王芳 C-1 \\ é")).isEqualTo("王芳 C-1 \\ é");
        assertThat(SafeText.escape(null)).isNull();
    }

    @Test
    void excerpt_longValue_cutAfterFortyCharacters() {
        assertThat(SafeText.excerpt("a".repeat(41))).isEqualTo("a".repeat(40) + "…");
        assertThat(SafeText.excerpt("a".repeat(40))).isEqualTo("a".repeat(40));
        assertThat(SafeText.excerpt("a" + "😀".repeat(30))).isEqualTo("a" + "😀".repeat(19) + "…");
        assertThat(SafeText.excerpt("😀".repeat(30))).isEqualTo("😀".repeat(20) + "…");
    }

    @Test
    void excerpt_phoneLikeDigitRuns_masked() {
        assertThat(SafeText.excerpt("Wang Fang, 13800138000")).isEqualTo("Wang Fang, ***********");
        assertThat(SafeText.excerpt("+86 138 0013 8000")).isEqualTo("+** *** **** ****");
        assertThat(SafeText.excerpt("tel 138-0013-8000.")).isEqualTo("tel ***-****-****.");
        assertThat(SafeText.excerpt("123456 and 12 34 56")).isEqualTo("123456 and 12 34 56");
    }

    @Test
    void excerpt_datesExponentsAndUnmaskedIds_kept() {
        assertThat(SafeText.excerpt("2026-11-28T10:00:00+08:00")).isEqualTo("2026-11-28T10:00:00+08:00");
        assertThat(SafeText.excerpt("1E+99999999")).isEqualTo("1E+99999999");
        assertThat(SafeText.excerpt("CASE-12345678")).isEqualTo("CASE-********");
        assertThat(SafeText.excerpt("6222020200112345678", false)).isEqualTo("6222020200112345678");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Property(tries = 500)
    void excerpt_anyText_shortWithoutControlsOrLongDigitRuns(@ForAll("anyText") String text) {
        String shown = SafeText.excerpt(text);

        assertThat(shown.length()).isLessThanOrEqualTo(SafeText.EXCERPT_LENGTH + 1);
        assertThat(shown.codePoints().noneMatch(SafeText::isControl)).isTrue();
        assertThat(shown).doesNotContainPattern("[0-9]{7}");
    }

    @Property(tries = 500)
    void escape_anyText_noControlsLeftAndPlainTextUnchanged(@ForAll("anyText") String text) {
        String escaped = SafeText.escape(text);

        assertThat(escaped.codePoints().noneMatch(SafeText::isControl)).isTrue();
        if (!SafeText.hasControl(text)) {
            assertThat(escaped).isEqualTo(text);
        }
    }
}
