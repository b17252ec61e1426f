package io.collectionstrategy.incentives;

import java.util.Locale;

/** The two settlements of a year: the interim one (30 September by default) and the final one (31 December). */
public enum SettlementPeriod {
    /** Rewards on what has been recovered so far; no penalties. */
    INTERIM,
    /** Rewards and penalties for the year; the interim's reward is deducted. */
    FINAL;

    /**
     * @param text {@code interim} or {@code final}, in any case
     * @return the period
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static SettlementPeriod parse(String text) {
        if (text != null) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            for (SettlementPeriod p : values()) {
                if (p.name().equals(t)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("period must be interim or final, was "
                + (text == null ? "missing" : "\"" + text + "\""));
    }

    /** @return {@code interim} or {@code final}, as the command line and the JSON output write it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
