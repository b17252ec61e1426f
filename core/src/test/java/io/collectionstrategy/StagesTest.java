package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two stages: rules on the debtor give evidence and situations, the engine decides the type and the situation,
 * rules on the {@code Treatment} see the decision.
 */
class StagesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /** Evidence for two types and two situations; stage two echoes what it sees as a step. */
    private static final String RULES = TestRulebooks.HEADER + """
            // Two points for STUBBORN, three for EVASIVE and VICTIM each: a tie at three.
            rule "Cues"
                @id("S-001")
            when
                Debtor( daysOverdue >= 10 )
            then
                outcome.evidence( "STUBBORN", 2, "cue" );
                outcome.evidence( "VICTIM", 3, "cue" );
                outcome.evidence( "EVASIVE", 2, "cue" );
                outcome.evidence( "EVASIVE", 1, "cue" );
            end

            // Two situations: the lower precedence wins.
            rule "Situations"
                @id("S-002")
            when
                Debtor( daysOverdue >= 20 )
            then
                outcome.situation( "LITIGATION", 6, "cue" );
                outcome.situation( "FRAUD", 2, "cue" );
            end

            // Stage two sees the decided type and situation.
            rule "Echo"
                @id("S-100")
            when
                Treatment( $type : type, $situation : situation )
            then
                outcome.step( "SEEN_" + $type + "_" + $situation, 0, "echo" );
            end
            """;

    private static CollectionStrategy strategy(String settings) {
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/stages.drl", RULES);
        if (settings != null) {
            files.put("rulebook.yaml", settings + "\n" + TestRulebooks.RULEBOOK_YAML);
        }
        return CollectionStrategy.builder().rulebook(Rulebook.of("stages", files)).build();
    }

    @Test
    void assess_tieOfEvidence_goesToTheAlphabeticallyFirstTypeAndStageTwoSeesIt() {
        Assessment a = strategy(null).assess(Debtor.builder("C-1").daysOverdue(10).build(), AS_OF);

        assertThat(a.debtorType()).isEqualTo("EVASIVE");
        assertThat(a.situation()).isNull();
        assertThat(a.stepNames()).contains("SEEN_EVASIVE_null");
        assertThat(a.evidence()).extracting(Evidence::type, Evidence::rule).contains(
                org.assertj.core.groups.Tuple.tuple("VICTIM", "S-001"));
    }

    @Test
    void assess_twoSituations_theLowerPrecedenceDrivesTheTreatment() {
        Assessment a = strategy(null).assess(Debtor.builder("C-2").daysOverdue(20).build(), AS_OF);

        assertThat(a.situation()).isEqualTo("FRAUD");
        assertThat(a.stepNames()).contains("SEEN_EVASIVE_FRAUD");
        assertThat(a.firedRuleIds()).containsExactlyInAnyOrder("S-001", "S-002", "T-002", "T-003", "S-100");
        assertThat(a.firedRuleIds().indexOf("S-100")).as("stage two fires after stage one")
                .isGreaterThan(a.firedRuleIds().indexOf("S-002"));
    }

    @Test
    void assess_minimumPointsRaisedInRulebookYaml_leavesTheDebtorUnclassified() {
        Assessment a = strategy("name: stages\nclassification:\n  minimumPoints: 4\n")
                .assess(Debtor.builder("C-3").daysOverdue(10).build(), AS_OF);

        assertThat(a.debtorType()).isEqualTo(DebtorTypes.UNCLASSIFIED);
        assertThat(a.stepNames()).contains("SEEN_UNCLASSIFIED_null");
    }

    @Test
    void build_minimumPointsNotAWholeNumber_isRefusedNamingTheLine() {
        assertThatThrownBy(() -> strategy("name: stages\nclassification:\n  minimumPoints: 0\n"))
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rulebook.yaml:3: classification.minimumPoints must be a whole number of at least 1, was 0");
        assertThatThrownBy(() -> strategy("classification:\n  minimumPoints: many\n"))
                .hasMessageContaining("rulebook.yaml:2: classification.minimumPoints must be a whole number of at least 1, was \"many\"");
    }

    @Test
    void build_outcomeGlobalOfAnotherType_isRefused() {
        Rulebook wrong = Rulebook.of("wrong", Map.of("rules/w.drl", """
                package wrong;
                import io.collectionstrategy.Debtor;
                global java.util.List outcome;
                rule "Any"
                    @id("W-1")
                when
                    Debtor()
                then
                    outcome.add( "x" );
                end
                """, "scripts/en.yaml", TestRulebooks.SCRIPTS_EN));

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(wrong).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rules/w.drl:3: global java.util.List outcome is not allowed");
        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(wrong).allowUnsafeRules(true).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("global outcome must be declared as io.collectionstrategy.facts.Outcome, was java.util.List");
    }

    @Test
    void assess_blankStepName_failsNamingTheRuleAndTheEngineStaysUsable() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(TestRulebooks.with("rules/blank.drl",
                TestRulebooks.HEADER + """
                        rule "Blank step"
                            @id("B-1")
                        when
                            Debtor( daysOverdue == 13 )
                        then
                            outcome.step( " ", 0, "no name" );
                        end
                        """)).build();

        AssessmentException e = catchThrowableOfType(AssessmentException.class,
                () -> s.assess(Debtor.builder("C-13").daysOverdue(13).build(), AS_OF));

        assertThat(e.ruleId()).isEqualTo("B-1");
        assertThat(e.getMessage()).contains("C-13", "step must not be blank");
        assertThat(s.assess(Debtor.builder("C-14").daysOverdue(14).build(), AS_OF).stepNames()).containsExactly("PHONE_CALL");
    }

    @Test
    void assess_rulebookWithoutTreatmentRules_stillDecidesTypeFromEvidence() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(Rulebook.of("one", Map.of("rules/one.drl",
                TestRulebooks.HEADER + """
                        rule "Only stage one"
                            @id("O-1")
                        when
                            Debtor()
                        then
                            outcome.evidence( "VICTIM", 5, "cue" );
                            outcome.script( "HELLO" );
                        end
                        """, "scripts/en.yaml", TestRulebooks.SCRIPTS_EN))).locale(java.util.Locale.ENGLISH).build();

        Assessment a = s.assess(Debtor.builder("C-5").daysOverdue(5).build(), AS_OF);

        assertThat(a.debtorType()).isEqualTo("VICTIM");
        assertThat(a.script().id()).isEqualTo("HELLO");
    }

    @Test
    void build_insertLogical_isRefusedNamingFileLineAndWhatToUseInstead() {
        Rulebook logical = TestRulebooks.with("rules/logical.drl", TestRulebooks.HEADER + """
                rule "Logical"
                    @id("L-1")
                when
                    Debtor()
                then
                    insertLogical( new EscalationStep( "PHONE_CALL", 0, "call" ) );
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(logical).allowUnsafeRules(true).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rules/logical.drl:10: insertLogical is not supported: write conclusions with outcome.");
    }
}
