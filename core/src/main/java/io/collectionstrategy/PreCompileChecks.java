package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * Checks that run before a rulebook is compiled: a {@code .drl} file is code, so it must stay inside the sandbox
 * ({@link RuleSandbox}: it reads facts and writes to {@code outcome}, nothing else); no rule may use protected attributes such as income or ethnicity (fairness lint); and no
 * script may impersonate authorities, threaten, insult or misstate legal action (script lint).
 */
final class PreCompileChecks {

    static final String SCRIPT_LINT_FILE = "lint/script-lint.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Words of protected attributes; a rule may not mention them as identifiers. */
    private static final Pattern PROTECTED = Pattern.compile(
            "^(income|incomes|salary|salaries|wage|wages|education|educational|ethnicity|ethnic|race|racial|religion|religious"
                    + "|gender|sex|nationality|caste|hukou|socialclass|classlevel|occupationclass|birth|birthday|birthdate|debtorage"
                    + "|customerage|borrowerage)$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PreCompileChecks() {
    }

    /**
     * DRL safety: the sandbox ({@link RuleSandbox}), an allowlist on the parsed structure of every {@code .drl} file,
     * and no Unicode escapes anywhere in the text (Java reads {@code \\u0053ystem} as {@code System}).
     *
     * @param kind   what the rules may read and write
     * @param parsed each {@code .drl} file Drools' parser read without errors, by path
     */
    static void checkDrlSafety(Rulebook rulebook, RulebookKind kind, Map<String, PackageDescr> parsed,
                               List<RulebookProblem> problems) {
        for (String path : rulebook.paths(".drl")) {
            String raw = rulebook.files().get(path);
            RuleSandbox.checkEscapes(path, raw, problems);
            PackageDescr pkg = parsed.get(path);
            if (pkg != null) {
                RuleSandbox.check(kind, path, raw, pkg, problems);
            }
        }
    }

    private static final Pattern INSERT_LOGICAL = Pattern.compile("\\binsertLogical\\s*\\(");

    /**
     * Refuses what the engine does not support, safe or not: {@code insertLogical} (no truth maintenance: rules
     * write their conclusions to {@code outcome}, and the engine decides between the two stages).
     */
    static void checkSupported(Rulebook rulebook, RulebookKind kind, List<RulebookProblem> problems) {
        for (String path : rulebook.paths(".drl")) {
            String code = code(rulebook.files().get(path));
            Matcher m = INSERT_LOGICAL.matcher(code);
            while (m.find()) {
                problems.add(new RulebookProblem(path, lineAt(code, m.start()), "insertLogical is not supported: write"
                        + " conclusions with " + kind.writes() + kind.examples().insertHint()));
            }
        }
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Fairness lint: no rule may use class, income, education, ethnicity or similar. */
    static void checkFairness(Rulebook rulebook, List<RulebookProblem> problems) {
        for (String path : rulebook.paths(".drl")) {
            String[] lines = code(rulebook.files().get(path)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = IDENTIFIER.matcher(lines[i]);
                while (m.find()) {
                    for (String word : words(m.group())) {
                        if (PROTECTED.matcher(word).matches()) {
                            problems.add(new RulebookProblem(path, i + 1, "rules may not use protected attributes such as "
                                    + "class, income, education or ethnicity: found " + m.group()));
                        }
                    }
                }
            }
        }
    }

    /** Script lint: forbidden phrases, per locale, in every script's title, text and talking points. */
    static void checkScripts(Rulebook rulebook, ScriptCatalogue scripts, List<RulebookProblem> problems) {
        Map<String, Map<String, List<String>>> phrases = phrases(rulebook, problems);
        for (ScriptCatalogue.Template t : scripts.templates()) {
            Map<String, List<String>> forLocale = phrases.getOrDefault(t.locale(),
                    phrases.getOrDefault(Locale.forLanguageTag(t.locale()).getLanguage(), Map.of()));
            List<String> texts = new ArrayList<>();
            texts.add(t.title());
            texts.add(t.text());
            texts.addAll(t.doPoints());
            for (Map.Entry<String, List<String>> kind : forLocale.entrySet()) {
                if (kind.getKey().equals("timeBarred") && !t.id().contains("TIME_BARRED")) {
                    continue;
                }
                for (String phrase : kind.getValue()) {
                    for (String text : texts) {
                        if (contains(text, phrase)) {
                            problems.add(new RulebookProblem(t.file(), t.line(), "script " + t.id() + " (" + t.locale()
                                    + ") contains forbidden phrase \"" + phrase + "\" (" + kind.getKey() + ")"));
                            break;
                        }
                    }
                }
            }
        }
    }

    static boolean contains(String text, String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        String s = text.toLowerCase(Locale.ROOT);
        if (!s.contains(p)) {
            return false; // most phrases are in no script: no pattern to build
        }
        if (p.chars().anyMatch(c -> c > 0x2E7F)) {
            return true; // CJK: no word boundaries
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])").matcher(s).find();
    }

    /** Locale to kind to phrases: the built-in lists plus the rulebook's own. */
    private static Map<String, Map<String, List<String>>> phrases(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        try (InputStream in = PreCompileChecks.class.getResourceAsStream("script-lint.yaml")) {
            merge(YAML.readTree(in), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in script lint phrases", e);
        }
        String own = rulebook.files().get(SCRIPT_LINT_FILE);
        if (own != null) {
            try {
                merge(YAML.readTree(own), out);
            } catch (IOException e) {
                problems.add(new RulebookProblem(SCRIPT_LINT_FILE, 0, "not valid YAML: " + e.getMessage().split("\n")[0]));
            }
        }
        return out;
    }

    private static void merge(JsonNode root, Map<String, Map<String, List<String>>> into) {
        if (root == null) {
            return;
        }
        root.fields().forEachRemaining(locale -> locale.getValue().fields().forEachRemaining(kind -> {
            List<String> list = into.computeIfAbsent(locale.getKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(kind.getKey(), k -> new ArrayList<>());
            kind.getValue().forEach(p -> list.add(p.asText()));
        }));
    }

    /** The DRL text without comments and string literals, lines kept in place. */
    static String code(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                while (i < n && drl.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(drl.charAt(i) == '*' && i + 1 < n && drl.charAt(i + 1) == '/')) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && drl.charAt(i) != c && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Splits {@code socialClassLevel} or {@code SOCIAL_CLASS} into lower-case words, plus the joined pairs. */
    private static List<String> words(String identifier) {
        String[] parts = identifier.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("_+");
        List<String> out = new ArrayList<>(List.of(parts));
        for (int i = 0; i + 1 < parts.length; i++) {
            out.add(parts[i] + parts[i + 1]);
        }
        return out;
    }
}
