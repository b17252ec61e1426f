package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import io.collectionstrategy.experiment.Experiment;
import io.collectionstrategy.experiment.ExperimentStrategy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole experiment on 100,000 generated cases with a 20% challenger: assignment, simulated outcomes with and
 * without a planted effect, and what the evaluation finds.
 *
 * <p>Power. On this portfolio the delta-method standard error of the recovery rate is about 0.0025 for the champion's
 * 80,000 cases and 0.0055 to 0.006 for the challenger's 20,000 (the amounts are skewed: business debts of a median
 * 40,000 beside consumer debts of 3,000), so the difference has a standard error of 0.006 to 0.007 (the test checks
 * 0.0055 to 0.0072 on its seeds). A true +3 percentage point effect is then 4 to 5 standard errors from zero, and the
 * test at 5% (two-sided) finds it with power Phi(0.03 / 0.0072 - 1.96) = Phi(2.21), at least 98.6% (99.4% at the
 * 0.0067 of seed 1); the minimum detectable effect at 80% power is (1.96 + 0.84) * 0.0065, about 1.8 points, and the
 * test checks that it is below 3. With no effect a test at 5% is falsely significant on 5% of the seeds; the seeds
 * here are fixed, so the results are too.
 */
class ExperimentPowerTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final Experiment EXPERIMENT = Experiment.championChallenger("q4-softer", "champion", "challenger", 20);

    static ExperimentCases.Assessments assessments;
    static Map<String, ExperimentCases.CaseFacts> facts;

    @BeforeAll
    static void assessTheCases() {
        CollectionStrategy champion = CompiledStrategies.get(Rulebook.defaults(), Locale.ENGLISH);
        ExperimentStrategy strategy = ExperimentStrategy.of(EXPERIMENT,
                Map.of("champion", champion, "challenger", champion));
        List<Debtor> debtors = new SyntheticPortfolio(7, 100_000).debtors().toList();
        facts = new LinkedHashMap<>();
        for (Debtor d : debtors) {
            facts.put(d.id(), new ExperimentCases.CaseFacts(d.amountOverdue(), d.daysOverdue()));
        }
        List<ExperimentCases.AssessedCase> cases = debtors.parallelStream().map(d -> {
            Assessment a = strategy.assess(d, AS_OF);
            return new ExperimentCases.AssessedCase(0, a.id(), a.strategy().arm(), a.strategy().rulebook(),
                    a.strategy().version(), a.debtorType(), a.situation());
        }).toList();
        assessments = new ExperimentCases.Assessments(EXPERIMENT.name(), cases, 0);
    }

    private static Evaluation evaluate(String effect, long seed) {
        OutcomeModel model = new OutcomeModel(seed, AS_OF, 30);
        double planted = OutcomeModel.parseEffect(effect);
        Map<String, CaseOutcome> outcomes = new LinkedHashMap<>();
        for (ExperimentCases.AssessedCase c : assessments.cases()) {
            ExperimentCases.CaseFacts f = facts.get(c.id());
            outcomes.put(c.id(), model.simulate(c, f.amountOverdue(), f.daysOverdue(),
                    c.arm().equals("challenger") ? planted : 0, null));
        }
        return Evaluation.of(assessments, outcomes, Map.of(), "champion");
    }

    @Test
    void assign_100000GeneratedCases20Percent_challengerHolds20PercentWithinHalfAPoint() {
        long challenger = assessments.cases().stream().filter(c -> c.arm().equals("challenger")).count();

        assertThat(challenger / 1000.0).isBetween(19.5, 20.5);
        assertThat(assessments.cases()).allSatisfy(c -> assertThat(c.arm()).isEqualTo(EXPERIMENT.armOf(c.id()).name()));
    }

    @Test
    void evaluate_planted3PointRecoveryEffect_significantOnEverySeedAndCoveredByTheInterval() {
        for (long seed : new long[] {1, 2, 3}) {
            Stats.Difference d = evaluate("+3pp", seed).comparisons().get(0).recovery();

            assertThat(d.significant()).as("seed %d: %s", seed, d).isTrue();
            assertThat(d.low()).as("seed %d", seed).isLessThan(0.03);
            assertThat(d.high()).as("seed %d", seed).isGreaterThan(0.03);
            assertThat(d.minimumDetectableEffect()).as("power above 80%% at 3 points").isLessThan(0.03);
            // the standard error the power in the class comment is computed from: MDE / (1.96 + 0.84)
            assertThat(d.minimumDetectableEffect() / 2.8016).as("standard error, seed %d", seed)
                    .isBetween(0.0055, 0.0072);
        }
    }

    @Test
    void evaluate_noEffect_notSignificantOnTheFixedSeeds() {
        for (long seed : new long[] {1, 2, 3}) {
            Evaluation e = evaluate("0pp", seed);
            Stats.Difference d = e.comparisons().get(0).recovery();

            assertThat(d.significant()).as("seed %d: %s", seed, d).isFalse();
            assertThat(d.low()).isLessThan(0);
            assertThat(d.high()).isGreaterThan(0);
            assertThat(e.arms()).extracting(Evaluation.Arm::evaluated).containsExactly(
                    e.arms().get(0).assessed(), e.arms().get(1).assessed());
        }
    }

    @Test
    void simulate_sameSeedWithAndWithoutEffect_championCasesIdentical() {
        OutcomeModel model = new OutcomeModel(5, AS_OF, 30);
        for (ExperimentCases.AssessedCase c : assessments.cases().subList(0, 2_000)) {
            ExperimentCases.CaseFacts f = facts.get(c.id());
            CaseOutcome plain = model.simulate(c, f.amountOverdue(), f.daysOverdue(), 0, null);
            assertThat(model.simulate(c, f.amountOverdue(), f.daysOverdue(), 0, null)).isEqualTo(plain);
            CaseOutcome treated = model.simulate(c, f.amountOverdue(), f.daysOverdue(), 0.03, null);
            assertThat(treated.paidAmount()).isGreaterThanOrEqualTo(plain.paidAmount());
        }
    }
}
