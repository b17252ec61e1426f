/**
 * A small program that serves a rulebook directory with {@link io.collectionstrategy.reload.ReloadingCollectionStrategy}
 * and shows edits being picked up, or refused while the previous rulebook keeps serving.
 */
package io.collectionstrategy.examples.reload;
