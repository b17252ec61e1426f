package io.collectionstrategy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import java.util.ArrayList;
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
        debtors = Portfolio.debtors(42, AssessBenchmark.DEBTORS);
        rulebook = Rulebook.defaults();
        engine = CollectionStrategy.builder().rulebook(rulebook).build();
    }

    @Test
    void handWrittenBaselineAgreesWithTheEngine() {
        List<String> disagreements = new ArrayList<>();
        for (Debtor d : debtors) {
            Decision expected = Decision.of(engine.assess(d, Portfolio.AS_OF));
            Decision actual = HandWrittenRulebook.assess(d, Portfolio.AS_OF).decision();
            if (!expected.equals(actual)) {
                disagreements.add(d + "\n  engine:       " + expected + "\n  hand-written: " + actual);
            }
        }
        assertThat(disagreements).as("debtors where the hand-written baseline disagrees").isEmpty();
    }

    @Test
    void naiveDroolsBaselineAgreesWithTheEngine() {
        NaiveDrools naive = new NaiveDrools(rulebook);
        List<String> disagreements = new ArrayList<>();
        for (Debtor d : debtors.subList(0, 1024)) {
            Decision expected = Decision.of(engine.assess(d, Portfolio.AS_OF));
            Decision actual = naive.assess(d, Portfolio.AS_OF).decision();
            if (!expected.equals(actual)) {
                disagreements.add(d + "\n  engine: " + expected + "\n  naive:  " + actual);
            }
        }
        assertThat(disagreements).as("debtors where the naive Drools baseline disagrees").isEmpty();
    }

    @Test
    void benchmarkInputsCoverTheRulebook() {
        Set<String> types = new HashSet<>();
        Set<String> situations = new HashSet<>();
        Set<String> steps = new HashSet<>();
        for (Debtor d : debtors) {
            Decision decision = HandWrittenRulebook.assess(d, Portfolio.AS_OF).decision();
            types.add(decision.type());
            situations.add(String.valueOf(decision.situation()));
            decision.steps().forEach(s -> steps.add(s.substring(0, s.indexOf('@'))));
            assertThat(d.daysOverdue()).isLessThan(Portfolio.MAX_DAYS);
            assertThat(d.lastInterruption()).isNull();
            assertThat(d.contactHistory()).isEmpty();
        }
        assertThat(types).contains("UNCLASSIFIED", "CONFIDENT", "EVASIVE", "PROVOCATIVE", "SERIAL_PROMISER",
                "SOPHISTICATED", "STUBBORN", "VICTIM");
        assertThat(situations).contains("null", "DECEASED", "FRAUD", "BANKRUPTCY", "COMPLAINT", "DISPUTE", "LITIGATION");
        assertThat(steps).hasSizeGreaterThan(15);
    }

    @Test
    void portfolioIsDeterministic() {
        assertThat(Portfolio.debtors(42, 50)).isEqualTo(debtors.subList(0, 50));
    }
}
