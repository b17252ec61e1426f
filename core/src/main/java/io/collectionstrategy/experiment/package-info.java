/**
 * Strategy testing: a champion strategy and one or more challengers side by side on the same portfolio.
 *
 * <p>An {@link io.collectionstrategy.experiment.Experiment} names its arms and their shares; an
 * {@link io.collectionstrategy.experiment.ExperimentStrategy} assigns each case to an arm by a stable hash of the
 * experiment's name and the case id (SHA-256, see {@link io.collectionstrategy.experiment.Experiment#bucketOf}), so a
 * case keeps its arm on every run, on every machine and across reloads, and assesses it with that arm's
 * {@link io.collectionstrategy.CollectionStrategy}. Every assessment then carries its
 * {@link io.collectionstrategy.StrategyInfo}. Each arm is an ordinary strategy, so the compliance guard applies in
 * every arm. Uses only the public API of {@code io.collectionstrategy}.
 */
package io.collectionstrategy.experiment;
