package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way of running the job without a Spark distribution, after {@code package}: {@code score-local} on
 * the application jar and target/spark.cp just built, in a JVM of its own, exactly as a user types it.
 */
class ScoreLocalIT {

    @Test
    void scoreLocal_smallPortfolio_assessesEveryGoodRowAndListsTheBadOne(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path input = dir.resolve("portfolio.jsonl");
        Files.writeString(input, """
                {"id": "L-1", "daysOverdue": 27, "contactAttempts": 8, "contactsReached": 1, "behaviours": ["AVOIDS_CONTACT"]}
                {"id": "L-2", "daysOverdue": -3}
                {"id": "L-3", "daysOverdue": 3}
                """, StandardCharsets.UTF_8);
        Path output = dir.resolve("scored");
        Path log = dir.resolve("job.log");
        Process job = new ProcessBuilder("bash", System.getProperty("collectionstrategy.spark.launcher"),
                "--master", "local[1]", "--input", input.toString(), "--output", output.toString(),
                "--as-of", "2026-11-28", "--output-format", "json")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(job.waitFor(4, TimeUnit.MINUTES)).as("score-local finished").isTrue();
        String printed = Files.readString(log);
        assertThat(job.exitValue()).as(printed).isZero();
        assertThat(printed).contains("input = assessed + errors: OK");
        assertThat(lines(output.resolve("assessments"))).hasSize(2).allMatch(l -> l.contains("\"debtorType\""));
        assertThat(lines(output.resolve("errors"))).singleElement().asString()
                .contains("L-2", "daysOverdue must be between 0 and 36500, was -3");
    }

    private static List<String> lines(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(l -> !l.isBlank()).toList();
        }
    }
}
