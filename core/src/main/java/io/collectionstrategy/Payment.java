package io.collectionstrategy;

import java.math.BigDecimal;
import java.util.Objects;
import java.time.LocalDate;

/**
 * A payment received on the case (input list {@code payments}).
 *
 * @param on     when it was received, not after the evaluation date
 * @param amount how much, more than 0
 */
public record Payment(LocalDate on, BigDecimal amount) {

    /** Checks the date and the amount. */
    public Payment {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment's amount is more than 0, was " + amount.toPlainString());
        }
    }
}
