package io.collectionstrategy.cli;

import io.collectionstrategy.Authoring;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.check.ScenarioCoverage;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ThresholdHint;
import io.collectionstrategy.incentives.IncentivePolicy;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check DIR}: compile, lint and run the scenarios of a rulebook directory. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a rulebook directory: compile, lint, run its scenarios.",
            "Compile it and print every error as file:line: message (the text lint refuses impersonation, false legal "
                + "or credit claims, threats, third-party contact, shaming and insults in every script part, reason "
                + "and rule text: --show-lint prints its patterns); lint it "
                + "(scripts chosen without a text in every locale, scripts no rule uses; rule @ids are unique or the "
                + "rulebook does not compile); run the scenario tables in its scenarios/ directory (CSV and YAML); "
                + "warn of every rule that fires in no scenario (a failure with --strict) and hint at numbers in "
                + "rules' conditions that no scenario tests on both sides (never a failure).",
            "The word 'default' checks the default rulebook; with --kind incentives, the default incentive policy. A "
                + "directory whose rulebook.yaml says kind: incentives is checked as an incentive policy."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rulebook compiles, lints clean and passes its scenarios",
            "1:a compile error, a lint problem or a failing scenario (each printed as file:line: message); with "
                + "--strict also a rule that fires in no scenario",
            "2:could not start: no such directory, bad command line",
            "3:unexpected failure"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The rulebook directory, or 'default'.")
    String dir;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Locale the engine is built with (default: ${DEFAULT-VALUE}); lint covers every locale.")
    String locale;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "collection or incentives: which default rulebook 'default' means; a directory's kind is in its "
                    + "rulebook.yaml.")
    String kind;

    @Option(names = "--strict",
            description = "A rule that fires in no scenario is a failure (exit code 1), not a warning.")
    boolean strict;

    /** What check needs of a compiled rulebook, whatever its kind; the strategy only for a collection rulebook. */
    private record Compiled(Authoring authoring, RulebookInfo info, List<Locale> locales, CollectionStrategy strategy) {
    }

    @Option(names = "--show-lint",
            description = "First print the text lint's patterns in force for this rulebook (built in, plus its "
                    + "lint/script-lint.yaml): per locale and kind of harm, the patterns and the word sets they use.")
    boolean showLint;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!RulebookSource.isDefault(dir) && !Files.isDirectory(Path.of(dir))) {
            throw new StartupException("rulebook directory not found: " + dir);
        }
        if (showLint) {
            try {
                printLint(RulebookSource.isDefault(dir) ? Rulebook.defaults() : Rulebook.fromDirectory(Path.of(dir)), out);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                throw new StartupException("cannot read rulebook " + dir + ": " + e.getMessage());
            }
        }
        Locale loc = RulebookSource.locale(locale);
        String rulebookKind = RulebookSource.kind(dir, kind);
        Compiled strategy;
        try {
            if (rulebookKind.equals(RulebookSource.INCENTIVES)) {
                IncentivePolicy policy = IncentivePolicy.builder().rulebook(RulebookSource.source(dir, rulebookKind))
                        .locale(loc).build();
                strategy = new Compiled(policy.authoring(), policy.rulebook(), policy.locales(), null);
            } else {
                CollectionStrategy built = CollectionStrategy.builder().rulebook(RulebookSource.source(dir, rulebookKind))
                        .locale(loc).build();
                strategy = new Compiled(built.authoring(), built.rulebook(), built.locales(), built);
            }
        } catch (RulebookException e) {
            out.printf("compile: FAILED, %d %s%n", e.problems().size(), e.problems().size() == 1 ? "problem" : "problems");
            for (RulebookProblem p : e.problems()) {
                out.println(p);
            }
            out.println("check: FAILED (the rulebook does not compile; lint and scenarios not run)");
            out.flush();
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new StartupException("cannot read rulebook " + dir + ": " + e.getMessage());
        }
        List<RuleInfo> rules = strategy.authoring().rules();
        long files = rules.stream().map(RuleInfo::file).distinct().count();
        out.printf("compile: OK, %srulebook %s %s: %d rules in %d files, locales %s%n",
                rulebookKind.equals(RulebookSource.COLLECTION) ? "" : rulebookKind + " ", strategy.info().name(),
                strategy.info().version(), rules.size(), files,
                strategy.locales().stream().map(Locale::toLanguageTag).toList());

        List<RulebookProblem> lint = strategy.authoring().lint();
        if (lint.isEmpty()) {
            out.println("lint: OK");
        } else {
            out.printf("lint: %d %s%n", lint.size(), lint.size() == 1 ? "problem" : "problems");
            lint.forEach(out::println);
        }

        ScenarioReport report = strategy.authoring().runScenarios();
        int failed = report.failures().size();
        out.printf("scenarios: %d run, %d passed, %d failed%n", report.results().size(),
                report.results().size() - failed, failed);
        report.problems().forEach(out::println);

        List<RulebookProblem> unfired = ScenarioCoverage.unfiredRules(rules, report);
        if (unfired.isEmpty()) {
            out.println("coverage: every rule fires in some scenario");
        } else {
            out.printf("coverage: %d %s in no scenario%s%n", unfired.size(), unfired.size() == 1 ? "rule fires" : "rules fire",
                    strict ? " (a failure with --strict)" : " (warnings; --strict makes them failures)");
            unfired.forEach(p -> out.println((strict ? "" : "warning: ") + p));
        }
        if (strategy.strategy() != null) {
            List<ThresholdHint> hints = ScenarioCoverage.untestedThresholds(strategy.strategy(), report);
            if (hints.isEmpty()) {
                out.println("thresholds: every number in the rules' conditions is tested on both sides");
            } else {
                out.printf("thresholds: %d %s not tested on both sides (hints, never a failure)%n", hints.size(),
                        hints.size() == 1 ? "number is" : "numbers are");
                List<io.collectionstrategy.RuleParameter> parameters = strategy.strategy().authoring().parameters();
                hints.forEach(h -> out.println("hint: " + h.message() + parameterOf(h, parameters)));
            }
        }

        boolean ok = lint.isEmpty() && failed == 0 && (!strict || unfired.isEmpty());
        out.println("check: " + (ok ? "PASSED" : "FAILED"));
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * The text lint's patterns in force, per locale and kind: word sets first (what {@code @name} stands for), then
     * each kind with its patterns; the two kinds that apply to some texts only say so.
     */
    private static void printLint(Rulebook rulebook, PrintWriter out) {
        out.println("text lint in force (built in" + (rulebook.files().containsKey("lint/script-lint.yaml")
                ? ", plus lint/script-lint.yaml" : "") + "): every script part, reason and rule text is checked against"
                + " every locale's patterns");
        for (Map.Entry<String, Map<String, List<String>>> locale : rulebook.textLint().entrySet()) {
            out.println(locale.getKey() + ":");
            for (Map.Entry<String, List<String>> kind : locale.getValue().entrySet()) {
                if (kind.getKey().startsWith("words.")) {
                    out.printf("  @%s = %s%n", kind.getKey().substring("words.".length()),
                            String.join(" | ", kind.getValue()));
                }
            }
            for (Map.Entry<String, List<String>> kind : locale.getValue().entrySet()) {
                if (kind.getKey().startsWith("words.")) {
                    continue;
                }
                String scope = switch (kind.getKey()) {
                    case "timeBarred" -> " (only scripts whose id has TIME_BARRED or PRESCRIBED)";
                    case "verifyDisclosure" -> " (only the verify part of scripts)";
                    default -> "";
                };
                out.printf("  %s%s, %d patterns:%n", kind.getKey(), scope, kind.getValue().size());
                kind.getValue().forEach(p -> out.println("    " + p));
            }
        }
        out.println();
    }

    /** Names the parameter a hint's number comes from: one its rule reads, with that value. */
    static String parameterOf(ThresholdHint h, List<io.collectionstrategy.RuleParameter> parameters) {
        return parameters.stream().filter(p -> p.rules().contains(h.ruleId()) && p.value().compareTo(h.value()) == 0)
                .map(p -> " (the number is parameter " + p.name() + " of rulebook.yaml)").findFirst().orElse("");
    }
}
