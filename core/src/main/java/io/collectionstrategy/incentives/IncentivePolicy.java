package io.collectionstrategy.incentives;

import io.collectionstrategy.Authoring;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookKind;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.incentives.facts.Basis;
import io.collectionstrategy.incentives.facts.IncentiveOutcome;
import io.collectionstrategy.incentives.facts.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The receivables incentive policy: a compiled incentive rulebook that settles receivables at the interim or the
 * final settlement of a year into rewards, penalties and each business unit's expense freeze, explained by the rules
 * that fired. Build once, share freely: every method is thread-safe.
 *
 * <pre>{@code
 * IncentivePolicy policy = IncentivePolicy.builder().defaultPolicy().locale(Locale.ENGLISH).build();
 * IncentiveReport report = policy.settle(receivables, SettlementPeriod.FINAL, 2026);
 * report.results().get(0).reward();        // 600.00
 * report.unit("East").expenseFreeze();     // true
 * String text = policy.statement(report, "East");
 * }</pre>
 */
public interface IncentivePolicy {

    /** The kind of rulebook an incentive policy compiles: {@code kind: incentives} in its {@code rulebook.yaml}. */
    RulebookKind KIND = new RulebookKind("incentives", IncentiveOutcome.class, List.of(Settlement.class),
            List.of(Receivable.class), List.of(Category.class, SettlementPeriod.class, Basis.class), Map.of(), Map.of(),
            List.of("reward(basis, percent)", "penalty(basis, percent)", "freezeExpenses(reason)", "note(text)"),
            new RulebookKind.Examples("Settlement( receivable.category == Category.BANKRUPTCY )",
                    "Settlement( receivable.recovered > 0 )", "unrecovered > 0", "unrecovered",
                    "outcome.reward( Basis.RECOVERED, 5 )", "Category.DEPOSIT", "$settlement", ""));

