package io.collectionstrategy.spark;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Rulebook;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One local Spark session for every test class of the run, and helpers to compare with the core API. */
abstract class SparkTestSupport {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static SparkSession spark;

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("collection-strategy-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    static Path tinyRulebookDir() {
        try {
            return Path.of(SparkTestSupport.class.getResource("/tiny-rulebook").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rulebook tinyRulebook() {
        return Rulebook.fromDirectory(tinyRulebookDir());
    }

    /** The columns of an assessment the job writes, for comparing outputs. */
    record Scored(String id, String debtorType, String situation, String scriptId, List<String> steps,
                  List<String> warnings, List<String> blocked, List<String> firedRuleIds, String rulebookName,
                  String rulebookVersion) {
    }

    static Scored scored(Assessment a) {
        return new Scored(a.id(), a.debtorType(), a.situation(), a.script() == null ? null : a.script().id(),
                a.escalation().stream().map(SparkTestSupport::step).toList(), a.warningCodes(),
                a.blocked().stream().map(b -> b.step() + "/" + b.reason() + "/" + b.rule()).toList(),
                a.firedRuleIds(), a.rulebook().name(), a.rulebook().version());
    }

    static Scored coreApi(CollectionStrategy strategy, Map<String, ?> fields) {
        return scored(strategy.assess(Debtor.fromFields(fields), AS_OF));
    }

    private static String step(EscalationStep s) {
        return s.step() + "/" + s.inDays() + "/" + s.reason();
    }

    static Scored scored(Row r) {
        List<Row> steps = r.getList(r.fieldIndex("steps"));
        List<Row> blocked = r.getList(r.fieldIndex("blocked"));
        return new Scored(r.getAs("id"), r.getAs("debtorType"), r.getAs("situation"), r.getAs("scriptId"),
                steps.stream().map(s -> s.getString(0) + "/" + s.getInt(1) + "/" + s.getString(2)).toList(),
                r.getList(r.fieldIndex("warnings")),
                blocked.stream().map(b -> b.getString(0) + "/" + b.getString(1) + "/" + b.getString(2)).toList(),
                r.getList(r.fieldIndex("firedRuleIds")), r.getAs("rulebookName"), r.getAs("rulebookVersion"));
    }
}
