package io.collectionstrategy.cli;

import io.collectionstrategy.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {

    static final Path DATA = Path.of("..", "data");
    static final String AS_OF = "2026-11-28";

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = CollectionStrategyCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes the default rulebook (from the rules jar) into a directory, as an analyst's working copy. */
    static Path copyOfDefaultRulebook(Path dir) {
        Rulebook.defaults().files().forEach((name, text) -> write(dir, name, text));
        return dir;
    }

    /** Writes a file below {@code dir}, making its folders. */
    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
