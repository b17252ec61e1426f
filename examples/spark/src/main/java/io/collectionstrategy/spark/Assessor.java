package io.collectionstrategy.spark;

import io.collectionstrategy.AssessmentException;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Assesses the records of one partition, one at a time and lazily: every record yields exactly one outcome row,
 * an assessment or an error. The rulebook arrives as a broadcast source and is compiled once per executor JVM
 * ({@link StrategyCache}).
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
        CollectionStrategy strategy = StrategyCache.get(rulebook.value(), locale);
        LocalDate date = LocalDate.parse(asOf);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                return assess(strategy, date, records.next());
            }
        };
    }

    static Row assess(CollectionStrategy strategy, LocalDate asOf, PortfolioRow unparsed) {
        PortfolioRow record = unparsed.parsed();
        if (!record.readable()) {
            return Outcomes.failed(record, Outcomes.MALFORMED_RECORD, null, null, record.malformed());
        }
        try {
            Debtor debtor = Debtor.fromFields(record.fields());
            return Outcomes.assessed(record, strategy.assess(debtor, asOf));
        } catch (InvalidDebtorException e) {
            return Outcomes.failed(record, Outcomes.INVALID_DEBTOR, e.field(), null, e.getMessage());
        } catch (AssessmentException e) {
            return Outcomes.failed(record, Outcomes.ASSESSMENT_FAILED, null, e.ruleId(), e.getMessage());
        } catch (RuntimeException e) {
            return Outcomes.failed(record, Outcomes.ASSESSMENT_FAILED, null, null, e.toString());
        }
    }
}
