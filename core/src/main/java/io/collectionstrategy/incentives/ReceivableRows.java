package io.collectionstrategy.incentives;

import io.collectionstrategy.AssessmentException;
import io.collectionstrategy.RowResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a row of fields (a CSV record, a JSON object, a scenario row) into an {@link IncentiveRowResult}: the
 * receivable is read with {@link Receivable#fromFields(Map)} and settled on its own, and every failure is caught and
 * described, so that a batch answers every row. The unit's expense freeze needs all of the unit's rows: feed the
 * results to an {@link IncentiveTotals}.
 *
 * <pre>{@code
 * ReceivableRows rows = ReceivableRows.of(policy, SettlementPeriod.FINAL, 2026);
 * IncentiveRowResult r = rows.evaluate(Map.of("id", "R-1", "unit", "East", ...));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReceivableRows {

    private final IncentivePolicy policy;
    private final SettlementPeriod period;
    private final int year;
    private final boolean ignoreUnknownFields;

    private ReceivableRows(IncentivePolicy policy, SettlementPeriod period, int year, boolean ignoreUnknownFields) {
        this.policy = policy;
        this.period = period;
        this.year = year;
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    /**
     * @param policy the policy that settles
     * @param period the settlement
     * @param year   the settlement year
     * @return rows that reject unknown fields
     */
    public static ReceivableRows of(IncentivePolicy policy, SettlementPeriod period, int year) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(period, "period");
        DroolsIncentivePolicy.checkYear(year);
        return new ReceivableRows(policy, period, year, false);
    }

    /**
     * @param ignore true to drop fields that are not {@link Receivable#FIELDS} instead of failing the row
     * @return a copy with that choice
     */
    public ReceivableRows ignoreUnknownFields(boolean ignore) {
        return new ReceivableRows(policy, period, year, ignore);
    }

    /** @return the settlement */
    public SettlementPeriod period() {
        return period;
    }

    /** @return the settlement year */
    public int year() {
        return year;
    }

    /**
     * Reads and settles one row.
     *
     * @param fields the row's fields by contract name; values as text or as JSON values
     * @return the result, or the failure naming field, value and what was expected
     */
    public IncentiveRowResult evaluate(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        Receivable receivable;
        try {
            Map<String, ?> known = fields;
            if (ignoreUnknownFields && !Receivable.FIELDS.containsAll(fields.keySet())) {
                Map<String, Object> copy = new LinkedHashMap<>(fields);
                copy.keySet().retainAll(Receivable.FIELDS);
                known = copy;
            }
            receivable = Receivable.fromFields(known);
        } catch (InvalidReceivableException e) {
            return IncentiveRowResult.failed(RowResult.Kind.INVALID_RECEIVABLE, e.field(), null, e.getMessage());
        }
        return evaluate(receivable);
    }

    /**
     * Settles a receivable already read, catching every failure.
     *
     * @param receivable the receivable
     * @return the result, or the failure
     */
    public IncentiveRowResult evaluate(Receivable receivable) {
        Objects.requireNonNull(receivable, "receivable");
        try {
            return IncentiveRowResult.settled(policy.evaluate(receivable, period, year));
        } catch (AssessmentException e) {
            return IncentiveRowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, e.ruleId(), e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) { // one row's failure, not the batch's
            return IncentiveRowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, null, e.toString());
        }
    }
}
