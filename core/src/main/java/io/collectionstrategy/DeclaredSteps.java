package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The escalation steps a rulebook may propose besides the built-in ones ({@link Steps}): those it declares under
 * {@code steps:} in {@code rulebook.yaml}, each with the channel it reaches the debtor by, or {@code none}:
 *
 * <pre>
 * steps:
 *   SMS_FOLLOW_UP: SMS        # contact caps and hours of SMS apply
 *   CASE_REVIEW: none         # contacts nobody
 * </pre>
 *
 * and the steps its own {@code jurisdictions.yaml} names in {@code contactSteps} or {@code legalSteps}. A step a rule
 * proposes by name that is none of these is refused when the rulebook is built: it would escape the contact limits.
 * A declared step with a channel counts as a contact step in every jurisdiction.
 *
 * @param names    every step name the rulebook declares, with or without a channel
 * @param channels the declared steps that contact the debtor, with their channel
 */
record DeclaredSteps(Set<String> names, Map<String, Channel> channels) {

    /** The key in {@code rulebook.yaml}. */
    static final String KEY = "steps";

    /** No steps of the rulebook's own. */
    static final DeclaredSteps NONE = new DeclaredSteps(Set.of(), Map.of());

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The channels a declaration may name, as written. */
    static String allowed() {
        List<String> all = new ArrayList<>();
        for (Channel c : Channel.values()) {
            all.add(c.name());
        }
        all.add("none");
        return String.join(", ", all);
    }

    /**
     * Reads the declarations of {@code rulebook.yaml} and the step names of the rulebook's {@code jurisdictions.yaml}.
     *
     * @param problems where a malformed declaration is reported, with its line; a file that is not YAML is reported
     *                 where that file is read, not here
     */
    static DeclaredSteps read(Rulebook rulebook, List<RulebookProblem> problems) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Channel> channels = new LinkedHashMap<>();
        String text = rulebook.files().get(RulebookSettings.FILE);
        JsonNode steps = tree(text).path(KEY);
        if (!steps.isMissingNode() && !steps.isNull()) {
            if (!steps.isObject()) {
                problems.add(new RulebookProblem(RulebookSettings.FILE, ScriptCatalogue.lineOf(text, KEY),
                        "steps: must map each step name to its channel (" + allowed() + "), e.g. SMS_FOLLOW_UP: SMS"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = steps.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String name = e.getKey();
                    int line = ScriptCatalogue.lineOf(text, name);
                    if (!NAME.matcher(name).matches()) {
                        problems.add(new RulebookProblem(RulebookSettings.FILE, line, "step " + SafeText.excerpt(name)
                                + ": a step name is written in capitals, digits and _, starting with a letter"));
                        continue;
                    }
                    if (RuleSandbox.isBuiltInStep(name)) {
                        problems.add(new RulebookProblem(RulebookSettings.FILE, line, "step " + name
                                + " is built in: its channel and limits are fixed; declare only steps of your own"));
                        continue;
                    }
                    String value = e.getValue().isValueNode() ? e.getValue().asText().trim() : "";
                    if (value.equalsIgnoreCase("none")) {
                        names.add(name);
                        continue;
                    }
                    try {
                        channels.put(name, Channel.valueOf(value.toUpperCase(Locale.ROOT)));
                        names.add(name);
                    } catch (IllegalArgumentException ex) {
                        problems.add(new RulebookProblem(RulebookSettings.FILE, line, "step " + name + ": the channel "
                                + SafeText.excerpt(value.isEmpty() ? String.valueOf(e.getValue()) : value)
                                + " is unknown; expected one of " + allowed()));
                    }
                }
            }
        }
        JsonNode jurisdictions = tree(rulebook.files().get(JurisdictionProfile.FILE));
        for (JsonNode n : jurisdictions.findValues("contactSteps")) {
            n.fieldNames().forEachRemaining(names::add);
        }
        for (JsonNode n : jurisdictions.findValues("legalSteps")) {
            n.forEach(s -> names.add(s.asText()));
        }
        return new DeclaredSteps(Set.copyOf(names), Map.copyOf(channels));
    }

    private static JsonNode tree(String text) {
        if (text == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            JsonNode root = YAML.readTree(text);
            return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
