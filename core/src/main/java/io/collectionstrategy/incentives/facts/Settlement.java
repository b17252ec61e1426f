package io.collectionstrategy.incentives.facts;

import io.collectionstrategy.incentives.Receivable;
import io.collectionstrategy.incentives.SettlementPeriod;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One receivable at one settlement: the one fact incentive rules match. The engine makes it from the receivable and
 * the settlement being run; rules never read the clock.
 *
 * <pre>
 * Settlement( period == SettlementPeriod.FINAL, receivable.category == Category.CONTRACT_NORMAL, shortfall &gt; 0 )
 * </pre>
 *
 * @param receivable  the receivable, as given
 * @param period      which settlement: {@link SettlementPeriod#INTERIM} or {@link SettlementPeriod#FINAL}
 * @param year        the settlement year, e.g. 2026
 * @param unrecovered {@code amountDue - recovered - offsetOrRestructured}, at least 0: what is still open
 * @param shortfall   {@code amountDue - recovered}, at least 0: what was not recovered, offsets not counted
 */
public record Settlement(Receivable receivable, SettlementPeriod period, int year, BigDecimal unrecovered,
                         BigDecimal shortfall) {

    /** Checks the parts. */
    public Settlement {
        Objects.requireNonNull(receivable, "receivable");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unrecovered, "unrecovered");
        Objects.requireNonNull(shortfall, "shortfall");
    }

    /**
     * The settlement of a receivable, with its open amounts computed.
     *
     * @param receivable the receivable
     * @param period     the settlement
     * @param year       the settlement year
     * @return the fact
     */
    public static Settlement of(Receivable receivable, SettlementPeriod period, int year) {
        BigDecimal shortfall = receivable.amountDue().subtract(receivable.recovered());
        BigDecimal unrecovered = shortfall.subtract(receivable.offsetOrRestructured());
        return new Settlement(receivable, period, year, unrecovered.signum() < 0 ? BigDecimal.ZERO : unrecovered,
                shortfall.signum() < 0 ? BigDecimal.ZERO : shortfall);
    }

    /**
     * @param basis which amount
     * @return that amount of this receivable
     */
    public BigDecimal amount(Basis basis) {
        return switch (basis) {
            case RECOVERED -> receivable.recovered();
            case OFFSET_OR_RESTRUCTURED -> receivable.offsetOrRestructured();
            case UNRECOVERED -> unrecovered;
            case SHORTFALL -> shortfall;
        };
    }
}
