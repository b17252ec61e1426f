package io.collectionstrategy.facts;

import java.time.LocalDate;

/**
 * The period in which a guarantor can be asked to pay, when the debtor has a guarantor and the jurisdiction has
 * such a period (CN: six months from the principal debt's due date, not interruptible).
 *
 * @param ends     the last day of the period, inclusive
 * @param daysLeft days from the evaluation date to {@code ends}; negative once ended
 * @param expiring the period ends within the profile's warning window and has not ended
 * @param expired  the period has ended: the guarantor can no longer be pursued
 */
public record GuaranteePeriod(LocalDate ends, long daysLeft, boolean expiring, boolean expired) {
}
