package io.collectionstrategy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rulebook's parameters: numbers declared once under {@code parameters:} in {@code rulebook.yaml} and read by the
 * rules as {@code ${name}}. Before anything else reads the rules, each {@code ${name}} outside comments is replaced by
 * the number's plain digits, so the sandbox, the lint, the threshold hints and Drools all see an ordinary number
 * literal, on the same line as before. Inside a string only a declared name is replaced: any other {@code ${...}} of
 * a text stays text, as it was before parameters existed. Only numbers can be declared, so a value can never add
 * code to a rule.
 *
 * <pre>
 * parameters:
 *   evasive.visitFromDays: 8          # short form: the value
 *   points.avoidsContact:
 *     value: 3
 *     min: 1                          # optional bounds, checked when the rulebook is built
 *     max: 5
 *     about: "evidence for EVASIVE when the debtor avoids contact"
 * </pre>
 */
final class RuleParameters {

    static final String KEY = "parameters";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,79}");
    private static final Set<String> LONG_FORM = Set.of("value", "min", "max", "about");
    /** Digits a value may have: any more would not fit the rules' whole numbers anyway. */
    private static final int MAX_DIGITS = 18;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A parameter as declared, with its line in {@code rulebook.yaml}. */
    record Declared(String name, BigDecimal value, BigDecimal min, BigDecimal max, String about, int line) {
    }

    /** Where a rule reads a parameter. */
    record Use(String name, String file, int line) {
    }

    /**
     * The rulebook with its parameters written in, and where each one is read.
     *
     * @param rulebook the rulebook to check and compile (the same object when it has no parameters)
     * @param declared the declared parameters, in file order
     * @param uses     every {@code ${name}} of a declared parameter, by file and line
     */
    record Resolved(Rulebook rulebook, Map<String, Declared> declared, List<Use> uses) {

        /** @return each declared parameter with the ids of the rules that read it */
        List<RuleParameter> describe(List<CompiledRulebook.RuleDef> rules) {
            List<RuleParameter> out = new ArrayList<>(declared.size());
            for (Declared d : declared.values()) {
                List<String> readers = new ArrayList<>();
                for (Use u : uses) {
                    if (u.name().equals(d.name())) {
                        String rule = ruleAt(rules, u.file(), u.line());
                        if (rule != null && !readers.contains(rule)) {
                            readers.add(rule);
                        }
                    }
                }
                out.add(new RuleParameter(d.name(), d.value(), d.min(), d.max(), d.about(), readers));
            }
            return List.copyOf(out);
        }

        /** The id of the rule whose text holds that line: the last rule that starts on or before it. */
        private static String ruleAt(List<CompiledRulebook.RuleDef> rules, String file, int line) {
            String id = null;
            int start = 0;
            for (CompiledRulebook.RuleDef r : rules) {
                if (r.file().equals(file) && r.line() <= line && r.line() >= start) {
                    id = r.id();
                    start = r.line();
                }
            }
            return id;
        }
    }

    private RuleParameters() {
    }

    /**
     * The lint of parameters: each one that no rule reads, at its line of {@code rulebook.yaml} (changing it would
     * change nothing).
     *
     * @param parameters the rulebook's parameters
     * @param rulebook   the rulebook, for the lines
     * @return the problems, empty when every parameter is read
     */
    static List<RulebookProblem> unread(List<RuleParameter> parameters, Rulebook rulebook) {
        String text = rulebook.files().getOrDefault("rulebook.yaml", "");
        int section = ScriptCatalogue.lineOf(text, "parameters");
        List<RulebookProblem> out = new ArrayList<>();
        for (RuleParameter p : parameters) {
            if (p.rules().isEmpty()) {
                out.add(new RulebookProblem("rulebook.yaml", ScriptCatalogue.lineOf(text, p.name(), section),
                        "parameter " + p.name() + " is read by no rule, so changing it changes nothing: write ${"
                                + p.name() + "} where a rule needs it, or remove it"));
            }
        }
        return out;
    }

    /**
     * Reads {@code parameters:} and writes each {@code ${name}} of the rules as its value. Every mistake is a problem
     * with its file and line: a value that is not a number or is outside its bounds, an unknown key, a name that is
     * not declared (with the closest declared one), a {@code $&#123;} that does not close.
     */
    static Resolved resolve(Rulebook rulebook, List<RulebookProblem> problems) {
        Map<String, Declared> declared = read(rulebook, problems);
        boolean anyUse = false;
        for (String path : rulebook.paths(".drl")) {
            if (rulebook.files().get(path).contains("${")) {
                anyUse = true;
                break;
            }
        }
        if (!anyUse) {
            return new Resolved(rulebook, declared, List.of());
        }
        Map<String, String> replaced = new TreeMap<>();
        List<Use> uses = new ArrayList<>();
        for (String path : rulebook.paths(".drl")) {
            String drl = rulebook.files().get(path);
            if (drl.contains("${")) {
                replaced.put(path, writeIn(path, drl, declared, uses, problems));
            }
        }
        return new Resolved(rulebook.withRules(replaced), declared, List.copyOf(uses));
    }

    /** @return the parameters {@code rulebook.yaml} declares, in file order; empty when it declares none */
    static Map<String, Declared> read(Rulebook rulebook, List<RulebookProblem> problems) {
        String file = RulebookSettings.FILE;
        String text = rulebook.files().get(file);
        if (text == null || !text.contains(KEY)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String first = String.valueOf(e.getOriginalMessage()).split("\n")[0].trim();
            if (first.startsWith("Duplicate field")) { // other YAML mistakes are told by the settings' reader
                problems.add(new RulebookProblem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                        "a key is written twice: " + first.replace("Duplicate field", "duplicate key")));
            }
            return Map.of();
        }
        JsonNode node = root == null ? null : root.get(KEY);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        int section = ScriptCatalogue.lineOf(text, KEY);
        if (!node.isObject()) {
            problems.add(new RulebookProblem(file, section, "parameters: is a list of name: number entries, e.g."
                    + " \"parameters:\\n  evasive.visitFromDays: 8\", was " + SafeText.excerpt(node.toString())));
            return Map.of();
        }
        Map<String, Declared> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String name = e.getKey();
            int line = ScriptCatalogue.lineOf(text, name, section);
            String where = "parameter " + SafeText.excerpt(name);
            if (!NAME.matcher(name).matches()) {
                problems.add(new RulebookProblem(file, line, where + ": a parameter's name is letters, digits, '.'"
                        + " and '_', starting with a letter (at most 80)"));
                return;
            }
            JsonNode v = e.getValue();
            BigDecimal value;
            BigDecimal min = null;
            BigDecimal max = null;
            String about = "";
            if (v.isObject()) {
                List<String> unknown = new ArrayList<>();
                v.fieldNames().forEachRemaining(k -> {
                    if (!LONG_FORM.contains(k)) {
                        unknown.add(k);
                    }
                });
                if (!unknown.isEmpty()) {
                    problems.add(new RulebookProblem(file, line, where + ": unknown key " + SafeText.excerpt(
                            String.join(", ", unknown)) + " (a parameter has value, and optionally min, max and about)"));
                    return;
                }
                if (!v.has("value")) {
                    problems.add(new RulebookProblem(file, line, where + " has no value: write value: and a number"));
                    return;
                }
                value = number(v.get("value"), where, "its value", file, line, problems);
                min = v.has("min") ? number(v.get("min"), where, "min", file, line, problems) : null;
                max = v.has("max") ? number(v.get("max"), where, "max", file, line, problems) : null;
                JsonNode a = v.get("about");
                about = a == null || a.isNull() ? "" : a.asText();
            } else {
                value = number(v, where, "its value", file, line, problems);
            }
            if (value == null || v.has("min") && min == null || v.has("max") && max == null) {
                return;
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(new RulebookProblem(file, line, where + ": min " + min.toPlainString() + " is above max "
                        + max.toPlainString()));
                return;
            }
            if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
                problems.add(new RulebookProblem(file, line, where + " is " + value.toPlainString() + ", outside its "
                        + "bounds: expected " + (min == null ? "at most " + max.toPlainString() : max == null
                        ? "at least " + min.toPlainString() : "from " + min.toPlainString() + " to " + max.toPlainString())));
                return;
            }
            out.put(name, new Declared(name, value, min, max, about, line));
        });
        return out;
    }

    private static BigDecimal number(JsonNode v, String where, String what, String file, int line,
                                     List<RulebookProblem> problems) {
        if (v != null && v.isNumber()) {
            BigDecimal d = v.decimalValue();
            d = d.scale() < 0 ? d.setScale(0) : d; // 1e3 is 1000
            if (d.precision() <= MAX_DIGITS && d.scale() >= 0 && d.scale() <= 10) {
                return d;
            }
        }
        problems.add(new RulebookProblem(file, line, where + ": " + what + " must be a number of at most " + MAX_DIGITS
                + " digits (e.g. 8 or 0.25; no quotes, no units), was " + (v == null ? "nothing"
                : SafeText.excerpt(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()))));
        return null;
    }

    /** The rule file with each {@code ${name}} outside comments replaced by the value; line breaks stay where they are. */
    static String writeIn(String path, String drl, Map<String, Declared> declared, List<Use> uses,
                          List<RulebookProblem> problems) {
        StringBuilder out = new StringBuilder(drl.length());
        int line = 1;
        int i = 0;
        int n = drl.length();
        char quote = 0; // inside a string literal: its quote
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '\n') {
                line++;
                quote = 0; // a string does not go past the end of its line
                out.append(c);
                i++;
            } else if (quote == 0 && c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                int end = drl.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(drl, i, end);
                i = end;
            } else if (quote == 0 && c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    line += drl.charAt(k) == '\n' ? 1 : 0;
                }
                out.append(drl, i, end);
                i = end;
            } else if (quote != 0 && c == '\\' && i + 1 < n && drl.charAt(i + 1) != '\n') {
                out.append(c).append(drl.charAt(i + 1));
                i += 2;
            } else if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
                out.append(c);
                i++;
            } else if (c == '$' && i + 1 < n && drl.charAt(i + 1) == '{') {
                int close = drl.indexOf('}', i + 2);
                int eol = drl.indexOf('\n', i);
                String name = close < 0 || (eol >= 0 && close > eol) ? null : drl.substring(i + 2, close).strip();
                if (quote != 0 && (name == null || !declared.containsKey(name))) {
                    // In a text, only a declared name is a parameter: anything else stays text as written.
                    out.append("${");
                    i += 2;
                    continue;
                }
                if (name == null || !NAME.matcher(name).matches()) {
                    problems.add(new RulebookProblem(path, line, "a parameter is written ${name} on one line, with a"
                            + " name of letters, digits, '.' and '_' starting with a letter, was "
                            + SafeText.excerpt(drl.substring(i, Math.min(n, close < 0 || name == null
                            ? Math.min(i + 30, eol < 0 ? n : eol) : close + 1)))));
                    out.append('0');
                    i = name == null ? i + 2 : close + 1;
                    continue;
                }
                Declared d = declared.get(name);
                if (d == null) {
                    String close2 = RuleSandbox.closest(name, declared.keySet());
                    problems.add(new RulebookProblem(path, line, "${" + name + "} is not a parameter of this rulebook"
                            + (close2 != null ? ": did you mean ${" + close2 + "}?" : "")
                            + (declared.isEmpty() ? " (rulebook.yaml declares none: add it under parameters:, e.g. \""
                            + name + ": 8\")" : " (parameters: in rulebook.yaml declares " + String.join(", ",
                            declared.keySet().stream().limit(20).toList()) + (declared.size() > 20 ? ", ..." : "") + ")")));
                    out.append('0');
                } else {
                    uses.add(new Use(name, path, line));
                    String digits = d.value().toPlainString();
                    out.append(quote == 0 && d.value().signum() < 0 ? "(" + digits + ")" : digits);
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
