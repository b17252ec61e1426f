package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.MergedStep;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.SafeText;
import io.collectionstrategy.Warning;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain}: one debtor, a readable account of its assessment. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain one debtor: type and evidence, rules, script, steps, warnings.",
            "Explain the assessment of one debtor: its type and the evidence for it, the rules that fired, "
                + "the situation, the script with what to do and avoid, the steps with their reasons, warnings and "
                + "blocked steps.",
            "The debtor is a JSON object given as the argument, '-' for stdin, or found by --id in --file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:explained",
            "1:the debtor's facts are not valid (the error names field, value and what was expected)",
            "2:could not start: no such file or id, broken rulebook, bad command line",
            "3:unexpected failure"})
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    CollectionStrategyCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "JSON|-", description = "The debtor as a JSON object, or - for stdin.")
        String json;

        @ArgGroup(exclusive = false)
        ById byId;
    }

    static final class ById {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "The case id to explain.")
        String id;

        @Option(names = "--file", required = true, paramLabel = "FILE",
                description = "The portfolio (JSON Lines, JSON or CSV) holding the debtor.")
        String file;
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = AssessCommand.InputFormatConverter.class,
            description = "Format of --file: jsonl, json or csv (default: by extension).")
    PortfolioFormat format;

    @Option(names = "--as-scenario",
            description = "Print the case as a scenario entry (YAML, for scenarios/*.yaml) expecting what it got now:"
                    + " type, situation, script, steps, warnings and fired rules. The name is left out.")
    boolean asScenario;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = engine.locale();
        LocalDate asOf = engine.asOf();
        PortfolioRow row = findRow();
        CollectionStrategy strategy = engine.strategy();
        ProcessedRow outcome = ProcessedRow.of(engine.rows(strategy), row);
        if (!outcome.ok()) {
            err.println(SafeText.escape("cannot explain " + (row.id() == null ? "the debtor" : row.id()) + ": "
                    + outcome.error()));
            return ExitCodes.FAILED;
        }
        if (asScenario) {
            out.print(scenario(outcome.assessment(), row.parsed().fields(), engine.at, asOf,
                    engine.locale == null ? null : locale.toLanguageTag()));
            out.flush();
            return ExitCodes.OK;
        }
        io.collectionstrategy.Debtor debtor = io.collectionstrategy.Debtor.fromFields(row.parsed().fields()
                .entrySet().stream().filter(e -> !engine.ignoreUnknown || io.collectionstrategy.Debtor.FIELDS.contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
        List<MergedStep> merged = (engine.at != null ? strategy.authoring().trace(debtor, engine.at, locale)
                : strategy.authoring().trace(debtor, asOf, locale)).mergedSteps();
        print(out, outcome.assessment(), asOf, strategy.authoring().rules(), strategy.authoring().minimumPoints(),
                row.parsed().fields(), merged);
        printParameters(out, outcome.assessment(), strategy.authoring().parameters());
        printTimeline(out, debtor, outcome.assessment());
        out.flush();
        return ExitCodes.OK;
    }

    private PortfolioRow findRow() throws IOException {
        if (source.json != null) {
            String text = source.json;
            if ("-".equals(text)) {
                InputStream in = parent.stdin();
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return RowReader.parseLine("--json", 1, text.strip());
        }
        try (RowReader reader = parent.openPortfolio(source.byId.file, format)) {
            while (reader.hasNext()) {
                PortfolioRow r = reader.next().parsed();
                if (source.byId.id.equals(r.id())) {
                    return r;
                }
            }
        }
        throw new StartupException("no debtor with id " + source.byId.id + " in " + source.byId.file);
    }

    /**
     * The rulebook's parameters ({@code parameters:} of {@code rulebook.yaml}) that the fired rules read, with their
     * values: the numbers an analyst would change to move this case. Nothing when the rulebook declares none.
     */
    static void printParameters(PrintWriter out, Assessment a, List<io.collectionstrategy.RuleParameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        java.util.Set<String> fired = new java.util.HashSet<>(a.firedRuleIds());
        out.println("Parameters the fired rules read (rulebook.yaml, parameters:):");
        boolean any = false;
        for (io.collectionstrategy.RuleParameter p : parameters) {
            List<String> readers = p.rules().stream().filter(fired::contains).toList();
            if (readers.isEmpty()) {
                continue;
            }
            String bounds = p.min() == null && p.max() == null ? "" : " (allowed " + (p.min() == null ? "up to "
                    + p.max().toPlainString() : p.max() == null ? "from " + p.min().toPlainString()
                    : p.min().toPlainString() + " to " + p.max().toPlainString()) + ")";
            out.printf("  %-28s %s%s  read by %s%s%n", SafeText.escape(p.name()), p.text(), bounds,
                    String.join(", ", readers), p.about().isBlank() ? "" : "  - " + SafeText.escape(p.about()));
            any = true;
        }
        if (!any) {
            out.println("  none (no fired rule reads a parameter)");
        }
        out.println();
    }

    /** The step proposals that lost to a sooner (or as soon, earlier) proposal of the same step. */
    static void printMerged(PrintWriter out, List<MergedStep> merged) {
        out.println("Merged (the same step proposed again; the soonest proposal counts):");
        if (merged.isEmpty()) {
            out.println("  none");
        }
        for (MergedStep m : merged) {
            out.println("  " + SafeText.escape(m.step()) + " in " + days(m.inDays())
                    + (m.rule() == null ? "" : " [" + SafeText.escape(m.rule()) + "]")
                    + (m.reason().isEmpty() ? "" : ": " + SafeText.escape(m.reason()))
                    + " -> kept " + (m.keptRule() == null ? "the proposal" : SafeText.escape(m.keptRule()) + "'s")
                    + " in " + days(m.keptInDays()));
        }
        out.println();
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** The timeline the assessment used (actions, promises, payments) and the next action it gives. */
    static void printTimeline(PrintWriter out, io.collectionstrategy.Debtor d, Assessment a) {
        out.println("Timeline:");
        if (d.actions().isEmpty() && d.promises().isEmpty() && d.payments().isEmpty()) {
            out.println("  nothing recorded (no actions, promises or payments)");
        }
        d.actions().stream().sorted(java.util.Comparator.comparing(io.collectionstrategy.Action::on)).forEach(x ->
                out.printf("  %s  action   %s%s%n", x.on(), x.step(), x.served() ? " (served)" : ""));
        d.promises().stream().sorted(java.util.Comparator.comparing(io.collectionstrategy.Promise::made)).forEach(p ->
                out.printf("  %s  promise  %s due %s%s%n", p.made(), p.amount() == null ? "payment" : p.amount().toPlainString(),
                        p.due(), p.status() == null ? " (status derived by the engine)" : " (" + p.status() + ")"));
        d.payments().stream().sorted(java.util.Comparator.comparing(io.collectionstrategy.Payment::on)).forEach(p ->
                out.printf("  %s  payment  %s%n", p.on(), p.amount().toPlainString()));
        out.println();
        out.println("Next action:");
        if (a.nextAction() == null) {
            out.println("  none");
        } else {
            out.printf("  %s on %s: %s  [%s]%n", SafeText.escape(a.nextAction().step()), a.nextAction().on(),
                    SafeText.escape(a.nextAction().reason()),
                    a.nextAction().rule());
        }
        out.println();
    }

    static void print(PrintWriter out, Assessment a, LocalDate asOf, List<RuleInfo> rules) {
        print(out, a, asOf, rules, java.util.OptionalInt.empty(), null, null);
    }

    /**
     * The case as one entry of a YAML scenario table: its date, the debtor as given (without the fields that identify a
     * person) and what it got now as the expectation, so that a later rule change that alters it fails the table.
     */
    static String scenario(Assessment a, Map<String, ?> fields, java.time.OffsetDateTime at, LocalDate asOf,
                           String locale) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("scenario", a.id() + " as assessed on " + asOf + " (check each expectation before keeping it)");
        if (at != null) {
            entry.put("at", at.toString());
        } else {
            entry.put("asOf", asOf.toString());
        }
        if (locale != null) {
            entry.put("locale", locale);
        }
        Map<String, Object> debtor = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!PERSONAL.contains(k) && v != null) {
                debtor.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : v);
            }
        });
        entry.put("debtor", debtor);
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("type", a.debtorType());
        expect.put("situation", a.situation() == null ? "none" : a.situation());
        expect.put("script", a.script() == null ? "none" : a.script().id());
        expect.put("steps", a.escalation().stream().map(st -> st.step() + "@" + st.inDays()).toList());
        if (!a.warningCodes().isEmpty()) {
            expect.put("warnings", a.warningCodes());
        }
        expect.put("rules", a.firedRuleIds());
        entry.put("expect", expect);
        try {
            com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
            return "# " + SafeText.escape(a.id()) + (fields.containsKey("name") ? ": the name is left out" : "") + "\n"
                    + yaml.writeValueAsString(List.of(entry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario: " + e.getOriginalMessage(), e);
        }
    }

    /** The fields that are never shown, only said to be given: they identify a person. */
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("name");

    /**
     * The debtor's facts as given, in the contract's order: what the rules saw. A name is only said to be given;
     * lists are counted; texts are escaped and cut short.
     */
    static void printInput(PrintWriter out, Map<String, ?> fields) {
        out.println("Input:");
        List<String> order = new ArrayList<>(io.collectionstrategy.Debtor.FIELDS);
        for (String k : fields.keySet()) {
            if (!order.contains(k)) {
                order.add(k);
            }
        }
        boolean any = false;
        for (String k : order) {
            if (!fields.containsKey(k) || fields.get(k) == null) {
                continue;
            }
            Object v = fields.get(k);
            String shown;
            if (PERSONAL.contains(k)) {
                shown = "(given, not shown)";
            } else if (v instanceof List<?> list) {
                boolean plain = list.stream().allMatch(x -> x instanceof String || x instanceof Number);
                shown = plain && list.size() <= 12 ? "[" + SafeText.excerpt(String.join(", ",
                        list.stream().map(String::valueOf).toList())) + "]"
                        : list.size() + (list.size() == 1 ? " entry" : " entries");
            } else if (v instanceof Map<?, ?> m) {
                shown = m.size() + (m.size() == 1 ? " field" : " fields");
            } else {
                shown = SafeText.excerpt(String.valueOf(v), !k.equals("id")); // case ids are not personal data
            }
            out.printf("  %-22s %s%n", SafeText.escape(k), shown);
            any = true;
        }
        if (!any) {
            out.println("  no fields");
        }
        out.println();
    }

    /**
     * As {@link #print(PrintWriter, Assessment, LocalDate, List)}, with the input facts after the heading, and saying
     * how many points a type needs and how far each type with evidence falls short (the near misses).
     *
     * @param fields the debtor's fields as given, or null to leave the input out
     */
    static void print(PrintWriter out, Assessment a, LocalDate asOf, List<RuleInfo> rules,
                      java.util.OptionalInt minimumPoints, Map<String, ?> fields) {
        print(out, a, asOf, rules, minimumPoints, fields, null);
    }

    /**
     * As {@link #print(PrintWriter, Assessment, LocalDate, List, java.util.OptionalInt, Map)}, with the step proposals
     * merged into a sooner one after the escalation ({@code Authoring.trace}).
     *
     * @param merged the merged proposals, or null when they are not known: the section is then left out rather than
     *               saying none
     */
    static void print(PrintWriter out, Assessment a, LocalDate asOf, List<RuleInfo> rules,
                      java.util.OptionalInt minimumPoints, Map<String, ?> fields, List<MergedStep> merged) {
        Map<String, RuleInfo> byId = new HashMap<>();
        for (RuleInfo r : rules) {
            byId.putIfAbsent(r.id(), r);
        }
        out.printf("Debtor %s, assessed as of %s with rulebook %s (%s)%n%n", a.id(), asOf, a.rulebook().name(),
                a.rulebook().version());
        if (fields != null) {
            printInput(out, fields);
        }

        out.printf("Type: %s%n", a.debtorType());
        Map<String, Integer> points = new LinkedHashMap<>();
        for (Evidence e : a.evidence()) {
            points.merge(e.type(), e.points(), Integer::sum);
        }
        if (points.isEmpty()) {
            out.println("  no evidence for any type");
        } else {
            List<Map.Entry<String, Integer>> totals = new ArrayList<>(points.entrySet());
            totals.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Integer> t : totals) {
                sb.append(sb.length() == 0 ? "" : ", ").append(t.getKey()).append(' ').append(t.getValue());
                if (minimumPoints.isPresent() && t.getValue() < minimumPoints.getAsInt()) {
                    int shortBy = minimumPoints.getAsInt() - t.getValue();
                    sb.append(" (").append(shortBy).append(shortBy == 1 ? " point" : " points").append(" short)");
                }
            }
            out.printf("  points by type%s: %s%n", minimumPoints.isPresent()
                    ? " (a type needs " + minimumPoints.getAsInt() + ")" : "", sb);
            out.println("  evidence:");
            List<Evidence> evidence = new ArrayList<>(a.evidence());
            evidence.sort(Comparator.comparing((Evidence e) -> -points.get(e.type())).thenComparing(Evidence::type)
                    .thenComparing(e -> -e.points()));
            for (Evidence e : evidence) {
                out.printf("    %-16s %+3d  %-44s %s%n", SafeText.escape(e.type()), e.points(), SafeText.escape(e.cue()), e.rule());
            }
        }
        out.println();

        out.printf("Situation: %s%n%n", a.situation() == null ? "none (normal treatment)" : a.situation());

        if (a.script() == null) {
            out.println("Script: none chosen");
        } else {
            out.printf("Script: %s (%s)%s%n", a.script().id(), a.script().locale(),
                    a.script().title() == null || a.script().title().isBlank() ? "" : " - " + a.script().title());
            if (!a.script().verify().isBlank()) {
                out.println("  First, check you are speaking with the right person:");
                for (String line : a.script().verify().strip().split("\n")) {
                    out.println("    " + line);
                }
                out.println("  Then:");
            }
            for (String line : a.script().text().strip().split("\n")) {
                out.println("    " + line);
            }
            if (!a.script().doPoints().isEmpty()) {
                out.println("  Do:");
                a.script().doPoints().forEach(p -> out.println("    + " + p));
            }
            if (!a.script().avoid().isEmpty()) {
                out.println("  Avoid:");
                a.script().avoid().forEach(p -> out.println("    - " + p));
            }
        }
        out.println();

        out.println("Escalation:");
        if (a.escalation().isEmpty()) {
            out.println("  no step recommended");
        }
        for (EscalationStep s : a.escalation()) {
            out.printf("  in %3d days  %-22s %s%s%n", s.inDays(), SafeText.escape(s.step()), SafeText.escape(s.reason()),
                    s.rule() == null ? "" : "  [" + s.rule() + "]");
        }
        out.println();
        if (merged != null) {
            printMerged(out, merged);
        }

        out.println("Warnings:");
        if (a.warnings().isEmpty()) {
            out.println("  none");
        }
        for (Warning w : a.warnings()) {
            out.printf("  %s: %s%s%n", SafeText.escape(w.code()), SafeText.escape(w.message()), w.rule() == null ? "" : "  [" + w.rule() + "]");
        }
        out.println();

        out.println("Blocked:");
        if (a.blocked().isEmpty()) {
            out.println("  none");
        }
        for (BlockedStep b : a.blocked()) {
            out.printf("  %s: %s%s%n", SafeText.escape(b.step()), SafeText.escape(b.reason()), b.rule() == null ? "" : "  [proposed by " + b.rule() + "]");
        }
        out.println();

        out.printf("Fired rules (%d, in firing order):%n", a.firedRules().size());
        for (FiredRule r : a.firedRules()) {
            RuleInfo info = byId.get(r.id());
            out.printf("  %-9s %s%s%n", r.id(), r.name(), info == null ? "" : "  (" + info.file() + ":" + info.line() + ")");
        }
    }
}
