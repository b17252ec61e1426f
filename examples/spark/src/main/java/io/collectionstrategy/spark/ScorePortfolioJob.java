package io.collectionstrategy.spark;

import io.collectionstrategy.RulebookException;
import java.time.LocalDate;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark application: scores a portfolio file with a rulebook and writes assessments and errors.
 *
 * <pre>
 * spark-submit --class io.collectionstrategy.spark.ScorePortfolioJob collection-strategy-spark-&lt;version&gt;-app.jar \
 *     --input s3a://bank/portfolio/2026-11-28/ --output s3a://bank/scored/2026-11-28 --as-of 2026-11-28
 * </pre>
 *
 * <p>Exit status: 0 when every input row is either assessed or reported as an error; 1 when the counts disagree;
 * 2 for bad options, an unreadable input or a rulebook that does not compile.
 */
public final class ScorePortfolioJob {

    private ScorePortfolioJob() {
    }

    /**
     * @param args see {@link JobOptions#USAGE}
     */
    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job in a session of its own (created from {@code spark-submit}'s settings, or local when there are
     * none) and stops the session at the end.
     *
     * @param args the command line
     * @return the exit status
     */
    public static int run(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args, LocalDate.now());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(JobOptions.USAGE);
            return 2;
        }
        if (options == null) {
            System.out.print(JobOptions.USAGE);
            return 0;
        }
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("collection-strategy score " + options.input());
        if (options.master() != null) {
            builder.master(options.master());
        } else if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return run(spark, options);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job in a given session and prints the summary.
     *
     * @param spark   the session
     * @param options the options
     * @return the exit status
     */
    public static int run(SparkSession spark, JobOptions options) {
        ScoreSummary summary;
        try {
            summary = new PortfolioScorer(spark).score(options);
        } catch (RulebookException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) { // Spark's AnalysisException (e.g. the output exists) is checked in Java's eyes
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        }
        System.out.println(summary.report());
        if (!summary.consistent()) {
            System.err.println("error: rows were lost or duplicated: " + summary.input() + " read, "
                    + summary.assessed() + " assessed, " + summary.errors() + " errors");
            return 1;
        }
        return 0;
    }
}
