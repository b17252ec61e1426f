package io.collectionstrategy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.TestRulebooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML form of scenario tables: the same rows, checks and messages as the CSV form. */
class ScenarioYamlTest {

    private static ScenarioReport run(String path, String table) {
        Map<String, String> files = TestRulebooks.files();
        files.put(path, table);
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(Rulebook.of("t", files)).build();
        return strategy.authoring().runScenarios();
    }

    private static final String CSV = """
            scenario,asOf,id,daysOverdue,behaviours,expect.type,expect.steps,expect.rules
            Evasive,2026-11-28,C-1,27,AVOIDS_CONTACT,EVASIVE,PHONE_CALL@0,T-001|T-003
            """;

    private static final String YAML = """
            # the same case as the CSV row
            - scenario: Evasive
              asOf: 2026-11-28
              debtor:
                id: C-1
                daysOverdue: 27
                behaviours: [AVOIDS_CONTACT]
              expect:
                type: EVASIVE
                steps: [PHONE_CALL@0]
                rules: [T-001, T-003]
            """;

    @Test
    void runScenarios_yamlCaseLikeCsvRow_passesAlike() {
        ScenarioReport csv = run("scenarios/a.csv", CSV);
        ScenarioReport yaml = run("scenarios/a.yaml", YAML);

        assertThat(csv.results()).hasSize(1).allMatch(ScenarioResult::passed);
        assertThat(yaml.results()).hasSize(1).allMatch(ScenarioResult::passed);
        assertThat(yaml.results().get(0).line()).isEqualTo(2);
        assertThat(yaml.results().get(0).firedRules()).isEqualTo(csv.results().get(0).firedRules());
    }

    @Test
    void runScenarios_yamlWrongExpectation_failsWithTheCsvMessageAtTheCaseLine() {
        ScenarioReport csv = run("scenarios/a.csv", CSV.replace(",EVASIVE,", ",STUBBORN,"));
        ScenarioReport yaml = run("scenarios/a.yml", YAML.replace("type: EVASIVE", "type: STUBBORN"));

        assertThat(yaml.problems()).extracting(Object::toString)
                .contains("scenarios/a.yml:2: Evasive: expected type STUBBORN, got EVASIVE");
        assertThat(yaml.results().get(0).failures()).isEqualTo(csv.results().get(0).failures());
    }

    @Test
    void runScenarios_yamlUnknownKey_refusesTheCaseNamingLineAndKnownKeys() {
        ScenarioReport report = run("scenarios/a.yaml", YAML.replace("    daysOverdue: 27", "    dayOverdue: 27")
                + "- scenario: Second\n  debtor: {id: C-2, daysOverdue: 3}\n  expect: {type: UNCLASSIFIED}\n");

        assertThat(report.results()).hasSize(2);
        assertThat(report.results().get(0).passed()).isFalse();
        assertThat(report.results().get(0).failures().get(0))
                .startsWith("line 6: unknown debtor field dayOverdue; the fields are [id, name, daysOverdue");
        assertThat(report.results().get(1).passed()).isTrue();
    }

    @Test
    void runScenarios_yamlUnknownCaseKeyAndWrongTypes_areNamed() {
        ScenarioReport report = run("scenarios/a.yaml", """
                - scenario: Bad
                  asof: 2026-11-28
                  debtor: [C-1]
                  expect: {type: [EVASIVE, STUBBORN], colour: red}
                """);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).containsExactly(
                "line 2: unknown key asof; a case may have [scenario, asOf, at, locale, note, expect, error, debtor]",
                "line 3: debtor must hold the debtor's fields (id:, daysOverdue: ...), was a list",
                "line 4: expect type must be a single value, was a list",
                "line 4: unknown expectation colour; expected one of [blocked, error, firstStep, nextAction, notRules,"
                        + " notSteps, notWarnings, rules, script, situation, steps, type, warnings]"));
    }

    @Test
    void runScenarios_yamlErrorCase_checksTheRejection() {
        ScenarioReport report = run("scenarios/a.yaml", """
                - scenario: Negative days
                  debtor: {id: C-9, daysOverdue: -3}
                  error: daysOverdue
                """);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
    }

    @Test
    void runScenarios_yamlTimelineObjects_becomeJsonWithRelativeDates() {
        ScenarioReport report = run("scenarios/a.yaml", """
                - scenario: Payment yesterday
                  asOf: 2026-11-28
                  debtor:
                    id: C-3
                    daysOverdue: 27
                    payments: [{on: asOf+1, amount: 10.50}]
                  error: payments[0].on
                """);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).isEmpty());
    }

    @Test
    void runScenarios_notAListOrMalformed_reportsTheFile() {
        assertThat(run("scenarios/a.yaml", "scenario: x\n").problems()).extracting(Object::toString)
                .containsExactly("scenarios/a.yaml:1: (file): a YAML scenario table is a list of cases, each starting"
                        + " with '- scenario: ...'");
        assertThat(run("scenarios/a.yaml", "- a: &x [1]\n- b: *x\n").passed()).isFalse();
        assertThat(run("scenarios/a.yaml", "- scenario: a\n  scenario: b\n").passed()).isFalse();
        assertThat(run("scenarios/a.yaml", "").results()).isEmpty();
    }

    @Test
    void read_tooManyCases_isRefused() {
        String many = "- {scenario: x}\n".repeat(ScenarioYaml.MAX_CASES + 1);
        ScenarioYaml.Read read = ScenarioYaml.read("a.yaml", many, java.util.Set.of("scenario"), true, List.of("id"));

        assertThat(read.problems()).extracting(r -> r.failures().get(0)).anyMatch(m -> m.startsWith("more than 10000 cases"));
    }
}
