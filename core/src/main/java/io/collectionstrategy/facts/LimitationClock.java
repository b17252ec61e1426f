package io.collectionstrategy.facts;

import java.time.LocalDate;

/**
 * The limitation clock of the debt, computed by the engine from {@code dueDate}, {@code lastInterruption}, the
 * evaluation date and the jurisdiction profile ({@code jurisdictions.yaml}).
 *
 * @param jurisdiction the profile used, e.g. {@code CN}
 * @param start        when the period started: the due date, or the last interruption when the profile allows it
 * @param ends         the last day of the period, inclusive
 * @param daysLeft     days from the evaluation date to {@code ends}; 0 on the last day, negative once expired
 * @param expiring     the period ends within the profile's warning window (default 90 days) and has not ended
 * @param expired      the period has ended: the debt is time-barred
 */
public record LimitationClock(String jurisdiction, LocalDate start, LocalDate ends, long daysLeft, boolean expiring,
                              boolean expired) {
}
