package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowAssessorTest {

    private static final CollectionStrategy STRATEGY =
            CollectionStrategy.builder().rulebook(TestRulebooks.basic()).locale(Locale.ENGLISH).build();
    private static final RowAssessor ROWS = RowAssessor.of(STRATEGY, LocalDate.of(2026, 11, 28));

    @Test
    void assess_validRow_givesTheAssessment() {
        RowResult r = ROWS.assess(Map.of("id", "C-1", "daysOverdue", "12", "behaviours", "AVOIDS_CONTACT"));

        assertThat(r.ok()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.assessment().debtorType()).isEqualTo("EVASIVE");
        assertThat(r.assessment().script().locale()).isEqualTo("en");
    }

    @Test
    void assess_badValue_failsNamingFieldAndValue() {
        RowResult r = ROWS.assess(Map.of("id", "C-2", "daysOverdue", "ten"));

        assertThat(r.ok()).isFalse();
        assertThat(r.failure().kind()).isEqualTo(RowResult.Kind.INVALID_DEBTOR);
        assertThat(r.failure().field()).isEqualTo("daysOverdue");
        assertThat(r.failure().message()).contains("daysOverdue").contains("ten");
        assertThat(r.failure().describe()).isEqualTo(r.failure().message());
    }

    @Test
    void assess_unknownField_failsUnlessIgnored() {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("id", "C-3", "daysOverdue", 5));
        row.put("nickname", "x");

        assertThat(ROWS.assess(row).failure().message()).contains("nickname");
        assertThat(ROWS.ignoreUnknownFields(true).assess(row).ok()).isTrue();
    }

    @Test
    void assess_jurisdictionWithoutProfile_failsNamingTheKnownOnes() {
        RowResult r = ROWS.assess(Map.of("id", "C-4", "daysOverdue", 5, "jurisdiction", "SG"));

        assertThat(r.failure().kind()).isEqualTo(RowResult.Kind.INVALID_DEBTOR);
        assertThat(r.failure().field()).isEqualTo("jurisdiction");
        assertThat(r.failure().message()).contains("SG").contains("[CN, UK, US]");
    }

    @Test
    void assess_factAfterTheEvaluationDate_failsAsInvalidDebtor() {
        RowResult r = ROWS.assess(Map.of("id", "C-5", "daysOverdue", 5, "lastInterruption", "2026-12-01"));

        assertThat(r.failure().kind()).isEqualTo(RowResult.Kind.INVALID_DEBTOR);
        assertThat(r.failure().field()).isEqualTo("lastInterruption");
    }

    @Test
    void assess_failingRule_failsAsAssessmentNamingTheRule() {
        CollectionStrategy failing = CollectionStrategy.builder().rulebook(TestRulebooks.with("rules/fail.drl",
                TestRulebooks.HEADER + """
                        // Fails on purpose.
                        rule "Fails"
                            @id("F-001")
                        when
                            Debtor( daysOverdue > 0 )
                        then
                            outcome.step( "", 0, "blank step" );
                        end
                        """)).build();

        RowResult r = RowAssessor.of(failing, LocalDate.of(2026, 11, 28)).assess(Map.of("id", "C-6", "daysOverdue", 3));

        assertThat(r.failure().kind()).isEqualTo(RowResult.Kind.ASSESSMENT_FAILED);
        assertThat(r.failure().rule()).isEqualTo("F-001");
        assertThat(r.failure().describe()).startsWith("assessment failed: ");
    }

    @Test
    void at_aMoment_assessesOnItsDate() {
        RowAssessor at = ROWS.at(OffsetDateTime.parse("2026-12-01T10:00:00+08:00"));

        assertThat(at.asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(at.assess(Map.of("id", "C-7", "daysOverdue", 5, "lastInterruption", "2026-11-30")).ok()).isTrue();
    }

    @Test
    void rowResult_bothOrNeither_isRefused() {
        assertThatThrownBy(() -> new RowResult(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither");
    }
}
