package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.examples.portfolio.ExperimentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --challenger DIR --share PERCENT --experiment NAME} or {@code --experiment-file FILE}: assess with a champion
 * and challengers side by side (see {@link io.collectionstrategy.experiment.ExperimentStrategy}).
 */
final class ExperimentOptions {

    @Option(names = "--challenger", paramLabel = "DIR",
            description = "Run an experiment: the challenger's rulebook directory. The champion is --rules (default:"
                    + " the default rulebook). Needs --share and --experiment.")
    String challenger;

    @Option(names = "--share", paramLabel = "PERCENT",
            description = "The challenger's share of the cases in percent, more than 0 and less than 100, e.g. 20.")
    Double share;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "The experiment's name (letters, digits, '.', '_', '-'). With the case id it decides each"
                    + " case's arm: keep it to keep every case in its arm on every run.")
    String experiment;

    @Option(names = "--experiment-file", paramLabel = "FILE",
            description = "Run an experiment of several arms described in a YAML or JSON file (experiment, champion,"
                    + " challengers with name, rulebook and share; see docs/experiments.md).")
    Path experimentFile;

    /** @return true when an experiment was asked for */
    boolean active() {
        return challenger != null || share != null || experiment != null || experimentFile != null;
    }

    /**
     * @param engine the engine options (the champion's {@code --rules}, the locale, the sandbox)
     * @return the experiment's strategy, or the plain strategy of {@code --rules} when no experiment was asked for
     * @throws StartupException when the options do not fit together, a file is missing or a rulebook does not compile
     */
    CollectionStrategy strategy(EngineOptions engine) {
        if (!active()) {
            return engine.strategy();
        }
        ExperimentFile plan = plan(engine.rules);
        Map<String, Rulebook> rulebooks;
        try {
            rulebooks = plan.loadRulebooks();
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        try {
            return plan.strategy(rulebooks, engine.locale(), engine.allowUnsafeRules);
        } catch (RulebookException e) {
            throw new StartupException(RulebookSource.problemLines(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StartupException("cannot run experiment " + plan.experiment().name() + ": " + e.getMessage());
        }
    }

    private ExperimentFile plan(String rules) {
        if (experimentFile != null) {
            if (challenger != null || share != null || experiment != null || rules != null) {
                throw new StartupException("--experiment-file names the experiment and every arm's rulebook and share:"
                        + " give it without --rules, --challenger, --share and --experiment");
            }
            if (!Files.isRegularFile(experimentFile)) {
                throw new StartupException("experiment file not found: " + experimentFile);
            }
            try {
                return ExperimentFile.read(experimentFile);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage());
            }
        }
        if (challenger == null || share == null || experiment == null) {
            throw new StartupException("an experiment needs --challenger DIR, --share PERCENT and --experiment NAME"
                    + " together (or --experiment-file FILE); missing: "
                    + String.join(", ", missing()));
        }
        if (!Files.isDirectory(Path.of(challenger))) {
            throw new StartupException("challenger rulebook directory not found: " + challenger);
        }
        if (rules != null && !RulebookSource.isDefault(rules) && !Files.isDirectory(Path.of(rules))) {
            throw new StartupException("rulebook directory not found: " + rules);
        }
        try {
            return ExperimentFile.twoArms(experiment, rules == null ? ExperimentFile.DEFAULT_RULEBOOK : rules,
                    challenger, share);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage().replace("the share of arm challenger", "--share"));
        }
    }

    private java.util.List<String> missing() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (challenger == null) {
            missing.add("--challenger");
        }
        if (share == null) {
            missing.add("--share");
        }
        if (experiment == null) {
            missing.add("--experiment");
        }
        return missing;
    }
}
