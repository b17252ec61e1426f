package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The commonest analyst mistakes get messages in the analyst's words, at the line of the mistake. */
class PlainErrorsTest {

    private static RulebookProblem onlyProblem(String rules) {
        Rulebook rulebook = TestRulebooks.with("rules/mistake.drl", TestRulebooks.HEADER + "\n" + rules);
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(rulebook).build());
        assertThat(e).as("the rulebook should be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static int lineOf(String marker) {
        String[] lines = (TestRulebooks.HEADER + "\n" + RULE_TEXT).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker);
    }

    private static String RULE_TEXT = "";

    private static RulebookProblem problemOf(String rules) {
        RULE_TEXT = rules;
        return onlyProblem(rules);
    }

    @Test
    void build_misspelledField_namesTheRightField() {
        RulebookProblem p = problemOf("""
                rule "Long overdue"
                    @id("T-100")
                when
                    Debtor( dayOverdue > 30 )
                then
                    outcome.evidence( "EVASIVE", 1, "long overdue" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("dayOverdue"));
        assertThat(p.message()).contains("Debtor has no field 'dayOverdue'; did you mean 'daysOverdue'?");
    }

    @Test
    void build_misspelledFieldOfTreatmentsDebtor_namesTheRightField() {
        RulebookProblem p = problemOf("""
                rule "Long overdue"
                    @id("T-100")
                when
                    Treatment( debtor.dayOverdue > 30 )
                then
                    outcome.step( "PHONE_CALL", 0, "call" );
                end
                """);

        assertThat(p.message()).contains("Debtor has no field 'dayOverdue'; did you mean 'daysOverdue'?");
    }

    @Test
    void build_misspelledFieldAsMethod_namesTheRightField() {
        RulebookProblem p = problemOf("""
                rule "Late"
                    @id("T-100")
                when
                    Debtor( lateInstalment() > 2 )
                then
                    outcome.evidence( "EVASIVE", 1, "late" );
                end
                """);

        assertThat(p.message()).contains("did you mean 'lateInstalments'?");
    }

    @Test
    void build_misspelledBehaviour_givesRealLineAndAllowedValues() {
        RulebookProblem p = problemOf("""
                rule "Avoids"
                    @id("T-100")
                when
                    Debtor( behaviours contains Behaviour.AVOIDS_CONTCT )
                then
                    outcome.evidence( "EVASIVE", 1, "avoids" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("AVOIDS_CONTCT"));
        assertThat(p.message()).contains("Behaviour has no value AVOIDS_CONTCT", "did you mean Behaviour.AVOIDS_CONTACT?",
                "Allowed values:");
        for (Behaviour b : Behaviour.values()) {
            assertThat(p.message()).contains(b.name());
        }
    }

    @Test
    void build_numberComparedWithText_isRefusedAtCompileTime() {
        RulebookProblem p = problemOf("""
                rule "Long overdue"
                    @id("T-100")
                when
                    Debtor( daysOverdue > "thirty" )
                then
                    outcome.evidence( "EVASIVE", 1, "long overdue" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("thirty"));
        assertThat(p.message()).contains("a number is compared with the text \"thirty\"");
    }

    @Test
    void build_ruleWithoutEnd_namesTheRuleAtItsLine() {
        RulebookProblem p = problemOf("""
                rule "First"
                    @id("T-100")
                when
                    Debtor( daysOverdue > 30 )
                then
                    outcome.evidence( "EVASIVE", 1, "long overdue" );

                rule "Second"
                    @id("T-101")
                when
                    Debtor( daysOverdue > 60 )
                then
                    outcome.evidence( "EVASIVE", 1, "longer overdue" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("rule \"First\""));
        assertThat(p.message()).startsWith("rule \"First\" is not closed with end")
                .contains("before the rule at line " + lineOf("rule \"Second\""));
    }

    @Test
    void build_duplicateRuleName_namesBothPlaces() {
        Rulebook rulebook = TestRulebooks.with("rules/mistake.drl", TestRulebooks.HEADER + """

                rule "Same name"
                    @id("T-100")
                when
                    Debtor( daysOverdue > 30 )
                then
                    outcome.evidence( "EVASIVE", 1, "long overdue" );
                end

                rule "Same name"
                    @id("T-101")
                when
                    Debtor( daysOverdue > 60 )
                then
                    outcome.evidence( "EVASIVE", 1, "longer overdue" );
                end
                """);
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(rulebook).build());

        assertThat(e.getMessage()).containsPattern("two rules are named \"Same name\" \\(at rules/mistake.drl:\\d+ and"
                + " rules/mistake.drl:\\d+\\)");
    }

    @Test
    void build_misspeltStep_namesTheBuiltInStep() {
        RulebookProblem p = problemOf("""
                rule "Remind"
                    @id("T-100")
                when
                    Treatment( debtor.daysOverdue > 0 )
                then
                    outcome.step( "REMINDR", 0, "remind" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("REMINDR"));
        assertThat(p.message()).contains("unknown step REMINDR; did you mean REMINDER?", "FIELD_VISIT");
    }

    @Test
    void misspeltStep_ownStepFarFromBuiltIns_isAllowed() {
        assertThat(RuleSandbox.misspeltStep("SMS_FOLLOW_UP")).isNull();
        assertThat(RuleSandbox.misspeltStep("FRIENDLY_REMINDER")).isNull();
        assertThat(RuleSandbox.misspeltStep("FIELD_VISIT")).isNull();
        assertThat(RuleSandbox.misspeltStep("FEILD_VISIT")).contains("did you mean FIELD_VISIT?");
    }

    @Test
    void closest_farWord_isNull() {
        assertThat(RuleSandbox.closest("banana", java.util.List.of("daysOverdue", "behaviours"))).isNull();
        assertThat(RuleSandbox.closest("behavours", java.util.List.of("daysOverdue", "behaviours"))).isEqualTo("behaviours");
    }

    @Test
    void build_quotedBehaviourInContains_refusedWithTheWayToWriteIt() {
        RulebookProblem p = problemOf("""
                rule "Avoids contact"
                    @id("T-103")
                when
                    Debtor( behaviours contains "AVOIDS_CONTACT" )
                then
                    outcome.evidence( "EVASIVE", 1, "avoids contact" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("contains \"AVOIDS_CONTACT\""));
        assertThat(p.message()).contains("behaviours holds Behaviour values, not texts",
                "write Behaviour.AVOIDS_CONTACT without quotes");
    }

    @Test
    void build_quotedMisspeltBehaviour_allowedValuesAndTheWayToWriteIt() {
        RulebookProblem p = problemOf("""
                rule "Avoids contact"
                    @id("T-104")
                when
                    Treatment( debtor.behaviours contains "AVOIDS_CONTCT" )
                then
                    outcome.step( "PHONE_CALL", 1, "call" );
                end
                """);

        assertThat(p.line()).isEqualTo(lineOf("AVOIDS_CONTCT"));
        assertThat(p.message()).contains("Behaviour has no value AVOIDS_CONTCT", "did you mean Behaviour.AVOIDS_CONTACT?",
                "Allowed values: ", "without quotes");
    }
}
