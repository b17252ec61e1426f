/**
 * The facts that rules read and write besides the {@link io.collectionstrategy.Debtor}: the evaluation moment,
 * evidence and scores for debtor types, the classification, situations and the chosen script. Rules insert
 * {@link io.collectionstrategy.EscalationStep} and {@link io.collectionstrategy.Warning} directly.
 *
 * <p>Java callers never need these types; analysts use them in {@code .drl} files.
 */
package io.collectionstrategy.facts;
