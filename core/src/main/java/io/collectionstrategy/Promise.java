package io.collectionstrategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A promise to pay (input list {@code promises}).
 *
 * @param made   when the debtor made it, not after the evaluation date
 * @param due    when the payment was promised for
 * @param amount the amount promised, or {@code null} when not recorded
 * @param status {@code OPEN}, {@code KEPT} or {@code BROKEN}; {@code null} to let the engine derive it from the
 *               payments and the dates ({@code timeline.promiseGraceDays} of {@code rulebook.yaml})
 */
public record Promise(LocalDate made, LocalDate due, BigDecimal amount, Status status) {

    /** What became of a promise. */
    public enum Status {
        /** Not yet due, or due within the grace period and not yet paid. */
        OPEN,
        /** Paid as promised. */
        KEPT,
        /** Not paid by the due date plus the grace period. */
        BROKEN
    }

    /** Checks the dates. */
    public Promise {
        Objects.requireNonNull(made, "made");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(made)) {
            throw new IllegalArgumentException("a promise is due on or after the day it was made (" + made + "), was " + due);
        }
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("a promise's amount is at least 0, was " + amount.toPlainString());
        }
    }
}
