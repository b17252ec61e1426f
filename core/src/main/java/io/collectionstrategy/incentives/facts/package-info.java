/**
 * What incentive rules match and write, for finance analysts' DRL: {@link io.collectionstrategy.incentives.facts.Settlement}
 * (one receivable at one settlement), {@link io.collectionstrategy.incentives.facts.Basis} (which amount a percentage
 * is of) and {@link io.collectionstrategy.incentives.facts.IncentiveOutcome}, the global every incentive rule writes
 * to. The rulebook guide ({@code rules/incentives/README.md}) lists them with examples.
 */
package io.collectionstrategy.incentives.facts;
