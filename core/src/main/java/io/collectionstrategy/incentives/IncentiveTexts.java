package io.collectionstrategy.incentives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.incentives.facts.Basis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The texts of an incentive rulebook, one file per language ({@code texts/<locale>.yaml}): the statement's labels,
 * the names of settlements, categories and bases, and a one-line text per rule id. Immutable.
 */
final class IncentiveTexts {

    static final String FOLDER = "texts/";
    /** Every label a statement uses; each language must give all of them. */
    static final List<String> LABELS = List.of("title", "unit", "settlement", "date", "rulebook", "expenses", "frozen",
            "notFrozen", "frozenBy", "totals", "receivables", "receivable", "owner", "category", "reward", "penalty",
            "net", "details", "rewardPaid", "notes", "byOwner", "colon", "comma");
    /** Labels kept as written, spaces included: the punctuation between a label and its value, and between items. */
    private static final List<String> PUNCTUATION = List.of("colon", "comma");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A rule's text in one language, and where it is. */
    record RuleText(String rule, String text, String file, int line) {
    }

    /** The texts of one language. */
    record Catalogue(String locale, String file, Map<String, String> labels, Map<SettlementPeriod, String> periods,
                     Map<Category, String> categories, Map<Basis, String> bases, Map<String, RuleText> rules) {

        String label(String key) {
            return labels.getOrDefault(key, key);
        }

        /** @return the rule's text in this language, or {@code fallback} when it has none */
        String rule(String id, String fallback) {
            RuleText t = id == null ? null : rules.get(id);
            return t == null ? fallback : t.text();
        }
    }

    private final Map<String, Catalogue> byLocale;

    private IncentiveTexts(Map<String, Catalogue> byLocale) {
        this.byLocale = byLocale;
    }

    static IncentiveTexts load(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Catalogue> byLocale = new TreeMap<>();
        for (String path : rulebook.files().keySet()) {
            if (!path.startsWith(FOLDER) || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
                continue;
            }
            String source = rulebook.files().get(path);
            JsonNode root;
            try {
                root = YAML.readTree(source);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.add(new RulebookProblem(path, line, "not valid YAML: " + e.getOriginalMessage()));
                continue;
            }
            if (root == null || !root.isObject()) {
                problems.add(new RulebookProblem(path, 1, "a texts file must be a YAML mapping with locale, labels,"
                        + " periods, categories, bases and rules"));
                continue;
            }
            String stem = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            String locale = Locale.forLanguageTag(root.path("locale").asText(stem)).toLanguageTag();
            if (byLocale.containsKey(locale)) {
                problems.add(new RulebookProblem(path, lineOf(source, "locale"), "locale " + locale
                        + " is already given by " + byLocale.get(locale).file()));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (String key : LABELS) {
                String text = root.path("labels").path(key).asText("");
                if (text.isEmpty() || text.isBlank() && !PUNCTUATION.contains(key)) {
                    problems.add(new RulebookProblem(path, lineOf(source, "labels"), "labels." + key
                            + " is missing: a statement needs every label " + LABELS));
                }
                labels.put(key, PUNCTUATION.contains(key) ? text : text.strip());
            }
            Map<SettlementPeriod, String> periods = names(path, source, root, "periods", SettlementPeriod.class,
                    problems);
            Map<Category, String> categories = names(path, source, root, "categories", Category.class, problems);
            Map<Basis, String> bases = names(path, source, root, "bases", Basis.class, problems);
            Map<String, RuleText> rules = new TreeMap<>();
            root.path("rules").fields().forEachRemaining(e -> rules.put(e.getKey(), new RuleText(e.getKey(),
                    e.getValue().asText("").strip(), path, lineOf(source, e.getKey()))));
            byLocale.put(locale, new Catalogue(locale, path, labels, periods, categories, bases, rules));
        }
        if (byLocale.isEmpty()) {
            problems.add(new RulebookProblem(FOLDER, 0, "no texts: add texts/en.yaml or texts/zh-CN.yaml (labels,"
                    + " periods, categories, bases and rules of the statements)"));
        }
        return new IncentiveTexts(byLocale);
    }

    private static <E extends Enum<E>> Map<E, String> names(String path, String source, JsonNode root, String key,
                                                            Class<E> type, List<RulebookProblem> problems) {
        Map<E, String> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            String text = root.path(key).path(e.name()).asText("");
            if (text.isBlank()) {
                problems.add(new RulebookProblem(path, lineOf(source, key), key + "." + e.name() + " is missing: every"
                        + " one of " + List.of(type.getEnumConstants()) + " needs a name"));
                text = e.name();
            }
            out.put(e, text.strip());
        }
        return out;
    }

    /** @return the languages, as tags, e.g. {@code [en, zh-CN]} */
    List<String> locales() {
        return new ArrayList<>(byLocale.keySet());
    }

    List<Catalogue> catalogues() {
        return new ArrayList<>(byLocale.values());
    }

    /** @return the tag of the texts for this locale (the same language is enough), or {@code null} */
    String resolve(Locale requested) {
        String tag = requested.toLanguageTag();
        if (byLocale.containsKey(tag)) {
            return tag;
        }
        for (String candidate : byLocale.keySet()) {
            if (Locale.forLanguageTag(candidate).getLanguage().equals(requested.getLanguage())) {
                return candidate;
            }
        }
        return null;
    }

    Catalogue get(String tag) {
        return byLocale.get(tag);
    }

    /** The 1-based line where {@code key:} first appears, or 0. */
    static int lineOf(String source, String key) {
        String[] lines = source.split("\n", -1);
        Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
