/**
 * Micrometer metrics of a {@link io.collectionstrategy.CollectionStrategy}, for services: what was assessed (by debtor
 * type and situation), what failed (by kind), how long assessments take, and which reloads were accepted or rejected.
 * {@link io.collectionstrategy.micrometer.CollectionStrategyMetrics} is the one entry point; the Spring Boot starter
 * and the command-line tool's HTTP service both use it, so their meters have the same names.
 */
package io.collectionstrategy.micrometer;
