package io.collectionstrategy.spark;

import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import io.collectionstrategy.examples.portfolio.ExperimentFile;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Assesses the records of one partition, one at a time and lazily: every record yields exactly one outcome row,
 * an assessment or an error. The rulebook arrives as a broadcast source and is compiled once per executor JVM
 * ({@link CompiledStrategies}). In an experiment every arm's rulebook arrives so, and each record is assessed by the
 * arm its case id is assigned to ({@link io.collectionstrategy.experiment.ExperimentStrategy}, the same assignment as
 * the library's and the command-line tool's).
 */
final class Assessor implements FlatMapFunction<Iterator<PortfolioRow>, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<java.util.Map<String, Rulebook>> rulebooks;
    private final ExperimentFile experiment;
    private final String asOf;
    private final String locale;

    /**
     * @param rulebooks  the one rulebook under the key {@code ""}, or every arm's rulebook by arm name
     * @param experiment the experiment, or null
     * @param asOf       the evaluation date
     * @param locale     the script locale, or null
     */
    Assessor(Broadcast<java.util.Map<String, Rulebook>> rulebooks, ExperimentFile experiment, LocalDate asOf,
             String locale) {
        this.rulebooks = rulebooks;
        this.experiment = experiment;
        this.asOf = asOf.toString();
        this.locale = locale;
    }

    /** @return the strategy the options and the shipped rulebooks make, compiled once per JVM */
    static CollectionStrategy strategy(java.util.Map<String, Rulebook> rulebooks, ExperimentFile experiment,
                                       String locale) {
        java.util.Locale l = locale == null ? null : java.util.Locale.forLanguageTag(locale);
        return experiment == null ? CompiledStrategies.get(rulebooks.get(""), l)
                : experiment.strategy(rulebooks, l, false);
    }

    @Override
    public Iterator<Row> call(Iterator<PortfolioRow> records) {
        RowAssessor rows = RowAssessor.of(strategy(rulebooks.value(), experiment, locale), LocalDate.parse(asOf));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                return assess(rows, records.next());
            }
        };
    }

    static Row assess(RowAssessor rows, PortfolioRow unparsed) {
        PortfolioRow record = unparsed.parsed();
        if (!record.readable()) {
            return OutputRows.failed(record, OutputRows.MALFORMED_RECORD, null, null, record.malformed());
        }
        RowResult result = rows.assess(record.fields());
        if (result.ok()) {
            return OutputRows.assessed(record, result.assessment());
        }
        RowResult.Failure f = result.failure();
        return OutputRows.failed(record, f.kind().name(), f.field(), f.rule(), f.message());
    }
}
