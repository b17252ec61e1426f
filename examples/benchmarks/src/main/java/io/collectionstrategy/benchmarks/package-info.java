/**
 * JMH benchmarks of collection-strategy on the default rulebook, with the two baselines they are judged against:
 * a hand-written plain-Java version of the rulebook's decisions and a naive Drools use. See {@code BENCHMARKS.md}.
 */
package io.collectionstrategy.benchmarks;
