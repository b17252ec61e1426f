package io.collectionstrategy.facts;

import java.time.LocalDate;

/**
 * The limitation clock of the debt, computed by the engine from {@code dueDate}, {@code lastInterruption}, the
 * evaluation date and the jurisdiction profile ({@code jurisdictions.yaml}). A claim in court or with a judgment
 * ({@code IN_LITIGATION}, {@code JUDGMENT_OBTAINED}) is never expiring nor expired: filing interrupted the clock.
 *
 * @param jurisdiction the profile used, e.g. {@code CN}
 * @param start        when the period started: the due date, or the last interruption when the profile allows it
 * @param ends         the last day of the period, inclusive
 * @param daysLeft     days from the evaluation date to {@code ends}; 0 on the last day, negative once expired
 * @param expiring     the period ends within the profile's warning window (default 90 days) and has not ended
 * @param expired      the period has ended: the debt is time-barred
 * @param demandInterrupts a creditor's written demand proven served restarts the period in this jurisdiction (CN);
 *                     elsewhere only the debtor's acknowledgement, a part payment or proceedings do
 * @param region       the region whose law was applied, or {@code null} when the region is unknown and the most
 *                     protective profile of the jurisdiction applies
 * @param extinguished the period has ended where its end extinguishes the debt itself (Scotland: prescription):
 *                     nothing may be asked for, only a write-off review
 */
public record LimitationClock(String jurisdiction, LocalDate start, LocalDate ends, long daysLeft, boolean expiring,
                              boolean expired, boolean demandInterrupts, String region, boolean extinguished) {
}
