/**
 * Spring Boot 3 auto-configuration of collection-strategy: one shared
 * {@link io.collectionstrategy.CollectionStrategy} bean configured by {@code collection-strategy.*} properties
 * ({@link io.collectionstrategy.spring.CollectionStrategyProperties}), hot reload of a rulebook directory, a health
 * indicator ({@link io.collectionstrategy.spring.CollectionStrategyHealthIndicator}) and Micrometer metrics when the
 * application has them.
 */
package io.collectionstrategy.spring;
