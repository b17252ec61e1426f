package io.collectionstrategy.spark;

import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a synthetic portfolio as JSON Lines, for load tests and demonstrations: the examples' shared
 * {@link SyntheticPortfolio}, deterministic for a seed, with a share of bad rows (out-of-range and wrong-typed
 * values, unknown enum values and fields, missing fields, malformed JSON). Dates in the rows lie before
 * {@code --as-of}.
 *
 * <pre>
 * java -cp collection-strategy-spark-&lt;version&gt;-app.jar io.collectionstrategy.spark.PortfolioGenerator \
 *     --rows 1000000 --output portfolio.jsonl [--seed 42] [--bad-rate 0.001] [--as-of 2026-11-28]
 * </pre>
 */
public final class PortfolioGenerator {

    private PortfolioGenerator() {
    }

    /**
     * @param args {@code --rows N --output FILE [--seed S] [--bad-rate R] [--as-of DATE]}
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long rows = 1_000_000;
        Path output = null;
        long seed = 42;
        double badRate = 0.001;
        LocalDate asOf = LocalDate.now();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--output" -> output = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--bad-rate" -> badRate = Double.parseDouble(args[i + 1]);
                case "--as-of" -> asOf = LocalDate.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (output == null) {
            System.err.println("usage: PortfolioGenerator --rows N --output FILE [--seed S] [--bad-rate R] [--as-of DATE]");
            System.exit(2);
        }
        long start = System.nanoTime();
        long bad = new SyntheticPortfolio(seed, rows).withBadRows(badRate).withReferenceDate(asOf)
                .write(output, PortfolioFormat.JSONL);
        System.out.printf(Locale.ROOT, "wrote %,d debtors (%,d bad) to %s in %.1f s%n", rows, bad, output,
                (System.nanoTime() - start) / 1e9);
    }
}
