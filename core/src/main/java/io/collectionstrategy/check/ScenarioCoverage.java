package io.collectionstrategy.check;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.RulebookProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the scenario tables leave untested: rules that fire in no scenario row, and numbers in rules' conditions that no
 * scenario tests on both sides. {@code check} prints both; the first is a failure with {@code --strict}, the second
 * only ever a hint.
 */
public final class ScenarioCoverage {

    private ScenarioCoverage() {
    }

    /**
     * The rules that fired in no scenario row, for a rulebook of any kind.
     *
     * @param rules  the rulebook's rules ({@code authoring().rules()})
     * @param report the results of its scenario tables
     * @return one problem per rule, at the rule's file and line, in the rules' order
     */
    public static List<RulebookProblem> unfiredRules(List<RuleInfo> rules, ScenarioReport report) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(report, "report");
        Set<String> fired = report.firedRuleIds();
        List<RulebookProblem> unfired = new ArrayList<>();
        for (RuleInfo rule : rules) {
            if (!fired.contains(rule.id())) {
                unfired.add(new RulebookProblem(rule.file(), rule.line(), "rule " + rule.id() + " \"" + rule.name()
                        + "\" fires in no scenario: add a row to scenarios/ that makes it fire"));
            }
        }
        return unfired;
    }

    /**
     * The numeric thresholds of a collection rulebook's rules that its scenario tables do not test on both sides
     * (see {@link ThresholdHint}). Runs some rows again with one value moved to a threshold's boundary, at most
     * {@value Thresholds#MAX_TRIES} assessments.
     *
     * @param strategy the strategy, whose rulebook's tables ({@code scenarios/}) were run
     * @param report   the results of those tables ({@code strategy.authoring().runScenarios()})
     * @return the hints, in file and line order
     */
    public static List<ThresholdHint> untestedThresholds(CollectionStrategy strategy, ScenarioReport report) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(report, "report");
        return Thresholds.hints(strategy, report);
    }
}
