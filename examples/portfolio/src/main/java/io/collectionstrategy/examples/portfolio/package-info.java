/**
 * What the example programs (the command-line tool, the Spark job, the benchmarks) share about portfolio files:
 * {@link io.collectionstrategy.examples.portfolio.SyntheticPortfolio}, a deterministic synthetic portfolio written
 * as JSON Lines or CSV (optionally with bad rows, or inside the limitation period for the benchmarks' hand-written
 * baseline), and {@link io.collectionstrategy.examples.portfolio.RowReader}, which reads JSON Lines, a JSON array or
 * CSV row by row into {@link io.collectionstrategy.examples.portfolio.PortfolioRow}s, a row that cannot be read
 * becoming a malformed row with the case id salvaged from its text; and
 * {@link io.collectionstrategy.examples.portfolio.CompiledStrategies}, the compiled rulebooks of the JVM; and
 * {@link io.collectionstrategy.examples.portfolio.ExperimentFile}, an experiment's arms, shares and rulebooks from a
 * small YAML or JSON file.
 *
 * <p>Example code, not part of the library's API.
 */
package io.collectionstrategy.examples.portfolio;
