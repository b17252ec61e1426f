package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-outcomes --assessments A.jsonl --effect +3pp}: simulated outcomes with a known effect. */
@Command(name = "generate-outcomes", mixinStandardHelpOptions = true,
        description = {"Simulate what became of the cases of an experiment, with a known effect on the recovery rate of "
                + "the challengers: to try 'evaluate' and to see what a test can find.",
            "One outcome per assessed case, JSON Lines {id, paidAmount, paidOn, promiseKept, complaint, amountOverdue}, "
                + "deterministic for --seed. The baseline model depends on the debtor type and situation of each "
                + "assessment and, with --portfolio, on the case's amount and days overdue (docs/experiments.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:generated", "2:a file is missing or bad, or the options do not fit", "3:unexpected failure"})
final class GenerateOutcomesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--assessments", required = true, paramLabel = "FILE",
            description = "The experiment's assessments (JSON Lines from 'assess' with an experiment).")
    Path assessments;

    @Option(names = "--portfolio", paramLabel = "FILE",
            description = "The portfolio the cases came from: their amounts and days overdue. Without it each case's "
                    + "amount is drawn as the synthetic generator draws it.")
    Path portfolio;

    @Option(names = "--effect", paramLabel = "PP", defaultValue = "0pp",
            description = "The effect on the recovery rate of the treated arms, in percentage points: +3pp, -1.5pp, 0pp "
                    + "(default: ${DEFAULT-VALUE}).")
    String effect;

    @Option(names = "--arm", paramLabel = "ARM",
            description = "An arm the effect applies to; repeat for several (default: every arm but the champion).")
    List<String> arms;

    @Option(names = "--champion", paramLabel = "ARM", defaultValue = "champion",
            description = "The champion arm, untreated unless named by --arm (default: ${DEFAULT-VALUE}).")
    String champion;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The evaluation date of the assessments: payments fall in the --window days after it "
                    + "(default: today).")
    LocalDate asOf;

    @Option(names = "--window", paramLabel = "DAYS", defaultValue = "30",
            description = "The length of the measured period in days (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        double planted;
        try {
            planted = OutcomeModel.parseEffect(effect);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (window < 1 || window > 3650) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window must be 1 to 3650 days, was " + window);
        }
        ExperimentCases.Assessments cases = ExperimentCases.readAssessments(assessments);
        Set<String> treated = treatedArms(cases);
        Map<String, ExperimentCases.CaseFacts> facts = portfolio == null ? Map.of()
                : ExperimentCases.readPortfolio(portfolio);
        OutcomeModel model = new OutcomeModel(seed, asOf == null ? LocalDate.now() : asOf, window);

        Writer writer = open();
        double[] base = new double[2];     // sum of expected recovery without the effect, sum of amounts (treated)
        double[] withEffect = new double[1];
        long notInPortfolio = 0;
        try {
            JsonGenerator g = RowReader.JSON.getFactory().createGenerator(writer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            for (ExperimentCases.AssessedCase c : cases.cases()) {
                ExperimentCases.CaseFacts f = facts.get(c.id());
                if (portfolio != null && f == null) {
                    notInPortfolio++;
                }
                boolean treat = treated.contains(c.arm());
                CaseOutcome o = model.simulate(c, f == null ? null : f.amountOverdue(),
                        f == null ? null : f.daysOverdue(), treat ? planted : 0, treat ? p -> {
                            base[0] += p.base();
                            withEffect[0] += p.treated();
                        } : null);
                if (treat) {
                    base[1] += o.amountOverdue().doubleValue();
                }
                o.write(g);
                g.writeRaw('\n');
            }
            g.flush();
        } finally {
            if (out != null) {
                writer.close();
            } else {
                writer.flush();
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "generated %,d outcomes (seed %d)%s%n", cases.cases().size(), seed,
                out == null ? "" : " in " + out);
        if (base[1] > 0) {
            err.printf(Locale.ROOT, "planted effect on recovery in %s: %+.2fpp expected (%.2f%% -> %.2f%%)%n",
                    String.join(", ", treated), 100 * (withEffect[0] - base[0]) / base[1], 100 * base[0] / base[1],
                    100 * withEffect[0] / base[1]);
        }
        if (notInPortfolio > 0) {
            err.printf(Locale.ROOT, "%,d assessed cases are not in the portfolio: their amounts were drawn%n",
                    notInPortfolio);
        }
        err.flush();
        return ExitCodes.OK;
    }

    private Set<String> treatedArms(ExperimentCases.Assessments cases) {
        List<String> known = cases.arms();
        if (arms != null && !arms.isEmpty()) {
            for (String a : arms) {
                if (!known.contains(a)) {
                    throw new StartupException("--arm " + a + " is not an arm of the assessments; their arms are "
                            + known);
                }
            }
            return new LinkedHashSet<>(arms);
        }
        if (!known.contains(champion)) {
            throw new StartupException("the assessments have no arm " + champion + " (their arms are " + known
                    + "): name the champion with --champion ARM or the treated arms with --arm ARM");
        }
        List<String> others = new ArrayList<>(known);
        others.remove(champion);
        others.sort(null);
        return new LinkedHashSet<>(others);
    }

    private Writer open() {
        if (out == null) {
            return spec.commandLine().getOut();
        }
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            return new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new StartupException("cannot write " + out + ": " + e);
        }
    }
}
