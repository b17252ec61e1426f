package io.collectionstrategy.examples.portfolio;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.experiment.Experiment;
import io.collectionstrategy.experiment.ExperimentStrategy;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An experiment as the example programs take it: the {@link Experiment} (name, arms, shares) and where each arm's
 * rulebook is. Read from a small YAML or JSON file:
 *
 * <pre>
 * experiment: q4-tone            # the name: it decides which case goes to which arm
 * champion:
 *   name: champion
 *   rulebook: default            # the default rulebook, or a directory
 *   share: 70                    # optional for the champion: what the challengers leave
 * challengers:
 *   - name: softer
 *     rulebook: rulebooks/softer # relative to the file's directory
 *     share: 15
 *   - name: firmer
 *     rulebook: rulebooks/firmer
 *     share: 15
 * </pre>
 *
 * <p>Shares are percentages in steps of 0.01 and add up to 100. Unknown keys are refused, so a misspelt key is not
 * silently ignored. Immutable and serialisable.
 *
 * @param experiment the experiment
 * @param rulebooks  each arm's rulebook by arm name: {@value #DEFAULT_RULEBOOK}, or an absolute directory
 */
public record ExperimentFile(Experiment experiment, Map<String, String> rulebooks) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The word for the default rulebook, as in the command-line tool's {@code --rules}. */
    public static final String DEFAULT_RULEBOOK = "default";
    /** The name of the champion arm when none is given (the command-line tool's {@code --challenger}). */
    public static final String CHAMPION = "champion";
    /** The name of the challenger arm of {@link #twoArms}. */
    public static final String CHALLENGER = "challenger";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("experiment", "champion", "challengers");
    private static final Set<String> ARM = Set.of("name", "rulebook", "share");

    /** Checks that every arm has a rulebook. */
    public ExperimentFile {
        Objects.requireNonNull(experiment, "experiment");
        rulebooks = Map.copyOf(rulebooks);
        for (Experiment.Arm arm : experiment.arms()) {
            if (!rulebooks.containsKey(arm.name())) {
                throw new IllegalArgumentException("arm " + arm.name() + " has no rulebook");
            }
        }
    }

    /**
     * A champion and one challenger, as {@code assess --challenger DIR --share N --experiment NAME} gives them.
     *
     * @param name              the experiment's name
     * @param championRules     the champion's rulebook: {@value #DEFAULT_RULEBOOK} or a directory
     * @param challengerRules   the challenger's rulebook directory
     * @param challengerPercent the challenger's share in percent
     * @return the experiment, arms named {@value #CHAMPION} and {@value #CHALLENGER}
     */
    public static ExperimentFile twoArms(String name, String championRules, String challengerRules,
                                         double challengerPercent) {
        Experiment e = Experiment.championChallenger(name, CHAMPION, CHALLENGER, challengerPercent);
        return new ExperimentFile(e, Map.of(CHAMPION, location(championRules, null),
                CHALLENGER, location(challengerRules, null)));
    }

    /**
     * Reads an experiment file.
     *
     * @param file a YAML or JSON file
     * @return the experiment and its rulebooks; relative rulebook directories are resolved against the file's
     *         directory
     * @throws IllegalArgumentException naming the file, the key and the value when something is wrong
     */
    public static ExperimentFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the experiment file " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        return parse(text, base, file.toString());
    }

    /**
     * Parses the text of an experiment file.
     *
     * @param text   the YAML or JSON text
     * @param base   the directory relative rulebook directories are resolved against
     * @param source the file's name, for messages
     * @return the experiment and its rulebooks
     * @throws IllegalArgumentException naming the source, the key and the value when something is wrong
     */
    public static ExperimentFile parse(String text, Path base, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not YAML or JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot be read: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with the keys experiment, champion and"
                    + " challengers");
        }
        known(root, TOP, "", source);
        String name = text(root, "experiment", "experiment", source);
        JsonNode champion = root.get("champion");
        if (champion == null || !champion.isObject()) {
            throw new IllegalArgumentException(source + ": champion is required: a mapping with name and rulebook");
        }
        JsonNode challengers = root.get("challengers");
        if (challengers == null || !challengers.isArray() || challengers.isEmpty()) {
            throw new IllegalArgumentException(source + ": challengers is required: a list of at least one arm with"
                    + " name, rulebook and share");
        }
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        Map<String, String> rulebooks = new LinkedHashMap<>();
        readArm(champion, "champion", false, base, source, names, shares, rulebooks);
        for (int i = 0; i < challengers.size(); i++) {
            readArm(challengers.get(i), "challengers[" + i + "]", true, base, source, names, shares, rulebooks);
        }
        try {
            List<Experiment.Arm> arms = new ArrayList<>();
            if (shares.get(0) == null) {
                int rest = Experiment.BASIS_POINTS;
                for (int i = 1; i < shares.size(); i++) {
                    rest -= Experiment.Arm.percent(names.get(i), shares.get(i)).basisPoints();
                }
                if (rest <= 0) {
                    throw new IllegalArgumentException("the challengers' shares add up to "
                            + (Experiment.BASIS_POINTS - rest) / 100.0 + "%, leaving nothing for the champion");
                }
                arms.add(new Experiment.Arm(names.get(0), rest));
            } else {
                arms.add(Experiment.Arm.percent(names.get(0), shares.get(0)));
            }
            for (int i = 1; i < shares.size(); i++) {
                arms.add(Experiment.Arm.percent(names.get(i), shares.get(i)));
            }
            return new ExperimentFile(new Experiment(name, arms), rulebooks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    private static void readArm(JsonNode node, String path, boolean shareRequired, Path base, String source,
                                List<String> names, List<Double> shares, Map<String, String> rulebooks) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + ": " + path + " must be a mapping with name, rulebook and"
                    + " share");
        }
        known(node, ARM, path + ".", source);
        String name = node.has("name") || shareRequired ? text(node, "name", path + ".name", source) : CHAMPION;
        String rulebook = text(node, "rulebook", path + ".rulebook", source);
        JsonNode share = node.get("share");
        Double percent = null;
        if (share != null && !share.isNull()) {
            if (!share.isNumber()) {
                throw new IllegalArgumentException(source + ": " + path + ".share must be a percentage such as 20"
                        + " or 12.5, was " + share);
            }
            percent = share.doubleValue();
        } else if (shareRequired) {
            throw new IllegalArgumentException(source + ": " + path + ".share is required: a percentage such as 20");
        }
        if (rulebooks.containsKey(name)) {
            throw new IllegalArgumentException(source + ": " + path + ".name: two arms are named " + name
                    + ": arm names must be unique");
        }
        names.add(name);
        shares.add(percent);
        rulebooks.put(name, location(rulebook, base));
    }

    private static void known(JsonNode node, Set<String> keys, String prefix, String source) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key " + prefix + key + "; expected "
                        + keys.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String key, String path, String source) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(source + ": " + path + " is required");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(source + ": " + path + " must be a text, was " + value);
        }
        if (value.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": " + path + " must not be blank");
        }
        return value.asText().trim();
    }

    private static String location(String rulebook, Path base) {
        if (rulebook == null || rulebook.equals(DEFAULT_RULEBOOK)) {
            return DEFAULT_RULEBOOK;
        }
        Path dir = Path.of(rulebook);
        if (base != null && !dir.isAbsolute()) {
            dir = base.resolve(dir);
        }
        return dir.toAbsolutePath().normalize().toString();
    }

    /**
     * Reads every arm's rulebook.
     *
     * @return the rulebooks by arm name, in the experiment's order
     * @throws IllegalArgumentException naming the arm when a directory does not exist, cannot be read or holds no
     *                                  {@code .drl} file, or the default rulebook is not on the class path
     */
    public Map<String, Rulebook> loadRulebooks() {
        Map<String, Rulebook> loaded = new LinkedHashMap<>();
        for (Experiment.Arm arm : experiment.arms()) {
            String where = rulebooks.get(arm.name());
            try {
                loaded.put(arm.name(), where.equals(DEFAULT_RULEBOOK) ? Rulebook.defaults()
                        : Rulebook.fromDirectory(Path.of(where)));
            } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("the rulebook of arm " + arm.name() + ": " + e.getMessage());
            }
        }
        return loaded;
    }

    /**
     * Compiles the arms' rulebooks (through {@link CompiledStrategies}) into one strategy.
     *
     * @param rulebooks        the rulebooks by arm name, as {@link #loadRulebooks()} gives them
     * @param locale           the scripts' language, or {@code null} for the library's default
     * @param allowUnsafeRules true to skip the sandbox (trusted rulebooks only)
     * @return the experiment's strategy
     * @throws io.collectionstrategy.RulebookException when a rulebook does not compile
     */
    public ExperimentStrategy strategy(Map<String, Rulebook> rulebooks, Locale locale, boolean allowUnsafeRules) {
        Map<String, CollectionStrategy> arms = new LinkedHashMap<>();
        for (Experiment.Arm arm : experiment.arms()) {
            arms.put(arm.name(), CompiledStrategies.get(rulebooks.get(arm.name()), locale, allowUnsafeRules));
        }
        return ExperimentStrategy.of(experiment, arms);
    }
}
