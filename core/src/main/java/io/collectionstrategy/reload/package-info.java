/**
 * Hot reload: {@link io.collectionstrategy.reload.ReloadingCollectionStrategy} serves an analyst's rulebook directory
 * and swaps in an edit only when it compiles and passes its scenario tables; a
 * {@link io.collectionstrategy.reload.ReloadListener} hears of every {@link io.collectionstrategy.reload.ReloadEvent}.
 * {@link io.collectionstrategy.reload.ReloadingIncentivePolicy} does the same for an incentive rulebook. Uses only
 * the public API of {@code io.collectionstrategy} and {@code io.collectionstrategy.incentives}.
 */
package io.collectionstrategy.reload;
