package io.collectionstrategy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The entry point: a compiled rulebook that assesses debtors. Build once, share freely: every method is
 * thread-safe.
 *
 * <pre>{@code
 * CollectionStrategy strategy = CollectionStrategy.builder().defaultRulebook().locale(Locale.ENGLISH).build();
 * Assessment a = strategy.assess(debtor, LocalDate.of(2026, 11, 28));
 * a.debtorType();   // "EVASIVE"
 * a.escalation();   // FIELD_VISIT in 0 days, ...
 * }</pre>
 */
public interface CollectionStrategy {

    /** @return a builder; choose a rulebook, then {@link Builder#build()} */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one debtor in the engine's locale.
     *
     * @param debtor the facts
     * @param asOf   the evaluation date; rules never read the clock
     * @return the decision, explained
     * @throws InvalidDebtorException when a fact contradicts {@code asOf} (e.g. {@code lastInterruption} after it)
     * @throws AssessmentException    when a rule fails or keeps re-firing
     */
    Assessment assess(Debtor debtor, LocalDate asOf);

    /**
     * Assesses one debtor with its script in the given locale.
     *
     * @param debtor the facts
     * @param asOf   the evaluation date
     * @param locale the script's language, one of {@link #locales()} (same language is enough: {@code zh} finds {@code zh-CN})
     * @return the decision, explained
     * @throws IllegalArgumentException when the rulebook has no scripts in that language
     */
    Assessment assess(Debtor debtor, LocalDate asOf, Locale locale);

