package io.collectionstrategy;

import io.collectionstrategy.check.ScenarioReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What analysts' tools need from a compiled rulebook, besides assessing: its rules, its lint and its scenario tables.
 * Reached through {@link CollectionStrategy#authoring()}; applications that only assess never need it. Thread-safe.
 */
public interface Authoring {

    /** @return the rulebook's source files, as compiled: the rules with the values of their parameters written in */
    Rulebook source();

    /** @return the rules of the rulebook, by file and line */
    List<RuleInfo> rules();

    /**
     * @return the evidence points a debtor type needs ({@code classification.minimumPoints} of {@code rulebook.yaml});
     *         empty for a rulebook that classifies no debtors (an incentive policy)
     */
    default java.util.OptionalInt minimumPoints() {
        return java.util.OptionalInt.empty();
    }

    /**
     * @return the numbers the rules read by name ({@code parameters:} of {@code rulebook.yaml}, written {@code ${name}}
     *         in a rule), in file order, each with the rules that read it; empty when the rulebook declares none
     */
    default List<RuleParameter> parameters() {
        return List.of();
    }

    /**
     * Checks the compiled rulebook for mistakes the compiler does not see: a script chosen by a rule without a text
     * in every locale, a script no rule chooses. An empty list means no problem found.
     *
     * @return the problems, as {@code file:line: message}
     */
    List<RulebookProblem> lint();

    /**
     * Runs the scenario tables shipped in the rulebook ({@code scenarios/*.csv} and {@code *.yaml}).
     *
     * @return the results, one per scenario row
     */
    ScenarioReport runScenarios();

    /**
     * Runs the scenario tables of a file or directory against this rulebook.
     *
     * @param fileOrDirectory a {@code .csv} scenario table, or a directory whose {@code .csv} files (at any depth) are
     *                        scenario tables
     * @return the results, one per scenario row
     */
    ScenarioReport runScenarios(Path fileOrDirectory);
}
