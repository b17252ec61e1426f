package io.collectionstrategy.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import io.collectionstrategy.json.AssessmentJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The command-line pipeline's work per row against the engine's, in one run and on the same rows: the rows
 * {@code collection-strategy generate --seed 1} writes (JSON Lines), {@value #ROWS} of them in turn.
 * {@code engine} assesses debtors already read; {@code row} does what an {@code assess} worker does with a line:
 * parse it, read the debtor, assess, render the JSON record into UTF-8 bytes. Issue 20's floor: {@code row} at most
 * twice {@code engine}.
 *
 * <pre>java -jar target/benchmarks.jar PipelineBenchmark -f 1 -wi 4 -i 6 -w 3s -r 3s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseParallelGC"})
@Threads(1)
public class PipelineBenchmark {

    /** How many distinct rows the benchmark cycles through. */
    public static final int ROWS = 4096;

    String[] lines;
    Debtor[] debtors;
    Assessment[] assessments;
    CollectionStrategy engine;
    ByteArrayBuilder buffer;
    JsonGenerator generator;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticPortfolio(1, ROWS).write(out, PortfolioFormat.JSONL);
        lines = out.toString().split("\n");
        debtors = new Debtor[lines.length];
        for (int i = 0; i < lines.length; i++) {
            debtors[i] = Debtor.fromFields(RowReader.parseLine("bench", i + 1, lines[i]).fields());
        }
        engine = CollectionStrategy.builder().rulebook(Rulebook.defaults()).build();
        assessments = new Assessment[lines.length];
        for (int i = 0; i < lines.length; i++) {
            assessments[i] = engine.assess(debtors[i], BenchmarkPortfolio.AS_OF);
        }
        buffer = new ByteArrayBuilder(4096);
        generator = RowReader.JSON.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
    }

    private int advance() {
        int i = next;
        next = (next + 1) % lines.length;
        return i;
    }

    /** The engine: a debtor already read to its assessment. */
    @Benchmark
    public Assessment engine() {
        return engine.assess(debtors[advance()], BenchmarkPortfolio.AS_OF);
    }

    /** A worker's whole job for one line: parse, read the debtor, assess, render the record as UTF-8 bytes. */
    @Benchmark
    public byte[] row() {
        int i = advance();
        Debtor d = Debtor.fromFields(RowReader.parseLine("bench", i + 1, lines[i]).fields());
        return render(engine.assess(d, BenchmarkPortfolio.AS_OF));
    }

    /** Parsing and reading alone. */
    @Benchmark
    public Debtor parse() {
        int i = advance();
        return Debtor.fromFields(RowReader.parseLine("bench", i + 1, lines[i]).fields());
    }

    /** Rendering alone: an assessment to its JSON record in UTF-8 bytes. */
    @Benchmark
    public byte[] render() {
        return render(assessments[advance()]);
    }

    private byte[] render(Assessment a) {
        try {
            buffer.reset();
            AssessmentJson.write(generator, a, AssessmentJson.Fields.ALL);
            generator.writeRaw('\n');
            generator.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
