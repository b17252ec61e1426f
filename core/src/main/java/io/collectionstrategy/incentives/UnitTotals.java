package io.collectionstrategy.incentives;

import java.math.BigDecimal;
import java.util.List;

/**
 * The sums of one business unit's receivables at one settlement, and whether its expense claims are frozen.
 *
 * @param unit          the business unit
 * @param receivables   how many receivables
 * @param reward        the sum of their rounded rewards
 * @param penalty       the sum of their rounded penalties
 * @param net           {@code reward - penalty}
 * @param expenseFreeze whether the unit's expense claims are frozen: some receivable of it keeps them frozen
 * @param freezing      the receivables that keep them frozen, with the rule and its reason, in input order
 * @param owners        the sums per person responsible within the unit, by name
 */
public record UnitTotals(String unit, int receivables, BigDecimal reward, BigDecimal penalty, BigDecimal net,
                         boolean expenseFreeze, List<Freezing> freezing, List<OwnerTotals> owners) {

    /**
     * A receivable that keeps its unit's expense claims frozen.
     *
     * @param receivable the receivable's id
     * @param rule       the rule that froze them
     * @param reason     its reason, as the rule wrote it
     */
    public record Freezing(String receivable, String rule, String reason) {
    }

    /** Copies the lists. */
    public UnitTotals {
        freezing = List.copyOf(freezing);
        owners = List.copyOf(owners);
    }
}
