package io.collectionstrategy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.Rulebook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code docs} page of a rulebook: header and settings, the rules as a table (the DRL text of their when and then
 * parts, as written), the scripts side by side in every locale, the scenario tables with their row counts. Built from
 * the rulebook's files and the rules the compiler found ({@link RuleInfo}: file and line of each rule).
 */
final class RulebookPage {

    /** The parts of a script, in the order a collector says them. */
    static final List<String> PARTS = List.of("title", "verify", "text", "legal", "do", "avoid", "terms");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * One rule's text.
     *
     * @param comment the comment lines just above the rule, without {@code //}
     * @param when    the lines between {@code when} and {@code then}
     * @param then    the lines between {@code then} and {@code end}
     */
    record RuleText(String comment, String when, String then) {
    }

    private RulebookPage() {
    }

    static String html(Rulebook rulebook, List<RuleInfo> rules, String origin) {
        JsonNode settings = yaml(rulebook.files().get("rulebook.yaml"));
        StringBuilder h = Html.page("Rulebook " + rulebook.name(),
                "td pre{max-width:40em}th.part{white-space:nowrap}td.script{font-weight:bold;white-space:nowrap}\n");
        h.append("<h1>Rulebook ").append(Html.esc(rulebook.name())).append("</h1>\n");
        if (settings != null && settings.hasNonNull("description")) {
            h.append("<p>").append(Html.esc(settings.get("description").asText())).append("</p>\n");
        }
        h.append("<p>From ").append(Html.esc(origin)).append(", version ").append(Html.esc(rulebook.version()))
                .append(", kind ").append(Html.esc(rulebook.kind())).append(". ").append(rules.size())
                .append(" rules. This page is read-only: change the files of the rulebook.</p>\n");

        h.append("<h2>Settings (rulebook.yaml)</h2>\n");
        Map<String, String> flat = new LinkedHashMap<>();
        if (settings != null) {
            flatten("", settings, flat);
        }
        flat.remove("name");
        flat.remove("description");
        if (flat.isEmpty()) {
            h.append("<p>No settings: the defaults apply.</p>\n");
        } else {
            h.append("<table>\n");
            Html.row(h, "th", "setting", "value");
            flat.forEach((k, v) -> Html.row(h, "td", k, v));
            h.append("</table>\n");
        }

        h.append("<h2>Rules</h2>\n<table>\n");
        Html.row(h, "th", "file", "id", "name", "why", "when", "then");
        for (RuleInfo r : rules) {
            RuleText t = ruleText(rulebook.files().getOrDefault(r.file(), ""), r.line());
            h.append("<tr><td>").append(Html.esc(r.file() + ":" + r.line())).append("</td><td>")
                    .append(Html.esc(r.id())).append("</td><td>").append(Html.esc(r.name())).append("</td><td>")
                    .append(Html.esc(t.comment())).append("</td><td><pre>").append(Html.esc(t.when()))
                    .append("</pre></td><td><pre>").append(Html.esc(t.then())).append("</pre></td></tr>\n");
        }
        h.append("</table>\n");

        scripts(h, rulebook);

        h.append("<h2>Scenario tables</h2>\n");
        List<String> tables = new ArrayList<>();
        for (String path : rulebook.files().keySet()) {
            if (path.startsWith("scenarios/")) {
                tables.add(path);
            }
        }
        if (tables.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n");
            Html.row(h, "th", "table", "scenarios");
            for (String path : tables) {
                Html.row(h, "td", path, scenarioCount(path, rulebook.files().get(path)));
            }
            h.append("</table>\n");
        }
        return Html.end(h);
    }

    /** Scripts: one table, a row per script (and variant) and part, a column per locale. */
    private static void scripts(StringBuilder h, Rulebook rulebook) {
        Map<String, JsonNode> byLocale = new LinkedHashMap<>();
        for (String path : rulebook.paths(".yaml")) {
            if (path.startsWith("scripts/") && path.indexOf('/', "scripts/".length()) < 0) {
                JsonNode root = yaml(rulebook.files().get(path));
                if (root != null) {
                    String name = path.substring("scripts/".length(), path.length() - ".yaml".length());
                    byLocale.put(root.path("locale").asText(name), root);
                }
            }
        }
        h.append("<h2>Scripts</h2>\n");
        if (byLocale.isEmpty()) {
            h.append("<p>No script catalogue.</p>\n");
            return;
        }
        // script id (and variant) -> part -> locale -> text
        Map<String, Map<String, Map<String, String>>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> l : byLocale.entrySet()) {
            JsonNode root = l.getValue();
            collect(rows, "(defaults)", root.path("defaults"), l.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("scripts").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> s = it.next();
                collect(rows, s.getKey(), s.getValue(), l.getKey());
            }
        }
        h.append("<table>\n<tr><th>script</th><th>part</th>");
        for (String locale : byLocale.keySet()) {
            h.append("<th>").append(Html.esc(locale)).append("</th>");
        }
        h.append("</tr>\n");
        for (Map.Entry<String, Map<String, Map<String, String>>> s : rows.entrySet()) {
            for (Map.Entry<String, Map<String, String>> part : s.getValue().entrySet()) {
                h.append("<tr><td class=\"script\">").append(Html.esc(s.getKey())).append("</td><th class=\"part\">")
                        .append(Html.esc(part.getKey())).append("</th>");
                for (String locale : byLocale.keySet()) {
                    String text = part.getValue().get(locale);
                    h.append("<td>").append(text == null ? "<small>(missing)</small>" : "<pre>" + Html.esc(text)
                            + "</pre>").append("</td>");
                }
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void collect(Map<String, Map<String, Map<String, String>>> rows, String id, JsonNode script,
                                String locale) {
        if (!script.isObject()) {
            return;
        }
        Map<String, Map<String, String>> parts = rows.computeIfAbsent(id, k -> new LinkedHashMap<>());
        for (String part : PARTS) {
            if (script.has(part)) {
                parts.computeIfAbsent(part, k -> new LinkedHashMap<>()).put(locale, text(script.get(part)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = script.path("jurisdictions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            collect(rows, id + " (" + v.getKey() + ")", v.getValue(), locale);
        }
    }

    /** A part's text: a string as written, a list one item a line, a map of terms one {@code key: text} a line. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(b.length() == 0 ? "" : "\n").append("- ").append(n.asText()));
            return b.toString();
        }
        if (node.isObject()) {
            StringBuilder b = new StringBuilder();
            node.fields().forEachRemaining(e -> b.append(b.length() == 0 ? "" : "\n").append(e.getKey()).append(": ")
                    .append(e.getValue().asText()));
            return b.toString();
        }
        return node.asText();
    }

    /**
     * Cuts one rule out of its file's text.
     *
     * @param source the {@code .drl} file's text
     * @param line   the 1-based line of the rule's {@code rule} keyword
     */
    static RuleText ruleText(String source, int line) {
        String[] lines = source.split("\n", -1);
        int start = Math.max(0, Math.min(line - 1, lines.length - 1));
        List<String> comment = new ArrayList<>();
        for (int i = start - 1; i >= 0 && lines[i].strip().startsWith("//"); i--) {
            comment.add(0, lines[i].strip().substring(2).strip());
        }
        StringBuilder when = new StringBuilder();
        StringBuilder then = new StringBuilder();
        StringBuilder into = null;
        for (int i = start + 1; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.equals("end") || t.startsWith("rule ")) {
                break;
            }
            if (t.equals("when")) {
                into = when;
            } else if (t.equals("then")) {
                into = then;
            } else if (into != null) {
                into.append(into.length() == 0 ? "" : "\n").append(lines[i].stripTrailing());
            }
        }
        return new RuleText(String.join(" ", comment), dedent(when.toString()), dedent(then.toString()));
    }

    private static String dedent(String text) {
        int indent = Integer.MAX_VALUE;
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        if (indent == Integer.MAX_VALUE || indent == 0) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (String l : text.split("\n")) {
            b.append(b.length() == 0 ? "" : "\n").append(l.length() >= indent ? l.substring(indent) : l.strip());
        }
        return b.toString();
    }

    /** @return the scenarios of a table: the data rows of a CSV file, the items of a YAML file's list */
    static String scenarioCount(String path, String text) {
        if (path.endsWith(".csv")) {
            long rows = text.lines().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).count();
            return String.valueOf(Math.max(0, rows - 1));
        }
        JsonNode root = yaml(text);
        if (root == null) {
            return "not readable";
        }
        if (root.isArray()) {
            return String.valueOf(root.size());
        }
        for (JsonNode child : root) {
            if (child.isArray()) {
                return String.valueOf(child.size());
            }
        }
        return "0";
    }

    private static JsonNode yaml(String text) {
        if (text == null) {
            return null;
        }
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                flatten(prefix.isEmpty() ? k : prefix + "." + k, node.get(k), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
            out.put(prefix, String.join(", ", items));
        } else {
            out.put(prefix, node.asText());
        }
    }
}
