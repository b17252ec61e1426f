package io.collectionstrategy.incentives;

import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.RulebookProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a compiled incentive rulebook for what the compiler does not see: a rule without a text in some language
 * (its statements would show the rule's own English words), and texts of rules that do not exist.
 */
final class IncentiveLint {

    private IncentiveLint() {
    }

    static List<RulebookProblem> lint(List<RuleInfo> rules, IncentiveTexts texts) {
        List<RulebookProblem> problems = new ArrayList<>();
        Set<String> ids = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (IncentiveTexts.Catalogue c : texts.catalogues()) {
            for (RuleInfo rule : rules) {
                if (!c.rules().containsKey(rule.id())) {
                    problems.add(new RulebookProblem(rule.file(), rule.line(), "rule " + rule.id()
                            + " has no text in " + c.file() + " (rules: " + rule.id() + ": \"...\")"));
                }
            }
            for (IncentiveTexts.RuleText t : c.rules().values()) {
                if (!ids.contains(t.rule())) {
                    problems.add(new RulebookProblem(t.file(), t.line(), "text of rule " + t.rule()
                            + ", but the rulebook has no rule with that id"));
                }
            }
        }
        return problems;
    }
}
