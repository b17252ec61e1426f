package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox and the bounds through the command line: {@code check} refuses every hostile rulebook of core's corpus,
 * and a trusted rule that sleeps, allocates or loops for one debtor of a batch costs that debtor only.
 */
class SandboxCommandsTest {

    /** The corpus of hostile rulebooks of the core module's tests. */
    static final Path CORPUS = Path.of("..", "..", "core", "src", "test", "resources", "hostile");

    @TempDir
    Path dir;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList().stream();
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void check_hostileRulebook_failsListingTheRefusalWithFileAndLine(Path hostile) throws IOException {
        write("collection/hostile.drl", Files.readString(hostile));
        write("scripts/en.yaml", "locale: en\nscripts:\n  HELLO:\n    title: \"Hello\"\n    text: \"Hello {name}\"\n");

        Cli.Result r = Cli.run("check", dir.toString(), "--locale", "en");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("compile: FAILED").containsPattern("collection/hostile\\.drl:[1-9][0-9]*: ")
                .contains("check: FAILED");
        assertThat(System.getProperty("hostile.ran")).isNull();
    }

    @Test
    void corpus_isThere() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sleep", "allocate", "loop"})
    void assess_trustedRuleMisbehavingForOneDebtorOf200_gives199AssessmentsAndOneErrorRecord(String kind)
            throws IOException {
        assumeTrue(!kind.equals("loop") || Runtime.version().feature() < 20, "Thread.stop needs Java < 20");
        Cli.copyOfDefaultRulebook(dir);
        String consequence = switch (kind) {
            case "sleep" -> "Thread.sleep( 600_000 );";
            case "allocate" -> "long[] a = new long[Integer.MAX_VALUE]; outcome.evidence( \"X\", a.length, \"x\" );";
            default -> "while (true) { $d.id().length(); }";
        };
        write("collection/bad.drl", """
                package collection;
                import io.collectionstrategy.Debtor;
                global io.collectionstrategy.facts.Outcome outcome;

                rule "Misbehaves for one debtor"
                    @id("BAD-001")
                when
                    $d : Debtor( id == "C-0100" )
                then
                    %s
                end
                """.formatted(consequence));
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            rows.append("{\"id\":\"C-%04d\",\"daysOverdue\":%d}\n".formatted(i, i % 120));
        }
        Path input = dir.resolve("portfolio.jsonl");
        Files.writeString(input, rows, StandardCharsets.UTF_8);

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run("assess", "--rules",
                dir.toString(), "--allow-unsafe-rules", "--as-of", Cli.AS_OF, "--threads", "2", input.toString()));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(200);
        assertThat(lines).filteredOn(l -> l.contains("\"error\"")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"row\":100", "C-0100", "BAD-001"));
        assertThat(lines).filteredOn(l -> !l.contains("\"error\"")).hasSize(199);
    }
}
