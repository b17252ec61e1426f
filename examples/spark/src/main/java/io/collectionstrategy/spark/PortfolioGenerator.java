package io.collectionstrategy.spark;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.StatedReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic portfolio as JSON Lines, for load tests and demonstrations. Deterministic for a seed. The
 * distributions are plausible, not calibrated: days overdue skewed to the early buckets, two in five debtors with
 * observed behaviours, about 3% with a special circumstance, and a small share of bad rows (negative days, unknown
 * values, broken promises above promises made, truncated JSON).
 *
 * <pre>
 * java -cp collection-strategy-spark-&lt;version&gt;-app.jar io.collectionstrategy.spark.PortfolioGenerator \
 *     --rows 1000000 --output portfolio.jsonl [--seed 42] [--bad-rate 0.001] [--as-of 2026-11-28]
 * </pre>
 */
public final class PortfolioGenerator {

    private static final Behaviour[] BEHAVIOURS = Behaviour.values();
    private static final Circumstance[] CIRCUMSTANCES = Circumstance.values();
    private static final StatedReason[] REASONS = StatedReason.values();
    private static final String[] CHANNELS = {"CALL", "CALL", "CALL", "SMS", "VISIT", "LETTER", "EMAIL"};

    private final SplittableRandom random;
    private final double badRate;
    private final LocalDate asOf;

