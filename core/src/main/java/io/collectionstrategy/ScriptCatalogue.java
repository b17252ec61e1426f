package io.collectionstrategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script texts of a rulebook, one YAML file per locale ({@code scripts/<locale>.yaml}), and their rendering
 * with the debtor's facts. Immutable once loaded.
 */
final class ScriptCatalogue {

    /** The placeholders a script text may use. */
    static final Set<String> PLACEHOLDERS = Set.of("name", "caseId", "amount", "currency", "daysOverdue", "dueDate", "asOf");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A script's text in one locale, before placeholders are filled. */
    record Template(String id, String locale, String title, String text, List<String> doPoints, List<String> avoid,
                    String file, int line) {
    }

    /** Locale tag to script id to template. */
    private final Map<String, Map<String, Template>> byLocale;
    private final Map<String, Map<String, String>> fallbacks;

    private ScriptCatalogue(Map<String, Map<String, Template>> byLocale, Map<String, Map<String, String>> fallbacks) {
        this.byLocale = byLocale;
        this.fallbacks = fallbacks;
    }

    /**
     * Loads every {@code scripts/*.yaml} file of the rulebook, adding any problem to {@code problems}.
     */
    static ScriptCatalogue load(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Map<String, Template>> byLocale = new TreeMap<>();
        Map<String, Map<String, String>> fallbacks = new TreeMap<>();
        Map<String, String> fileOfLocale = new TreeMap<>();
        for (String path : rulebook.files().keySet()) {
            if (!path.startsWith("scripts/") || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
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
                problems.add(new RulebookProblem(path, 1, "a script catalogue must be a YAML mapping with locale and scripts"));
                continue;
            }
            String stem = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            String locale = Locale.forLanguageTag(root.path("locale").asText(stem)).toLanguageTag();
            if (fileOfLocale.containsKey(locale)) {
                problems.add(new RulebookProblem(path, lineOf(source, "locale"),
                        "locale " + locale + " is already given by " + fileOfLocale.get(locale)));
                continue;
            }
            fileOfLocale.put(locale, path);
            Map<String, String> fb = new LinkedHashMap<>();
            root.path("fallbacks").fields().forEachRemaining(e -> fb.put(e.getKey(), e.getValue().asText()));
            fallbacks.put(locale, fb);
            Map<String, Template> scripts = new TreeMap<>();
            JsonNode scriptsNode = root.path("scripts");
            if (!scriptsNode.isObject()) {
                problems.add(new RulebookProblem(path, 1, "missing the \"scripts:\" mapping of script id to text"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = scriptsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = e.getKey();
                int line = lineOf(source, id);
                JsonNode node = e.getValue();
                String text = node.path("text").asText("");
                if (text.isBlank()) {
                    problems.add(new RulebookProblem(path, line, "script " + id + " has no text"));
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        problems.add(new RulebookProblem(path, line, "script " + id + " uses unknown placeholder {"
                                + m.group(1) + "}; known placeholders: " + new TreeSet<>(PLACEHOLDERS)));
                    }
                }
                scripts.put(id, new Template(id, locale, node.path("title").asText(""), text.strip(),
                        strings(node.path("do")), strings(node.path("avoid")), path, line));
            }
            byLocale.put(locale, scripts);
        }
        // every script must exist in every locale
        Set<String> allIds = new TreeSet<>();
        byLocale.values().forEach(m -> allIds.addAll(m.keySet()));
        for (Map.Entry<String, Map<String, Template>> e : byLocale.entrySet()) {
            for (String id : allIds) {
                if (!e.getValue().containsKey(id)) {
                    Template other = byLocale.values().stream().map(m -> m.get(id)).filter(t -> t != null).findFirst().orElseThrow();
                    problems.add(new RulebookProblem(fileOfLocale.get(e.getKey()), 0, "script " + id
                            + " has no text in locale " + e.getKey() + " (it is in " + other.file() + ":" + other.line() + ")"));
                }
            }
        }
        return new ScriptCatalogue(byLocale, fallbacks);
    }

    /** @return the locale tags of the catalogue, sorted */
    Set<String> locales() {
        return byLocale.keySet();
    }

    /** @return every script id, sorted */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        byLocale.values().forEach(m -> ids.addAll(m.keySet()));
        return ids;
    }

    Template template(String id, String locale) {
        Map<String, Template> m = byLocale.get(locale);
        return m == null ? null : m.get(id);
    }

    /** Every template of every locale. */
    List<Template> templates() {
        List<Template> out = new ArrayList<>();
        byLocale.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * Picks the catalogue locale for a requested one: exact tag, then same language.
     *
     * @return the tag, or {@code null} when the catalogue has no such language
     */
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

    Script render(Template t, Debtor debtor, LocalDate asOf) {
        Map<String, String> fb = fallbacks.getOrDefault(t.locale(), Map.of());
        Locale locale = Locale.forLanguageTag(t.locale());
        Matcher m = PLACEHOLDER.matcher(t.text());
        StringBuilder out = new StringBuilder(t.text().length() + 64);
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "name" -> debtor.name() == null || debtor.name().isBlank() ? fb.getOrDefault("name", "") : debtor.name();
                case "caseId" -> debtor.id();
                case "amount" -> String.format(locale, "%,.2f", debtor.amountOverdue().setScale(2, RoundingMode.HALF_UP));
                case "currency" -> debtor.currency();
                case "daysOverdue" -> Integer.toString(debtor.daysOverdue());
                case "dueDate" -> debtor.effectiveDueDate(asOf).toString();
                case "asOf" -> asOf.toString();
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Script(t.id(), t.locale(), t.title(), out.toString(), t.doPoints(), t.avoid());
    }

    static String format(BigDecimal amount, Locale locale) {
        return String.format(locale, "%,.2f", amount);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
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
