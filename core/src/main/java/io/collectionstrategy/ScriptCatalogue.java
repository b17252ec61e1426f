package io.collectionstrategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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


    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A script's text in one locale, before placeholders are filled. */
    record Template(String id, String locale, String title, String text, List<String> doPoints, List<String> avoid,
                    String file, int line) {
    }

    /** Locale tag to script id to template. */
    private final Map<String, Map<String, Template>> byLocale;
    private final Map<String, Map<String, String>> fallbacks;
    /** Locale tag to {@code RULE-ID/STEP-OR-CODE} to the translated reason of that rule's step or warning. */
    private final Map<String, Map<String, Reason>> reasons;

    /** A translated reason, where it is written. */
    record Reason(String key, String text, String file, int line) {
    }

    private ScriptCatalogue(Map<String, Map<String, Template>> byLocale, Map<String, Map<String, String>> fallbacks,
                            Map<String, Map<String, Reason>> reasons) {
        this.byLocale = byLocale;
        this.fallbacks = fallbacks;
        this.reasons = reasons;
        for (Map<String, Template> scripts : byLocale.values()) {
            for (Template t : scripts.values()) {
                compiled.put(t, new CompiledText(t, fallbacks.getOrDefault(t.locale(), Map.of())));
            }
        }
    }

    /** Each template cut at its placeholders, so rendering only appends; never modified after construction. */
    private final Map<Template, CompiledText> compiled = new IdentityHashMap<>();

    /**
     * Loads every {@code scripts/*.yaml} file of the rulebook, adding any problem to {@code problems}.
     */
    static ScriptCatalogue load(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Map<String, Template>> byLocale = new TreeMap<>();
        Map<String, Map<String, String>> fallbacks = new TreeMap<>();
        Map<String, Map<String, Reason>> reasonsByLocale = new TreeMap<>();
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
            Map<String, Reason> localeReasons = new TreeMap<>();
            root.path("reasons").fields().forEachRemaining(e -> {
                int line = lineOf(source, e.getKey());
                String text = e.getValue().asText("");
                if (!e.getKey().matches("[^/\\s]+/[A-Z0-9_]+")) {
                    problems.add(new RulebookProblem(path, line, "reason key " + e.getKey()
                            + " must be RULE-ID/STEP or RULE-ID/WARNING_CODE, e.g. ESC-003/PHONE_CALL"));
                    return;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (Placeholder.of(m.group(1)) == null) {
                        problems.add(new RulebookProblem(path, line, "reason " + e.getKey() + " uses unknown placeholder {"
                                + m.group(1) + "}; known placeholders: " + Placeholder.allKeys()));
                    }
                }
                localeReasons.put(e.getKey(), new Reason(e.getKey(), text.strip(), path, line));
            });
            reasonsByLocale.put(locale, localeReasons);
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
                    Placeholder known = Placeholder.of(m.group(1));
                    if (known == null || !known.inScripts) {
                        problems.add(new RulebookProblem(path, line, "script " + id + " uses unknown placeholder {"
                                + m.group(1) + "}; known placeholders: " + Placeholder.scriptKeys()));
                    }
                }
                List<String> doPoints = strings(node.path("do"));
                List<String> avoid = strings(node.path("avoid"));
                List<String> others = new ArrayList<>(doPoints);
                others.addAll(avoid);
                others.add(node.path("title").asText(""));
                for (String other : others) {
                    Matcher p = PLACEHOLDER.matcher(other);
                    if (p.find()) {
                        problems.add(new RulebookProblem(path, line, "script " + id + " uses placeholder " + p.group()
                                + " outside its text; placeholders are filled only in \"text\""));
                        break;
                    }
                }
                scripts.put(id, new Template(id, locale, node.path("title").asText(""), text.strip(), doPoints, avoid,
                        path, line));
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
        return new ScriptCatalogue(byLocale, fallbacks, reasonsByLocale);
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

    /** @return whether the locale has any translated reason */
    boolean hasReasons(String locale) {
        Map<String, Reason> m = reasons.get(locale);
        return m != null && !m.isEmpty();
    }

    /** @return every translated reason of every locale */
    List<Reason> reasons() {
        List<Reason> out = new ArrayList<>();
        reasons.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * The translated reason of a rule's step or warning, with placeholders filled, or {@code null} when the locale has
     * none (the rule's own text stays).
     */
    String reason(String locale, String rule, String name, Placeholder.Values values) {
        Map<String, Reason> m = reasons.get(locale);
        if (m == null || m.isEmpty() || rule == null) {
            return null;
        }
        Reason r = m.get(rule + "/" + name);
        if (r == null) {
            return null;
        }
        if (r.text().indexOf('{') < 0) {
            return r.text();
        }
        AmountFormat amounts = AmountFormat.of(Locale.forLanguageTag(locale));
        String fallbackName = fallbacks.getOrDefault(locale, Map.of()).getOrDefault("name", "");
        Matcher p = PLACEHOLDER.matcher(r.text());
        StringBuilder out = new StringBuilder(r.text().length() + 16);
        int from = 0;
        while (p.find()) {
            out.append(r.text(), from, p.start());
            Placeholder placeholder = Placeholder.of(p.group(1));
            if (placeholder == null || !placeholder.append(out, values, amounts, fallbackName)) {
                out.append(p.group()); // no value: the placeholder stays as written
            }
            from = p.end();
        }
        out.append(r.text(), from, r.text().length());
        return out.toString();
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

    Script render(Template t, Placeholder.Values values) {
        CompiledText c = compiled.get(t);
        if (c == null) {
            c = new CompiledText(t, fallbacks.getOrDefault(t.locale(), Map.of()));
        }
        return new Script(t.id(), t.locale(), t.title(), c.render(values), c.doPoints, c.avoid);
    }

    /** A template's text as literal pieces and placeholders between them, with its locale's number format. */
    private static final class CompiledText {
        /** {@code literals.length == placeholders.length + 1}: literal, placeholder, literal, ... */
        private final String[] literals;
        private final Placeholder[] placeholders;
        private final String fallbackName;
        private final AmountFormat amounts;
        private final List<String> doPoints;
        private final List<String> avoid;

        CompiledText(Template t, Map<String, String> fallbacks) {
            List<String> lits = new ArrayList<>();
            List<Placeholder> codes = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(t.text());
            StringBuilder literal = new StringBuilder();
            int from = 0;
            while (m.find()) {
                literal.append(t.text(), from, m.start());
                Placeholder code = Placeholder.of(m.group(1));
                if (code == null || !code.inScripts) {
                    literal.append(m.group()); // unknown placeholders stay as written
                } else {
                    lits.add(literal.toString());
                    literal.setLength(0);
                    codes.add(code);
                }
                from = m.end();
            }
            literal.append(t.text(), from, t.text().length());
            lits.add(literal.toString());
            this.literals = lits.toArray(String[]::new);
            this.placeholders = codes.toArray(Placeholder[]::new);
            this.fallbackName = fallbacks.getOrDefault("name", "");
            this.amounts = AmountFormat.of(Locale.forLanguageTag(t.locale()));
            this.doPoints = List.copyOf(t.doPoints());
            this.avoid = List.copyOf(t.avoid());
        }

        String render(Placeholder.Values values) {
            StringBuilder out = new StringBuilder(literals[0].length() + 16 * literals.length + 32);
            out.append(literals[0]);
            for (int i = 0; i < placeholders.length; i++) {
                placeholders[i].append(out, values, amounts, fallbackName);
                out.append(literals[i + 1]);
            }
            return out.toString();
        }
    }

    /**
     * {@code String.format(locale, "%,.2f", amount rounded half up)} without the cost of a {@link java.util.Formatter}:
     * the locale's digits and separators as the formatter picks them. Checked against the formatter for each locale
     * when made; a locale where they differ keeps the formatter.
     */
    static final class AmountFormat {
        private static final Map<Locale, AmountFormat> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final BigDecimal[] SAMPLES = {BigDecimal.ZERO, new BigDecimal("0.005"), new BigDecimal("7.1"),
            new BigDecimal("999.995"), new BigDecimal("1000"), new BigDecimal("1234567.891"),
            new BigDecimal("12345678901234567890.12")};

        private final Locale locale;
        private final char zero;
        private final char groupSeparator;
        private final int groupSize;
        private final char decimalSeparator;
        private final boolean exact;

        private AmountFormat(Locale locale) {
            this.locale = locale;
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            this.zero = symbols.getZeroDigit();
            this.decimalSeparator = symbols.getDecimalSeparator();
            NumberFormat nf = NumberFormat.getNumberInstance(locale);
            if (nf instanceof DecimalFormat df && df.isGroupingUsed() && df.getGroupingSize() > 0) {
                this.groupSeparator = symbols.getGroupingSeparator();
                this.groupSize = df.getGroupingSize();
            } else {
                this.groupSeparator = 0;
                this.groupSize = 0;
            }
            boolean same = true;
            for (BigDecimal sample : SAMPLES) {
                StringBuilder fast = new StringBuilder();
                appendFast(sample, fast);
                same &= fast.toString().equals(slow(sample));
            }
            this.exact = same;
        }

        static AmountFormat of(Locale locale) {
            return CACHE.computeIfAbsent(locale, AmountFormat::new);
        }

        void append(BigDecimal amount, StringBuilder out) {
            if (exact) {
                appendFast(amount, out);
            } else {
                out.append(slow(amount));
            }
        }

        private String slow(BigDecimal amount) {
            return String.format(locale, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
        }

        private void appendFast(BigDecimal amount, StringBuilder out) {
            BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
            if (rounded.signum() < 0) {
                out.append(slow(amount)); // amounts are never negative; keep the formatter's sign handling anyway
                return;
            }
            String plain = rounded.toPlainString();
            int dot = plain.indexOf('.');
            int intDigits = dot < 0 ? plain.length() : dot;
            for (int i = 0; i < intDigits; i++) {
                if (groupSize > 0 && i > 0 && (intDigits - i) % groupSize == 0) {
                    out.append(groupSeparator);
                }
                out.append((char) (plain.charAt(i) - '0' + zero));
            }
            out.append(decimalSeparator);
            for (int i = dot + 1; i < plain.length(); i++) {
                out.append((char) (plain.charAt(i) - '0' + zero));
            }
        }
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
