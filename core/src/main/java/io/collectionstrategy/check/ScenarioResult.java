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
 * @param assessment the assessment, or {@code null} when the row's facts were rejected
 */
public record ScenarioResult(String file, int line, String scenario, List<String> failures, Assessment assessment) {

    /** Copies the list. */
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    /** @return true when every expectation of the row held */
    public boolean passed() {
        return failures.isEmpty();
    }
}
