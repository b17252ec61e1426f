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
 *
 * <p>A script has a {@code title}, a {@code verify} part (the right-party check said before anything about the debt),
 * a {@code text}, an optional {@code legal} part (said only when the escalation holds a legal step, which it names in
 * the words of the locale and the jurisdiction) and the lists {@code do} and {@code avoid}. Where the law differs, a
 * script has variants per jurisdiction ({@code jurisdictions: {US: {text: ...}, UK/SCOTLAND: {...}}}) that replace
 * only the parts they give. {@code defaults:} gives what every script inherits: the {@code verify} part and the
 * {@code terms} for legal steps, again with variants per jurisdiction. For a debtor in jurisdiction {@code J}, region
 * {@code R}, a part is taken from the first that has it: the script's variant {@code J/R}, its variant {@code J}, the
 * script, then the same three of {@code defaults}, then (for {@code verify}) the built-in one of the language
 * ({@link Messages}). The locale is chosen before: the exact tag, then the same language ({@link #resolve}).
 */
final class ScriptCatalogue {


    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A variant key: a jurisdiction code, optionally with a region ({@code US}, {@code UK/SCOTLAND}). */
    private static final Pattern VARIANT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,31}(/[A-Z0-9_]{1,32})?");
    private static final Set<String> SCRIPT_KEYS = Set.of("title", "verify", "text", "legal", "do", "avoid",
            "jurisdictions");
    private static final Set<String> VARIANT_KEYS = Set.of("title", "verify", "text", "legal", "do", "avoid");
    private static final Set<String> DEFAULT_KEYS = Set.of("verify", "terms", "jurisdictions");
    private static final Set<String> DEFAULT_VARIANT_KEYS = Set.of("verify", "terms");
    private static final Set<String> FALLBACK_KEYS = Set.of("name", "agent", "company");

    /**
     * A script's parts in one locale, and one jurisdiction where it is a variant, before placeholders are filled.
     *
     * @param variant {@code null} for the script itself, else the jurisdiction key ({@code US}, {@code UK/SCOTLAND})
     * @param verify  the right-party check: never empty (at worst the built-in one of the language)
     * @param legal   said after the text when the escalation holds a legal step; empty for none
     * @param terms   legal step name to the words texts use for it ({@code {legalStep}})
     */
    record Template(String id, String locale, String variant, String title, String verify, String text, String legal,
                    List<String> doPoints, List<String> avoid, Map<String, String> terms, String file, int line) {
    }

    /** Locale tag to script id to template. */
    private final Map<String, Map<String, Template>> byLocale;
    /** A script's variants by jurisdiction key, keyed by the script's own template (identity). */
    private final Map<Template, Map<String, Template>> variants;
    private final Map<String, Placeholder.Fallbacks> fallbacks;
    /** Locale tag to {@code RULE-ID/STEP-OR-CODE} to the translated reason of that rule's step or warning. */
    private final Map<String, Map<String, Reason>> reasons;
    /** Every text of the catalogue that is not a script's part, with where it is written, for the lint. */
    private final List<Text> otherTexts;

    /** A translated reason, where it is written. */
    record Reason(String key, String text, String file, int line) {
    }

    /** A text of the catalogue besides scripts and reasons ({@code fallbacks}, {@code terms}), for the lint. */
    record Text(String what, String locale, String text, String file, int line) {
    }

    private ScriptCatalogue(Map<String, Map<String, Template>> byLocale, Map<Template, Map<String, Template>> variants,
                            Map<String, Placeholder.Fallbacks> fallbacks, Map<String, Map<String, Reason>> reasons,
                            List<Text> otherTexts) {
        this.byLocale = byLocale;
        this.variants = variants;
        this.fallbacks = fallbacks;
        this.reasons = reasons;
        this.otherTexts = List.copyOf(otherTexts);
        for (Template t : templates()) {
            compiled.put(t, new CompiledText(t, fallbacks(t.locale())));
        }
    }

    /** Each template cut at its placeholders, so rendering only appends; never modified after construction. */
    private final Map<Template, CompiledText> compiled = new IdentityHashMap<>();

    /** One locale file's {@code defaults:}, and its variants. */
    private record Defaults(String verify, Map<String, String> terms, Map<String, Defaults> variants) {
        static final Defaults NONE = new Defaults(null, Map.of(), Map.of());
    }

    /**
     * Loads every {@code scripts/*.yaml} file of the rulebook, adding any problem to {@code problems}.
     */
    static ScriptCatalogue load(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Map<String, Template>> byLocale = new TreeMap<>();
        Map<Template, Map<String, Template>> variants = new IdentityHashMap<>();
        Map<String, Placeholder.Fallbacks> fallbacks = new TreeMap<>();
        Map<String, Map<String, Reason>> reasonsByLocale = new TreeMap<>();
        Map<String, String> fileOfLocale = new TreeMap<>();
        List<Text> others = new ArrayList<>();
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
            Messages messages = Messages.of(locale);
            Map<String, String> fb = new LinkedHashMap<>();
            root.path("fallbacks").fields().forEachRemaining(e -> {
                int line = lineOf(source, e.getKey());
                if (!FALLBACK_KEYS.contains(e.getKey())) {
                    problems.add(new RulebookProblem(path, line, "fallbacks." + e.getKey() + " is not known: fallbacks"
                            + " are name, agent and company"));
                }
                fb.put(e.getKey(), e.getValue().asText());
                others.add(new Text("fallbacks." + e.getKey(), locale, e.getValue().asText(), path, line));
            });
            fallbacks.put(locale, new Placeholder.Fallbacks(fb.getOrDefault("name", ""),
                    fb.getOrDefault("agent", messages.defaultText("agent")),
                    fb.getOrDefault("company", messages.defaultText("company"))));
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
                    Placeholder p = Placeholder.of(m.group(1));
                    if (p == null || p.use == Placeholder.Use.LEGAL) {
                        problems.add(new RulebookProblem(path, line, "reason " + e.getKey() + " uses unknown placeholder {"
                                + m.group(1) + "}; known placeholders: " + Placeholder.allKeys()));
                    }
                }
                localeReasons.put(e.getKey(), new Reason(e.getKey(), text.strip(), path, line));
            });
            reasonsByLocale.put(locale, localeReasons);
            Defaults defaults = defaults(root.path("defaults"), path, source, locale, problems, others);
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
                if (!node.isObject()) {
                    problems.add(new RulebookProblem(path, line, "script " + id + " must be a mapping with title,"
                            + " verify, text, do and avoid"));
                    continue;
                }
                unknownKeys(node, SCRIPT_KEYS, "script " + id, path, line, problems);
                Part own = Part.of(node);
                if (own.text == null || own.text.isBlank()) {
                    problems.add(new RulebookProblem(path, line, "script " + id + " has no text"));
                    continue;
                }
                Template base = template(id, locale, null, List.of(own), chainOf(defaults, null), messages, path, line);
                check(base, path, line, problems);
                scripts.put(id, base);
                Map<String, Template> mine = new TreeMap<>();
                Map<String, Part> ownVariants = new TreeMap<>();
                node.path("jurisdictions").fields().forEachRemaining(v -> {
                    int vline = lineOf(source, v.getKey(), line);
                    if (!VARIANT_KEY.matcher(v.getKey()).matches() || !v.getValue().isObject()) {
                        problems.add(new RulebookProblem(path, vline, "script " + id + ": jurisdictions." + v.getKey()
                                + " must be a jurisdiction code, or code/region, with a mapping of the parts it changes,"
                                + " e.g. US: {text: \"...\"} or UK/SCOTLAND: {verify: \"...\"}"));
                        return;
                    }
                    unknownKeys(v.getValue(), VARIANT_KEYS, "script " + id + " jurisdiction " + v.getKey(), path, vline,
                            problems);
                    ownVariants.put(v.getKey(), Part.of(v.getValue()));
                });
                Set<String> keys = new TreeSet<>(ownVariants.keySet());
                keys.addAll(defaults.variants().keySet());
                for (String key : keys) {
                    List<Part> parts = new ArrayList<>();
                    for (String k : widening(key)) {
                        if (ownVariants.containsKey(k)) {
                            parts.add(ownVariants.get(k));
                        }
                    }
                    parts.add(own);
                    int vline = ownVariants.containsKey(key) ? lineOf(source, key, line) : line;
                    Template variant = template(id, locale, key, parts, chainOf(defaults, key), messages, path, vline);
                    if (ownVariants.containsKey(key)) {
                        check(variant, path, vline, problems);
                    }
                    mine.put(key, variant);
                }
                if (!mine.isEmpty()) {
                    variants.put(base, mine);
                }
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
        return new ScriptCatalogue(byLocale, variants, fallbacks, reasonsByLocale, others);
    }

    /** The parts one level of a script gives ({@code null}: not given there). */
    private record Part(String title, String verify, String text, String legal, List<String> doPoints,
                        List<String> avoid) {
        static Part of(JsonNode node) {
            return new Part(textOrNull(node, "title"), textOrNull(node, "verify"), textOrNull(node, "text"),
                    textOrNull(node, "legal"), node.has("do") ? strings(node.path("do")) : null,
                    node.has("avoid") ? strings(node.path("avoid")) : null);
        }
    }

    private static String textOrNull(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText("").strip();
    }

    /** {@code US/NY} gives {@code US/NY, US}; {@code US} gives {@code US}. */
    private static List<String> widening(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? List.of(key) : List.of(key, key.substring(0, slash));
    }

    private static Defaults defaults(JsonNode node, String path, String source, String locale,
                                     List<RulebookProblem> problems, List<Text> others) {
        if (node.isMissingNode() || node.isNull()) {
            return Defaults.NONE;
        }
        int line = lineOf(source, "defaults");
        if (!node.isObject()) {
            problems.add(new RulebookProblem(path, line, "defaults must be a mapping with verify, terms and jurisdictions"));
            return Defaults.NONE;
        }
        unknownKeys(node, DEFAULT_KEYS, "defaults", path, line, problems);
        Map<String, Defaults> variants = new TreeMap<>();
        node.path("jurisdictions").fields().forEachRemaining(v -> {
            int vline = lineOf(source, v.getKey(), line);
            if (!VARIANT_KEY.matcher(v.getKey()).matches() || !v.getValue().isObject()) {
                problems.add(new RulebookProblem(path, vline, "defaults: jurisdictions." + v.getKey() + " must be a"
                        + " jurisdiction code, or code/region, with a mapping of verify and terms"));
                return;
            }
            unknownKeys(v.getValue(), DEFAULT_VARIANT_KEYS, "defaults jurisdiction " + v.getKey(), path, vline, problems);
            variants.put(v.getKey(), new Defaults(textOrNull(v.getValue(), "verify"),
                    terms(v.getValue().path("terms"), "defaults." + v.getKey() + ".terms", path, source, vline, locale,
                            problems, others), Map.of()));
        });
        Defaults d = new Defaults(textOrNull(node, "verify"), terms(node.path("terms"), "defaults.terms", path, source,
                line, locale, problems, others), Map.copyOf(variants));
        String verify = d.verify();
        if (verify != null) {
            checkVerify("defaults", verify, path, line, problems);
        }
        variants.forEach((k, v) -> {
            if (v.verify() != null) {
                checkVerify("defaults jurisdiction " + k, v.verify(), path, lineOf(source, k, line), problems);
            }
        });
        return d;
    }

    private static Map<String, String> terms(JsonNode node, String what, String path, String source, int from,
                                             String locale, List<RulebookProblem> problems, List<Text> others) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> {
            int line = lineOf(source, e.getKey(), from);
            if (!e.getKey().matches("[A-Z][A-Z0-9_]*") || !e.getValue().isTextual()) {
                problems.add(new RulebookProblem(path, line, what + "." + e.getKey() + " must be a step name with the"
                        + " words for it, e.g. LITIGATION: \"a claim in court\""));
                return;
            }
            out.put(e.getKey(), e.getValue().asText().strip());
            others.add(new Text(what + "." + e.getKey(), locale, e.getValue().asText().strip(), path, line));
        });
        return out;
    }

    /** The levels of {@code defaults:} for a variant key, most specific first. */
    private static List<Defaults> chainOf(Defaults d, String key) {
        List<Defaults> out = new ArrayList<>();
        if (key != null) {
            for (String k : widening(key)) {
                Defaults v = d.variants().get(k);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        out.add(d);
        return out;
    }

    private static Template template(String id, String locale, String variant, List<Part> parts, List<Defaults> defaults,
                                     Messages messages, String file, int line) {
        String verify = null;
        for (Part p : parts) {
            if (verify == null && p.verify() != null && !p.verify().isBlank()) {
                verify = p.verify();
            }
        }
        for (Defaults d : defaults) {
            if (verify == null && d.verify() != null && !d.verify().isBlank()) {
                verify = d.verify();
            }
        }
        if (verify == null) {
            verify = messages.defaultText("verify");
        }
        Map<String, String> terms = new TreeMap<>();
        for (int i = defaults.size() - 1; i >= 0; i--) {
            terms.putAll(defaults.get(i).terms()); // the more specific level wins
        }
        return new Template(id, locale, variant, first(parts, Part::title, ""), verify, first(parts, Part::text, ""),
                first(parts, Part::legal, ""), List.copyOf(first(parts, Part::doPoints, List.of())),
                List.copyOf(first(parts, Part::avoid, List.of())), Map.copyOf(terms), file, line);
    }

    private static <T> T first(List<Part> parts, java.util.function.Function<Part, T> get, T otherwise) {
        for (Part p : parts) {
            T v = get.apply(p);
            if (v != null) {
                return v;
            }
        }
        return otherwise;
    }

    /** The placeholders each part of a script may use. */
    private static void check(Template t, String path, int line, List<RulebookProblem> problems) {
        String who = "script " + t.id() + (t.variant() == null ? "" : " (" + t.variant() + ")");
        if (t.text().isBlank()) {
            problems.add(new RulebookProblem(path, line, who + " has no text"));
        }
        Matcher m = PLACEHOLDER.matcher(t.text());
        while (m.find()) {
            Placeholder known = Placeholder.of(m.group(1));
            if (known == null || !known.inScripts()) {
                problems.add(new RulebookProblem(path, line, who + " uses unknown placeholder {" + m.group(1)
                        + "}; known placeholders: " + Placeholder.scriptKeys()
                        + (known != null && known.use == Placeholder.Use.LEGAL ? " ({" + m.group(1)
                        + "} only in the legal part)" : "")));
            }
        }
        Matcher l = PLACEHOLDER.matcher(t.legal());
        while (l.find()) {
            Placeholder known = Placeholder.of(l.group(1));
            if (known == null || known.use == Placeholder.Use.REASON) {
                problems.add(new RulebookProblem(path, line, who + " uses unknown placeholder {" + l.group(1)
                        + "} in its legal part; known placeholders: " + Placeholder.scriptKeys() + " and "
                        + Placeholder.keys(Placeholder.Use.LEGAL)));
            }
        }
        checkVerify(who, t.verify(), path, line, problems);
        List<String> others = new ArrayList<>(t.doPoints());
        others.addAll(t.avoid());
        others.add(t.title());
        for (String other : others) {
            Matcher p = PLACEHOLDER.matcher(other);
            if (p.find()) {
                problems.add(new RulebookProblem(path, line, who + " uses placeholder " + p.group()
                        + " outside its text; placeholders are filled only in \"verify\", \"text\" and \"legal\""));
                break;
            }
        }
    }

    private static void checkVerify(String who, String verify, String path, int line, List<RulebookProblem> problems) {
        Matcher v = PLACEHOLDER.matcher(verify);
        while (v.find()) {
            Placeholder known = Placeholder.of(v.group(1));
            if (known == null || !Placeholder.VERIFY.contains(known)) {
                problems.add(new RulebookProblem(path, line, who + " uses placeholder {" + v.group(1) + "} in verify:"
                        + " the right-party check is said before anything about the debt and may use only {agent},"
                        + " {company} and {name}"));
            }
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String who, String path, int line,
                                    List<RulebookProblem> problems) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(new RulebookProblem(path, line, who + ": unknown key " + k + "; known keys: "
                        + new TreeSet<>(known)));
            }
        });
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

    /** @return the texts of the catalogue besides scripts and reasons: fallbacks and terms */
    List<Text> otherTexts() {
        return otherTexts;
    }

    /** @return what stands for a missing name, agent or company in a locale */
    Placeholder.Fallbacks fallbacks(String locale) {
        Placeholder.Fallbacks f = fallbacks.get(locale);
        if (f != null) {
            return f;
        }
        Messages m = Messages.of(locale);
        return new Placeholder.Fallbacks("", m.defaultText("agent"), m.defaultText("company"));
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
        Messages formats = Messages.of(locale);
        Placeholder.Fallbacks fb = fallbacks(locale);
        Matcher p = PLACEHOLDER.matcher(r.text());
        StringBuilder out = new StringBuilder(r.text().length() + 16);
        int from = 0;
        while (p.find()) {
            out.append(r.text(), from, p.start());
            Placeholder placeholder = Placeholder.of(p.group(1));
            if (placeholder == null || !placeholder.append(out, values, formats, fb)) {
                out.append(p.group()); // no value: the placeholder stays as written
            }
            from = p.end();
        }
        out.append(r.text(), from, r.text().length());
        return out.toString();
    }

    /** @return the script itself (not a variant) in a locale, or {@code null} */
    Template template(String id, String locale) {
        Map<String, Template> m = byLocale.get(locale);
        return m == null ? null : m.get(id);
    }

    /**
     * The variant of a script for a debtor's jurisdiction and region: {@code J/R}, then {@code J}, then the script.
     *
     * @param t the script, from {@link #template(String, String)}
     */
    Template forJurisdiction(Template t, String jurisdiction, String region) {
        Map<String, Template> mine = variants.get(t);
        if (mine == null) {
            return t;
        }
        if (region != null) {
            Template v = mine.get(jurisdiction + "/" + region);
            if (v != null) {
                return v;
            }
        }
        Template v = mine.get(jurisdiction);
        return v == null ? t : v;
    }

    /** Every template of every locale, variants included. */
    List<Template> templates() {
        List<Template> out = new ArrayList<>();
        for (Map<String, Template> m : byLocale.values()) {
            for (Template t : m.values()) {
                out.add(t);
                out.addAll(variants.getOrDefault(t, Map.of()).values());
            }
        }
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

    /**
     * The words of a template's locale and jurisdiction for a legal step ({@code terms:}), or the step's name in
     * lower case.
     */
    static String term(Template t, String step) {
        String own = t.terms().get(step);
        return own != null ? own : step.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Renders a script: the {@code legal} part follows the text only when {@code values} name a legal step.
     */
    Script render(Template t, Placeholder.Values values) {
        CompiledText c = compiled.get(t);
        if (c == null) {
            c = new CompiledText(t, fallbacks(t.locale()));
        }
        return new Script(t.id(), t.locale(), t.title(), c.verify.render(values), c.render(values), c.doPoints, c.avoid);
    }

    /** A template's parts as literal pieces and placeholders between them, with its locale's formats. */
    private static final class CompiledText {
        private final Pieces text;
        private final Pieces legal;
        private final Pieces verify;
        /** What joins the text and the legal part: a space, or nothing after a CJK character. */
        private final String joint;
        private final List<String> doPoints;
        private final List<String> avoid;

        CompiledText(Template t, Placeholder.Fallbacks fallbacks) {
            Messages formats = Messages.of(t.locale());
            this.text = new Pieces(t.text(), formats, fallbacks);
            this.legal = t.legal().isBlank() ? null : new Pieces(t.legal(), formats, fallbacks);
            this.verify = new Pieces(t.verify(), formats, fallbacks);
            char last = t.text().isEmpty() ? ' ' : t.text().charAt(t.text().length() - 1);
            this.joint = last > 0x2E7F ? "" : " ";
            this.doPoints = List.copyOf(t.doPoints());
            this.avoid = List.copyOf(t.avoid());
        }

        String render(Placeholder.Values values) {
            if (legal == null || values.legalStep() == null) {
                return text.render(values);
            }
            return text.render(values) + joint + legal.render(values);
        }
    }

    /** One text cut at its placeholders. */
    private static final class Pieces {
        /** {@code literals.length == placeholders.length + 1}: literal, placeholder, literal, ... */
        private final String[] literals;
        private final Placeholder[] placeholders;
        private final Messages formats;
        private final Placeholder.Fallbacks fallbacks;

        Pieces(String source, Messages formats, Placeholder.Fallbacks fallbacks) {
            List<String> lits = new ArrayList<>();
            List<Placeholder> codes = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(source);
            StringBuilder literal = new StringBuilder();
            int from = 0;
            while (m.find()) {
                literal.append(source, from, m.start());
                Placeholder code = Placeholder.of(m.group(1));
                if (code == null || code.use == Placeholder.Use.REASON) {
                    literal.append(m.group()); // unknown placeholders stay as written
                } else {
                    lits.add(literal.toString());
                    literal.setLength(0);
                    codes.add(code);
                }
                from = m.end();
            }
            literal.append(source, from, source.length());
            lits.add(literal.toString());
            this.literals = lits.toArray(String[]::new);
            this.placeholders = codes.toArray(Placeholder[]::new);
            this.formats = formats;
            this.fallbacks = fallbacks;
        }

        String render(Placeholder.Values values) {
            StringBuilder out = new StringBuilder(literals[0].length() + 16 * literals.length + 32);
            out.append(literals[0]);
            for (int i = 0; i < placeholders.length; i++) {
                placeholders[i].append(out, values, formats, fallbacks);
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
        return lineOf(source, key, 1);
    }

    /** The 1-based line where {@code key:} first appears at or after line {@code from}, or 0. */
    static int lineOf(String source, String key, int from) {
        String[] lines = source.split("\n", -1);
        Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
