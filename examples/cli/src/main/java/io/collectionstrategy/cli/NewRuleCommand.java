package io.collectionstrategy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.collectionstrategy.Rulebook;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code new-rule DIR --like CLS-062}: a new rule, the copy of another with the next free id, in the same file. */
@Command(name = "new-rule", mixinStandardHelpOptions = true,
        description = {"Add a rule to a rulebook directory: a copy of an existing rule with the next free id.",
            "--like ID copies that rule into its own file, with the next free id of its prefix (CLS-063 after CLS-062 "
                + "if free), the name \"TODO: describe when this rule applies\" and a comment to write why it "
                + "exists. --prefix ESC copies the last rule of the file where that prefix lives. Prints the file and "
                + "line of the new rule and what to do next. The default rulebook is read-only: copy it first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rule was added",
            "2:could not start: 'default', no such directory, no rule with that id or prefix, bad command line",
            "3:unexpected failure"})
final class NewRuleCommand implements Callable<Integer> {

    /** An id: a prefix, a hyphen, a number. */
    static final Pattern ID = Pattern.compile("([A-Z][A-Z0-9]*)-([0-9]{1,6})");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The rulebook directory (a copy, never 'default').")
    String dir;

    @Option(names = "--like", paramLabel = "ID", description = "The id of the rule to copy, e.g. CLS-062.")
    String like;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "The id prefix, e.g. ESC: copies the last rule of"
            + " that prefix.")
    String prefix;

    /** A rule as the parser sees it. */
    record Found(String id, String file, int line) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path root = writableRulebook(dir);
        if ((like == null) == (prefix == null)) {
            throw new StartupException("give --like ID (e.g. --like CLS-062) or --prefix PREFIX (e.g. --prefix ESC)");
        }
        List<Found> rules = rules(root);
        Found model;
        String idPrefix;
        if (like != null) {
            Matcher m = ID.matcher(like.trim());
            if (!m.matches()) {
                throw new StartupException("--like must be a rule id such as CLS-062, was \"" + like + "\"");
            }
            idPrefix = m.group(1);
            model = rules.stream().filter(r -> r.id().equals(like.trim())).findFirst().orElseThrow(() ->
                    new StartupException("no rule has the id " + like.trim() + " in " + dir + "; ids with the prefix "
                            + idPrefix + ": " + idsWith(rules, idPrefix)));
        } else {
            idPrefix = prefix.trim().toUpperCase(java.util.Locale.ROOT);
            model = rules.stream().filter(r -> r.id().startsWith(idPrefix + "-"))
                    .max(java.util.Comparator.comparingInt(r -> number(r.id()))).orElseThrow(() ->
                            new StartupException("no rule has the prefix " + idPrefix + " in " + dir
                                    + "; prefixes in use: " + prefixes(rules)));
        }
        String newId = nextFreeId(rules, model.id());
        int line = append(root, model, newId);
        out.printf("added rule %s \"TODO: describe when this rule applies\" at %s:%d (a copy of %s)%n", newId,
                model.file(), line, model.id());
        out.println("next:");
        out.printf("  1. edit %s:%d: its name, the comment saying why it exists, its conditions and what it writes%n",
                model.file(), line);
        out.printf("  2. add a row to scenarios/ that makes %s fire (expect.rules: %s)%n", newId, newId);
        out.printf("  3. ./collection-strategy check %s%n", dir);
        out.flush();
        return ExitCodes.OK;
    }

    /** The rulebook directory, refusing {@code default} and a missing directory. */
    static Path writableRulebook(String dir) {
        if (RulebookSource.isDefault(dir)) {
            throw new StartupException("the default rulebook is read-only: copy it first (e.g. cp -r rules/rulebook"
                    + " my-rulebook) and give the copy's directory");
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root)) {
            throw new StartupException("rulebook directory not found: " + dir);
        }
        return root;
    }

    /** Every rule with an id, by file and line, read with Drools' parser; a file that does not parse is named. */
    static List<Found> rules(Path root) {
        Rulebook rulebook;
        try {
            rulebook = Rulebook.fromDirectory(root);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new StartupException("cannot read rulebook " + root + ": " + e.getMessage());
        }
        LanguageLevelOption level = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration()
                .getOption(LanguageLevelOption.KEY);
        List<Found> found = new ArrayList<>();
        for (String path : rulebook.paths(".drl")) {
            DrlParser parser = new DrlParser(level);
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, withoutParameters(rulebook.files().get(path)));
            } catch (Exception e) {
                pkg = null;
            }
            if (pkg == null || parser.hasErrors()) {
                throw new StartupException(path + " does not parse: run ./collection-strategy check " + root
                        + " and fix it first");
            }
            for (RuleDescr rule : pkg.getRules()) {
                AnnotationDescr id = rule.getAnnotation("id");
                if (id != null && id.getSingleValue() != null) {
                    found.add(new Found(id.getSingleValue().toString().replace("\"", "").trim(), path, rule.getLine()));
                }
            }
        }
        return found;
    }

    /** A parameter, {@code ${name}}, on one line. */
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{[^}\\r\\n]*}");

    /**
     * The text with every parameter ({@code ${name}}) read as {@code 0}, lines kept: enough for Drools' parser to
     * find the rules' ids and lines (the values are checked by {@code check}, not here).
     */
    static String withoutParameters(String drl) {
        return drl.indexOf("${") < 0 ? drl : PARAMETER.matcher(drl).replaceAll("0");
    }

    /** The next id after {@code id} with its prefix that no rule of the rulebook uses, written as wide as it. */
    static String nextFreeId(List<Found> rules, String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new StartupException("rule id " + id + " is not PREFIX-NUMBER: give --like an id such as CLS-062");
        }
        TreeSet<String> used = new TreeSet<>();
        rules.forEach(r -> used.add(r.id()));
        int width = m.group(2).length();
        for (int n = Integer.parseInt(m.group(2)) + 1; ; n++) {
            String candidate = m.group(1) + "-" + String.format("%0" + width + "d", n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static int number(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static List<String> idsWith(List<Found> rules, String prefix) {
        List<String> ids = rules.stream().map(Found::id).filter(i -> i.startsWith(prefix + "-")).sorted().toList();
        return ids.isEmpty() ? List.of("none") : ids;
    }

    private static List<String> prefixes(List<Found> rules) {
        Map<String, Integer> p = new TreeMap<>();
        rules.forEach(r -> {
            Matcher m = ID.matcher(r.id());
            if (m.matches()) {
                p.merge(m.group(1), 1, Integer::sum);
            }
        });
        return new ArrayList<>(p.keySet());
    }

    /** Appends the template to the model's file; returns the line of its {@code rule} keyword. */
    private static int append(Path root, Found model, String newId) {
        Path file = root.resolve(model.file());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = text.split("\r?\n", -1);
            int start = model.line() - 1;
            int end = start;
            while (end < lines.length && !lines[end].trim().equals("end")) {
                end++;
            }
            if (start < 0 || start >= lines.length || end >= lines.length) {
                throw new StartupException(model.file() + ":" + model.line() + ": cannot find the end of rule "
                        + model.id());
            }
            StringBuilder copy = new StringBuilder();
            for (int i = start; i <= end; i++) {
                String l = lines[i];
                if (i == start) {
                    l = l.replaceFirst("rule\\s+(\"([^\"\\\\]|\\\\.)*\"|\\S+)",
                            Matcher.quoteReplacement("rule \"TODO: describe when this rule applies (" + newId + ")\""));
                }
                l = l.replace("@id(\"" + model.id() + "\")", "@id(\"" + newId + "\")");
                copy.append(l).append('\n');
            }
            StringBuilder appended = new StringBuilder();
            if (!text.endsWith("\n")) {
                appended.append('\n');
            }
            appended.append('\n').append("// TODO: why this rule exists (new-rule: a copy of ").append(model.id())
                    .append("; change its conditions and what it writes)\n");
            int ruleLine = (int) text.lines().count() + (text.endsWith("\n") || text.isEmpty() ? 0 : 1) + 2;
            appended.append(copy);
            Files.writeString(file, text + appended, StandardCharsets.UTF_8);
            return ruleLine + 1;
        } catch (IOException e) {
            throw new StartupException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
