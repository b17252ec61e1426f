package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint of every text a rulebook puts in a collector's mouth or in front of one: script parts, translated reasons,
 * fallbacks and terms of the catalogue, and the texts of the rules' {@code then} parts (step reasons, warnings, cues).
 * It refuses impersonation of courts, police, government and lawyers; false claims that a suit, warrant, seizure or
 * arrest is under way; criminal threats; contact of the employer, family, neighbours or contacts; public shaming;
 * false claims about credit records; and insults. Two kinds apply to some texts only: {@code timeBarred} to the scripts
 * of a time-barred or prescribed debt (no legal action mentioned at all), {@code verifyDisclosure} to the
 * right-party check (nothing about the debt).
 *
 * <p>The patterns are data: the built-in {@code script-lint.yaml} next to this class, plus the rulebook's own
 * {@code lint/script-lint.yaml}, whose entries are added, never replace. Per locale, per kind, a list of patterns:
 *
 * <ul>
 *   <li>words separated by spaces match those words in that order, ignoring case; a Latin word matches a whole word
 *       only ({@code court} is not in {@code courteous}); {@code arrest*} matches every word starting with
 *       {@code arrest}; Chinese (any CJK text) matches anywhere, no word boundaries;</li>
 *   <li>{@code (a|b c|d)} matches one of the alternatives; {@code (a|b)?} may also be left out;</li>
 *   <li>{@code @name} matches one of the entries of the word set {@code name} of the locale ({@code words:});</li>
 *   <li>{@code ~} between two parts allows up to 3 other words between them (up to 6 characters next to Chinese),
 *       {@code ~N} up to N; a gap never reaches over the end of a sentence;</li>
 *   <li>an entry starting with {@code !} is an exception of its kind: what it matches is not checked by the other
 *       patterns of that kind (so a time-barred script may say "we cannot take you to court").</li>
 * </ul>
 *
 * Every list applies to every text, whatever its language: a Chinese script may quote English and the other way
 * round. Immutable once made.
 */
final class ScriptLint {

    /** The rulebook's own patterns, added to the built-in ones. */
    static final String FILE = "lint/script-lint.yaml";
    /** The kind that applies only to the scripts of a time-barred or prescribed debt. */
    static final String TIME_BARRED = "timeBarred";
    /** The kind that applies only to the right-party check of a script. */
    static final String VERIFY = "verifyDisclosure";
    private static final String WORDS = "words";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int LATIN_GAP = 3;
    private static final int CJK_GAP = 6;
    /** What may stand between two parts: anything but letters, digits and the end of a sentence. */
    private static final String SEP = "[^\\p{L}\\p{N}.!?;。！？；\\n]*";
    private static final String SEP_ONE = "[^\\p{L}\\p{N}.!?;。！？；\\n]+";
    private static final String WORD = "[\\p{L}\\p{N}_']++";
    private static final String NOT_SENTENCE_END = "[^.!?;。！？；\\n]";

