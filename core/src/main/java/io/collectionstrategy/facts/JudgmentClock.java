package io.collectionstrategy.facts;

import java.time.LocalDate;

/**
 * The period in which enforcement of a judgment on the debt must be applied for, when the debtor record has a
 * {@code judgmentDate} and the jurisdiction profile has such a period ({@code judgmentEnforcement} in
 * {@code jurisdictions.yaml}; CN: two years under the Civil Procedure Law; England and Wales: six years, after which
 * enforcement needs the court's permission).
 *
 * @param judgmentDate when the judgment was given
 * @param ends         the last day of the period, inclusive
 * @param daysLeft     days from the evaluation date to {@code ends}; negative once ended
 * @param expiring     the period ends within the profile's warning window and has not ended
 * @param expired      the period has ended: no enforcement step without the court's leave
 */
public record JudgmentClock(LocalDate judgmentDate, LocalDate ends, long daysLeft, boolean expiring, boolean expired) {
}
