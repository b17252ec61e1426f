package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.Debtor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated portfolio as JSON Lines, for {@code e2e.sh} when the command-line tool's own
 * {@code generate} is not available.
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
        Portfolio portfolio = Portfolio.stream(seed);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder(512);
            for (long i = 0; i < count; i++) {
                line.setLength(0);
                json(portfolio.next(), line);
                w.append(line).append('\n');
            }
        }
        System.err.printf("generated %d debtors (seed %d) in %s%n", count, seed, file);
    }

    static void json(Debtor d, StringBuilder out) {
        out.append("{\"id\":\"").append(d.id()).append("\",\"name\":\"").append(d.name())
                .append("\",\"daysOverdue\":").append(d.daysOverdue())
                .append(",\"amountOverdue\":").append(d.amountOverdue().toPlainString())
                .append(",\"currency\":\"").append(d.currency())
                .append("\",\"debtorKind\":\"").append(d.debtorKind())
                .append("\",\"lateInstalments\":").append(d.lateInstalments())
                .append(",\"promisesMade\":").append(d.promisesMade())
                .append(",\"promisesBroken\":").append(d.promisesBroken())
                .append(",\"contactAttempts\":").append(d.contactAttempts())
                .append(",\"contactsReached\":").append(d.contactsReached());
        if (d.daysSinceLastContact() != null) {
            out.append(",\"daysSinceLastContact\":").append(d.daysSinceLastContact());
        }
        out.append(",\"statedReason\":\"").append(d.statedReason()).append("\",\"behaviours\":[");
        boolean first = true;
        for (Behaviour b : Behaviour.values()) {
            if (d.showed(b)) {
                out.append(first ? "\"" : ",\"").append(b).append('"');
                first = false;
            }
        }
        out.append("],\"circumstances\":[");
        first = true;
        for (Circumstance c : Circumstance.values()) {
            if (d.has(c)) {
                out.append(first ? "\"" : ",\"").append(c).append('"');
                first = false;
            }
        }
        out.append("],\"hasGuarantor\":").append(d.hasGuarantor())
                .append(",\"hasCollateral\":").append(d.hasCollateral())
                .append(",\"jurisdiction\":\"").append(d.jurisdiction()).append("\"}");
    }
}
