package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
        Cli.Result a = Cli.run("generate", "--count", "200", "--seed", "42");
        Cli.Result b = Cli.run("generate", "--count", "200", "--seed", "42");
        Cli.Result c = Cli.run("generate", "--count", "200", "--seed", "43");

        assertThat(a.exitCode()).isZero();
        assertThat(a.lines()).hasSize(200);
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.out()).isNotEqualTo(c.out());
    }

    @Test
    void generate_portfolio_isAssessedWithoutErrorsAndCoversTheTypes() throws Exception {
        Path file = tmp.resolve("p.jsonl");
        Cli.run("generate", "--count", "1000", "--seed", "5", "--out", file.toString());

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF, "--output-format", "csv");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("1000 assessed, 0 errors").contains("PROVOCATIVE").contains("EVASIVE")
                .contains("VICTIM").contains("CONFIDENT").contains("STUBBORN").contains("SOPHISTICATED")
                .contains("SERIAL_PROMISER").contains("UNCLASSIFIED");
    }

    @Test
    void generate_csvWithBadRows_givesErrorRecordsInPlace() throws Exception {
        Path file = tmp.resolve("p.csv");
        Cli.Result g = Cli.run("generate", "--count", "500", "--seed", "3", "--format", "csv", "--bad-rows", "0.1",
                "--out", file.toString());
        assertThat(g.exitCode()).isZero();

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(500);
        long errors = lines.stream().filter(l -> l.startsWith("{\"row\":")).count();
        assertThat(errors).isBetween(25L, 80L);
        assertThat(Files.readAllLines(file).get(0)).startsWith("id,name,daysOverdue");
    }

    @Test
    void generate_jsonlWithBadRows_includesMalformedJson() {
        Cli.Result g = Cli.run("generate", "--count", "400", "--seed", "9", "--bad-rows", "0.2");

        assertThat(g.lines()).hasSize(400);
        assertThat(g.lines()).anyMatch(l -> !l.endsWith("}"));
    }
}
