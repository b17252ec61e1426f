/**
 * The receivables incentive policy: business units and the people responsible for each receivable earn rewards and
 * pay penalties by the receivable's {@link io.collectionstrategy.incentives.Category}, settled twice a year
 * ({@link io.collectionstrategy.incentives.SettlementPeriod}), and a unit's expense claims are frozen while some of
 * its receivables are outstanding. The rates and conditions are an analyst-editable rulebook of kind
 * {@code incentives} (the default one is {@code rules/incentives/} of the repository); this package is its Java API.
 *
 * <p>Build an {@link io.collectionstrategy.incentives.IncentivePolicy} once, describe each
 * {@link io.collectionstrategy.incentives.Receivable} (or read it with
 * {@link io.collectionstrategy.incentives.Receivable#fromFields}), and
 * {@link io.collectionstrategy.incentives.IncentivePolicy#settle settle} them into an
 * {@link io.collectionstrategy.incentives.IncentiveReport}: an
 * {@link io.collectionstrategy.incentives.IncentiveResult} per receivable (reward, penalty and net to the cent,
 * the unit's expense freeze, the rules that fired) and the totals per unit and per person responsible. For streams
 * too large to hold, settle each row with {@link io.collectionstrategy.incentives.ReceivableRows} and add the
 * results up with {@link io.collectionstrategy.incentives.IncentiveTotals} in two passes. No Drools type appears in
 * this package's signatures.
 */
package io.collectionstrategy.incentives;
