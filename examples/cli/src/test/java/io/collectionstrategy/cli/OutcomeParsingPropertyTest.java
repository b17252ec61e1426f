package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The two things users type or feed to the experiment commands: outcome lines and effects. */
class OutcomeParsingPropertyTest {

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120),
                Arbitraries.strings().withChars("{}[]:,\" 0123456789.-truefalsnidpAmOoKkcC").ofMaxLength(80),
                Arbitraries.of("{\"id\":\"C-1\",\"paidAmount\":12.5,\"paidOn\":\"2026-12-01\",\"promiseKept\":true,"
                        + "\"complaint\":false,\"amountOverdue\":100}").map(s -> s.substring(0, s.length() / 2)));
    }

    @Property(tries = 1000)
    void parse_anyLine_anOutcomeOrAMessageNamingWhatIsWrong(@ForAll("lines") String line) {
        try {
            CaseOutcome o = CaseOutcome.parse(line);
            assertThat(o.id()).isNotBlank();
            assertThat(o.paidAmount().signum()).isNotNegative();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).matches("^(: |  ?\\(id ).*");
        }
    }

    @Property(tries = 300)
    void parse_writtenOutcome_readsBackEqual(@ForAll @IntRange(max = 10_000_000) int cents,
                                             @ForAll @IntRange(max = 365) int day, @ForAll boolean kept,
                                             @ForAll boolean complaint) {
        CaseOutcome o = new CaseOutcome("C-" + cents, BigDecimal.valueOf(cents, 2),
                java.time.LocalDate.of(2026, 1, 1).plusDays(day), cents % 3 == 0 ? null : kept, complaint,
                BigDecimal.valueOf(cents + 100L, 2));
        java.io.StringWriter text = new java.io.StringWriter();
        try (var g = io.collectionstrategy.examples.portfolio.RowReader.JSON.getFactory().createGenerator(text)) {
            o.write(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        CaseOutcome back = CaseOutcome.parse(text.toString());

        assertThat(back.paidAmount()).isEqualByComparingTo(o.paidAmount());
        assertThat(back.amountOverdue()).isEqualByComparingTo(o.amountOverdue());
        assertThat(back.paidOn()).isEqualTo(o.paidOn());
        assertThat(back.promiseKept()).isEqualTo(o.promiseKept());
        assertThat(back.complaint()).isEqualTo(o.complaint());
    }

    @Property(tries = 300)
    void parseEffect_signedPercentagePoints_theFraction(@ForAll @IntRange(min = -9999, max = 9999) int hundredths) {
        String text = (hundredths >= 0 ? "+" : "-") + BigDecimal.valueOf(Math.abs(hundredths), 2).toPlainString() + "pp";

        assertThat(OutcomeModel.parseEffect(text)).isCloseTo(hundredths / 10_000.0, within(1e-12));
    }

    @Property(tries = 300)
    void parseEffect_anyOtherText_refusedWithTheExpectedForm(@ForAll("effects") String text) {
        assertThatThrownBy(() -> OutcomeModel.parseEffect(text))
                .hasMessageStartingWith("--effect must be percentage points such as +3pp");
    }

    @Provide
    Arbitrary<String> effects() {
        return Arbitraries.strings().withChars("+-0123456789.p% ").ofMaxLength(10)
                .filter(s -> !s.trim().equals("0") && !s.trim().matches("[+-]?[0-9]{1,2}(\\.[0-9]{1,4})?\\s*pp"));
    }
}