    /**
     * @param seed    the random seed
     * @param badRate the share of bad rows, 0..1
     * @param asOf    the evaluation date the dates are relative to
     */
    public PortfolioGenerator(long seed, double badRate, LocalDate asOf) {
        this.random = new SplittableRandom(seed);
        this.badRate = badRate;
        this.asOf = asOf;
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
        long bad = new PortfolioGenerator(seed, badRate, asOf).write(output, rows);
        System.out.printf(Locale.ROOT, "wrote %,d debtors (%,d bad) to %s in %.1f s%n", rows, bad, output,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes the portfolio.
     *
     * @param file the JSON Lines file
     * @param rows how many debtors
     * @return how many of them are bad rows
     * @throws IOException when the file cannot be written
     */
    public long write(Path file, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(out, rows);
        }
    }

    /**
     * Writes the portfolio.
     *
     * @param out  where to
     * @param rows how many debtors
     * @return how many of them are bad rows
     * @throws IOException when writing fails
     */
    public long write(Writer out, long rows) throws IOException {
        long bad = 0;
        StringBuilder line = new StringBuilder(512);
        for (long i = 1; i <= rows; i++) {
            line.setLength(0);
            if (random.nextDouble() < badRate) {
                badDebtor(line, i);
                bad++;
            } else {
                debtor(line, i);
            }
            line.append('\n');
            out.append(line);
        }
        return bad;
    }

    /** Appends one valid debtor as a JSON object. */
    void debtor(StringBuilder s, long n) {
        int days = daysOverdue();
        int jurisdiction = random.nextInt(100);
        String jur = jurisdiction < 85 ? "CN" : jurisdiction < 93 ? "US" : "UK";
        String currency = jur.equals("CN") ? "CNY" : jur.equals("US") ? "USD" : "GBP";
        double amount = Math.exp(7.5 + random.nextDouble() * 2.5 + random.nextDouble() * 1.5);
        int promises = geometric(0.55, 5);
        int broken = promises == 0 ? 0 : random.nextInt(promises + 1);
        int attempts = Math.min(days / 3, geometric(0.2, 15));
        int reached = attempts == 0 ? 0 : random.nextInt(attempts + 1);
        s.append("{\"id\":\"C-").append(String.format(Locale.ROOT, "%08d", n)).append('"');
        s.append(",\"name\":\"Debtor ").append(n).append('"');
        s.append(",\"daysOverdue\":").append(days);
        s.append(",\"amountOverdue\":").append(String.format(Locale.ROOT, "%.2f", amount));
        s.append(",\"currency\":\"").append(currency).append('"');
        s.append(",\"jurisdiction\":\"").append(jur).append('"');
        if (random.nextInt(10) == 0) {
            s.append(",\"debtorKind\":\"BUSINESS\"");
        }
        s.append(",\"lateInstalments\":").append(geometric(0.5, 8));
        s.append(",\"promisesMade\":").append(promises).append(",\"promisesBroken\":").append(broken);
        s.append(",\"contactAttempts\":").append(attempts).append(",\"contactsReached\":").append(reached);
        if (attempts > 0) {
            s.append(",\"daysSinceLastContact\":").append(random.nextInt(Math.max(1, Math.min(days, 30))));
        }
        if (random.nextInt(100) < 55) {
            s.append(",\"statedReason\":\"").append(REASONS[1 + random.nextInt(REASONS.length - 1)]).append('"');
        }
        if (reached > 0 && random.nextInt(100) < 60) {
            s.append(",\"behaviours\":[");
            int count = 1 + (random.nextInt(3) == 0 ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
            for (int k = 0; k < count; k++) {
                s.append(k == 0 ? "" : ",").append('"').append(BEHAVIOURS[random.nextInt(BEHAVIOURS.length)]).append('"');
            }
            s.append(']');
        }
        if (random.nextInt(100) < 3) {
            s.append(",\"circumstances\":[\"").append(CIRCUMSTANCES[random.nextInt(CIRCUMSTANCES.length)]).append("\"]");
        }
        if (random.nextInt(100) < 15) {
            s.append(",\"hasGuarantor\":true");
        }
        if (random.nextInt(100) < 10) {
            s.append(",\"hasCollateral\":true");
        }
        if (days > 180 && random.nextInt(100) < 30) {
            s.append(",\"lastInterruption\":\"").append(asOf.minusDays(random.nextInt(Math.min(days, 1500)))).append('"');
        }
        if (attempts > 0 && random.nextInt(100) < 5) {
            s.append(",\"contactHistory\":[");
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                int hour = 8 + random.nextInt(13);
                s.append(k == 0 ? "" : ",").append("{\"at\":\"").append(asOf.minusDays(k))
                        .append(String.format(Locale.ROOT, "T%02d:%02d:00+08:00", hour, random.nextInt(60)))
                        .append("\",\"channel\":\"").append(CHANNELS[random.nextInt(CHANNELS.length)])
                        .append("\",\"reached\":").append(random.nextBoolean()).append('}');
            }
            s.append(']');
        }
        s.append('}');
    }

    /** Appends one bad row: valid JSON with a bad value, or a truncated line. */
    void badDebtor(StringBuilder s, long n) {
        String id = String.format(Locale.ROOT, "C-%08d", n);
        switch (random.nextInt(6)) {
            case 0 -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":-").append(1 + random.nextInt(30)).append('}');
            case 1 -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":12,\"behaviours\":[\"SHOUTS\"]}");
            case 2 -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":40,\"promisesMade\":1,\"promisesBroken\":3}");
            case 3 -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":\"forty\"}");
            case 4 -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":30,\"currency\":\"XYZ\"}");
            default -> s.append("{\"id\":\"").append(id).append("\",\"daysOverdue\":3");
        }
    }

    /** Days overdue, skewed to the early buckets: most accounts cure or roll within a month. */
    int daysOverdue() {
        int bucket = random.nextInt(100);
        if (bucket < 45) {
            return 1 + random.nextInt(30);
        }
        if (bucket < 70) {
            return 31 + random.nextInt(30);
        }
        if (bucket < 82) {
            return 61 + random.nextInt(30);
        }
        if (bucket < 92) {
            return 91 + random.nextInt(90);
        }
        if (bucket < 98) {
            return 181 + random.nextInt(540);
        }
        return 721 + random.nextInt(1500);
    }

    private int geometric(double p, int max) {
        int k = 0;
        while (k < max && random.nextDouble() > p) {
            k++;
        }
        return k;
    }
}
