package io.collectionstrategy.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.SafeText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML form of a scenario table: a list of cases, each a mapping with only the keys the case needs. A case
 * becomes the same {@link ScenarioTables.Row} a CSV row becomes (the cells by column name), so both forms are run, and
 * fail, alike:
 *
 * <pre>
 * - scenario: Evasive, shop closed
 *   asOf: 2026-11-28
 *   debtor: {id: W-EVA, daysOverdue: 27, behaviours: [AVOIDS_CONTACT]}
 *   expect: {type: EVASIVE, steps: [FIELD_VISIT@0]}
 * </pre>
 *
 * <p>The debtor is written as in the JSON input; a list of names becomes the CSV's {@code A|B}, a list of objects (the
 * timeline, the contact history) its JSON. {@code expect} holds the CSV's {@code expect.*} columns without the prefix,
 * {@code error} is {@code expect.error}. Other kinds of table (whose subject is not a debtor) give their input fields
 * at the top of the case. The file is untrusted: its size, the number of cases, the depth and the length of texts are
 * bounded, YAML anchors and duplicate keys are refused, and an unknown key is reported with its line and the keys
 * known there.
 */
final class ScenarioYaml {

    /** The largest YAML table read, in characters. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    /** The most cases in one YAML table. */
    static final int MAX_CASES = 10_000;
    /** The deepest nesting of a case (case, debtor, a list of promises, a promise). */
    static final int MAX_DEPTH = 8;

    private static final ObjectMapper YAML = yamlMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What a case may hold besides its input fields. */
    static final List<String> CASE_KEYS = List.of("scenario", "asOf", "at", "locale", "note", "expect", "error");
    /** The expectations that hold a list of names ({@code A|B} in CSV). */
    static final Set<String> LIST_EXPECTATIONS = Set.of("steps", "notSteps", "warnings", "notWarnings", "rules",
            "notRules", "blocked");
    /** The key of the debtor's fields, for tables whose subject is a debtor. */
    static final String DEBTOR = "debtor";

    /**
     * The cases of one YAML table.
     *
     * @param cases    the cases that could be read, each as a row at its line
     * @param problems one result per case (or for the file) that could not be read, at its line
     */
    record Read(List<ScenarioTables.Row> cases, List<ScenarioResult> problems) {
    }

    /** A problem at a line of the file. */
    private static final class Bad extends Exception {
        private final int line;

        Bad(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private ScenarioYaml() {
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setCodePointLimit(MAX_CHARS + 1);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength(100_000).maxNumberLength(50).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Reads a YAML table.
     *
     * @param file    the table, as results name it
     * @param text    its text
     * @param columns the columns the table's subject knows (input fields, settings, {@code expect.*})
     * @param debtor  whether the input fields stand under {@code debtor:} (else at the top of each case)
     * @param inputs  the input fields of the subject, for messages
     * @return the cases and the problems
     */
    static Read read(String file, String text, Set<String> columns, boolean debtor, List<String> inputs) {
        List<ScenarioTables.Row> cases = new ArrayList<>();
        List<ScenarioResult> problems = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            problems.add(new ScenarioResult(file, 0, "(file)", List.of("the table has " + text.length()
                    + " characters; at most " + MAX_CHARS + " are read: split it into several files"), null));
            return new Read(cases, problems);
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser p = YAML.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Read(cases, problems); // an empty file: no cases
            }
            if (first != JsonToken.START_ARRAY) {
                throw new Bad(line(p), "a YAML scenario table is a list of cases, each starting with '- scenario: ...'");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int caseLine = line(p);
                if (cases.size() + problems.size() >= MAX_CASES) {
                    throw new Bad(caseLine, "more than " + MAX_CASES + " cases in one table: split it into several files");
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problems.add(new ScenarioResult(file, caseLine, "(case)", List.of("a case is a mapping of keys"
                            + " (scenario:, debtor:, expect: ...), was " + kind(t)), null));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                List<String> caseProblems = new ArrayList<>();
                readCase(p, cells, caseProblems, columns, debtor, inputs);
                if (caseProblems.isEmpty()) {
                    cases.add(new ScenarioTables.Row(caseLine, cells));
                } else {
                    String name = cells.getOrDefault("scenario", "case at line " + caseLine);
                    problems.add(new ScenarioResult(file, caseLine, name, caseProblems, null));
                }
            }
        } catch (Bad e) {
            problems.add(new ScenarioResult(file, e.line, "(file)", List.of(e.getMessage()), null));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new ScenarioResult(file, at == null ? 0 : Math.max(at.getLineNr(), 0), "(file)",
                    List.of("not a readable YAML scenario table: " + shortMessage(e.getOriginalMessage())), null));
        } catch (IOException | RuntimeException e) {
            problems.add(new ScenarioResult(file, 0, "(file)", List.of("not a readable YAML scenario table: "
                    + shortMessage(String.valueOf(e.getMessage()))), null));
        }
        return new Read(cases, problems);
    }

