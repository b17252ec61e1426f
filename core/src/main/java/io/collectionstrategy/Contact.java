package io.collectionstrategy;

import java.time.OffsetDateTime;

/**
 * One contact attempt from the debtor's {@code contactHistory}.
 *
 * @param at      when the attempt was made, with the offset of the debtor's local time
 * @param channel how it was made
 * @param reached whether it reached the debtor
 */
public record Contact(OffsetDateTime at, Channel channel, boolean reached) {

    /** Checks that {@code at} and {@code channel} are present. */
    public Contact {
        if (at == null) {
            throw new InvalidDebtorException("contactHistory.at", null, "an ISO date-time with offset such as 2026-11-28T09:30:00+08:00");
        }
        if (channel == null) {
            throw new InvalidDebtorException("contactHistory.channel", null, "one of " + java.util.Arrays.toString(Channel.values()));
        }
    }
}
