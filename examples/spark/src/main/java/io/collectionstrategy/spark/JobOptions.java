package io.collectionstrategy.spark;

import io.collectionstrategy.examples.portfolio.ExperimentFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The settings of one scoring run.
 *
 * @param input          a file, a directory of files, or a glob; local, HDFS, S3, ... (any Hadoop file system)
 * @param output         the output directory; assessments go to {@code <output>/assessments}, bad rows to
 *                       {@code <output>/errors}
 * @param inputFormat    the input format, or {@code null} to tell by the file extension
 * @param outputFormat   the output format
 * @param rulebookDir    a rulebook directory on the driver's file system, or {@code null} for the default rulebook
 * @param asOf           the evaluation date, the same for every row
 * @param locale         the script locale, e.g. {@code en}, or {@code null} for the library default ({@code zh-CN})
 * @param partitions     how many partitions to spread the rows over before assessing, or 0 to keep the input's
 * @param overwrite      whether to replace an existing output directory
 * @param master         the Spark master when not set by {@code spark-submit}, or {@code null}
 * @param experiment     the experiment to run, its arms' rulebooks on the driver's file system, or {@code null} to
 *                       assess every row with the one rulebook
 */
public record JobOptions(String input, String output, InputFormat inputFormat, OutputFormat outputFormat,
                         String rulebookDir, LocalDate asOf, String locale, int partitions, boolean overwrite,
                         String master, ExperimentFile experiment) {

    /** The usage text of the command line. */
    public static final String USAGE = """
            Usage: spark-submit --class io.collectionstrategy.spark.ScorePortfolioJob collection-strategy-spark-<version>-app.jar \\
                     --input <path> --output <dir> [options]

              --input <path>          portfolio file, directory or glob (Parquet, CSV or JSON Lines; any Hadoop file system)
              --output <dir>          writes <dir>/assessments and <dir>/errors
              --format <f>            input format: parquet | csv | jsonl (default: by file extension)
              --output-format <f>     parquet (default) | json | csv
              --rulebook <dir>        rulebook directory on the driver (default: the rulebook in the jar)
              --as-of <date>          evaluation date, ISO yyyy-mm-dd (default: today on the driver)
              --locale <tag>          script locale, e.g. en or zh-CN (default: zh-CN)
              --partitions <n>        spread the rows over n partitions before assessing (default: as read)
              --overwrite             replace the output directory if it exists
              --master <url>          Spark master when not given by spark-submit (default: local[*])
              --challenger <dir>      run an experiment: the challenger's rulebook directory on the driver; the
                                      champion is --rulebook (default: the rulebook in the jar); needs --share, --experiment
              --share <percent>       the challenger's share of the cases, e.g. 20
              --experiment <name>     the experiment's name; with the case id it decides each case's arm
              --experiment-file <f>   an experiment of several arms (YAML or JSON on the driver; see docs/experiments.md)
              --help                  print this text
            """;

    /** Checks the required settings. */
    public JobOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(asOf, "asOf");
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be at least 0, was " + partitions);
        }
    }

    /**
     * Options without an experiment.
     *
     * @param input        the input path
     * @param output       the output directory
     * @param inputFormat  the input format, or null
     * @param outputFormat the output format
     * @param rulebookDir  the rulebook directory, or null
     * @param asOf         the evaluation date
     * @param locale       the script locale, or null
     * @param partitions   the partitions, or 0
     * @param overwrite    whether to overwrite
     * @param master       the Spark master, or null
     */
    public JobOptions(String input, String output, InputFormat inputFormat, OutputFormat outputFormat,
                      String rulebookDir, LocalDate asOf, String locale, int partitions, boolean overwrite,
                      String master) {
        this(input, output, inputFormat, outputFormat, rulebookDir, asOf, locale, partitions, overwrite, master, null);
    }

    /**
     * Options with defaults: format by extension, Parquet output, default rulebook, default locale.
     *
     * @param input  the input path
     * @param output the output directory
     * @param asOf   the evaluation date
     * @return the options
     */
    public static JobOptions of(String input, String output, LocalDate asOf) {
        return new JobOptions(input, output, null, OutputFormat.PARQUET, null, asOf, null, 0, false, null);
    }

    /** @param format the input format @return a copy with it */
    public JobOptions withInputFormat(InputFormat format) {
        return new JobOptions(input, output, format, outputFormat, rulebookDir, asOf, locale, partitions, overwrite,
                master, experiment);
    }

    /** @param format the output format @return a copy with it */
    public JobOptions withOutputFormat(OutputFormat format) {
        return new JobOptions(input, output, inputFormat, format, rulebookDir, asOf, locale, partitions, overwrite,
                master, experiment);
    }

    /** @param dir the rulebook directory @return a copy with it */
    public JobOptions withRulebookDir(String dir) {
        return new JobOptions(input, output, inputFormat, outputFormat, dir, asOf, locale, partitions, overwrite,
                master, experiment);
    }

    /** @param tag the script locale @return a copy with it */
    public JobOptions withLocale(String tag) {
        return new JobOptions(input, output, inputFormat, outputFormat, rulebookDir, asOf, tag, partitions, overwrite,
                master, experiment);
    }

    /** @param n the number of partitions @return a copy with it */
    public JobOptions withPartitions(int n) {
        return new JobOptions(input, output, inputFormat, outputFormat, rulebookDir, asOf, locale, n, overwrite,
                master, experiment);
    }

    /** @param value whether to overwrite @return a copy with it */
    public JobOptions withOverwrite(boolean value) {
        return new JobOptions(input, output, inputFormat, outputFormat, rulebookDir, asOf, locale, partitions, value,
                master, experiment);
    }

    /** @param e the experiment, or null @return a copy with it */
    public JobOptions withExperiment(ExperimentFile e) {
        return new JobOptions(input, output, inputFormat, outputFormat, rulebookDir, asOf, locale, partitions, overwrite,
                master, e);
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @param today the default evaluation date
     * @return the options, or {@code null} when {@code --help} was asked for
     * @throws IllegalArgumentException naming the bad or missing option
     */
    public static JobOptions parse(String[] args, LocalDate today) {
        String input = null;
        String output = null;
        InputFormat format = null;
        OutputFormat outputFormat = OutputFormat.PARQUET;
        String rulebook = null;
        LocalDate asOf = today;
        String locale = null;
        int partitions = 0;
        boolean overwrite = false;
        String master = null;
        String challenger = null;
        String share = null;
        String experiment = null;
        String experimentFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--overwrite" -> overwrite = true;
                case "--input", "--output", "--format", "--output-format", "--rulebook", "--as-of", "--locale",
                     "--partitions", "--master", "--challenger", "--share", "--experiment", "--experiment-file" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--input" -> input = value;
                        case "--output" -> output = value;
                        case "--format" -> format = InputFormat.parse(value);
                        case "--output-format" -> outputFormat = OutputFormat.parse(value);
                        case "--rulebook" -> rulebook = value;
                        case "--as-of" -> asOf = date(value);
                        case "--locale" -> locale = value;
                        case "--partitions" -> partitions = integer(value);
                        case "--challenger" -> challenger = value;
                        case "--share" -> share = value;
                        case "--experiment" -> experiment = value;
                        case "--experiment-file" -> experimentFile = value;
                        default -> master = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option \"" + args[i] + "\"");
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("--input is required");
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        return new JobOptions(input, output, format, outputFormat, rulebook, asOf, locale, partitions, overwrite, master,
                experiment(rulebook, challenger, share, experiment, experimentFile));
    }

    private static ExperimentFile experiment(String rulebook, String challenger, String share, String name,
                                             String file) {
        if (file != null) {
            if (challenger != null || share != null || name != null || rulebook != null) {
                throw new IllegalArgumentException("--experiment-file names the experiment and every arm's rulebook"
                        + " and share: give it without --rulebook, --challenger, --share and --experiment");
            }
            return ExperimentFile.read(Path.of(file));
        }
        if (challenger == null && share == null && name == null) {
            return null;
        }
        if (challenger == null || share == null || name == null) {
            throw new IllegalArgumentException("an experiment needs --challenger <dir>, --share <percent> and"
                    + " --experiment <name> together (or --experiment-file <file>)");
        }
        double percent;
        try {
            percent = Double.parseDouble(share.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--share must be a percentage such as 20, was \"" + share + "\"");
        }
        try {
            return ExperimentFile.twoArms(name, rulebook == null ? ExperimentFile.DEFAULT_RULEBOOK : rulebook,
                    challenger, percent);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("the share of arm challenger", "--share"));
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be an ISO date such as 2026-11-28, was \"" + value + "\"");
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--partitions must be a whole number, was \"" + value + "\"");
        }
    }
}
