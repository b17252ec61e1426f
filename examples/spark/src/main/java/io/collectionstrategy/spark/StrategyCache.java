package io.collectionstrategy.spark;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compiled rulebooks of this JVM (driver or executor), keyed by the rulebook's content hash and the script
 * locale. A compiled rulebook cannot be serialised, so executors receive the {@link Rulebook} source (broadcast)
 * and compile it here once; every task thread of the executor then shares the thread-safe
 * {@link CollectionStrategy}, which opens a fresh rule session per assessment.
 */
public final class StrategyCache {

    private static final ConcurrentHashMap<String, CollectionStrategy> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    private StrategyCache() {
    }

    /**
     * The compiled strategy for this rulebook, compiling it on first use in this JVM. Concurrent callers with the
     * same rulebook wait for the one compilation.
     *
     * @param rulebook  the rulebook source
     * @param localeTag the script locale, e.g. {@code zh-CN}, or {@code null} for the library default
     * @return the shared strategy
     * @throws io.collectionstrategy.RulebookException when the rulebook does not compile
     */
    public static CollectionStrategy get(Rulebook rulebook, String localeTag) {
        Objects.requireNonNull(rulebook, "rulebook");
        String key = rulebook.version() + "|" + (localeTag == null ? "" : localeTag);
        return CACHE.computeIfAbsent(key, k -> {
            CollectionStrategy.Builder builder = CollectionStrategy.builder().rulebook(rulebook);
            if (localeTag != null) {
                builder.locale(Locale.forLanguageTag(localeTag));
            }
            CollectionStrategy strategy = builder.build();
            COMPILATIONS.incrementAndGet();
            return strategy;
        });
    }

    /** @return how many rulebooks this JVM has compiled through the cache */
    public static int compilations() {
        return COMPILATIONS.get();
    }
}