    /** One pattern of a kind, as written and compiled. */
    record Rule(String locale, String kind, String written, Pattern pattern, List<Anchors> anchors,
                boolean exception) {

        /**
         * Whether the text may match: for every required part of the pattern, it holds one of the part's words (the
         * most selective parts are asked first). Much cheaper than the regular expression, which runs only when this
         * holds.
         */
        boolean mayMatch(Text text) {
            for (Anchors part : anchors) {
                if (!part.in(text)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The words of one part of a pattern, one of which a text must hold for the pattern to match, lower case: whole
     * words of the text ({@code exact}), prefixes of one ({@code prefixes}, from words ending in {@code *}), and
     * CJK words or words with other characters than letters and digits, anywhere in the text ({@code anywhere}).
     */
    record Anchors(java.util.Set<String> exact, List<String> prefixes, List<String> anywhere) {
        boolean in(Text t) {
            for (String w : t.words()) {
                if (exact.contains(w)) {
                    return true;
                }
                for (String p : prefixes) {
                    if (w.startsWith(p)) {
                        return true;
                    }
                }
            }
            for (String a : anywhere) {
                if (t.lower().contains(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A text being checked: lower case, and its words; a word with an apostrophe also gives its pieces ("court's"
     * gives "court" and "s"), as a pattern's word matches before an apostrophe.
     */
    record Text(String lower, java.util.Set<String> words) {
        static Text of(String normal) {
            String lower = normal.toLowerCase(java.util.Locale.ROOT);
            java.util.Set<String> words = new java.util.HashSet<>();
            Matcher m = TOKEN.matcher(lower);
            while (m.find()) {
                String w = m.group();
                words.add(w);
                if (w.indexOf('\'') >= 0) {
                    for (String piece : w.split("'")) {
                        if (!piece.isEmpty()) {
                            words.add(piece);
                        }
                    }
                }
            }
            return new Text(lower, words);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_']+");

    /** A compiled pattern: its regular expression and the words a text must hold for it to match. */
    record Compiled(Pattern pattern, List<Anchors> anchors) {
    }

    /** A forbidden phrase found in a text. */
    record Finding(String kind, String locale, String pattern, String phrase) {
    }

    /** Locale to kind to the patterns as written (word sets under {@code words}), for people to read. */
    private final Map<String, Map<String, List<String>>> written;
    /** Kind to its rules, every locale together. */
    private final Map<String, List<Rule>> byKind;

    private ScriptLint(Map<String, Map<String, List<String>>> written, Map<String, List<Rule>> byKind) {
        this.written = written;
        this.byKind = byKind;
    }

    private static volatile ScriptLint builtIn;

    /** @return the built-in patterns only */
    static ScriptLint builtIn() {
        ScriptLint b = builtIn;
        if (b == null) {
            List<RulebookProblem> problems = new ArrayList<>();
            b = make(List.of(new Source("script-lint.yaml", null, readBuiltIn())), problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the built-in script lint is broken: " + problems);
            }
            builtIn = b;
        }
        return b;
    }

    /** A file of patterns: its name, its text (for the lines of problems; null when built in) and its tree. */
    private record Source(String file, String text, JsonNode root) {
        int lineOf(String entry) {
            if (text == null) {
                return 0;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(entry)) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /**
     * The patterns in force for a rulebook: the built-in ones plus its {@code lint/script-lint.yaml}. A problem of
     * that file is added to {@code problems} and its broken entries are left out.
     */
    static ScriptLint of(Rulebook rulebook, List<RulebookProblem> problems) {
        String own = rulebook.files().get(FILE);
        if (own == null) {
            return builtIn();
        }
        JsonNode root;
        try {
            root = YAML.readTree(own);
        } catch (IOException e) {
            problems.add(new RulebookProblem(FILE, 0, "not valid YAML: " + e.getMessage().split("\n")[0]));
            return builtIn();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return builtIn();
        }
        if (!root.isObject()) {
            problems.add(new RulebookProblem(FILE, 1, "the script lint must be a mapping of locale to kind to patterns,"
                    + " e.g. en: {insult: [\"...\"]}"));
            return builtIn();
        }
        return make(List.of(new Source("script-lint.yaml", null, readBuiltIn()), new Source(FILE, own, root)), problems);
    }

    private static JsonNode readBuiltIn() {
        try (InputStream in = ScriptLint.class.getResourceAsStream("script-lint.yaml")) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in script lint", e);
        }
    }

    private static ScriptLint make(List<Source> sources, List<RulebookProblem> problems) {
        Map<String, Map<String, List<String>>> written = new LinkedHashMap<>();
        Map<String, Source> origin = new java.util.HashMap<>(); // "locale kind entry" to the file that gave it
        for (Source src : sources) {
            src.root().fields().forEachRemaining(locale -> {
                if (!locale.getValue().isObject()) {
                    problems.add(new RulebookProblem(src.file(), src.lineOf(locale.getKey()), locale.getKey()
                            + ": a locale maps kinds to lists of patterns, e.g. insult: [\"...\"]"));
                    return;
                }
                locale.getValue().fields().forEachRemaining(kind -> {
                    if (kind.getKey().equals(WORDS)) {
                        if (!kind.getValue().isObject()) {
                            problems.add(new RulebookProblem(src.file(), src.lineOf(WORDS), locale.getKey()
                                    + ".words: a mapping of set name to words, e.g. authority: [court, police]"));
                            return;
                        }
                        kind.getValue().fields().forEachRemaining(set -> add(written, origin, locale.getKey(),
                                WORDS + "." + set.getKey(), set.getValue(), src, problems));
                    } else {
                        add(written, origin, locale.getKey(), kind.getKey(), kind.getValue(), src, problems);
                    }
                });
            });
        }
        Map<String, List<Rule>> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> locale : written.entrySet()) {
            Map<String, List<String>> sets = new LinkedHashMap<>();
            locale.getValue().forEach((k, v) -> {
                if (k.startsWith(WORDS + ".")) {
                    sets.put(k.substring(WORDS.length() + 1), v);
                }
            });
            for (Map.Entry<String, List<String>> kind : locale.getValue().entrySet()) {
                if (kind.getKey().startsWith(WORDS + ".")) {
                    for (String entry : kind.getValue()) { // a set's entries must be words a pattern can hold
                        try {
                            compile("(" + entry + ")", Map.of());
                        } catch (IllegalArgumentException e) {
                            Source src = origin.get(locale.getKey() + " " + kind.getKey() + " " + entry);
                            problems.add(new RulebookProblem(src.file(), src.lineOf(entry), "\"" + entry + "\" ("
                                    + locale.getKey() + ", " + kind.getKey() + ") is not a word the lint reads: "
                                    + e.getMessage()));
                        }
                    }
                    continue;
                }
                for (String entry : kind.getValue()) {
                    boolean exception = entry.startsWith("!");
                    String source = exception ? entry.substring(1).strip() : entry;
                    try {
                        Compiled c = compileWithAnchors(source, sets);
                        byKind.computeIfAbsent(kind.getKey(), k -> new ArrayList<>())
                                .add(new Rule(locale.getKey(), kind.getKey(), entry, c.pattern(), c.anchors(), exception));
                    } catch (IllegalArgumentException e) {
                        Source src = origin.get(locale.getKey() + " " + kind.getKey() + " " + entry);
                        problems.add(new RulebookProblem(src.file(), src.lineOf(entry), "\"" + entry + "\" ("
                                + locale.getKey() + ", " + kind.getKey() + ") is not a pattern the lint reads: "
                                + e.getMessage()));
                    }
                }
            }
        }
        Map<String, Map<String, List<String>>> frozen = new LinkedHashMap<>();
        written.forEach((l, kinds) -> {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            kinds.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            frozen.put(l, Collections.unmodifiableMap(copy));
        });
        Map<String, List<Rule>> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, List.copyOf(v)));
        return new ScriptLint(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(kinds));
    }

    private static void add(Map<String, Map<String, List<String>>> written, Map<String, Source> origin, String locale,
                            String kind, JsonNode list, Source src, List<RulebookProblem> problems) {
        if (!list.isArray()) {
            problems.add(new RulebookProblem(src.file(), src.lineOf(kind.replaceFirst("^words\\.", "")), locale + "."
                    + kind + ": a list of patterns in [ ], e.g. [\"from the court\"]"));
            return;
        }
        List<String> into = written.computeIfAbsent(locale, k -> new LinkedHashMap<>())
                .computeIfAbsent(kind, k -> new ArrayList<>());
        for (JsonNode p : list) {
            String text = p.asText("").strip();
            if (!text.isEmpty() && !into.contains(text)) {
                into.add(text);
                origin.put(locale + " " + kind + " " + text, src);
            }
        }
    }

    /** @return locale to kind to the patterns in force as written; word sets under {@code words.<name>} */
    Map<String, Map<String, List<String>>> lists() {
        return written;
    }

    /**
     * The forbidden phrases of a text.
     *
     * @param text       the text
     * @param timeBarred whether the {@code timeBarred} kind applies (a script of a time-barred or prescribed debt)
     * @param verify     whether the {@code verifyDisclosure} kind applies (a right-party check)
     * @return one finding per kind at most, in the order of the kinds
     */
    List<Finding> check(String text, boolean timeBarred, boolean verify) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normal = text.replace('’', '\'').replace('‘', '\'');
        Text lower = Text.of(normal);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Rule>> kind : byKind.entrySet()) {
            String k = kind.getKey();
            if (k.equals(TIME_BARRED) && !timeBarred || k.equals(VERIFY) && !verify) {
                continue;
            }
            String checked = normal;
            for (Rule r : kind.getValue()) {
                if (r.exception() && r.mayMatch(lower)) {
                    checked = blank(checked, r.pattern());
                }
            }
            for (Rule r : kind.getValue()) {
                if (r.exception() || !r.mayMatch(lower)) {
                    continue;
                }
                Matcher m = r.pattern().matcher(checked);
                if (m.find()) {
                    out.add(new Finding(k, r.locale(), r.written(), normal.substring(m.start(), m.end())));
                    break;
                }
            }
        }
        return out;
    }

    /** The text with what the pattern matches replaced by spaces (which end no sentence). */
    private static String blank(String text, Pattern p) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        do {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        } while (m.find());
        return out.toString();
    }

    // ------------------------------------------------------------------ patterns

    /** A part of a pattern: its alternatives, each a sequence of words; an optional part may be left out. */
    private record Part(List<List<String>> alternatives, boolean cjk, boolean latin, boolean optional) {
        Part optionalPart() {
            return new Part(alternatives, cjk, latin, true);
        }
    }

    /**
     * Compiles a pattern to a regular expression: literal words only, bounded gaps, no nesting.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Pattern compile(String pattern, Map<String, List<String>> sets) {
        return compileWithAnchors(pattern, sets).pattern();
    }

    /**
     * Compiles a pattern, with its anchors: the literal words of its required part with the fewest alternatives
     * (lower case, without a trailing {@code *}); a text that holds none of them cannot match.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Compiled compileWithAnchors(String pattern, Map<String, List<String>> sets) {
        List<Object> items = new ArrayList<>(); // Part or Integer (a gap)
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '~') {
                int j = i + 1;
                while (j < n && Character.isDigit(pattern.charAt(j))) {
                    j++;
                }
                int size = j == i + 1 ? -1 : parseGap(pattern.substring(i + 1, j));
                if (items.isEmpty() || items.get(items.size() - 1) instanceof Integer) {
                    throw new IllegalArgumentException("a gap (~) stands between two words");
                }
                items.add(size);
                i = j;
            } else if (c == '(') {
                int close = pattern.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("( without )");
                }
                String inside = pattern.substring(i + 1, close);
                if (inside.indexOf('(') >= 0 || inside.indexOf('~') >= 0 || inside.indexOf('@') >= 0) {
                    throw new IllegalArgumentException("alternatives in ( ) hold words only: no ( ), ~ or @ inside");
                }
                List<String> alts = new ArrayList<>();
                for (String alt : inside.split("\\|", -1)) {
                    if (alt.isBlank()) {
                        throw new IllegalArgumentException("an empty alternative in (" + inside + ")");
                    }
                    alts.add(alt.strip());
                }
                Part p = part(alts);
                i = close + 1;
                if (i < n && pattern.charAt(i) == '?') {
                    if (items.isEmpty() || items.get(items.size() - 1) instanceof Integer) {
                        throw new IllegalArgumentException("an optional part (...)? follows a word");
                    }
                    p = p.optionalPart();
                    i++;
                }
                items.add(p);
            } else if (c == ')' || c == '|' || c == '?') {
                throw new IllegalArgumentException("'" + c + "' outside ( )" + (c == '?' ? ": only (...)? is optional" : ""));
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(pattern.charAt(j)) && "()|~?".indexOf(pattern.charAt(j)) < 0) {
                    j++;
                }
                String word = pattern.substring(i, j);
                if (word.startsWith("@")) {
                    List<String> set = sets.get(word.substring(1));
                    if (set == null) {
                        throw new IllegalArgumentException("no word set " + word + " in this locale; sets: "
                                + new java.util.TreeSet<>(sets.keySet()));
                    }
                    if (set.isEmpty()) {
                        throw new IllegalArgumentException("word set " + word + " is empty");
                    }
                    items.add(part(set));
                } else {
                    items.add(part(List.of(word)));
                }
                i = j;
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern");
        }
        if (items.get(items.size() - 1) instanceof Integer) {
            throw new IllegalArgumentException("a gap (~) stands between two words");
        }
        List<Part> required = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Part p && !p.optional()) {
                required.add(p);
            }
        }
        required.sort(java.util.Comparator.comparingInt(ScriptLint::cost));
        List<Anchors> anchors = new ArrayList<>();
        for (Part part : required) {
            java.util.Set<String> exact = new java.util.HashSet<>();
            List<String> prefixes = new ArrayList<>();
            List<String> anywhere = new ArrayList<>();
            for (List<String> alt : part.alternatives()) {
                String longest = "";
                boolean prefix = false;
                for (String w : alt) {
                    String literal = (w.endsWith("*") ? w.substring(0, w.length() - 1) : w).replace('’', '\'')
                            .toLowerCase(java.util.Locale.ROOT);
                    boolean better = longest.isEmpty() || COMMON.contains(longest) && !COMMON.contains(literal)
                            || COMMON.contains(longest) == COMMON.contains(literal) && literal.length() > longest.length();
                    if (better) {
                        longest = literal;
                        prefix = w.endsWith("*");
                    }
                }
                if (isCjk(longest) || !TOKEN.matcher(longest).matches()) {
                    anywhere.add(longest);
                } else if (prefix) {
                    prefixes.add(longest);
                } else {
                    exact.add(longest);
                }
            }
            anchors.add(new Anchors(java.util.Set.copyOf(exact), List.copyOf(prefixes), List.copyOf(anywhere)));
        }
        StringBuilder regex = new StringBuilder();
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (item instanceof Part p) {
                String joint = k > 0 && items.get(k - 1) instanceof Part ? SEP : "";
                if (p.optional()) {
                    regex.append("(?:").append(joint).append(alternation(p)).append(")?");
                } else {
                    regex.append(joint).append(alternation(p));
                }
            } else {
                Part before = (Part) items.get(k - 1);
                Part after = (Part) items.get(k + 1);
                boolean cjk = before.cjk() || after.cjk();
                boolean latin = before.latin() && after.latin();
                int size = (Integer) item;
                String cjkGap = NOT_SENTENCE_END + "{0," + (size < 0 ? CJK_GAP : size) + "}";
                // each skipped word follows at least one separator, so a word is never split between two
                String latinGap = "(?:" + SEP_ONE + WORD + "){0," + (size < 0 ? LATIN_GAP : size) + "}" + SEP;
                if (cjk && latin) {
                    regex.append("(?:").append(latinGap).append('|').append(cjkGap).append(')');
                } else {
                    regex.append(cjk ? cjkGap : latinGap);
                }
            }
        }
        return new Compiled(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                List.copyOf(anchors));
    }

    /** Words in almost every text: a part made of them is a poor anchor. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("a", "an", "the", "to", "of", "in", "on", "at",
            "for", "by", "is", "are", "be", "was", "will", "'ll", "you", "your", "his", "her", "their", "them", "him",
            "he", "she", "they", "we", "i", "it", "this", "that", "and", "or", "not", "no", "with", "from", "can", "may",
            "have", "has", "had", "do", "does", "our", "us", "me", "my", "if", "as", "all", "any", "now", "today", "so",
            "你", "您", "我", "我们", "他", "她", "的", "了", "会", "就", "都", "要", "在", "把", "给", "被", "已", "已经", "也");

    /** How poor an anchor a part is: its alternatives, each common or very short one counting heavily. */
    private static int cost(Part p) {
        int cost = 0;
        for (List<String> alt : p.alternatives()) {
            String longest = "";
            for (String w : alt) {
                String literal = w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
                if (literal.length() > longest.length()) {
                    longest = literal.toLowerCase(java.util.Locale.ROOT);
                }
            }
            boolean weak = COMMON.contains(longest) || (!isCjk(longest) && longest.length() <= 2)
                    || (isCjk(longest) && longest.length() == 1);
            cost += weak ? 1000 : 1;
        }
        return cost;
    }

    private static int parseGap(String digits) {
        int size = Integer.parseInt(digits.length() > 3 ? "999" : digits);
        if (size < 1 || size > 20) {
            throw new IllegalArgumentException("a gap ~N allows 1 to 20 words or characters, was ~" + digits);
        }
        return size;
    }

    private static Part part(List<String> alternatives) {
        List<List<String>> alts = new ArrayList<>();
        boolean cjk = false;
        boolean latin = false;
        for (String alt : alternatives) {
            List<String> words = new ArrayList<>();
            for (String w : alt.strip().split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                if (w.equals("*") || w.indexOf('*') >= 0 && w.indexOf('*') != w.length() - 1) {
                    throw new IllegalArgumentException("* stands only at the end of a word, as in arrest*: " + w);
                }
                if (w.indexOf('@') >= 0 || w.indexOf('~') >= 0 || w.indexOf('(') >= 0 || w.indexOf(')') >= 0
                        || w.indexOf('|') >= 0 || w.indexOf('?') >= 0) {
                    throw new IllegalArgumentException("a word set entry holds words only: " + alt);
                }
                words.add(w);
                cjk |= isCjk(w);
                latin |= !isCjk(w);
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException("an empty alternative");
            }
            alts.add(words);
        }
        return new Part(alts, cjk, latin, false);
    }

    private static String alternation(Part p) {
        // When every alternative starts with a Latin letter or digit, one look-behind for the start of a word stands
        // before the group, and a look-ahead for the possible first characters rejects most positions at once.
        boolean hoist = true;
        StringBuilder first = new StringBuilder();
        for (List<String> words : p.alternatives()) {
            String w = words.get(0).replace('’', '\'');
            int c = w.codePointAt(0);
            hoist &= !isCjk(w) && Character.isLetterOrDigit(c);
            String ch = new String(Character.toChars(c));
            if (first.indexOf(ch) < 0) {
                first.append(ch);
            }
        }
        StringBuilder out = new StringBuilder();
        if (hoist) {
            out.append("(?<![\\p{L}\\p{N}_'])(?=[").append(first.toString().replace("\\", "\\\\").replace("]", "\\]")
                    .replace("[", "\\[").replace("^", "\\^").replace("-", "\\-").replace("&", "\\&")).append("])");
        }
        out.append("(?:");
        for (int a = 0; a < p.alternatives().size(); a++) {
            if (a > 0) {
                out.append('|');
            }
            List<String> words = p.alternatives().get(a);
            for (int w = 0; w < words.size(); w++) {
                if (w > 0) {
                    out.append(SEP);
                }
                out.append(word(words.get(w), !(hoist && w == 0)));
            }
        }
        return out.append(')').toString();
    }

    /** One word: a whole word in Latin script (with * a prefix), a plain substring in CJK. */
    private static String word(String w, boolean lookBehind) {
        boolean prefix = w.endsWith("*");
        String literal = (prefix ? w.substring(0, w.length() - 1) : w).replace('’', '\'');
        if (isCjk(literal)) {
            return Pattern.quote(literal) + (prefix ? "\\p{L}*" : "");
        }
        StringBuilder out = new StringBuilder();
        if (lookBehind && Character.isLetterOrDigit(literal.codePointAt(0))) {
            out.append("(?<![\\p{L}\\p{N}_'])");
        }
        out.append(Pattern.quote(literal));
        if (prefix) {
            out.append("[\\p{L}\\p{N}_']*");
        }
        if (Character.isLetterOrDigit(literal.codePointBefore(literal.length())) || prefix) {
            out.append("(?![\\p{L}\\p{N}_])");
        }
        return out.toString();
    }

    private static boolean isCjk(String s) {
        return s.codePoints().anyMatch(c -> c > 0x2E7F);
    }
}
