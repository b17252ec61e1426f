package io.collectionstrategy.examples.portfolio;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.incentives.IncentivePolicy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compiled rulebooks of this JVM, keyed by the rulebook's content version, the script locale and the names the
 * scripts use for the collector and the firm: a process that
 * runs several commands (the command-line tool's tests, an embedding program) or many tasks (a Spark executor)
 * compiles each rulebook once. Equal versions mean equal files, so a hit is always current. A compiled strategy
 * cannot be serialised; Spark executors receive the {@link Rulebook} source and compile it here. Holds the
 * {@value #MAX_ENTRIES} most recently used; thread-safe (a second caller for the same key waits for the one
 * compilation). Incentive policies ({@link #policy}) are kept the same way, apart.
 */
public final class CompiledStrategies {

    /** How many compiled strategies are kept. */
    public static final int MAX_ENTRIES = 8;

    private static final Map<String, CollectionStrategy> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CollectionStrategy> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private static final Map<String, IncentivePolicy> POLICIES = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IncentivePolicy> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    private CompiledStrategies() {
    }

    /**
     * The compiled strategy for this rulebook and locale, compiling it on first use.
     *
     * @param rulebook the rulebook source
     * @param locale   the scripts' language, or {@code null} for the library's default
     * @return the shared, thread-safe strategy
     * @throws io.collectionstrategy.RulebookException when the rulebook does not compile
     */
    public static CollectionStrategy get(Rulebook rulebook, Locale locale) {
        return get(rulebook, locale, false);
    }

    /**
     * The same, for a rulebook trusted as one's own code: compiled without the sandbox.
     *
     * @param rulebook         the rulebook source
     * @param locale           the scripts' language, or {@code null} for the library's default
     * @param allowUnsafeRules true to skip the rulebook sandbox (see {@code CollectionStrategy.Builder})
     * @return the shared, thread-safe strategy
     */
    public static CollectionStrategy get(Rulebook rulebook, Locale locale, boolean allowUnsafeRules) {
        return get(rulebook, locale, allowUnsafeRules, null, null);
    }

    /**
     * The same, with the collector's and the firm's names for the scripts' {@code {agent}} and {@code {company}}.
     *
     * @param rulebook         the rulebook source
     * @param locale           the scripts' language, or {@code null} for the library's default
     * @param allowUnsafeRules true to skip the rulebook sandbox (see {@code CollectionStrategy.Builder})
     * @param agent            the collector's name, or {@code null} for the catalogue's neutral word
     * @param company          the firm's name, or {@code null} for the catalogue's neutral word
     * @return the shared, thread-safe strategy
     */
    public static CollectionStrategy get(Rulebook rulebook, Locale locale, boolean allowUnsafeRules, String agent,
                                         String company) {
        Objects.requireNonNull(rulebook, "rulebook");
        String key = rulebook.version() + "|" + (locale == null ? "" : locale.toLanguageTag())
                + (allowUnsafeRules ? "|unsafe" : "") + (agent == null ? "" : "|agent=" + agent)
                + (company == null ? "" : "|company=" + company);
        synchronized (CACHE) {
            CollectionStrategy cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            CollectionStrategy.Builder builder = CollectionStrategy.builder().rulebook(rulebook)
                    .allowUnsafeRules(allowUnsafeRules).agent(agent).company(company);
            if (locale != null) {
                builder.locale(locale);
            }
            CollectionStrategy strategy = builder.build();
            COMPILATIONS.incrementAndGet();
            CACHE.put(key, strategy);
            return strategy;
        }
    }

    /**
     * The compiled incentive policy for this rulebook (of kind {@code incentives}) and statement locale, compiling it
     * on first use.
     *
     * @param rulebook         the rulebook source
     * @param locale           the statements' language, or {@code null} for the library's default
     * @param allowUnsafeRules true to skip the rulebook sandbox
     * @return the shared, thread-safe policy
     * @throws io.collectionstrategy.RulebookException when the rulebook does not compile
     */
    public static IncentivePolicy policy(Rulebook rulebook, Locale locale, boolean allowUnsafeRules) {
        Objects.requireNonNull(rulebook, "rulebook");
        String key = rulebook.version() + "|" + (locale == null ? "" : locale.toLanguageTag())
                + (allowUnsafeRules ? "|unsafe" : "");
        synchronized (POLICIES) {
            IncentivePolicy cached = POLICIES.get(key);
            if (cached != null) {
                return cached;
            }
            IncentivePolicy.Builder builder = IncentivePolicy.builder().rulebook(rulebook)
                    .allowUnsafeRules(allowUnsafeRules);
            if (locale != null) {
                builder.locale(locale);
            }
            IncentivePolicy policy = builder.build();
            COMPILATIONS.incrementAndGet();
            POLICIES.put(key, policy);
            return policy;
        }
    }

    /** @return how many rulebooks this JVM has compiled through the cache */
    public static int compilations() {
        return COMPILATIONS.get();
    }
}
