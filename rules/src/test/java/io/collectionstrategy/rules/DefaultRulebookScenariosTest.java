package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.check.ScenarioCoverage;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ScenarioResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the analysts' scenario tables (rulebook/scenarios/*.csv and *.yaml): one test per row. */
class DefaultRulebookScenariosTest {

    static final Path RULEBOOK = Path.of("rulebook");
    static final CollectionStrategy STRATEGY = CollectionStrategy.builder().rulebookDirectory(RULEBOOK).build();
    static final ScenarioReport REPORT = STRATEGY.authoring().runScenarios();

    @TestFactory
    Stream<DynamicTest> runScenarios_everyRow_passes() {
        return REPORT.results().stream().map(r -> DynamicTest.dynamicTest(r.file() + ":" + r.line() + " " + r.scenario(),
                () -> assertThat(r.failures()).as("%s:%d %s", r.file(), r.line(), r.scenario()).isEmpty()));
    }

    @Test
    void runScenarios_tables_coverAtLeastTheWorkedExamplesAndEverySituation() {
        assertThat(REPORT.results()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(REPORT.results()).extracting(ScenarioResult::assessment).filteredOn(java.util.Objects::nonNull)
                .extracting(a -> a.debtorType())
                .contains("PROVOCATIVE", "EVASIVE", "VICTIM", "CONFIDENT", "STUBBORN", "SOPHISTICATED", "SERIAL_PROMISER",
                        "UNCLASSIFIED");
        assertThat(REPORT.results()).extracting(ScenarioResult::assessment).filteredOn(java.util.Objects::nonNull)
                .extracting(a -> a.situation())
                .contains("DECEASED", "FRAUD", "BANKRUPTCY", "DISPUTE", "COMPLAINT", "LITIGATION");
    }

    @Test
    void runScenarios_everyRuleOfTheRulebook_firesInAtLeastOneScenario() {
        assertThat(ScenarioCoverage.unfiredRules(STRATEGY.authoring().rules(), REPORT))
                .as("rules that no scenario fires: add a scenario row for each").isEmpty();
    }

    @Test
    void runScenarios_yamlTables_areRunBesideTheCsvTables() {
        assertThat(REPORT.results()).extracting(ScenarioResult::file)
                .contains("scenarios/timeline.yaml", "scenarios/types.csv");
        assertThat(REPORT.results()).filteredOn(r -> r.file().equals("scenarios/timeline.yaml")).hasSize(12);
    }

    @Test
    void runScenarios_everyAssessment_listsItsFiredRules() {
        assertThat(REPORT.results()).extracting(ScenarioResult::assessment)
                .filteredOn(a -> a != null && !a.escalation().isEmpty())
                .allSatisfy(a -> assertThat(a.firedRules()).isNotEmpty());
    }
}