    /** @return a builder; choose a rulebook, then {@link Builder#build()} */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Settles one receivable on its own. Its {@code expenseFreeze} is whether this receivable alone keeps its unit's
     * expense claims frozen; use {@link #settle} (or {@link IncentiveTotals}) for the unit's freeze over all its
     * receivables.
     *
     * @param receivable the receivable
     * @param period     the settlement
     * @param year       the settlement year, 1000 to 9999
     * @return its reward, penalty and net, explained
     * @throws io.collectionstrategy.AssessmentException when a rule fails or keeps firing
     */
    IncentiveResult evaluate(Receivable receivable, SettlementPeriod period, int year);

    /**
     * Settles a set of receivables: each one's result, with its unit's expense freeze decided over all the unit's
     * receivables given, and the totals per unit and per person responsible.
     *
     * @param receivables the receivables, e.g. one business unit's or the whole company's
     * @param period      the settlement
     * @param year        the settlement year
     * @return the results in the order given, and the totals
     * @throws io.collectionstrategy.AssessmentException when a rule fails for one of them
     */
    default IncentiveReport settle(Collection<Receivable> receivables, SettlementPeriod period, int year) {
        Objects.requireNonNull(receivables, "receivables");
        IncentiveTotals totals = new IncentiveTotals();
        List<IncentiveResult> results = new java.util.ArrayList<>(receivables.size());
        for (Receivable r : receivables) {
            IncentiveResult result = evaluate(r, period, year);
            totals.add(result);
            results.add(result);
        }
        results.replaceAll(totals::withUnitFreeze);
        return new IncentiveReport(period, year, settlementDate(period, year), results, totals.units(),
                totals.owners(), rulebook());
    }

    /**
     * @param period the settlement
     * @param year   the year
     * @return its date: {@code settlement.interim} or {@code settlement.final} of {@code rulebook.yaml} in that year
     *     (30 September and 31 December by default)
     */
    java.time.LocalDate settlementDate(SettlementPeriod period, int year);

    /**
     * A unit's statement, in the policy's locale.
     *
     * @param report the settlement
     * @param unit   the business unit
     * @return the statement as Markdown text
     * @throws IllegalArgumentException when the unit has no receivable in the report
     */
    default String statement(IncentiveReport report, String unit) {
        return statement(report, unit, locale());
    }

    /**
     * A unit's statement: the settlement, the unit's totals and expense freeze with its causes, each receivable with
     * its figures and the rules behind them, and the totals per person responsible.
     *
     * @param report the settlement
     * @param unit   the business unit
     * @param locale the language, one of {@link #locales()}
     * @return the statement as Markdown text
     * @throws IllegalArgumentException when the unit has no receivable in the report, or the language has no texts
     */
    default String statement(IncentiveReport report, String unit, Locale locale) {
        UnitTotals totals = report.unit(unit);
        if (totals == null) {
            throw new IllegalArgumentException("unit " + unit + " has no receivable in this settlement");
        }
        IncentiveStatement s = statements(report.period(), report.year(), locale);
        return s.render(totals, report.results().stream().filter(r -> r.unit().equals(unit)).toList());
    }

    /**
     * The statement writer of one settlement, for programs that write statements while they stream receivables:
     * {@link IncentiveStatement#header}, then {@link IncentiveStatement#line} per receivable, then
     * {@link IncentiveStatement#footer}.
     *
     * @param period the settlement
     * @param year   the year
     * @param locale the language, one of {@link #locales()}
     * @return the writer
     * @throws IllegalArgumentException when the language has no texts
     */
    IncentiveStatement statements(SettlementPeriod period, int year, Locale locale);

    /** @return the rulebook's name and version */
    RulebookInfo rulebook();

    /** @return the languages of the rulebook's texts ({@code texts/<locale>.yaml}), e.g. {@code [en, zh-CN]} */
    List<Locale> locales();

    /** @return the language statements are written in when a call gives none */
    Locale locale();

    /**
     * What analysts' tools need: the rules, the lint (rules without a text in some language, texts of no rule) and
     * the scenario tables.
     *
     * @return the authoring view of the rulebook serving now
     */
    Authoring authoring();

    /** Chooses the rulebook and settings of an {@link IncentivePolicy}. Not thread-safe; the policy it builds is. */
    final class Builder {
        private Rulebook rulebook;
        private Locale locale = Locale.forLanguageTag("zh-CN");
        private int maxRuleFirings = 10_000;
        private Duration maxEvaluationTime = Duration.ofSeconds(1);
        private boolean requireScenarios;
        private boolean allowUnsafeRules;

        Builder() {
        }

        /** Uses the default incentive policy of the {@code collection-strategy-rules} jar. @return this builder */
        public Builder defaultPolicy() {
            this.rulebook = Rulebook.defaultIncentives();
            return this;
        }

        /**
         * @param directory an analyst's incentive rulebook: {@code .drl} files, {@code texts/<locale>.yaml},
         *                  {@code scenarios/*.csv}, {@code rulebook.yaml} with {@code kind: incentives}
         * @return this builder
         */
        public Builder rulebookDirectory(Path directory) {
            this.rulebook = Rulebook.fromDirectory(directory);
            return this;
        }

        /** @param rulebook the rulebook's files @return this builder */
        public Builder rulebook(Rulebook rulebook) {
            this.rulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /** @param locale the statements' language when a call gives none; default {@code zh-CN} @return this builder */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** @param max rule firings one receivable may take; default 10,000 @return this builder */
        public Builder maxRuleFirings(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxRuleFirings must be positive: " + max);
            }
            this.maxRuleFirings = max;
            return this;
        }

        /** @param max the wall-clock time one receivable may take; default 1 s @return this builder */
        public Builder maxEvaluationTime(Duration max) {
            Objects.requireNonNull(max, "max");
            if (max.isNegative() || max.isZero()) {
                throw new IllegalArgumentException("maxEvaluationTime must be positive: " + max);
            }
            this.maxEvaluationTime = max;
            return this;
        }

        /** @param require true to make {@link #build()} fail when a scenario of the rulebook fails @return this builder */
        public Builder requirePassingScenarios(boolean require) {
            this.requireScenarios = require;
            return this;
        }

        /**
         * @param allow true to skip the rule sandbox: for rulebooks trusted as one's own code only; the bounds per
         *              receivable still apply
         * @return this builder
         */
        public Builder allowUnsafeRules(boolean allow) {
            this.allowUnsafeRules = allow;
            return this;
        }

        /**
         * Compiles the rulebook.
         *
         * @return the policy
         * @throws IllegalStateException    when no rulebook was chosen
         * @throws RulebookException        listing every problem as {@code file:line: message}
         * @throws IllegalArgumentException when the locale has no texts
         */
        public IncentivePolicy build() {
            if (rulebook == null) {
                throw new IllegalStateException("no rulebook chosen: call defaultPolicy(), rulebookDirectory(path) or"
                        + " rulebook(rulebook)");
            }
            IncentivePolicy policy = DroolsIncentivePolicy.compile(rulebook, locale, allowUnsafeRules, maxRuleFirings,
                    maxEvaluationTime);
            if (requireScenarios) {
                io.collectionstrategy.check.ScenarioReport report = policy.authoring().runScenarios();
                if (!report.passed()) {
                    throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", report.problems());
                }
            }
            return policy;
        }
    }
}
