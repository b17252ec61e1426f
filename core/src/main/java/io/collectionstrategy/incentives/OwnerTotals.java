package io.collectionstrategy.incentives;

import java.math.BigDecimal;

/**
 * The sums of the receivables one person is responsible for, at one settlement (in one unit, or over all units).
 *
 * @param owner       the person responsible
 * @param receivables how many receivables
 * @param reward      the sum of their rounded rewards
 * @param penalty     the sum of their rounded penalties
 * @param net         {@code reward - penalty}
 */
public record OwnerTotals(String owner, int receivables, BigDecimal reward, BigDecimal penalty, BigDecimal net) {
}
