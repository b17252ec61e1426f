package io.collectionstrategy.experiment;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.AssessmentTrace;
import io.collectionstrategy.Authoring;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.StrategyInfo;
import io.collectionstrategy.check.ScenarioReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A champion strategy and its challengers side by side: each debtor is assessed by the arm its case id is assigned
 * to ({@link Experiment#armOf(String)}), and its assessment carries {@link Assessment#strategy()}: the experiment, the
 * arm, and the arm's rulebook name and version.
 *
 * <pre>{@code
 * CollectionStrategy champion = CollectionStrategy.builder().defaultRulebook().build();
 * CollectionStrategy softer = CollectionStrategy.builder().rulebookDirectory(Path.of("rulebooks/softer")).build();
 * ExperimentStrategy strategy = ExperimentStrategy.of(
 *         Experiment.championChallenger("q4-softer-tone", "champion", "softer", 20),
 *         Map.of("champion", champion, "softer", softer));
 * Assessment a = strategy.assess(debtor, asOf);
 * a.strategy().arm();   // "champion" for about 80% of the cases, "softer" for the others; always the same per id
 * }</pre>
 *
 * <p><b>Every arm is an ordinary strategy.</b> An arm is a {@link CollectionStrategy}, built by
 * {@link CollectionStrategy#builder()} or a {@link io.collectionstrategy.reload.ReloadingCollectionStrategy}, so its
 * rulebook runs in the same engine with the same sandbox, bounds and compliance guard as any other: a challenger
 * rulebook that proposes a forbidden step has it blocked exactly as the champion would. This class only chooses the
 * arm and labels the result; it never changes what an arm decided.
 *
 * <p><b>Stable assignment.</b> The arm depends only on the experiment's name and the case id, never on the arms'
 * rulebooks: an arm that is a {@code ReloadingCollectionStrategy} may reload a new rulebook version and its cases stay
 * where they are ({@code strategy.version} then shows the new version).
 *
 * <p><b>Locale.</b> Every arm must have the same default locale, so that the arms differ only by their rules; a call
 * with a locale passes it to the arm. Thread-safe when the arms are (all of this library's are).
 */
public final class ExperimentStrategy implements CollectionStrategy {

    private final Experiment experiment;
    private final Map<String, CollectionStrategy> arms;
    private final CollectionStrategy champion;

    private ExperimentStrategy(Experiment experiment, Map<String, CollectionStrategy> arms) {
        this.experiment = experiment;
        this.arms = arms;
        this.champion = arms.get(experiment.champion().name());
    }

    /**
     * @param experiment the experiment: its name, arms and shares
     * @param strategies one strategy per arm, by arm name; an arm may be a reloading strategy
     * @return the strategy
     * @throws IllegalArgumentException when an arm has no strategy or a strategy no arm, when an arm is itself an
     *                                  experiment, or when the arms' default locales differ
     */
    public static ExperimentStrategy of(Experiment experiment, Map<String, ? extends CollectionStrategy> strategies) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(strategies, "strategies");
        Map<String, CollectionStrategy> arms = new LinkedHashMap<>();
        for (Experiment.Arm arm : experiment.arms()) {
            CollectionStrategy s = strategies.get(arm.name());
            if (s == null) {
                throw new IllegalArgumentException("arm " + arm.name() + " of experiment " + experiment.name()
                        + " has no strategy; strategies were given for " + List.copyOf(strategies.keySet()));
            }
            if (s instanceof ExperimentStrategy) {
                throw new IllegalArgumentException("arm " + arm.name() + " of experiment " + experiment.name()
                        + " is itself an experiment: an arm must be one rulebook's strategy");
            }
            arms.put(arm.name(), s);
        }
        for (String name : strategies.keySet()) {
            if (!arms.containsKey(name)) {
                throw new IllegalArgumentException("a strategy was given for " + name + ", which is not an arm of"
                        + " experiment " + experiment.name() + "; its arms are " + List.copyOf(arms.keySet()));
            }
        }
        Locale locale = arms.get(experiment.champion().name()).locale();
        for (Map.Entry<String, CollectionStrategy> e : arms.entrySet()) {
            if (!e.getValue().locale().equals(locale)) {
                throw new IllegalArgumentException("arm " + e.getKey() + " has the default locale "
                        + e.getValue().locale().toLanguageTag() + ", the champion " + locale.toLanguageTag()
                        + ": build every arm with the same locale");
            }
        }
        return new ExperimentStrategy(experiment, arms);
    }

    /** @return the experiment: name, arms and shares */
    public Experiment experiment() {
        return experiment;
    }

    /**
     * @param name an arm's name
     * @return that arm's strategy
     * @throws IllegalArgumentException when there is no such arm
     */
    public CollectionStrategy arm(String name) {
        CollectionStrategy s = arms.get(name);
        if (s == null) {
            throw new IllegalArgumentException("experiment " + experiment.name() + " has no arm " + name
                    + "; its arms are " + List.copyOf(arms.keySet()));
        }
        return s;
    }

    /**
     * @param caseId a case id
     * @return the name of the arm that assesses it
     */
    public String armOf(String caseId) {
        return experiment.armOf(caseId).name();
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf) {
        String arm = armOf(debtor.id());
        return label(arm, arms.get(arm).assess(debtor, asOf));
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
        String arm = armOf(debtor.id());
        return label(arm, arms.get(arm).assess(debtor, asOf, locale));
    }

    @Override
    public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
        String arm = armOf(debtor.id());
        return label(arm, arms.get(arm).assess(debtor, at, locale));
    }

    private Assessment label(String arm, Assessment a) {
        RulebookInfo book = a.rulebook();
        return a.withStrategy(new StrategyInfo(experiment.name(), arm, book == null ? null : book.name(),
                book == null ? null : book.version()));
    }

    /** @return the champion's rulebook; each assessment names its own arm's in {@code strategy} */
    @Override
    public RulebookInfo rulebook() {
        return champion.rulebook();
    }

    /** @return the locales every arm has, in the champion's order */
    @Override
    public List<Locale> locales() {
        List<Locale> common = new ArrayList<>(champion.locales());
        for (CollectionStrategy s : arms.values()) {
            common.retainAll(s.locales());
        }
        return List.copyOf(common);
    }

    /** @return the arms' default locale */
    @Override
    public Locale locale() {
        return champion.locale();
    }

    /**
     * @return the champion's authoring view (its rules, lint and scenario tables; use {@link #arm(String)} for a
     *         challenger's), except {@code trace}, which assesses the debtor in its own arm, as {@code assess} does,
     *         and labels the assessment with the arm; a later reload of the champion does not change the rules,
     *         lint and scenario tables of the view it returned
     */
    @Override
    public Authoring authoring() {
        return new ExperimentAuthoring(champion.authoring());
    }

    /** The champion's view as it was when asked for; a trace goes to the debtor's arm, as an assessment does. */
    private final class ExperimentAuthoring implements Authoring {
        private final Authoring championView;

        ExperimentAuthoring(Authoring championView) {
            this.championView = championView;
        }

        @Override
        public Rulebook source() {
            return championView.source();
        }

        @Override
        public List<RuleInfo> rules() {
            return championView.rules();
        }

        @Override
        public java.util.OptionalInt minimumPoints() {
            return championView.minimumPoints();
        }

        @Override
        public List<io.collectionstrategy.RuleParameter> parameters() {
            return championView.parameters();
        }

        @Override
        public List<RulebookProblem> lint() {
            return championView.lint();
        }

        @Override
        public ScenarioReport runScenarios() {
            return championView.runScenarios();
        }

        @Override
        public ScenarioReport runScenarios(Path fileOrDirectory) {
            return championView.runScenarios(fileOrDirectory);
        }

        @Override
        public AssessmentTrace trace(Debtor debtor, LocalDate asOf, Locale locale) {
            Objects.requireNonNull(debtor, "debtor");
            String arm = armOf(debtor.id());
            return labelled(arm, arms.get(arm).authoring().trace(debtor, asOf, locale));
        }

        @Override
        public AssessmentTrace trace(Debtor debtor, OffsetDateTime at, Locale locale) {
            Objects.requireNonNull(debtor, "debtor");
            String arm = armOf(debtor.id());
            return labelled(arm, arms.get(arm).authoring().trace(debtor, at, locale));
        }

        private AssessmentTrace labelled(String arm, AssessmentTrace t) {
            return new AssessmentTrace(label(arm, t.assessment()), t.mergedSteps());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExperimentStrategy[").append(experiment.name());
        for (Experiment.Arm a : experiment.arms()) {
            sb.append(", ").append(a.name()).append(' ').append(a.percent()).append("% ")
                    .append(arms.get(a.name()).rulebook());
        }
        return sb.append(']').toString();
    }
}
