package io.collectionstrategy.facts;

import io.collectionstrategy.Action;
import io.collectionstrategy.Payment;
import io.collectionstrategy.Promise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What has already happened on the case, as the engine read it from the debtor's {@code actions}, {@code promises}
 * and {@code payments} on the evaluation date. Rules read it directly or as {@code treatment.timeline}:
 * {@code Timeline( daysSinceBrokenPromise != null, daysSinceBrokenPromise <= 7 )}.
 *
 * @param actions                the steps already taken, oldest first
 * @param promises               the promises, oldest first, each with its status (given, or derived from the payments
 *                               and the grace period {@code timeline.promiseGraceDays} of {@code rulebook.yaml})
 * @param payments               the payments, oldest first
 * @param promisesInForce        open promises whose due date (plus the grace period) has not passed
 * @param promiseHoldUntil       the latest due date plus grace of the promises in force, or {@code null}
 * @param daysSinceBrokenPromise days since the most recent broken promise fell due (plus grace), or {@code null}
 * @param lastPaymentOn          the date of the latest payment, or {@code null}
 * @param lastPaymentAmount      its amount, or {@code null}
 * @param daysSincePayment       days since the latest payment, or {@code null}
 * @param paidRecently           the latest payment lies within {@code timeline.recentPaymentDays}
 */
public record Timeline(List<Action> actions, List<Promise> promises, List<Payment> payments, int promisesInForce,
                       LocalDate promiseHoldUntil, Integer daysSinceBrokenPromise, LocalDate lastPaymentOn,
                       BigDecimal lastPaymentAmount, Integer daysSincePayment, boolean paidRecently) {

    /** An empty timeline: nothing recorded. */
    public static final Timeline EMPTY = new Timeline(List.of(), List.of(), List.of(), 0, null, null, null, null, null,
            false);

    /** Copies the lists. */
    public Timeline {
        actions = List.copyOf(actions);
        promises = List.copyOf(promises);
        payments = List.copyOf(payments);
    }

    /** @return {@code true} while an open promise is not yet due (plus grace): nobody chases */
    public boolean isPromiseInForce() {
        return promisesInForce > 0;
    }

    /** @return how many promises are broken */
    public int brokenPromises() {
        return (int) promises.stream().filter(p -> p.status() == Promise.Status.BROKEN).count();
    }
}
