package io.collectionstrategy;

import java.util.List;
import java.util.Map;

/**
 * The {@code timeline:} settings of {@code rulebook.yaml}: how what already happened on a case shapes the next step.
 *
 * @param promiseGraceDays      an open promise is broken this many days after its due date without payment
 * @param recentPaymentDays     a payment this recent holds escalation beyond a call until this many days after it
 * @param ladder                the escalation order of steps: while waiting for the response to a step, the steps
 *                              after it in this list wait too
 * @param responseDays          per step, days to wait for a response after it was taken
 * @param notRepeatedWithinDays per step, days within which a step taken is not proposed again (default: its
 *                              response days)
 */
record TimelineSettings(int promiseGraceDays, int recentPaymentDays, List<String> ladder,
                        Map<String, Integer> responseDays, Map<String, Integer> notRepeatedWithinDays) {

    static final TimelineSettings DEFAULTS = new TimelineSettings(3, 7,
            List.of("REMINDER", "PHONE_CALL", "FIELD_VISIT", "WRITTEN_DEMAND", "AGENCY_PLACEMENT", "PAYMENT_ORDER",
                    "LITIGATION", "ENFORCEMENT"),
            Map.of("WRITTEN_DEMAND", 15, "FIELD_VISIT", 14, "AGENCY_PLACEMENT", 30, "PAYMENT_ORDER", 30),
            Map.of("WRITTEN_DEMAND", 180, "FIELD_VISIT", 14, "AGENCY_PLACEMENT", 365, "PAYMENT_ORDER", 365,
                    "LITIGATION", 3650));

    int notRepeatedWithin(String step) {
        Integer days = notRepeatedWithinDays.get(step);
        return days != null ? days : responseDays.getOrDefault(step, 0);
    }
}
