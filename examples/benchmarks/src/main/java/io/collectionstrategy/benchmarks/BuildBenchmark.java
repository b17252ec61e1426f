package io.collectionstrategy.benchmarks;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm rebuild: compiling the default rulebook again in a JVM that has compiled it before (what a reload costs).
 * Each measured iteration is one build.
 *
 * <pre>java -jar target/benchmarks.jar BuildBenchmark -wi 5 -i 10 -f 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BuildBenchmark {

    Rulebook rulebook;

    @Setup(Level.Trial)
    public void setUp() {
        rulebook = Rulebook.defaults();
    }

    @Benchmark
    public CollectionStrategy rebuild() {
        return CollectionStrategy.builder().rulebook(rulebook).build();
    }
}
