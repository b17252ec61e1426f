package io.collectionstrategy.spring;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.reload.ReloadStatus;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code collectionStrategy} component of the actuator's health: up while the strategy serves, with the
 * rulebook's name and version, the default locale, and with hot reload whether the directory is watched, how many
 * reloads were accepted and rejected, and the last one (when, its result, the version serving after it, and why a
 * rejected change was rejected). A rejected reload leaves the service up: the previous rulebook keeps serving; alert
 * on the {@code collection.strategy.reloads} metric instead.
 */
public class CollectionStrategyHealthIndicator extends AbstractHealthIndicator {

    private final CollectionStrategy strategy;
    private final ReloadingCollectionStrategy reloading;
    private final ReloadStatus reloads;

    /**
     * @param strategy  the shared strategy
     * @param reloading the reloading strategy behind it, or null without hot reload
     * @param reloads   the reload history
     */
    public CollectionStrategyHealthIndicator(CollectionStrategy strategy, ReloadingCollectionStrategy reloading,
                                             ReloadStatus reloads) {
        super("collection-strategy health check failed");
        this.strategy = strategy;
        this.reloading = reloading;
        this.reloads = reloads;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RulebookInfo rulebook = strategy.rulebook();
        builder.up()
                .withDetail("rulebook", Map.of("name", rulebook.name(), "version", rulebook.version()))
                .withDetail("locale", strategy.locale().toLanguageTag());
        Map<String, Object> reload = new LinkedHashMap<>();
        reload.put("enabled", reloading != null);
        if (reloading != null) {
            reload.put("directory", reloading.directory().toString());
            reload.put("watching", reloading.isWatching());
            reload.put("accepted", reloads.accepted());
            reload.put("rejected", reloads.rejected());
            reloads.last().ifPresent(last -> {
                Map<String, Object> attempt = new LinkedHashMap<>();
                attempt.put("at", last.at().toString());
                attempt.put("result", last.event().reloaded() ? "accepted" : "rejected");
                attempt.put("version", last.event().current().version());
                attempt.put("problems", last.event().problems().stream().map(RulebookProblem::toString).toList());
                reload.put("last", attempt);
            });
        }
        builder.withDetail("reload", reload);
    }
}
