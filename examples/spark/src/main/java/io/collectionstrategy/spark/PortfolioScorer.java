package io.collectionstrategy.spark;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.to_json;

/**
 * Scores a portfolio on Spark: reads the records, assesses each one on the executors and writes the assessments
 * and the errors, then checks from the written output that every input record is accounted for.
 */
public final class PortfolioScorer {

    private final SparkSession spark;

    /** @param spark the session to run in */
    public PortfolioScorer(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * The rulebook the options ask for: the directory given with {@code --rulebook}, else the default rulebook of
     * the {@code collection-strategy-rules} jar.
     *
     * @param options the options
     * @return the rulebook source
     */
    public static Rulebook rulebook(JobOptions options) {
        return options.rulebookDir() == null ? Rulebook.defaults() : Rulebook.fromDirectory(Path.of(options.rulebookDir()));
    }

    /**
     * Runs with the rulebook the options name.
     *
     * @param options the options
     * @return the counts
     */
    public ScoreSummary score(JobOptions options) {
        if (options.experiment() != null) {
            return score(options, options.experiment().loadRulebooks());
        }
        return score(options, rulebook(options));
    }

    /**
     * Runs with the given rulebook.
     *
     * @param options  the options (its rulebook directory and experiment are ignored)
     * @param rulebook the rulebook
     * @return the counts, taken from the written output
     * @throws io.collectionstrategy.RulebookException when the rulebook does not compile (checked on the driver
     *                                                 before any row is read)
     * @throws IllegalArgumentException when the input cannot be read as a portfolio
     */
    public ScoreSummary score(JobOptions options, Rulebook rulebook) {
        return score(options.withExperiment(null), java.util.Map.of("", rulebook));
    }

    /**
     * Runs with the given rulebooks: the one rulebook under the key {@code ""}, or, with {@link JobOptions#experiment()},
     * every arm's rulebook by arm name.
     */
    private ScoreSummary score(JobOptions options, java.util.Map<String, Rulebook> rulebooks) {
        long start = System.nanoTime();
        // Compile on the driver first: a broken rulebook fails here with its problems listed, not in every task.
        CollectionStrategy check = Assessor.strategy(rulebooks, options.experiment(), options.locale());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<java.util.Map<String, Rulebook>> shipped = jsc.broadcast(new java.util.LinkedHashMap<>(rulebooks));

        JavaRDD<PortfolioRow> records = new PortfolioReader(spark).read(options.input(), options.inputFormat());
        if (options.partitions() > 0) {
            records = records.repartition(options.partitions());
        }
        long input = records.count();

        JavaRDD<Row> outcomeRows = records.mapPartitions(new Assessor(shipped, options.experiment(), options.asOf(),
                options.locale()));
        Dataset<Row> outcomes = spark.createDataFrame(outcomeRows, OutputRows.OUTCOME)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            String assessmentsPath = options.output() + "/assessments";
            String errorsPath = options.output() + "/errors";
            SaveMode mode = options.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            write(outcomes.filter(col("assessed")).select(OutputRows.assessmentColumns()), options.outputFormat(),
                    mode, assessmentsPath);
            write(outcomes.filter(col("assessed").equalTo(false)).select(OutputRows.errorColumns()),
                    options.outputFormat(), mode, errorsPath);
            long assessed = countWritten(assessmentsPath, OutputRows.ASSESSMENT, options.outputFormat());
            long errors = countWritten(errorsPath, OutputRows.ERROR, options.outputFormat());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new ScoreSummary(input, assessed, errors, millis, check.rulebook().name(),
                    check.rulebook().version(), assessmentsPath, errorsPath);
        } finally {
            outcomes.unpersist();
            shipped.destroy();
        }
    }

    private static void write(Dataset<Row> rows, OutputFormat format, SaveMode mode, String path) {
        Dataset<Row> out = rows;
        if (format == OutputFormat.CSV) {
            out = flatten(rows);
        }
        var writer = out.write().mode(mode).format(format.sparkName());
        if (format == OutputFormat.CSV) {
            writer = writer.option("header", true).option("escape", "\"");
        } else if (format == OutputFormat.JSON) {
            // the contract writes nulls (situation, script, a warning's rule), it does not leave the field out
            writer = writer.option("ignoreNullFields", false);
        }
        writer.save(path);
    }

    /**
     * CSV has no nested values: a list of plain strings becomes {@code A|B}, any other list or struct (the script,
     * the steps, warnings, rulebook, evidence) its JSON text.
     */
    static Dataset<Row> flatten(Dataset<Row> rows) {
        StructType schema = rows.schema();
        Column[] columns = new Column[schema.fields().length];
        for (int i = 0; i < columns.length; i++) {
            StructField f = schema.fields()[i];
            Column c = col(f.name());
            if (f.dataType() instanceof ArrayType array) {
                c = array.elementType() == DataTypes.StringType ? concat_ws("|", c) : to_json(c);
            } else if (f.dataType() instanceof StructType) {
                c = to_json(c);
            }
            columns[i] = c.as(f.name());
        }
        return rows.select(columns);
    }

    /** Counts what was actually written, so the final check covers the write too. */
    private long countWritten(String path, StructType schema, OutputFormat format) {
        DataFrameReader reader = spark.read();
        return switch (format) {
            case PARQUET -> reader.schema(schema).parquet(path).count();
            case JSON -> reader.text(path).count();
            case CSV -> reader.schema(flatSchema(schema)).option("header", true).option("escape", "\"")
                    .option("multiLine", true).csv(path).count();
        };
    }

    private static StructType flatSchema(StructType schema) {
        StructType flat = new StructType();
        for (StructField f : schema.fields()) {
            boolean nested = f.dataType() instanceof ArrayType || f.dataType() instanceof StructType;
            flat = flat.add(f.name(), nested ? DataTypes.StringType : f.dataType(), true);
        }
        return flat;
    }
}
