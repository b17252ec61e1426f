package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorePortfolioJobTest extends SparkTestSupport {

    @TempDir
    Path dir;

    private String captured(Runnable action) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_rulebookDirectoryAndBadRow_exitZeroAndPrintsCheck() throws IOException {
        Path input = dir.resolve("p.jsonl");
        Files.writeString(input, "{\"id\":\"C-1\",\"daysOverdue\":3}\n{\"id\":\"C-2\",\"daysOverdue\":-3}\n");
        JobOptions options = JobOptions.parse(new String[] {"--input", input.toString(), "--output",
                dir.resolve("out").toString(), "--rulebook", tinyRulebookDir().toString(), "--as-of", "2026-11-28",
                "--locale", "en"}, AS_OF);
        int[] status = new int[1];

        String printed = captured(() -> status[0] = ScorePortfolioJob.run(spark(), options));

        assertThat(status[0]).isZero();
        assertThat(printed).contains("input       2 rows").contains("assessed    1").contains("errors      1")
                .contains("input = assessed + errors: OK").contains("tiny-rulebook");
    }

    @Test
    void run_unknownCsvColumn_exitTwo() throws IOException {
        Path input = dir.resolve("p.csv");
        Files.writeString(input, "id,daysOverdue,colour\nC-1,3,red\n");
        JobOptions options = JobOptions.of(input.toString(), dir.resolve("out").toString(), AS_OF)
                .withRulebookDir(tinyRulebookDir().toString());

        assertThat(ScorePortfolioJob.run(spark(), options)).isEqualTo(2);
    }

    @Test
    void run_badCommandLine_exitTwoWithoutSpark() {
        assertThat(ScorePortfolioJob.run(new String[] {"--input", "x"})).isEqualTo(2);
        assertThat(ScorePortfolioJob.run(new String[] {"--help"})).isZero();
    }
}
