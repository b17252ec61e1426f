/**
 * What rules read and where they write, besides the {@link io.collectionstrategy.Debtor}.
 *
 * <p>The rules run in two stages. The first sees the {@code Debtor}, the {@link io.collectionstrategy.facts.Evaluation}
 * moment, the {@link io.collectionstrategy.facts.LimitationClock} and the
 * {@link io.collectionstrategy.facts.GuaranteePeriod}, and gives evidence for debtor types and special situations.
 * The engine then decides the type and the situation and inserts one {@link io.collectionstrategy.facts.Treatment};
 * the second stage, rules on {@code Treatment}, chooses the script and the escalation steps. Every rule writes what
 * it concludes to the global {@link io.collectionstrategy.facts.Outcome outcome}.
 *
 * <p>Java callers never need these types; analysts use them in {@code .drl} files.
 */
package io.collectionstrategy.facts;
