package io.collectionstrategy.cli;

import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.UnreadablePortfolioException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collection-strategy} command: subcommands assess, explain, incentives, check, test, diff, generate, serve,
 * generate-outcomes and evaluate. */
@Command(name = "collection-strategy",
        mixinStandardHelpOptions = true,
        versionProvider = CollectionStrategyCli.Version.class,
        description = {"Assess overdue debtors with a Drools rulebook: debtor type, script and escalation steps; settle "
                + "receivables with the incentive policy.",
            "Field names of input and output follow the data contract, docs/contract.md."},
        subcommands = {AssessCommand.class, ExplainCommand.class, IncentivesCommand.class, CheckCommand.class, TestCommand.class,
            DiffCommand.class, NewRuleCommand.class, NewTypeCommand.class, GenerateCommand.class, ServeCommand.class, GenerateOutcomesCommand.class,
            EvaluateCommand.class, CommandLine.HelpCommand.class,
            ProfileCommand.class, DocsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every row assessed (check, test: everything passed)",
            "1:the run completed but some rows failed (check, test: a problem or a failing scenario)",
            "2:the run could not start: missing file, broken rulebook (every problem is printed as file:line: message), bad command line",
            "3:unexpected failure during the run"})
public final class CollectionStrategyCli implements java.util.concurrent.Callable<Integer> {

    private final InputStream stdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param stdin what {@code -} reads
     */
    public CollectionStrategyCli(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    /**
     * Opens a portfolio for the commands that read one.
     *
     * @param file   the path, or {@code -} for stdin
     * @param format the format, or null for the file's extension (stdin: sniffed from the first character)
     * @return the reader
     * @throws StartupException when the file is missing or unreadable
     */
    RowReader openPortfolio(String file, PortfolioFormat format) {
        try {
            return "-".equals(file) ? RowReader.read(stdin, format, "stdin") : RowReader.open(Path.of(file), format);
        } catch (UnreadablePortfolioException e) {
            throw new StartupException(e.getMessage());
        } catch (InvalidPathException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @return the rows of {@code file} for a progress bar's total, or -1 when not known (stdin, a JSON array) */
    static long countRows(String file, PortfolioFormat format) {
        return "-".equals(file) ? -1 : RowReader.countRows(Path.of(file), format);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("a command is required");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.CANNOT_START;
    }

    /**
     * A configured command line: usage errors exit 2, a run that cannot start exits 2 with its reasons, any other
     * failure exits 3.
     *
     * @param stdin what {@code -} reads
     * @return the command line; set its out and err, then {@code execute(args)}
     */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine cmd = new CommandLine(new CollectionStrategyCli(stdin));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            commandLine.getOut().flush();
            if (ex instanceof StartupException s) {
                for (String line : s.lines()) {
                    err.println(line);
                }
                err.flush();
                return ExitCodes.CANNOT_START;
            }
            err.println("collection-strategy: unexpected failure: " + ex);
            if (Boolean.getBoolean("collection-strategy.debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cmd;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CollectionStrategyCli.class.getPackage().getImplementationVersion();
            return new String[] {"collection-strategy " + (v == null ? "(development build)" : v)};
        }
    }
}
