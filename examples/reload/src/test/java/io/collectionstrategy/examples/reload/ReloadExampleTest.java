package io.collectionstrategy.examples.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Rulebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadExampleTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void copyDefaultRulebook() throws IOException {
        for (Map.Entry<String, String> file : Rulebook.defaults().files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private int run(String... args) throws InterruptedException {
        return ReloadExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_defaultRulebook_printsTypeFirstStepAndVersion() throws Exception {
        copyDefaultRulebook();

        int code = run(dir.toString(), "--every", "0.05", "--count", "2");

        assertThat(code).isZero();
        String version = Rulebook.fromDirectory(dir).version();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("case C-1001")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("type EVASIVE", "first step ", "[rulebook default " + version + "]"));
    }

    @Test
    void run_brokenRulebook_exitsWithProblemAndLine() throws Exception {
        copyDefaultRulebook();
        Files.writeString(dir.resolve("collection/broken.drl"), "package collection;\n\nrule \"broken\"\n    @id(\"X-1\")\nwhen\n    Debtor(\nthen\nend\n");

        int code = run(dir.toString(), "--count", "1");

        assertThat(code).isEqualTo(ReloadExample.BROKEN_RULEBOOK);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("collection/broken.drl:");
    }

    @Test
    void run_badArguments_printsUsage() throws Exception {
        assertThat(run("--count")).isEqualTo(ReloadExample.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ");
    }
}
