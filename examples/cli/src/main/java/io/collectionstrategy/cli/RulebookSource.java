package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@code --rules} value (a directory, or the word {@code default}) into a compiled strategy. */
final class RulebookSource {

    static final String DEFAULT = "default";

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
        return build(rules, locale, allowUnsafeRules, null, null);
    }

    /**
     * @param agent   the collector's name for the scripts' {@code {agent}}, or null for the catalogue's neutral word
     * @param company the firm's name for {@code {company}}, or null likewise
     * @see #build(String, Locale, boolean)
     */
    static CollectionStrategy build(String rules, Locale locale, boolean allowUnsafeRules, String agent, String company) {
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
            return CompiledStrategies.get(rulebook, locale, allowUnsafeRules, agent, company);
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
