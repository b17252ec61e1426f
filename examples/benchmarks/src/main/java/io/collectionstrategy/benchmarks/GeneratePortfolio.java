package io.collectionstrategy.benchmarks;

import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the benchmark portfolio ({@link BenchmarkPortfolio}, inside the limitation period) as JSON Lines, for
 * {@code e2e.sh} when the command-line tool's own {@code generate} is not available.
 *
 * <pre>java -cp target/benchmarks.jar io.collectionstrategy.benchmarks.GeneratePortfolio 1000000 portfolio.jsonl [seed]</pre>
 */
public final class GeneratePortfolio {

    private GeneratePortfolio() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GeneratePortfolio COUNT FILE [SEED]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        BenchmarkPortfolio.portfolio(seed, count).write(file, PortfolioFormat.JSONL);
        System.err.printf("generated %d debtors (seed %d) in %s%n", count, seed, file);
    }
}
