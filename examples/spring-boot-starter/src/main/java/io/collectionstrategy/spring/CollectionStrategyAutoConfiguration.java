package io.collectionstrategy.spring;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.micrometer.CollectionStrategyMetrics;
import io.collectionstrategy.reload.ReloadListener;
import io.collectionstrategy.reload.ReloadStatus;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Auto-configures one shared {@link CollectionStrategy} (thread-safe: inject it anywhere) from
 * {@link CollectionStrategyProperties}; with {@code collection-strategy.reload.enabled=true} it is a
 * {@link ReloadingCollectionStrategy} on the rulebook directory, closed with the context. Every
 * {@link ReloadListener} bean is told about reloads. With Micrometer and a {@code MeterRegistry}, the strategy is
 * measured ({@link CollectionStrategyMetrics}); with the actuator, {@link CollectionStrategyHealthIndicator} joins the
 * health endpoint. An application's own {@code CollectionStrategy} bean replaces the one made here.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration"})
@ConditionalOnClass(CollectionStrategy.class)
@EnableConfigurationProperties(CollectionStrategyProperties.class)
public class CollectionStrategyAutoConfiguration {

    /** Bean name of the shared strategy. */
    public static final String STRATEGY_BEAN = "collectionStrategy";

    /** @return the reload history the health indicator shows */
    @Bean
    @ConditionalOnMissingBean
    public ReloadStatus collectionStrategyReloadStatus() {
        return new ReloadStatus();
    }

    /**
     * The reloading strategy on the rulebook directory, when hot reload is on; closed with the context.
     *
     * @param properties the settings
     * @param listeners  told about every reload (the reload status and the metrics among them)
     * @return the strategy serving the directory
     */
    @Bean
    @ConditionalOnProperty(prefix = "collection-strategy.reload", name = "enabled", havingValue = "true")
    @ConditionalOnMissingBean
    public ReloadingCollectionStrategy collectionStrategyReloading(CollectionStrategyProperties properties,
                                                                   ObjectProvider<ReloadListener> listeners) {
        if (properties.rulebook() == null) {
            throw new IllegalStateException("collection-strategy.reload.enabled=true needs collection-strategy.rulebook:"
                    + " a rulebook directory to watch (the default rulebook inside the jar never changes)");
        }
        if (!Files.isDirectory(properties.rulebook())) {
            throw new IllegalStateException("collection-strategy.rulebook must be a directory, was "
                    + properties.rulebook().toAbsolutePath());
        }
        List<ReloadListener> all = listeners.orderedStream().toList();
        return ReloadingCollectionStrategy.watch(properties.rulebook(), settings(properties),
                event -> all.forEach(l -> l.onReload(event)));
    }

    /**
     * The shared strategy.
     *
     * @param properties      the settings
     * @param reloading       the reloading strategy, when hot reload is on
     * @param instrumentation wrappers such as the metrics, applied in order
     * @return the strategy to inject
     * @throws io.collectionstrategy.RulebookException when the rulebook does not compile (every problem as
     *                                                 {@code file:line: message}) or fails a required scenario
     */
    @Bean(STRATEGY_BEAN)
    @Primary
    @ConditionalOnMissingBean(value = CollectionStrategy.class, ignored = ReloadingCollectionStrategy.class)
    public CollectionStrategy collectionStrategy(CollectionStrategyProperties properties,
                                                 ObjectProvider<ReloadingCollectionStrategy> reloading,
                                                 ObjectProvider<CollectionStrategyInstrumentation> instrumentation) {
        CollectionStrategy strategy = reloading.getIfAvailable();
        if (strategy == null) {
            CollectionStrategy.Builder builder = CollectionStrategy.builder();
            if (properties.rulebook() == null) {
                builder.defaultRulebook();
            } else {
                builder.rulebookDirectory(properties.rulebook());
            }
            settings(properties).accept(builder);
            strategy = builder.requirePassingScenarios(properties.requirePassingScenarios()).build();
        }
        for (CollectionStrategyInstrumentation i : instrumentation.orderedStream().toList()) {
            strategy = i.instrument(strategy);
        }
        return strategy;
    }

    private static Consumer<CollectionStrategy.Builder> settings(CollectionStrategyProperties p) {
        return b -> b.locale(p.locale()).maxRuleFirings(p.maxRuleFirings()).maxAssessmentTime(p.maxAssessmentTime())
                .allowUnsafeRules(p.allowUnsafeRules());
    }

    /** Micrometer metrics, when the application has a meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, CollectionStrategyMetrics.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        CollectionStrategyMetrics collectionStrategyMetrics(MeterRegistry registry) {
            return new CollectionStrategyMetrics(registry);
        }

        @Bean
        CollectionStrategyInstrumentation collectionStrategyMetricsInstrumentation(CollectionStrategyMetrics metrics) {
            return metrics::instrument;
        }
    }

    /** The health indicator, when the application has the actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.collection-strategy", name = "enabled", matchIfMissing = true)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "collectionStrategyHealthIndicator")
        CollectionStrategyHealthIndicator collectionStrategyHealthIndicator(
                ObjectProvider<CollectionStrategy> strategy, ObjectProvider<ReloadingCollectionStrategy> reloading,
                ReloadStatus reloads) {
            return new CollectionStrategyHealthIndicator(strategy.getObject(), reloading.getIfAvailable(), reloads);
        }
    }
}
