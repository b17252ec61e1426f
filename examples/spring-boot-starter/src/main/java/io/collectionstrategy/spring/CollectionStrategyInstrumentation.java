package io.collectionstrategy.spring;

import io.collectionstrategy.CollectionStrategy;

/**
 * Wraps the auto-configured strategy before it becomes the {@code collectionStrategy} bean, e.g. to measure it; the
 * starter defines one for Micrometer when the application has a {@code MeterRegistry}.
 */
@FunctionalInterface
public interface CollectionStrategyInstrumentation {

    /**
     * @param strategy the strategy as built
     * @return the strategy to share, assessing with {@code strategy}
     */
    CollectionStrategy instrument(CollectionStrategy strategy);
}