    /**
     * Assesses one debtor at a moment of the day, for rules that care about the time (contact hours).
     *
     * @param debtor the facts
     * @param at     the evaluation time with its offset; its date is the evaluation date
     * @param locale the script's language
     * @return the decision, explained
     */
    Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale);

    /**
     * Assesses a stream of debtors lazily, one at a time, in order: nothing is held but the debtor at hand.
     * A failing debtor ends the stream with its exception; to keep going past bad debtors, call
     * {@link #assess(Debtor, LocalDate)} per debtor and catch.
     *
     * @param debtors the debtors
     * @param asOf    the evaluation date
     * @return the assessments, in the order of the debtors
     */
    default Stream<Assessment> assessAll(Stream<Debtor> debtors, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return debtors.map(d -> assess(d, asOf));
    }

    /** @return the rulebook's name and version */
    RulebookInfo rulebook();

    /** @return the locales the script catalogue has, e.g. {@code [en, zh-CN]} */
    List<Locale> locales();

    /** @return the locale used when a call gives none */
    Locale locale();

    /**
     * What analysts' tools need besides assessing: the rules, the lint and the scenario tables. Applications that only
     * assess never need it.
     *
     * @return the authoring view of the rulebook serving now
     */
    Authoring authoring();

    /**
     * Chooses the rulebook and settings of a {@link CollectionStrategy}. Not thread-safe; the strategy it builds is.
     */
    final class Builder {
        /** The default of {@link #maxAssessmentTime(java.time.Duration)}, in milliseconds. */
        public static final long DEFAULT_MAX_ASSESSMENT_MILLIS = 1_000;
        private static final java.time.Duration DEFAULT_MAX_ASSESSMENT_TIME =
                java.time.Duration.ofMillis(DEFAULT_MAX_ASSESSMENT_MILLIS);
        private Rulebook rulebook;
        private Locale locale = Locale.forLanguageTag("zh-CN");
        private int maxRuleFirings = 10_000;
        private java.time.Duration maxAssessmentTime = DEFAULT_MAX_ASSESSMENT_TIME;
        private boolean requireScenarios;
        private boolean allowUnsafeRules;
        private String agent;
        private String company;

        Builder() {
        }

        /** Uses the default rulebook of the {@code collection-strategy-rules} jar. @return this builder */
        public Builder defaultRulebook() {
            this.rulebook = Rulebook.defaults();
            return this;
        }

        /**
         * Uses an analyst's working copy: {@code .drl} files, {@code scripts/<locale>.yaml}, {@code scenarios/*.csv}.
         *
         * @param directory the rulebook directory
         * @return this builder
         */
        public Builder rulebookDirectory(Path directory) {
            this.rulebook = Rulebook.fromDirectory(directory);
            return this;
        }

        /**
         * Uses a rulebook given as texts, see {@link Rulebook#of(String, java.util.Map)}.
         *
         * @param rulebook the rulebook
         * @return this builder
         */
        public Builder rulebook(Rulebook rulebook) {
            this.rulebook = Objects.requireNonNull(rulebook, "rulebook");
            return this;
        }

        /**
         * @param locale the scripts' language when a call gives none; default {@code zh-CN}
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * The collector's name, for {@code {agent}} in the scripts ("this is {agent} from {company}"). Without it
         * scripts use {@code fallbacks.agent} of the script catalogue's locale, else a neutral word of the language
         * ("a customer adviser", "客服专员").
         *
         * @param agent the name; {@code null} or blank for the fallback
         * @return this builder
         */
        public Builder agent(String agent) {
            this.agent = agent == null || agent.isBlank() ? null : agent.strip();
            return this;
        }

        /**
         * The firm's name, for {@code {company}} in the scripts. Without it scripts use {@code fallbacks.company} of
         * the script catalogue's locale, else a neutral word of the language ("customer services", "客户服务中心").
         *
         * @param company the name; {@code null} or blank for the fallback
         * @return this builder
         */
        public Builder company(String company) {
            this.company = company == null || company.isBlank() ? null : company.strip();
            return this;
        }

        /**
         * @param max how many rule firings one assessment may take before it is stopped as a loop; default 10,000
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxRuleFirings(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxRuleFirings must be positive: " + max);
            }
            this.maxRuleFirings = max;
            return this;
        }

        /**
         * The wall-clock time one assessment may take before it is stopped and fails with an
         * {@link AssessmentException} naming the case and the rule that was firing; the engine stays usable. The
         * engine checks it between rule firings; a watchdog thread halts the session and interrupts a rule that
         * sleeps or waits. An assessment usually takes microseconds. With the default, the first 16 assessments of a
         * strategy may take up to 5 s each, because a cold JVM (class loading, the JIT) on a busy machine can need
         * more than a second; a time set here is kept exactly from the first assessment on.
         *
         * @param max the time; default {@value #DEFAULT_MAX_ASSESSMENT_MILLIS} ms
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxAssessmentTime(java.time.Duration max) {
            Objects.requireNonNull(max, "max");
            if (max.isNegative() || max.isZero()) {
                throw new IllegalArgumentException("maxAssessmentTime must be positive: " + max);
            }
            this.maxAssessmentTime = max;
            return this;
        }

        /**
         * Makes {@link #build()} run the rulebook's own scenarios and fail when any fails: a rulebook must pass its
         * scenarios before it serves.
         *
         * @param require true to require passing scenarios; default false
         * @return this builder
         */
        public Builder requirePassingScenarios(boolean require) {
            this.requireScenarios = require;
            return this;
        }

        /**
         * Skips the rule sandbox: by default a rulebook may only read the engine's facts and write to {@code outcome}
         * (no other classes, no {@code new}, loops, functions, {@code eval}, {@code from}, MVEL, engine internals; see
         * the analysts' guide, rules/README.md). Only for rulebooks you trust as you trust your code. The bounds per
         * assessment ({@link #maxRuleFirings(int)}, {@link #maxAssessmentTime(java.time.Duration)}) still apply.
         *
         * @param allow true to skip the sandbox; default false
         * @return this builder
         */
        public Builder allowUnsafeRules(boolean allow) {
            this.allowUnsafeRules = allow;
            return this;
        }

        /**
         * Compiles the rulebook.
         *
         * @return the strategy
         * @throws IllegalStateException when no rulebook was chosen
         * @throws RulebookException     listing every problem as {@code file:line: message}
         * @throws IllegalArgumentException when the locale is not in the script catalogue
         */
        public CollectionStrategy build() {
            if (rulebook == null) {
                throw new IllegalStateException("no rulebook chosen: call defaultRulebook(), rulebookDirectory(path) or rulebook(rulebook)");
            }
            DroolsStrategy strategy = new DroolsStrategy(CompiledRulebook.compile(rulebook, allowUnsafeRules), locale,
                    maxRuleFirings, maxAssessmentTime, agent, company);
            if (requireScenarios) {
                io.collectionstrategy.check.ScenarioReport report = strategy.authoring().runScenarios();
                if (!report.passed()) {
                    throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", report.problems());
                }
            }
            return strategy;
        }
    }
}
