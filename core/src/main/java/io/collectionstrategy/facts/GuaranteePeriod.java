package io.collectionstrategy.facts;

import java.time.LocalDate;

/**
 * The period in which a guarantor can be pursued, when the debtor has a guarantor and either an agreed guarantee
 * period ({@code guaranteeEnds}) or a default one in the jurisdiction (CN: six months, PRC Civil Code art. 692; not
 * interruptible). Once a demand on the guarantor was served within that period ({@code guarantorDemandServed}),
 * the guarantor's own limitation period runs from the demand instead (art. 694), and {@code ends} is its end.
 *
 * @param ends                  the last day of the period, inclusive
 * @param daysLeft              days from the evaluation date to {@code ends}; negative once ended
 * @param expiring              the period ends within the profile's warning window and has not ended
 * @param expired               the period has ended: the guarantor can no longer be pursued
 * @param guarantorDemandServed a demand was served on the guarantor in time: {@code ends} is the end of the
 *                              guarantor's own limitation period
 */
public record GuaranteePeriod(LocalDate ends, long daysLeft, boolean expiring, boolean expired,
                              boolean guarantorDemandServed) {
}