    private static void readCase(JsonParser p, Map<String, String> cells, List<String> problems, Set<String> columns,
                                 boolean debtor, List<String> inputs) throws IOException {
        Set<String> known = new LinkedHashSet<>(CASE_KEYS);
        if (debtor) {
            known.add(DEBTOR);
        } else {
            known.addAll(inputs);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            JsonToken value = p.nextToken();
            if (!known.contains(key)) {
                p.skipChildren();
                problems.add("line " + keyLine + ": unknown key " + SafeText.excerpt(key) + "; a case may have "
                        + known);
                continue;
            }
            switch (key) {
                case "expect" -> readExpect(p, value, keyLine, cells, problems, columns);
                case DEBTOR -> readInputs(p, value, keyLine, cells, problems, inputs);
                case "error" -> scalar(p, value, keyLine, "error", "expect.error", cells, problems);
                default -> {
                    if (CASE_KEYS.contains(key)) {
                        scalar(p, value, keyLine, key, key, cells, problems);
                    } else {
                        input(p, value, keyLine, key, cells, problems);
                    }
                }
            }
        }
    }

    private static void readExpect(JsonParser p, JsonToken value, int keyLine, Map<String, String> cells,
                                   List<String> problems, Set<String> columns) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            problems.add("line " + keyLine + ": expect must hold keys (type:, steps: [...] ...), was " + kind(value));
            return;
        }
        List<String> known = columns.stream().filter(c -> c.startsWith("expect.")).map(c -> c.substring(7)).sorted()
                .toList();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = line(p);
            JsonToken t = p.nextToken();
            if (!known.contains(key)) {
                p.skipChildren();
                problems.add("line " + line + ": unknown expectation " + SafeText.excerpt(key) + "; expected one of "
                        + known);
                continue;
            }
            if (t == JsonToken.START_ARRAY && LIST_EXPECTATIONS.contains(key)) {
                list(p, line, "expect." + key, cells, problems, false);
            } else {
                scalar(p, t, line, "expect " + key, "expect." + key, cells, problems);
            }
        }
    }

    private static void readInputs(JsonParser p, JsonToken value, int keyLine, Map<String, String> cells,
                                   List<String> problems, List<String> inputs) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            problems.add("line " + keyLine + ": debtor must hold the debtor's fields (id:, daysOverdue: ...), was "
                    + kind(value));
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = line(p);
            JsonToken t = p.nextToken();
            if (!inputs.contains(key)) {
                p.skipChildren();
                problems.add("line " + line + ": unknown debtor field " + SafeText.excerpt(key) + "; the fields are "
                        + inputs);
                continue;
            }
            input(p, t, line, key, cells, problems);
        }
    }

    /** An input field: a scalar, a list (of names, or of objects), or an object. */
    private static void input(JsonParser p, JsonToken t, int line, String key, Map<String, String> cells,
                              List<String> problems) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            list(p, line, key, cells, problems, true);
        } else if (t == JsonToken.START_OBJECT) {
            JsonNode node = p.readValueAsTree();
            cells.put(key, JSON.writeValueAsString(node));
        } else {
            scalar(p, t, line, key, key, cells, problems);
        }
    }

    /** A list: names become {@code A|B}; a list holding objects (only input fields may) becomes its JSON. */
    private static void list(JsonParser p, int line, String column, Map<String, String> cells, List<String> problems,
                             boolean objectsAllowed) throws IOException {
        JsonNode node = p.readValueAsTree();
        boolean scalars = true;
        for (JsonNode item : node) {
            scalars &= item.isValueNode() && !item.isNull();
        }
        if (scalars) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                String text = item.asText().trim();
                if (text.contains("|")) {
                    problems.add("line " + line + ": " + column + " entry " + SafeText.excerpt(text)
                            + " may not contain |: give each value as its own entry");
                    return;
                }
                items.add(text);
            }
            cells.put(column, String.join("|", items));
        } else if (objectsAllowed) {
            cells.put(column, JSON.writeValueAsString(node));
        } else {
            problems.add("line " + line + ": " + column + " must be a list of names, e.g. [FIELD_VISIT@0, PHONE_CALL]");
        }
    }

    private static void scalar(JsonParser p, JsonToken t, int line, String what, String column,
                               Map<String, String> cells, List<String> problems) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return; // "not given", as an empty cell
        }
        if (!t.isScalarValue()) {
            p.skipChildren();
            problems.add("line " + line + ": " + what + " must be a single value, was " + kind(t));
            return;
        }
        cells.put(column, p.getValueAsString());
    }

    private static String kind(JsonToken t) {
        if (t == JsonToken.START_ARRAY) {
            return "a list";
        }
        if (t == JsonToken.START_OBJECT) {
            return "a mapping";
        }
        return "a single value";
    }

    /** The first line of a parser's message, control characters escaped, at most 200 characters. */
    private static String shortMessage(String message) {
        String first = message == null ? "" : message.strip().split("\\R", 2)[0];
        String safe = SafeText.escape(first);
        return safe.length() > 200 ? safe.substring(0, 200) + "…" : safe;
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }
}
