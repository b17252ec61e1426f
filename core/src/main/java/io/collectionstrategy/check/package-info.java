/**
 * Checking a rulebook before it serves: {@link io.collectionstrategy.check.ScenarioTables} runs the analysts' scenario
 * tables (one debtor per CSV row or YAML entry, the expected outcome in {@code expect.*} columns) against any
 * {@link io.collectionstrategy.CollectionStrategy} and reports each row in a
 * {@link io.collectionstrategy.check.ScenarioReport}; {@link io.collectionstrategy.check.ScenarioCoverage} lists the rules no
 * scenario fires and the thresholds no scenario tests on both sides. Uses only the public API of {@code io.collectionstrategy}.
 */
package io.collectionstrategy.check;
