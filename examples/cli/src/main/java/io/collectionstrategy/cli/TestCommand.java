package io.collectionstrategy.cli;

import io.collectionstrategy.Authoring;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ScenarioResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code test DIR|FILE}: run scenario tables against a rulebook, print a pass/fail table. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run scenario tables against a rulebook: a pass/fail table.",
            "Run scenario tables (CSV: debtor fields plus expect.* columns) against a rulebook and print "
                + "a pass/fail table with expected vs actual for each failure.",
            "DIR runs every .csv below it. An incentive rulebook (kind: incentives in its rulebook.yaml, or --kind "
                + "incentives for the default policy) runs incentive scenario tables: receivable fields, period, year "
                + "and expect.reward, expect.penalty, expect.net, expect.expenseFreeze, ..."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every scenario passed",
            "1:a scenario failed, or none was found",
            "2:could not start: no such file, broken rulebook, bad command line",
            "3:unexpected failure"})
final class TestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE", description = "A scenario table (.csv) or a directory of them.")
    Path scenarios;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rulebook directory to test (default: the default rulebook).")
    String rules;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Locale of rows without their own (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "collection or incentives: which default rulebook 'default' (or no --rules) means.")
    String kind;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(scenarios)) {
            throw new StartupException("scenario file or directory not found: " + scenarios);
        }
        Locale loc = RulebookSource.locale(locale);
        Authoring authoring;
        RulebookInfo info;
        if (RulebookSource.kind(rules, kind).equals(RulebookSource.INCENTIVES)) {
            var policy = RulebookSource.policy(rules, loc, false);
            authoring = policy.authoring();
            info = policy.rulebook();
        } else {
            var strategy = RulebookSource.build(rules, loc);
            authoring = strategy.authoring();
            info = strategy.rulebook();
        }
        ScenarioReport report;
        try {
            report = authoring.runScenarios(scenarios);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new StartupException("cannot read scenarios " + scenarios + ": " + e.getMessage());
        }
        out.printf("rulebook %s %s%n", info.name(), info.version());
        if (report.results().isEmpty()) {
            out.println("no scenarios found in " + scenarios);
            out.flush();
            return ExitCodes.FAILED;
        }
        int width = Math.min(60, Math.max(8, report.results().stream().mapToInt(r -> r.scenario().length()).max().orElse(8)));
        String format = "%-6s %-" + width + "s %s%n";
        out.printf(format, "RESULT", "SCENARIO", "WHERE");
        for (ScenarioResult r : report.results()) {
            out.printf(format, r.passed() ? "PASS" : "FAIL", RecordWriter.Table.cut(r.scenario(), width),
                    r.file() + ":" + r.line());
            for (String failure : r.failures()) {
                out.println("         " + failure);
            }
        }
        int failed = report.failures().size();
        out.printf("%d scenarios: %d passed, %d failed%n", report.results().size(), report.results().size() - failed,
                failed);
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
