package io.collectionstrategy.incentives;

import io.collectionstrategy.AssessmentTrace;
import io.collectionstrategy.Authoring;
import io.collectionstrategy.CompiledRules;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ScenarioTables;
import io.collectionstrategy.incentives.facts.Settlement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The incentive policy on the shared engine: each receivable is one {@link Settlement} fact run through the
 * {@link CompiledRules} of the rulebook, with an {@link IncentiveRecorder} as its {@code outcome}.
 */
final class DroolsIncentivePolicy implements IncentivePolicy {

    /** The years a settlement may be in. */
    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;

    private final CompiledRules rules;
    private final IncentiveTexts texts;
    private final IncentiveSettings settings;
    private final String localeTag;
    private final Authoring authoring = new IncentiveAuthoring();

    private DroolsIncentivePolicy(CompiledRules rules, IncentiveTexts texts, IncentiveSettings settings, String tag) {
        this.rules = rules;
        this.texts = texts;
        this.settings = settings;
        this.localeTag = tag;
    }

    static DroolsIncentivePolicy compile(Rulebook rulebook, Locale locale, boolean allowUnsafeRules, int maxRuleFirings,
                                         Duration maxEvaluationTime) {
        if (!rulebook.kind().equals(KIND.name())) {
            CompiledRules.compile(rulebook, KIND, allowUnsafeRules, maxRuleFirings, maxEvaluationTime); // says why
        }
        List<RulebookProblem> problems = new ArrayList<>();
        IncentiveTexts texts = IncentiveTexts.load(rulebook, problems);
        IncentiveSettings settings = IncentiveSettings.read(rulebook, problems);
        CompiledRules rules = null;
        try {
            rules = CompiledRules.compile(rulebook, KIND, allowUnsafeRules, maxRuleFirings, maxEvaluationTime);
        } catch (RulebookException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RulebookProblem::file).thenComparingInt(RulebookProblem::line));
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", problems);
        }
        return new DroolsIncentivePolicy(rules, texts, settings, resolve(texts, locale));
    }

    private static String resolve(IncentiveTexts texts, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String tag = texts.resolve(locale);
        if (tag == null) {
            throw new IllegalArgumentException("locale must be one of " + texts.locales()
                    + " (the languages of the rulebook's texts), was " + locale.toLanguageTag());
        }
        return tag;
    }

    @Override
    public IncentiveResult evaluate(Receivable receivable, SettlementPeriod period, int year) {
        Objects.requireNonNull(receivable, "receivable");
        Objects.requireNonNull(period, "period");
        checkYear(year);
        Settlement fact = Settlement.of(receivable, period, year);
        IncentiveRecorder recorder = new IncentiveRecorder(fact);
        List<FiredRule> fired = rules.run(receivable.id(), recorder, List.of(fact));
        return recorder.result(fired, rulebook());
    }

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", was " + year);
        }
    }

    @Override
    public LocalDate settlementDate(SettlementPeriod period, int year) {
        checkYear(year);
        return settings.day(Objects.requireNonNull(period, "period")).atYear(year);
    }

    @Override
    public IncentiveStatement statements(SettlementPeriod period, int year, Locale locale) {
        return new IncentiveStatement(texts.get(resolve(texts, locale)), period, year, settlementDate(period, year),
                rulebook());
    }

    @Override
    public RulebookInfo rulebook() {
        return rules.source().info();
    }

    @Override
    public List<Locale> locales() {
        return texts.locales().stream().map(Locale::forLanguageTag).toList();
    }

    @Override
    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }

    @Override
    public Authoring authoring() {
        return authoring;
    }

    @Override
    public String toString() {
        return "IncentivePolicy[" + rules.source().name() + " " + rules.source().version() + "]";
    }

    /** The authoring view: the rules, the texts' lint, the scenario tables; no trace, as there are no steps. */
    private final class IncentiveAuthoring implements Authoring {
        @Override
        public Rulebook source() {
            return rules.source();
        }

        @Override
        public List<RuleInfo> rules() {
            return rules.rules();
        }

        @Override
        public List<io.collectionstrategy.RuleParameter> parameters() {
            return rules.parameters();
        }

        @Override
        public List<RulebookProblem> lint() {
            List<RulebookProblem> problems = new java.util.ArrayList<>(IncentiveLint.lint(rules.rules(), texts));
            problems.addAll(rules.unreadParameters());
            return List.copyOf(problems);
        }

        @Override
        public ScenarioReport runScenarios() {
            return ScenarioTables.run(rules.source(), new IncentiveScenarios(DroolsIncentivePolicy.this));
        }

        @Override
        public ScenarioReport runScenarios(Path fileOrDirectory) {
            return ScenarioTables.run(fileOrDirectory, new IncentiveScenarios(DroolsIncentivePolicy.this));
        }

        /** @throws UnsupportedOperationException always: an incentive policy proposes no steps to merge */
        @Override
        public AssessmentTrace trace(Debtor debtor, LocalDate asOf, Locale locale) {
            throw noSteps();
        }

        /** @throws UnsupportedOperationException always: an incentive policy proposes no steps to merge */
        @Override
        public AssessmentTrace trace(Debtor debtor, java.time.OffsetDateTime at, Locale locale) {
            throw noSteps();
        }

        private UnsupportedOperationException noSteps() {
            return new UnsupportedOperationException("incentive policy " + rules.source().name() + " makes offers,"
                    + " not assessments: it proposes no escalation steps, so there is nothing to trace; trace with"
                    + " the authoring() of a CollectionStrategy");
        }
    }
}
