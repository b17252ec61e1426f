package io.collectionstrategy.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Rulebook;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario tables of an incentive rulebook: expectations that hold pass, those that do not say expected vs actual. */
class IncentiveScenariosTest {

    private static final String HEADER = "scenario,period,year,id,unit,owner,category,amountDue,recovered,"
            + "expect.reward,expect.penalty,expect.net,expect.expenseFreeze,expect.freezes,expect.rules,expect.notRules,"
            + "expect.error\n";

    private static ScenarioReport run(String table) {
        Map<String, String> files = new LinkedHashMap<>(TestIncentives.basic().files());
        files.put("scenarios/test.csv", table);
        IncentivePolicy policy = IncentivePolicy.builder().rulebook(Rulebook.of("t", files)).build();
        return policy.authoring().runScenarios();
    }

    @Test
    void runScenarios_rightFigures_pass() {
        // 1% x 250.55 = 2.5055 -> 2.51; 1% x 749.45 = 7.4945 -> 7.49; net -4.98; East is frozen by C-1 (T-4)
        ScenarioReport report = run(HEADER
                + "worked,final,2026,R-1,East,Li,RECOVERABLE,1000,250.55,2.51,7.49,-4.98,true,false,T-1|T-2|T-3,T-4,\n"
                + "short contract,final,2026,C-1,East,Li,CONTRACT_NORMAL,100,40,0,0.60,-0.6,true,true,T-4,,\n"
                + "other unit,final,2026,C-2,West,Li,CONTRACT_NORMAL,100,100,,,,false,false,,T-4,\n"
                + "bad,final,2026,C-3,West,Li,LOST,100,100,,,,,,,,category must be one of\n");

        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).hasSize(4);
        assertThat(report.firedRuleIds()).contains("T-1", "T-2", "T-3", "T-4");
    }

    @Test
    void runScenarios_wrongFigures_failWithExpectedAndActual() {
        ScenarioReport report = run(HEADER
                + "wrong,interim,2026,R-1,East,Li,RECOVERABLE,1000,250.55,2.50,1.00,,true,,T-3,T-1,\n"
                + "error expected,interim,2026,R-2,East,Li,RECOVERABLE,1000,1,,,,,,,,must be\n");

        ScenarioResult wrong = report.results().get(0);
        assertThat(wrong.line()).isEqualTo(2);
        assertThat(wrong.failures()).containsExactly("expected reward 2.50, got 2.51", "expected penalty 1.00, got 0.00",
                "expected expense freeze of unit East true, got false", "expected fired rule T-3, got [T-1, T-2]",
                "expected no fired rule T-1, got [T-1, T-2]", "(fired: T-1, T-2)");
        assertThat(report.results().get(1).failures()).containsExactly(
                "expected an error containing \"must be\", got a result", "(fired: T-1, T-2)");
    }

    @Test
    void runScenarios_unitsOfDifferentSettlements_notMixed() {
        // the interim row is alone in its settlement: the final row's short contract does not freeze it
        ScenarioReport report = run(HEADER
                + "final short,final,2026,C-1,East,Li,CONTRACT_NORMAL,100,40,,,,true,true,,,\n"
                + "interim paid,interim,2026,C-2,East,Li,CONTRACT_NORMAL,100,100,,,,false,false,,,\n");

        assertThat(report.failures()).isEmpty();
    }

    @Test
    void runScenarios_unknownColumn_reportedWithTheColumnsThereAre() {
        ScenarioReport report = run("scenario,period,id,region\nx,final,R-1,north\n");

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).singleElement()
                .satisfies(f -> assertThat(f).startsWith("unknown columns [region]; expected receivable fields [id, unit,")));
    }

    @Test
    void runScenarios_missingPeriod_rowFailsNamingIt() {
        ScenarioReport report = run(HEADER + "no period,,2026,R-1,East,Li,RECOVERABLE,1000,1,,,,,,,,\n");

        assertThat(report.results().get(0).failures()).containsExactly(
                "unexpected error: period must be interim or final, was missing");
    }
}
