package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.incentives.Category;
import io.collectionstrategy.incentives.IncentivePolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the finance analysts' scenario tables of the default incentive policy (incentives/scenarios/*.csv). */
class DefaultIncentivesScenariosTest {

    static final Path INCENTIVES = Path.of("incentives");
    static final IncentivePolicy POLICY = IncentivePolicy.builder().rulebookDirectory(INCENTIVES).build();
    static final ScenarioReport REPORT = POLICY.authoring().runScenarios();

    @TestFactory
    Stream<DynamicTest> runScenarios_everyRow_passes() {
        return REPORT.results().stream().map(r -> DynamicTest.dynamicTest(r.file() + ":" + r.line() + " " + r.scenario(),
                () -> assertThat(r.failures()).as("%s:%d %s", r.file(), r.line(), r.scenario()).isEmpty()));
    }

    @Test
    void runScenarios_everyRule_firesInAtLeastOneScenario() {
        Set<String> never = new TreeSet<>();
        for (RuleInfo rule : POLICY.authoring().rules()) {
            never.add(rule.id());
        }
        never.removeAll(REPORT.firedRuleIds());

        assertThat(never).as("rules that no scenario fires: add a scenario row for each").isEmpty();
    }

    @Test
    void scenarioTables_coverEveryCategoryAtBothSettlementsWithWorkedFigures() throws IOException {
        Set<String> covered = new HashSet<>();
        try (Stream<Path> tables = Files.list(INCENTIVES.resolve("scenarios"))) {
            for (Path table : tables.toList()) {
                try (Reader in = Files.newBufferedReader(table)) {
                    for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                            .setCommentMarker('#').get().parse(in)) {
                        if (row.isMapped("expect.reward") && !row.get("expect.reward").isBlank()
                                && !row.get("expect.penalty").isBlank() && !row.get("expect.expenseFreeze").isBlank()) {
                            covered.add(row.get("category") + "/" + row.get("period"));
                        }
                    }
                }
            }
        }
        for (Category c : Category.values()) {
            assertThat(covered).as("worked rows of " + c).contains(c + "/interim", c + "/final");
        }
    }

    @Test
    void lint_defaultPolicy_everyRuleHasATextInEveryLanguage() {
        assertThat(POLICY.authoring().lint()).isEmpty();
        assertThat(POLICY.locales()).extracting(java.util.Locale::toLanguageTag).containsExactly("en", "zh-CN");
    }

    @Test
    void defaultPolicy_fromTheJar_isTheFolder() {
        IncentivePolicy packaged = IncentivePolicy.builder().defaultPolicy().build();

        assertThat(packaged.rulebook().version()).isEqualTo(POLICY.rulebook().version());
        assertThat(packaged.rulebook().name()).isEqualTo("incentives");
    }
}
