package io.collectionstrategy.incentives;

import io.collectionstrategy.RowResult;
import java.util.Objects;

/**
 * What became of one input row of receivables: its result, or the failure that takes its place, so that a batch
 * answers every row. Made by {@link ReceivableRows}; immutable.
 *
 * @param result  the receivable's result, or {@code null} when the row failed
 * @param failure why the row has no result ({@link RowResult.Kind#INVALID_RECEIVABLE},
 *                {@link RowResult.Kind#ASSESSMENT_FAILED} when the rules failed, or
 *                {@link RowResult.Kind#MALFORMED_RECORD}), or {@code null}
 */
public record IncentiveRowResult(IncentiveResult result, RowResult.Failure failure) {

    /** Checks that exactly one of the two is given. */
    public IncentiveRowResult {
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("a row result has either a result or a failure, was "
                    + (result == null ? "neither" : "both"));
        }
    }

    /**
     * @param result the row's result
     * @return a successful row
     */
    public static IncentiveRowResult settled(IncentiveResult result) {
        return new IncentiveRowResult(Objects.requireNonNull(result, "result"), null);
    }

    /**
     * @param kind    what failed
     * @param field   the field at fault, or {@code null}
     * @param rule    the failing rule's id, or {@code null}
     * @param message what was wrong, naming field and value
     * @return a failed row
     */
    public static IncentiveRowResult failed(RowResult.Kind kind, String field, String rule, String message) {
        return new IncentiveRowResult(null, new RowResult.Failure(kind, field, rule, message));
    }

    /** @return true when the row has a result */
    public boolean ok() {
        return result != null;
    }
}
