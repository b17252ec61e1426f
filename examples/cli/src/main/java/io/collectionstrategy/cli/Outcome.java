package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.AssessmentException;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * What became of one input row: its assessment, or the error that takes its place.
 *
 * @param row        the input row
 * @param assessment the assessment, or null
 * @param error      the error naming field, value and what was expected, or null
 * @param rendered   the assessment's output record, rendered on the worker thread, or null
 */
record Outcome(InputRow row, Assessment assessment, String error, String rendered) {

    Outcome(InputRow row, Assessment assessment, String error) {
        this(row, assessment, error, null);
    }

    /** @return this outcome with its rendered output record */
    Outcome rendered(String record) {
        return new Outcome(row, assessment, error, record);
    }

    static Outcome of(CollectionStrategy strategy, InputRow unparsed, LocalDate asOf, Locale locale) {
        return of(strategy, unparsed, asOf, null, locale, false);
    }

    /**
     * @param at            the evaluation time, or null to assess on {@code asOf} without a time of day
     * @param ignoreUnknown drop fields that are not debtor fields instead of rejecting the row
     */
    static Outcome of(CollectionStrategy strategy, InputRow unparsed, LocalDate asOf, OffsetDateTime at, Locale locale,
                      boolean ignoreUnknown) {
        InputRow row = unparsed.parsed();
        if (!row.readable()) {
            return new Outcome(row, null, row.error());
        }
        Debtor debtor;
        try {
            Map<String, Object> fields = row.fields();
            if (ignoreUnknown && !Debtor.FIELDS.containsAll(fields.keySet())) {
                fields = new LinkedHashMap<>(fields);
                fields.keySet().retainAll(Debtor.FIELDS);
            }
            debtor = Debtor.fromFields(fields);
        } catch (InvalidDebtorException e) {
            return new Outcome(row, null, e.getMessage());
        }
        return assess(strategy, row, debtor, asOf, at, locale);
    }

    static Outcome assess(CollectionStrategy strategy, InputRow row, Debtor debtor, LocalDate asOf, Locale locale) {
        return assess(strategy, row, debtor, asOf, null, locale);
    }

    static Outcome assess(CollectionStrategy strategy, InputRow row, Debtor debtor, LocalDate asOf, OffsetDateTime at,
                          Locale locale) {
        try {
            Assessment a = at != null ? strategy.assess(debtor, at, locale) : strategy.assess(debtor, asOf, locale);
            return new Outcome(row, a, null);
        } catch (InvalidDebtorException e) {
            return new Outcome(row, null, e.getMessage());
        } catch (AssessmentException e) {
            return new Outcome(row, null, "assessment failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(row, null, "assessment failed: " + e);
        } catch (StackOverflowError | OutOfMemoryError | LinkageError e) { // one row's failure, not the run's
            return new Outcome(row, null, "assessment failed: " + e);
        }
    }

    boolean ok() {
        return assessment != null;
    }
}
