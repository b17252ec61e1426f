package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@code rulebook.yaml} the engine reads between and after the stages.
 *
 * @param minimumPoints the evidence points a debtor type needs ({@code classification.minimumPoints}, default 3)
 * @param tieOrder      the order in which tied types win, gentlest treatment first ({@code classification.tieOrder});
 *                      types not listed come after, alphabetically
 * @param largeExposure the amount overdue from which a case is a large exposure ({@code escalation.largeExposure}),
 *                      or {@code null} for none
 * @param timeline      how the case's timeline shapes the next step ({@code timeline:})
 */
record RulebookSettings(int minimumPoints, List<String> tieOrder, BigDecimal largeExposure, TimelineSettings timeline) {

    static final String FILE = "rulebook.yaml";
    /** Evidence points a type needs unless {@code rulebook.yaml} says otherwise. */
    static final int DEFAULT_MINIMUM_POINTS = 3;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static RulebookSettings read(Rulebook rulebook, List<RulebookProblem> problems) {
        String text = rulebook.files().get(FILE);
        if (text == null) {
            return new RulebookSettings(DEFAULT_MINIMUM_POINTS, List.of(), null, TimelineSettings.DEFAULTS);
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            problems.add(new RulebookProblem(FILE, 0, "not valid YAML: " + e.getMessage().split("\n")[0].trim()));
            return new RulebookSettings(DEFAULT_MINIMUM_POINTS, List.of(), null, TimelineSettings.DEFAULTS);
        }
        if (root == null) {
            return new RulebookSettings(DEFAULT_MINIMUM_POINTS, List.of(), null, TimelineSettings.DEFAULTS);
        }
        int minimumPoints = DEFAULT_MINIMUM_POINTS;
        JsonNode points = root.path("classification").get("minimumPoints");
        if (points != null) {
            if (!points.isIntegralNumber() || !points.canConvertToInt() || points.intValue() < 1) {
                problems.add(new RulebookProblem(FILE, ScriptCatalogue.lineOf(text, "minimumPoints"),
                        "classification.minimumPoints must be a whole number of at least 1, was " + points));
            } else {
                minimumPoints = points.intValue();
            }
        }
        List<String> tieOrder = new ArrayList<>();
        JsonNode order = root.path("classification").get("tieOrder");
        if (order != null) {
            if (!order.isArray()) {
                problems.add(new RulebookProblem(FILE, ScriptCatalogue.lineOf(text, "tieOrder"),
                        "classification.tieOrder must be a list of debtor types, gentlest first, was " + order));
            } else {
                order.forEach(t -> tieOrder.add(t.asText()));
            }
        }
        BigDecimal largeExposure = null;
        JsonNode large = root.path("escalation").get("largeExposure");
        if (large != null && !large.isNull()) {
            try {
                largeExposure = new BigDecimal(large.asText());
                if (largeExposure.signum() <= 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new RulebookProblem(FILE, ScriptCatalogue.lineOf(text, "largeExposure"),
                        "escalation.largeExposure must be a positive amount, was " + large));
                largeExposure = null;
            }
        }
        return new RulebookSettings(minimumPoints, List.copyOf(tieOrder), largeExposure,
                timeline(root.path("timeline"), text, problems));
    }

    private static TimelineSettings timeline(JsonNode node, String text, List<RulebookProblem> problems) {
        TimelineSettings d = TimelineSettings.DEFAULTS;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        int grace = days(node, "promiseGraceDays", d.promiseGraceDays(), text, problems);
        int recent = days(node, "recentPaymentDays", d.recentPaymentDays(), text, problems);
        List<String> ladder = d.ladder();
        if (node.has("ladder")) {
            List<String> l = new ArrayList<>();
            node.path("ladder").forEach(n -> l.add(n.asText()));
            ladder = List.copyOf(l);
        }
        return new TimelineSettings(grace, recent, ladder, perStep(node, "responseDays", d.responseDays(), text, problems),
                perStep(node, "notRepeatedWithinDays", d.notRepeatedWithinDays(), text, problems));
    }

    private static int days(JsonNode node, String key, int fallback, String text, List<RulebookProblem> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.intValue() < 0) {
            problems.add(new RulebookProblem(FILE, ScriptCatalogue.lineOf(text, key), "timeline." + key
                    + " must be a whole number of days, 0 or more, was " + v));
            return fallback;
        }
        return v.intValue();
    }

    private static java.util.Map<String, Integer> perStep(JsonNode node, String key, java.util.Map<String, Integer> fallback,
                                                          String text, List<RulebookProblem> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isIntegralNumber() || e.getValue().intValue() < 0) {
                problems.add(new RulebookProblem(FILE, ScriptCatalogue.lineOf(text, e.getKey()), "timeline." + key + "."
                        + e.getKey() + " must be a whole number of days, 0 or more, was " + e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue().intValue());
            }
        });
        return java.util.Map.copyOf(out);
    }
}
