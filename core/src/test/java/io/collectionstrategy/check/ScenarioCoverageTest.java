package io.collectionstrategy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.TestRulebooks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules that fire in no scenario, and thresholds no scenario tests on both sides. */
class ScenarioCoverageTest {

    private static final String THRESHOLD_RULE = """

            // Long overdue debtors get a visit.
            rule "Past a month, visit"
                @id("T-010")
            when
                Treatment( type == "EVASIVE", debtor.daysOverdue >= 31 )
            then
                outcome.step( "FIELD_VISIT", 0, "past a month" );
            end
            """;

    private static CollectionStrategy strategy(String table) {
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/test.drl", files.get("rules/test.drl") + THRESHOLD_RULE);
        files.put("scenarios/a.csv", table);
        return CollectionStrategy.builder().rulebook(Rulebook.of("t", files)).build();
    }

    @Test
    void unfiredRules_ruleNoRowFires_isNamedWithFileLineAndAdvice() {
        CollectionStrategy s = strategy("scenario,id,daysOverdue,behaviours\nEvasive,C-1,10,AVOIDS_CONTACT\n");
        ScenarioReport report = s.authoring().runScenarios();

        List<RulebookProblem> unfired = ScenarioCoverage.unfiredRules(s.authoring().rules(), report);

        assertThat(unfired).extracting(Object::toString).singleElement().asString()
                .matches("rules/test\\.drl:\\d+: rule T-010 \"Past a month, visit\" fires in no scenario: add a row to"
                        + " scenarios/ that makes it fire");
    }

    @Test
    void untestedThresholds_onlyTheFiringSide_hintsAtTheOtherSide() {
        CollectionStrategy s = strategy("scenario,id,daysOverdue,behaviours\nEvasive,C-1,40,AVOIDS_CONTACT\n"
                + "Not evasive and short,C-2,10,\n");

        List<ThresholdHint> hints = ScenarioCoverage.untestedThresholds(s, s.authoring().runScenarios());

        assertThat(hints).filteredOn(h -> h.ruleId().equals("T-010")).singleElement().satisfies(h -> {
            assertThat(h.matchedTested()).isTrue();
            assertThat(h.otherTested()).isFalse();
            assertThat(h.message()).matches("T-010 \\(rules/test\\.drl:\\d+\\) tests daysOverdue >= 31: no scenario has"
                    + " daysOverdue 30 or below where only this number keeps the rule from firing\\. Boundary rows: 30"
                    + " and 31");
        });
    }

    @Test
    void untestedThresholds_bothSidesNearTheRule_noHint() {
        CollectionStrategy s = strategy("scenario,id,daysOverdue,behaviours\nEvasive,C-1,40,AVOIDS_CONTACT\n"
                + "Evasive but early,C-2,30,AVOIDS_CONTACT\n");

        List<ThresholdHint> hints = ScenarioCoverage.untestedThresholds(s, s.authoring().runScenarios());

        assertThat(hints).extracting(ThresholdHint::ruleId).doesNotContain("T-010");
    }

    @Test
    void untestedThresholds_ruleNeverFires_hintsAtTheMatchedSide() {
        CollectionStrategy s = strategy("scenario,id,daysOverdue,behaviours\nEvasive,C-1,20,AVOIDS_CONTACT\n");

        List<ThresholdHint> hints = ScenarioCoverage.untestedThresholds(s, s.authoring().runScenarios());

        assertThat(hints).filteredOn(h -> h.ruleId().equals("T-010")).singleElement()
                .satisfies(h -> assertThat(h.message()).contains("no scenario has daysOverdue 31 or above where the rule"
                        + " fires").contains("Boundary rows: 30 and 31"));
    }

    @Test
    void find_comparisonsOnParsedStructure_readsLiteralsReversedAndPrefixed() {
        Rulebook rulebook = TestRulebooks.with("rules/x.drl", TestRulebooks.HEADER + """
                // why
                rule "r"
                    @id("X-001")
                when
                    Debtor( 14 < daysSinceLastContact, amountOverdue > 500.50 || daysOverdue > 3 )
                    Treatment( debtor.contactAttempts <= 6, type == "EVASIVE" )
                    not Debtor( lateInstalments > 2 )
                then
                    outcome.warning( "W", "w" );
                end
                """);

        assertThat(Thresholds.find(rulebook)).filteredOn(c -> c.ruleId().equals("X-001"))
                .extracting(c -> c.property() + " " + c.operator() + " " + c.value())
                .containsExactly("daysSinceLastContact > 14", "contactAttempts <= 6");
    }

    @Test
    void number_literalOrNot_onlyLiteralsAreNumbers() {
        assertThat(Thresholds.number(" 31 ")).contains(new BigDecimal("31"));
        assertThat(Thresholds.number("500000.00")).contains(new BigDecimal("500000.00"));
        assertThat(Thresholds.number("$days")).isEqualTo(Optional.empty());
        assertThat(Thresholds.number("\"31\"")).isEmpty();
    }

    @Test
    void message_amountBelow_usesCentsAtTheBoundary() {
        ThresholdHint h = new ThresholdHint("E-1", "a.drl", 3, "amountOverdue", ">", new BigDecimal("0"), false, true,
                false);

        assertThat(h.message()).isEqualTo("E-1 (a.drl:3) tests amountOverdue > 0: no scenario has amountOverdue 0 or"
                + " below where only this number keeps the rule from firing. Boundary rows: 0 and 0.01");
    }
}
