package io.collectionstrategy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Circumstance;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baselines of {@link AssessBenchmark} must decide what the engine decides on the benchmark inputs (type,
 * situation, script id, step names and days); otherwise the ratios compare different work. Not a timed test.
 */
class BaselineAgreementTest {

    private static List<Debtor> debtors;
    private static CollectionStrategy engine;
    private static Rulebook rulebook;

    @BeforeAll
    static void setUp() {
        debtors = BenchmarkPortfolio.debtors(AssessBenchmark.DEBTORS);
        rulebook = Rulebook.defaults();
        engine = CollectionStrategy.builder().rulebook(rulebook).build();
    }

    /**
     * Variants the generator does not draw but the baseline must decide alike: nothing owed (no payment order or
     * litigation), and two circumstances at once (situation precedence).
     */
    private static List<Debtor> edgeCases() {
        Circumstance[] all = Circumstance.values();
        List<Debtor> variants = new ArrayList<>();
        for (int i = 0; i < debtors.size(); i += 16) {
            Debtor d = debtors.get(i);
            variants.add(d.toBuilder().amountOverdue(BigDecimal.ZERO).build());
            EnumSet<Circumstance> two = EnumSet.of(all[(i / 16) % all.length], all[(i / 16 + 3) % all.length]);
            variants.add(d.toBuilder().circumstances(two).build());
        }
        return variants;
    }

    private static List<String> handWrittenDisagreements(List<Debtor> inputs) {
        List<String> disagreements = new ArrayList<>();
        for (Debtor d : inputs) {
            Decision expected = Decision.of(engine.assess(d, BenchmarkPortfolio.AS_OF));
            Decision actual = HandWrittenRulebook.assess(d, BenchmarkPortfolio.AS_OF).decision();
            if (!expected.equals(actual)) {
                disagreements.add(d.id() + "\n  engine:       " + expected + "\n  hand-written: " + actual);
            }
        }
        return disagreements;
    }

    @Test
    void handWrittenBaseline_benchmarkInputs_agreesWithTheEngine() {
        assertThat(handWrittenDisagreements(debtors)).as("debtors where the hand-written baseline disagrees").isEmpty();
    }

    @Test
    void handWrittenBaseline_nothingOwedOrTwoCircumstances_agreesWithTheEngine() {
        List<Debtor> variants = edgeCases();

        assertThat(variants).anyMatch(d -> d.amountOverdue().signum() == 0 && d.daysOverdue() >= 181);
        assertThat(variants).anyMatch(d -> d.circumstances().size() == 2);
        assertThat(handWrittenDisagreements(variants)).as("variants where the hand-written baseline disagrees").isEmpty();
    }

    @Test
    void naiveDroolsBaseline_firstInputs_agreesWithTheEngine() {
        NaiveDrools naive = new NaiveDrools(engine.authoring().source());
        List<String> disagreements = new ArrayList<>();
        for (Debtor d : debtors.subList(0, 1024)) {
            Decision expected = Decision.of(engine.assess(d, BenchmarkPortfolio.AS_OF));
            Decision actual = naive.assess(d, BenchmarkPortfolio.AS_OF).decision();
            if (!expected.equals(actual)) {
                disagreements.add(d.id() + "\n  engine: " + expected + "\n  naive:  " + actual);
            }
        }
        assertThat(disagreements).as("debtors where the naive Drools baseline disagrees").isEmpty();
    }

    @Test
    void benchmarkInputs_insideTheLimitationPeriod_coverTheRulebook() {
        Set<String> types = new HashSet<>();
        Set<String> situations = new HashSet<>();
        Set<String> steps = new HashSet<>();
        for (Debtor d : debtors) {
            Decision decision = HandWrittenRulebook.assess(d, BenchmarkPortfolio.AS_OF).decision();
            types.add(decision.type());
            situations.add(String.valueOf(decision.situation()));
            decision.steps().forEach(s -> steps.add(s.substring(0, s.indexOf('@'))));
            assertThat(d.daysOverdue()).isLessThan(SyntheticPortfolio.INSIDE_LIMITATION_MAX_DAYS);
            assertThat(d.lastInterruption()).isNull();
            assertThat(d.dueDate()).isNull();
            assertThat(d.contactHistory()).isEmpty();
        }
        assertThat(types).contains("UNCLASSIFIED", "CONFIDENT", "EVASIVE", "PROVOCATIVE", "SERIAL_PROMISER",
                "SOPHISTICATED", "STUBBORN", "VICTIM");
        assertThat(situations).contains("null", "DECEASED", "FRAUD", "BANKRUPTCY", "COMPLAINT", "DISPUTE", "LITIGATION");
        assertThat(steps).hasSizeGreaterThan(15);
    }

    @Test
    void benchmarkInputs_twoCalls_sameDebtors() {
        assertThat(BenchmarkPortfolio.debtors(50)).isEqualTo(debtors.subList(0, 50));
    }
}
