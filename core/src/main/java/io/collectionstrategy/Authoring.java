package io.collectionstrategy;

import io.collectionstrategy.check.ScenarioReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * What analysts' tools need from a compiled rulebook, besides assessing: its rules, its lint, its scenario tables and
 * the trace of an assessment (what it merged).
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

    /**
     * Assesses one debtor as {@link CollectionStrategy#assess(Debtor, LocalDate, Locale)} does, and tells what the
     * assessment does not show: the step proposals merged into a sooner (or as soon, earlier) proposal of the same
     * step ({@link MergedStep}). For analysts' tools; it costs a little more than {@code assess}.
     *
     * @param debtor the facts
     * @param asOf   the evaluation date
     * @param locale the script's language, one of {@link CollectionStrategy#locales()}
     * @return the assessment, equal to what {@code assess} gives, and the merged proposals
     * @throws InvalidDebtorException        when a fact contradicts {@code asOf}
     * @throws AssessmentException           when a rule fails or keeps re-firing
     * @throws UnsupportedOperationException when the rulebook assesses no debtors (an incentive policy's), or the
     *                                       view does not trace them
     */
    default AssessmentTrace trace(Debtor debtor, LocalDate asOf, Locale locale) {
        throw untraceable();
    }

    /**
     * As {@link #trace(Debtor, LocalDate, Locale)}, at a moment of the day, as
     * {@link CollectionStrategy#assess(Debtor, OffsetDateTime, Locale)} assesses.
     *
     * @param debtor the facts
     * @param at     the evaluation time with its offset; its date is the evaluation date
     * @param locale the script's language
     * @return the assessment, equal to what {@code assess} gives, and the merged proposals
     * @throws UnsupportedOperationException when the rulebook assesses no debtors (an incentive policy's)
     */
    default AssessmentTrace trace(Debtor debtor, OffsetDateTime at, Locale locale) {
        throw untraceable();
    }

    private UnsupportedOperationException untraceable() {
        return new UnsupportedOperationException("the authoring view of rulebook " + source().name()
                + " does not trace assessments; trace with the authoring() of a CollectionStrategy");
    }
}
