package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import java.lang.management.ManagementFactory;

/**
 * Cold start: a fresh JVM builds the default rulebook and assesses one debtor. Prints the time from JVM start to
 * the first assessment; {@code coldstart.sh} times the whole process.
 *
 * <pre>java -cp target/benchmarks.jar io.collectionstrategy.benchmarks.ColdStart</pre>
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        CollectionStrategy strategy = CollectionStrategy.builder().defaultRulebook().build();
        long built = System.nanoTime();
        Debtor debtor = BenchmarkPortfolio.debtors(1).get(0);
        Assessment a = strategy.assess(debtor, BenchmarkPortfolio.AS_OF);
        long assessed = System.nanoTime();
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("first assessment %s %s: build %d ms, first assess %d ms, %d ms since JVM start%n",
                a.id(), a.debtorType(), (built - t0) / 1_000_000, (assessed - built) / 1_000_000, sinceJvmStart);
    }
}
