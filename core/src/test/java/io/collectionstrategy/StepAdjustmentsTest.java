package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A later rule delays or withdraws a step another rule proposes, and the assessment says so. */
class StepAdjustmentsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static CollectionStrategy strategy(String then) {
        Rulebook rulebook = TestRulebooks.with("rules/adjust.drl", TestRulebooks.HEADER + """
                // The ladder's rules.
                rule "Visit and call"
                    @id("A-001")
                when
                    Debtor( daysOverdue > 30 )
                then
                    outcome.step( "FIELD_VISIT", 7, "visit" );
                    outcome.step( "PHONE_CALL", 0, "call" );
                end

                // The rule under test.
                rule "Adjust"
                    @id("A-002")
                when
                    Treatment( debtor.daysOverdue > 30 )
                then
                """ + then + """
                end
                """);
        return CollectionStrategy.builder().rulebook(rulebook).locale(Locale.ENGLISH).build();
    }

    private static final Debtor DEBTOR = Debtor.builder("C-ADJ").daysOverdue(45).build();

    @Test
    void delay_proposedStep_putBackWithTheRuleAndTheReason() {
        Assessment a = strategy("outcome.delay( \"FIELD_VISIT\", 14, \"a new type needs time\" );\n").assess(DEBTOR, AS_OF);

        assertThat(a.escalation()).filteredOn(s -> s.step().equals("FIELD_VISIT")).singleElement().satisfies(s -> {
            assertThat(s.inDays()).isEqualTo(21);
            assertThat(s.rule()).isEqualTo("A-001");
            assertThat(s.reason()).isEqualTo("visit (put back 14 days by A-002: a new type needs time)");
        });
        assertThat(a.firedRuleIds()).contains("A-001", "A-002");
    }

    @Test
    void delay_twice_theLongestCounts() {
        Assessment a = strategy("""
                outcome.delay( "FIELD_VISIT", 3, "short" );
                outcome.delay( "FIELD_VISIT", 10, "long" );
                """).assess(DEBTOR, AS_OF);

        assertThat(a.escalation()).filteredOn(s -> s.step().equals("FIELD_VISIT")).singleElement()
                .satisfies(s -> assertThat(s.inDays()).isEqualTo(17));
    }

    @Test
    void withdraw_proposedStep_goneAndToldInAWarning() {
        Assessment a = strategy("outcome.withdraw( \"PHONE_CALL\", \"the debtor asked for letters only\" );\n")
                .assess(DEBTOR, AS_OF);

        assertThat(a.stepNames()).doesNotContain("PHONE_CALL").contains("FIELD_VISIT");
        assertThat(a.warnings()).filteredOn(w -> w.code().equals(WarningCodes.STEP_WITHDRAWN)).singleElement()
                .satisfies(w -> {
                    assertThat(w.rule()).isEqualTo("A-002");
                    assertThat(w.message()).isEqualTo("PHONE_CALL withdrawn by A-002: the debtor asked for letters only");
                });
    }

    @Test
    void withdraw_stepNoRuleProposes_changesNothing() {
        Assessment a = strategy("outcome.withdraw( \"LITIGATION\", \"not yet\" );\n").assess(DEBTOR, AS_OF);

        assertThat(a.stepNames()).containsExactlyInAnyOrder("PHONE_CALL", "FIELD_VISIT");
        assertThat(a.warningCodes()).doesNotContain(WarningCodes.STEP_WITHDRAWN);
    }

    @Test
    void delay_zeroDays_failsNamingTheRule() {
        CollectionStrategy s = strategy("outcome.delay( \"FIELD_VISIT\", 0, \"no\" );\n");

        AssessmentException e = catchThrowableOfType(AssessmentException.class, () -> s.assess(DEBTOR, AS_OF));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("A-002", "at least 1 day");
    }

    @Test
    void build_delayOfMisspeltStep_refusedAsATypo() {
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> strategy("outcome.delay( \"FEILD_VISIT\", 3, \"typo\" );\n"));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean FIELD_VISIT?"));
    }

    @Test
    void delay_hugeNumberOfDays_stepStaysLatestNeverWrapsToEarlier() {
        Assessment a = strategy("outcome.delay( \"FIELD_VISIT\", 2147483647, \"forever\" );\n").assess(DEBTOR, AS_OF);

        assertThat(a.escalation()).filteredOn(s -> s.step().equals("FIELD_VISIT")).singleElement()
                .satisfies(s -> assertThat(s.inDays()).isEqualTo(Integer.MAX_VALUE));
    }
}
