package io.collectionstrategy;

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
 * text for collectors may impersonate authorities, threaten, insult or misstate legal action ({@link ScriptLint}).
 */
final class PreCompileChecks {

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
     * @param declared the step names the rulebook declares besides the built-in ones ({@link DeclaredSteps})
     */
    static void checkDrlSafety(Rulebook rulebook, RulebookKind kind, Map<String, PackageDescr> parsed,
                               java.util.Set<String> declared, List<RulebookProblem> problems) {
        for (String path : rulebook.paths(".drl")) {
            String raw = rulebook.files().get(path);
            RuleSandbox.checkEscapes(path, raw, problems);
            PackageDescr pkg = parsed.get(path);
            if (pkg != null) {
                RuleSandbox.check(kind, path, raw, pkg, problems, declared);
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

    /** What {@code new-type} writes into a script's texts until the analyst writes them: the build refuses it. */
    static final String NEW_TYPE_STUB = "(new-type stub)";

    /** The texts the rules write (reasons, notes), by file: read from the descriptors, nothing else touches them. */
    static Map<String, List<RuleSandbox.RuleText>> ruleTexts(Rulebook rulebook, Map<String, PackageDescr> parsed) {
        Map<String, List<RuleSandbox.RuleText>> texts = new LinkedHashMap<>();
        for (Map.Entry<String, PackageDescr> file : parsed.entrySet()) {
            texts.put(file.getKey(), RuleSandbox.texts(rulebook.files().get(file.getKey()), file.getValue()));
        }
        return texts;
    }

    /**
     * The lint of texts ({@link ScriptLint}): every part of every script and its variants (title, verify, text, legal,
     * do, avoid), the translated reasons, fallbacks and terms of the catalogue, and the texts of the rules' then parts.
     *
     * @param ruleTexts the rules' texts by file, as {@link #ruleTexts} reads them (no descriptor is needed, so any
     *                  thread can run this)
     */
    static void checkTexts(Rulebook rulebook, Map<String, List<RuleSandbox.RuleText>> ruleTexts,
                           ScriptCatalogue scripts, List<RulebookProblem> problems) {
        ScriptLint lint = ScriptLint.of(rulebook, problems);
        java.util.Set<String> seen = new java.util.HashSet<>(); // a variant repeats the parts it inherits
        for (ScriptCatalogue.Template t : scripts.templates()) {
            boolean timeBarred = t.id().contains("TIME_BARRED") || t.id().contains("PRESCRIBED");
            String who = "script " + t.id() + " (" + t.locale() + (t.variant() == null ? "" : ", " + t.variant()) + ")";
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("title", t.title());
            parts.put("verify", t.verify());
            parts.put("text", t.text());
            parts.put("legal", t.legal());
            for (int i = 0; i < t.doPoints().size(); i++) {
                parts.put("do[" + (i + 1) + "]", t.doPoints().get(i));
            }
            for (int i = 0; i < t.avoid().size(); i++) {
                parts.put("avoid[" + (i + 1) + "]", t.avoid().get(i));
            }
            for (Map.Entry<String, String> part : parts.entrySet()) {
                if (part.getValue() != null && part.getValue().contains(NEW_TYPE_STUB)) {
                    if (seen.add("stub " + t.id() + " " + t.locale())) { // once per locale, not per variant
                        problems.add(new RulebookProblem(t.file(), t.line(), "script " + t.id() + " (" + t.locale()
                                + ") is still the stub that new-type wrote: write its " + part.getKey()
                                + " (and every part marked " + NEW_TYPE_STUB + ")"));
                    }
                    break;
                }
                if (!seen.add(t.id() + " " + t.locale() + " " + part.getValue())) {
                    continue;
                }
                for (ScriptLint.Finding f : lint.check(part.getValue(), timeBarred, part.getKey().equals("verify"))) {
                    problems.add(new RulebookProblem(t.file(), t.line(), who + " " + describe(f, "its " + part.getKey())));
                }
            }
        }
        for (ScriptCatalogue.Reason r : scripts.reasons()) {
            for (ScriptLint.Finding f : lint.check(r.text(), false, false)) {
                problems.add(new RulebookProblem(r.file(), r.line(), "reason " + r.key() + " " + describe(f, "its text")));
            }
        }
        for (ScriptCatalogue.Text x : scripts.otherTexts()) {
            for (ScriptLint.Finding f : lint.check(x.text(), false, false)) {
                problems.add(new RulebookProblem(x.file(), x.line(), x.what() + " (" + x.locale() + ") " + describe(f, "its text")));
            }
        }
        for (Map.Entry<String, List<RuleSandbox.RuleText>> file : ruleTexts.entrySet()) {
            for (RuleSandbox.RuleText x : file.getValue()) {
                for (ScriptLint.Finding f : lint.check(x.text(), false, false)) {
                    problems.add(new RulebookProblem(file.getKey(), x.line(), "rule " + x.rule() + " \"" + x.name()
                            + "\" " + describe(f, "its text \"" + x.text().strip() + "\"")));
                }
            }
        }
    }

    /** {@code contains forbidden phrase "..." (kind) in its text; pattern (en): ...}. */
    private static String describe(ScriptLint.Finding f, String where) {
        return "contains forbidden phrase \"" + f.phrase() + "\" (" + f.kind() + ") in " + where + "; pattern ("
                + f.locale() + "): " + f.pattern();
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
