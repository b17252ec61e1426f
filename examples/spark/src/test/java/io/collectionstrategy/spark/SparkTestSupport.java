package io.collectionstrategy.spark;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.Script;
import io.collectionstrategy.Warning;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** @return what the core API gives for these fields, to compare with what the job wrote */
    static Assessment coreApi(CollectionStrategy strategy, Map<String, ?> fields) {
        return strategy.assess(Debtor.fromFields(fields), AS_OF);
    }

    /**
     * Reads an assessment back from a row of the assessments output: its nested columns are the assessment's JSON
     * fields, so the row holds the whole assessment.
     */
    private static io.collectionstrategy.NextAction nextAction(Row n) {
        return n == null ? null : new io.collectionstrategy.NextAction(n.getAs("step"),
                java.time.LocalDate.parse(n.<String>getAs("on")), n.getAs("reason"), n.getAs("rule"));
    }

    private static io.collectionstrategy.StrategyInfo strategy(Row s) {
        return s == null ? null : new io.collectionstrategy.StrategyInfo(s.getAs("experiment"), s.getAs("arm"),
                s.getAs("rulebook"), s.getAs("version"));
    }

    static Assessment assessment(Row r) {
        Row s = r.getAs("script");
        Script script = s == null ? null : new Script(s.getAs("id"), s.getAs("locale"), s.getAs("title"),
                s.getAs("verify"), s.getAs("text"), s.getList(s.fieldIndex("do")), s.getList(s.fieldIndex("avoid")));
        Row book = r.getAs("rulebook");
        return new Assessment(r.getAs("id"), r.getAs("debtorType"), r.getAs("situation"), script,
                rows(r, "escalation", e -> new EscalationStep(e.getAs("step"), e.<Integer>getAs("inDays"),
                        e.getAs("reason"), e.getAs("rule"))),
                rows(r, "warnings", w -> new Warning(w.getAs("code"), w.getAs("message"), w.getAs("rule"))),
                rows(r, "blocked", b -> new BlockedStep(b.getAs("step"), b.getAs("reason"), b.getAs("rule"))),
                rows(r, "firedRules", f -> new FiredRule(f.getAs("id"), f.getAs("name"))),
                new RulebookInfo(book.getAs("name"), book.getAs("version")),
                rows(r, "evidence", e -> new Evidence(e.getAs("type"), e.<Integer>getAs("points"), e.getAs("cue"),
                        e.getAs("rule"))), nextAction(r.getAs("nextAction")), strategy(r.getAs("strategy")));
    }

    private static <T> List<T> rows(Row r, String column, Function<Row, T> read) {
        List<Row> items = r.getList(r.fieldIndex(column));
        return items.stream().map(read).toList();
    }
}
