package io.collectionstrategy.check;

import io.collectionstrategy.RulebookProblem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of running scenario tables against a rulebook.
 *
 * @param results one per scenario row, in file and line order
 */
public record ScenarioReport(List<ScenarioResult> results) {

    /** Copies the list. */
    public ScenarioReport {
        results = List.copyOf(results);
    }

    /** @return true when every scenario passed (also when there are none) */
    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    /** @return the scenarios that failed */
    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** @return every failure as a {@code file:line: scenario: message} problem */
    public List<RulebookProblem> problems() {
        return failures().stream()
                .flatMap(r -> r.failures().stream().map(f -> new RulebookProblem(r.file(), r.line(), r.scenario() + ": " + f)))
                .toList();
    }

    /** @return the ids of every rule that fired in at least one scenario */
    public Set<String> firedRuleIds() {
        Set<String> ids = new TreeSet<>();
        for (ScenarioResult r : results) {
            ids.addAll(r.firedRules());
        }
        return ids;
    }
}
