package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a {@code --rules} value (a directory, or the word {@code default}) into a compiled strategy. */
final class RulebookSource {

    static final String DEFAULT = "default";

    /**
     * Compiled rulebooks by name, content version and locale: a process that runs several commands (tests, an
     * embedding program) compiles each rulebook once. Equal versions mean equal files, so a hit is always current.
     */
    private static final Map<String, CollectionStrategy> COMPILED = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CollectionStrategy> eldest) {
            return size() > 6;
        }
    };

    private RulebookSource() {
    }

    static boolean isDefault(String rules) {
        return rules == null || rules.equals(DEFAULT);
    }

    /**
     * @param rules  a rulebook directory, or {@code default} / null for the default rulebook
     * @param locale the scripts' language
     * @return the strategy
     * @throws StartupException when the directory is missing or the rulebook does not compile
     */
    static CollectionStrategy build(String rules, Locale locale) {
        return build(rules, locale, false);
    }

    /**
     * @param allowUnsafeRules skip the sandbox (trusted rulebooks only)
     * @see #build(String, Locale)
     */
    static CollectionStrategy build(String rules, Locale locale, boolean allowUnsafeRules) {
        try {
            Rulebook rulebook;
            if (isDefault(rules)) {
                rulebook = Rulebook.defaults();
            } else {
                Path dir = Path.of(rules);
                if (!Files.isDirectory(dir)) {
                    throw new StartupException("rulebook directory not found: " + rules);
                }
                rulebook = Rulebook.fromDirectory(dir);
            }
            String key = rulebook.name() + " " + rulebook.version() + " " + locale.toLanguageTag()
                    + (allowUnsafeRules ? " unsafe" : "");
            synchronized (COMPILED) {
                CollectionStrategy cached = COMPILED.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            CollectionStrategy strategy = CollectionStrategy.builder().rulebook(rulebook).locale(locale)
                    .allowUnsafeRules(allowUnsafeRules).build();
            synchronized (COMPILED) {
                COMPILED.put(key, strategy);
            }
            return strategy;
        } catch (RulebookException e) {
            throw new StartupException(problemLines(e));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new StartupException("cannot use rulebook " + (isDefault(rules) ? DEFAULT : rules) + ": " + e.getMessage());
        }
    }

    static List<String> problemLines(RulebookException e) {
        List<String> lines = new ArrayList<>();
        lines.add("rulebook " + e.rulebook() + " has " + e.problems().size()
                + (e.problems().size() == 1 ? " problem:" : " problems:"));
        for (RulebookProblem p : e.problems()) {
            lines.add(p.toString());
        }
        return lines;
    }

    static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw new StartupException("not a language tag: \"" + tag + "\"; expected e.g. zh-CN or en");
        }
        return locale;
    }
}
