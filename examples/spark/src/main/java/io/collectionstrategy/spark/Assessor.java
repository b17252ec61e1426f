package io.collectionstrategy.spark;

import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Assesses the records of one partition, one at a time and lazily: every record yields exactly one outcome row,
 * an assessment or an error. The rulebook arrives as a broadcast source and is compiled once per executor JVM
 * ({@link CompiledStrategies}).
 */
final class Assessor implements FlatMapFunction<Iterator<PortfolioRow>, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<Rulebook> rulebook;
    private final String asOf;
    private final String locale;

    Assessor(Broadcast<Rulebook> rulebook, LocalDate asOf, String locale) {
        this.rulebook = rulebook;
        this.asOf = asOf.toString();
        this.locale = locale;
    }

    @Override
    public Iterator<Row> call(Iterator<PortfolioRow> records) {
        RowAssessor rows = RowAssessor.of(CompiledStrategies.get(rulebook.value(),
                locale == null ? null : java.util.Locale.forLanguageTag(locale)), LocalDate.parse(asOf));
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
