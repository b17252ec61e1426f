package io.collectionstrategy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docs DIR --html FILE}: a read-only page of a rulebook. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Write a read-only HTML page of a rulebook: settings, rules, scripts, scenario tables.",
            "Writes a page of a collection rulebook for those who read but do not edit it: its name, description, "
                + "version and settings (rulebook.yaml); every rule with its file, id, name, the comment above it and "
                + "its when and then parts as written; the scripts side by side in every locale, part by part, with "
                + "the variants per jurisdiction; the scenario tables with their row counts. The page is "
                + "self-contained: it opens in any browser without a network."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:could not start: missing directory, broken rulebook, file not writable, bad command line",
            "3:unexpected failure"})
final class DocsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The rulebook: a directory, or 'default'.")
    String rules;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The page to write.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!RulebookSource.kind(rules, null).equals(RulebookSource.COLLECTION)) {
            throw new StartupException("docs describes collection rulebooks; " + rules + " is of another kind");
        }
        // any locale of the catalogue compiles it; the page shows every locale
        String locale = RulebookSource.source(rules, RulebookSource.COLLECTION).paths(".yaml").stream()
                .filter(p -> p.startsWith("scripts/") && p.indexOf('/', "scripts/".length()) < 0)
                .map(p -> p.substring("scripts/".length(), p.length() - ".yaml".length())).findFirst().orElse("en");
        var strategy = RulebookSource.build(rules, RulebookSource.locale(locale));
        String page = RulebookPage.html(strategy.authoring().source(), strategy.authoring().rules(),
                RulebookSource.isDefault(rules) ? RulebookSource.DEFAULT
                        : Path.of(rules).toAbsolutePath().normalize().toString());
        try {
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("cannot write " + html + ": " + e.getMessage());
        }
        err.println("wrote " + html);
        err.flush();
        return ExitCodes.OK;
    }
}
