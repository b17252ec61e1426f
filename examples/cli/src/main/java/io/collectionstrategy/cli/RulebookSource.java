package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.RulebookKind;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import io.collectionstrategy.incentives.IncentivePolicy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@code --rules} value (a directory, or the word {@code default}) into a compiled strategy or incentive
 * policy. A directory says its kind in its {@code rulebook.yaml} ({@code kind: incentives}); the word
 * {@code default} means the default rulebook of the kind the command asks for ({@code --kind}, or the command's own).
 */
final class RulebookSource {

    static final String DEFAULT = "default";
    /** The kind of the collection rulebook. */
    static final String COLLECTION = RulebookKind.DEFAULT_NAME;
    /** The kind of an incentive policy. */
    static final String INCENTIVES = IncentivePolicy.KIND.name();

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

    /**
     * The kind of rulebook {@code rules} names.
     *
     * @param rules a rulebook directory, or {@code default} / null
     * @param kind  the {@code --kind} option, or null: what {@code default} means (collection when null); for a
     *              directory it must agree with the directory's {@code rulebook.yaml}
     * @return {@link #COLLECTION} or {@link #INCENTIVES}
     * @throws StartupException when the directory is missing or its kind is unknown or contradicts {@code kind}
     */
    static String kind(String rules, String kind) {
        if (kind != null && !kind.equals(COLLECTION) && !kind.equals(INCENTIVES)) {
            throw new StartupException("--kind must be " + COLLECTION + " or " + INCENTIVES + ", was \"" + kind + "\"");
        }
        if (isDefault(rules)) {
            return kind == null ? COLLECTION : kind;
        }
        String declared = source(rules, COLLECTION).kind();
        if (!declared.equals(COLLECTION) && !declared.equals(INCENTIVES)) {
            throw new StartupException("rulebook " + rules + " is of kind " + declared + " (kind: in rulebook.yaml);"
                    + " expected " + COLLECTION + " or " + INCENTIVES);
        }
        if (kind != null && !kind.equals(declared)) {
            throw new StartupException("rulebook " + rules + " is of kind " + declared + " (kind: in rulebook.yaml),"
                    + " not " + kind);
        }
        return declared;
    }

    /**
     * @param rules a rulebook directory, or {@code default} / null
     * @param kind  what {@code default} means
     * @return the rulebook's files
     * @throws StartupException when the directory is missing or cannot be read
     */
    static Rulebook source(String rules, String kind) {
        try {
            if (isDefault(rules)) {
                return kind.equals(INCENTIVES) ? Rulebook.defaultIncentives() : Rulebook.defaults();
            }
            Path dir = Path.of(rules);
            if (!Files.isDirectory(dir)) {
                throw new StartupException("rulebook directory not found: " + rules);
            }
            return Rulebook.fromDirectory(dir);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new StartupException("cannot use rulebook " + (isDefault(rules) ? DEFAULT : rules) + ": " + e.getMessage());
        }
    }

    /**
     * @param rules            an incentive rulebook directory, or {@code default} / null for the default policy
     * @param locale           the statements' language
     * @param allowUnsafeRules skip the sandbox (trusted rulebooks only)
     * @return the policy
     * @throws StartupException when the directory is missing or the rulebook does not compile
     */
    static IncentivePolicy policy(String rules, Locale locale, boolean allowUnsafeRules) {
        Rulebook rulebook = source(rules, INCENTIVES);
        try {
            return CompiledStrategies.policy(rulebook, locale, allowUnsafeRules);
        } catch (RulebookException e) {
            throw new StartupException(problemLines(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
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
