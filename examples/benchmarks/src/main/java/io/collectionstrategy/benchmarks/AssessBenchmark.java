package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One debtor at a time on the full default rulebook, cycling through {@value #DEBTORS} generated debtors: the
 * engine on one and two threads, and in the same run the two baselines, hand-written Java and a naive Drools
 * session per call.
 *
 * <pre>java -jar target/benchmarks.jar AssessBenchmark -wi 3 -i 5 -f 1 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AssessBenchmark {

    /** How many distinct debtors the benchmark cycles through. */
    public static final int DEBTORS = 4096;

    private static final AtomicInteger THREADS = new AtomicInteger();

    Debtor[] debtors;
    CollectionStrategy engine;
    NaiveDrools naive;

    /** Each thread walks the debtors from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = (THREADS.getAndIncrement() * 997) % DEBTORS;
        }

        Debtor next(Debtor[] debtors) {
            Debtor d = debtors[next];
            next = (next + 1) & (DEBTORS - 1);
            return d;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        List<Debtor> list = BenchmarkPortfolio.debtors(DEBTORS);
        debtors = list.toArray(Debtor[]::new);
        Rulebook rulebook = Rulebook.defaults();
        engine = CollectionStrategy.builder().rulebook(rulebook).build();
        naive = new NaiveDrools(engine.authoring().source()); // its rules as compiled, parameters written in
    }

    /** The engine, one thread. */
    @Benchmark
    @Threads(1)
    public Assessment engine(Cursor c) {
        return engine.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }

    /** The engine, two threads sharing one strategy. */
    @Benchmark
    @Threads(2)
    public Assessment engine2Threads(Cursor c) {
        return engine.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }

    /** Baseline: the same decisions in plain Java, one thread. */
    @Benchmark
    @Threads(1)
    public HandWrittenRulebook.Result baselineHandWritten(Cursor c) {
        return HandWrittenRulebook.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }

    /** Baseline: the same decisions in plain Java, two threads: how far this machine lets two threads scale. */
    @Benchmark
    @Threads(2)
    public HandWrittenRulebook.Result baselineHandWritten2Threads(Cursor c) {
        return HandWrittenRulebook.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }

    /** Baseline: a new Drools session per call, one thread. */
    @Benchmark
    @Threads(1)
    public NaiveDrools.Result baselineNaiveDrools(Cursor c) {
        return naive.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }

    /** Baseline: a new Drools session per call, two threads. */
    @Benchmark
    @Threads(2)
    public NaiveDrools.Result baselineNaiveDrools2Threads(Cursor c) {
        return naive.assess(c.next(debtors), BenchmarkPortfolio.AS_OF);
    }
}
