/**
 * A Spark job that scores a portfolio with collection-strategy: assessments and error rows as separate outputs,
 * every input row accounted for, the rulebook compiled once per executor JVM. See {@code examples/spark/README.md}.
 */
package io.collectionstrategy.spark;
