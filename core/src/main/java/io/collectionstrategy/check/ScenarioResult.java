package io.collectionstrategy.check;

import io.collectionstrategy.Assessment;
import java.util.List;

/**
 * The outcome of one scenario row.
 *
 * @param file       the scenario table, e.g. {@code scenarios/types.csv}
 * @param line       the 1-based line of the row in that file
 * @param scenario   the row's {@code scenario} name
 * @param failures   what did not match, each as "expected ..., got ..."; empty when the scenario passed
 * @param assessment the assessment of a collection rulebook's row, or {@code null} when the row's facts were
 *                   rejected or the rulebook is of another kind
 * @param firedRules the ids of the rules that fired for the row, in firing order; empty when its facts were rejected
 */
public record ScenarioResult(String file, int line, String scenario, List<String> failures, Assessment assessment,
                             List<String> firedRules) {

    /** Copies the lists. */
    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = List.copyOf(firedRules);
    }

    /**
     * The outcome of a collection rulebook's row: the fired rules are the assessment's.
     *
     * @param file       the scenario table
     * @param line       the row's line
     * @param scenario   the row's name
     * @param failures   what did not match
     * @param assessment the assessment, or {@code null} when the row's facts were rejected
     */
    public ScenarioResult(String file, int line, String scenario, List<String> failures, Assessment assessment) {
        this(file, line, scenario, failures, assessment, assessment == null ? List.of() : assessment.firedRuleIds());
    }

    /** @return true when every expectation of the row held */
    public boolean passed() {
        return failures.isEmpty();
    }
}
