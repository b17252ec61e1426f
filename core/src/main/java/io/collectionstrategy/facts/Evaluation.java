package io.collectionstrategy.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The moment of the assessment, inserted beside the {@link io.collectionstrategy.Debtor}: rules never read the
 * clock, they read this fact.
 *
 * @param asOf    the evaluation date
 * @param at      the evaluation time with offset, or {@code null} when only a date was given
 * @param dueDate the oldest unpaid due date: the debtor's {@code dueDate}, or {@code asOf - daysOverdue}
 */
public record Evaluation(LocalDate asOf, OffsetDateTime at, LocalDate dueDate) {
}
