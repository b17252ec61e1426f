package io.collectionstrategy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code new-type DIR NAME}: the pieces of a new debtor type, each marked as a stub: an evidence rule with the next
 * free classification id, a script {@code TYPE_NAME} in every locale of {@code scripts/} (which the rulebook's build
 * refuses until its texts are written) and a scenario entry expecting the type.
 */
@Command(name = "new-type", mixinStandardHelpOptions = true,
        description = {"Add a debtor type to a rulebook directory: an evidence rule, a script in every locale and a "
                + "scenario, each a stub to complete.",
            "The evidence rule gets the next free id of the prefix of the file holding the classification rules (CLS) "
                + "and a placeholder condition that never matches; the script TYPE_NAME is added to every "
                + "scripts/*.yaml with texts the build refuses until they are written; the scenario goes to "
                + "scenarios/new-types.yaml. Prints each place and what to do next."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the type was added",
            "2:could not start: 'default', no such directory, a bad or existing type name, no classification rule",
            "3:unexpected failure"})
final class NewTypeCommand implements Callable<Integer> {

    /** The marker the build looks for in a script that is still a stub of this command. */
    static final String STUB = "(new-type stub)";

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,40}");
    private static final String PREFIX = "CLS";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The rulebook directory (a copy, never 'default').")
    String dir;

    @Parameters(index = "1", paramLabel = "NAME", description = "The type, in capitals, e.g. NEGOTIATOR.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path root = NewRuleCommand.writableRulebook(dir);
        String type = name.trim();
        if (!NAME.matcher(type).matches()) {
            throw new StartupException("the type is written in capitals, digits and _, e.g. NEGOTIATOR; was \""
                    + io.collectionstrategy.SafeText.excerpt(name) + "\"");
        }
        List<Path> scripts = scriptFiles(root);
        if (scripts.isEmpty()) {
            throw new StartupException("no scripts/*.yaml in " + dir + ": a type needs a script in every locale");
        }
        for (Path p : scripts) {
            if (read(p).contains("TYPE_" + type + ":")) {
                throw new StartupException("the type " + type + " exists already: " + root.relativize(p)
                        + " has the script TYPE_" + type);
            }
        }
        List<NewRuleCommand.Found> rules = NewRuleCommand.rules(root);
        NewRuleCommand.Found last = rules.stream().filter(r -> r.id().startsWith(PREFIX + "-"))
                .max(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.id().substring(PREFIX.length() + 1))))
                .orElseThrow(() -> new StartupException("no classification rule (id " + PREFIX + "-...) in " + dir
                        + ": new-type adds its evidence rule beside them"));
        String id = NewRuleCommand.nextFreeId(rules, last.id());
        String lower = type.toLowerCase(Locale.ROOT).replace('_', ' ');

        Path drl = root.resolve(last.file());
        int ruleLine = append(drl, "\n// TODO: why this cue points to " + article(lower) + " debtor (one cue per rule).\n"
                + "rule \"TODO: a cue that points to " + article(lower) + " debtor\"\n"
                + "    @id(\"" + id + "\")\n"
                + "when\n"
                + "    Debtor( daysOverdue < 0 )   // TODO: the cue; this placeholder never matches\n"
                + "then\n"
                + "    outcome.evidence( \"" + type + "\", 3, \"TODO: the cue, in plain words\" );\n"
                + "end\n") + 2;

        List<String> placed = new ArrayList<>();
        for (Path p : scripts) {
            int line = insertScript(p, type);
            placed.add(root.relativize(p) + ":" + line);
        }

        Path scenarios = root.resolve("scenarios/new-types.yaml");
        int scenarioLine = append(scenarios, (Files.exists(scenarios) ? "\n" : "# Cases of the types added with new-type:"
                + " complete each one (rules/README.md, \"Scenario tables\").\n")
                + "- scenario: \"TODO: " + article(lower) + " debtor " + STUB + ": describe the case\"\n"
                + "  asOf: 2026-11-28\n"
                + "  debtor: {id: T-" + type + ", daysOverdue: 20}   # TODO: the facts that make the cue\n"
                + "  expect:\n"
                + "    type: " + type + "\n"
                + "    script: TYPE_" + type + "\n"
                + "    rules: [" + id + "]\n") + (Files.exists(scenarios) ? 1 : 0);

        out.printf("added the type %s:%n", type);
        out.printf("  evidence rule %s at %s:%d%n", id, last.file(), ruleLine);
        for (String p : placed) {
            out.printf("  script TYPE_%s at %s (a stub: the rulebook does not build until it is written)%n", type, p);
        }
        out.printf("  scenario at %s:%d%n", root.relativize(scenarios), scenarioLine);
        out.println("next:");
        out.printf("  1. write the rule's cue and name (%s:%d), and more evidence rules if one cue is not enough%n",
                last.file(), ruleLine);
        out.printf("  2. write TYPE_%s in every locale: title, text, do and avoid%n", type);
        out.println("  3. make the scenario's debtor show the cue; add it to classification.tieOrder in rulebook.yaml"
                + " if it should win ties");
        out.printf("  4. ./collection-strategy check %s%n", dir);
        out.flush();
        return ExitCodes.OK;
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static List<Path> scriptFiles(Path root) {
        Path dir = root.resolve("scripts");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the stub script at the end of the file's {@code scripts:} map, before the next top-level key.
     *
     * @return the 1-based line of {@code TYPE_NAME:}
     */
    private static int insertScript(Path file, String type) {
        List<String> lines = new ArrayList<>(read(file).lines().toList());
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("scripts:")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new StartupException(file + " has no scripts: map; add one, then run new-type again");
        }
        int end = lines.size();
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#")) {
                end = i;
                break;
            }
        }
        // blank lines and top-level comments just before the next key belong to that key
        while (end > start + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
            end--;
        }
        List<String> stub = List.of("",
                "  TYPE_" + type + ":",
                "    title: \"TODO: write the title " + STUB + "\"",
                "    text: \"TODO: write what the collector says " + STUB + "\"",
                "    do:",
                "      - \"TODO: write what to do " + STUB + "\"",
                "    avoid:",
                "      - \"TODO: write what to avoid " + STUB + "\"");
        lines.addAll(end, stub);
        write(file, String.join("\n", lines) + "\n");
        return end + 2;
    }

    /** Appends text; returns the 1-based line the text starts on. */
    private static int append(Path file, String text) {
        String before = Files.exists(file) ? read(file) : "";
        if (!before.isEmpty() && !before.endsWith("\n")) {
            before += "\n";
        }
        write(file, before + text);
        return (int) before.lines().count() + 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("cannot read " + p + ": " + e.getMessage());
        }
    }

    private static void write(Path p, String text) {
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("cannot write " + p + ": " + e.getMessage());
        }
    }
}
