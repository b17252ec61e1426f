package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate --assessments A.jsonl --outcomes O.jsonl}: recovery and other rates per arm, and their tests. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate an experiment: join its assessments (each names its arm in 'strategy') with what "
                + "became of the cases, and compare every challenger with the champion.",
            "Per arm: cases, recovery rate (sum paid / sum overdue), cure rate (paid in full), promise-kept rate and "
                + "complaint rate, each with a 95% confidence interval. Per challenger: the difference from the "
                + "champion with its interval, test, p-value and the minimum detectable effect at 80% power.",
            "The amount overdue of a case comes from its outcome record (amountOverdue) or from --portfolio.",
            "Prints a table (or JSON with --json) on stdout; --html FILE also writes a self-contained page with charts."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "2:a file is missing or has bad rows (each is named with its line, field and value), "
                + "or the options do not fit", "3:unexpected failure"})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--assessments", required = true, paramLabel = "FILE",
            description = "The experiment's assessments: JSON Lines from 'assess' with --challenger or --experiment-file.")
    Path assessments;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE",
            description = "The outcomes, JSON Lines: {id, paidAmount, paidOn, promiseKept, complaint[, amountOverdue]} per "
                    + "case (docs/contract.md).")
    Path outcomes;

    @Option(names = "--portfolio", paramLabel = "FILE",
            description = "The portfolio the cases were assessed from: the amounts overdue of outcomes that do not give one.")
    Path portfolio;

    @Option(names = "--champion", paramLabel = "ARM", defaultValue = "champion",
            description = "The champion arm, which every other arm is compared with (default: ${DEFAULT-VALUE}).")
    String champion;

    @Option(names = "--json", description = "Print the evaluation as JSON instead of a table.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page.")
    Path html;

    @Override
    public Integer call() throws IOException {
        ExperimentCases.Assessments cases = ExperimentCases.readAssessments(assessments);
        Map<String, CaseOutcome> results = CaseOutcome.read(outcomes);
        Map<String, ExperimentCases.CaseFacts> facts = portfolio == null ? Map.of()
                : ExperimentCases.readPortfolio(portfolio);
        Evaluation evaluation = Evaluation.of(cases, results, facts, champion);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            EvaluationReport.json(g, evaluation);
            g.flush();
            out.println();
        } else {
            out.print(EvaluationReport.table(evaluation));
        }
        out.flush();
        if (html != null) {
            try {
                if (html.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(html.toAbsolutePath().getParent());
                }
                try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                    w.write(EvaluationReport.html(evaluation));
                }
            } catch (IOException e) {
                throw new StartupException("cannot write " + html + ": " + e);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote " + html);
            err.flush();
        }
        return ExitCodes.OK;
    }
}
