package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.time.LocalDate;
import java.util.List;

/**
 * The debtors the benchmarks assess and the date they assess them on: the examples' synthetic portfolio, seed 42,
 * {@linkplain SyntheticPortfolio#insideTheLimitationPeriod() inside the limitation period}, so that
 * {@link HandWrittenRulebook} can mirror every decision.
 */
final class BenchmarkPortfolio {

    /** The date the benchmarks assess on. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /** The seed of the benchmark inputs. */
    static final long SEED = 42;

    private BenchmarkPortfolio() {
    }

    /**
     * @param count how many debtors
     * @return the first {@code count} benchmark debtors, the same on every call
     */
    static List<Debtor> debtors(int count) {
        return portfolio(SEED, count).debtors().toList();
    }

    /**
     * @param seed  equal seeds give equal portfolios
     * @param count how many rows
     * @return the benchmark portfolio for that seed (as {@code GeneratePortfolio} writes it)
     */
    static SyntheticPortfolio portfolio(long seed, long count) {
        return new SyntheticPortfolio(seed, count).insideTheLimitationPeriod();
    }
}
