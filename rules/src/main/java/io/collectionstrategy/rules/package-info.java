/**
 * The default rulebook of collection-strategy. The rules, scripts and scenario tables are resources; see
 * {@code rules/README.md} for the analysts' guide.
 */
package io.collectionstrategy.rules;
