package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One jurisdiction's limitation period, guarantee period, contact hours and contact caps, read from the built-in
 * {@code jurisdictions.yaml} beside this class, with what the rulebook's own {@code jurisdictions.yaml} changes.
 */
record JurisdictionProfile(
        Jurisdiction jurisdiction,
        int limitationYears,
        boolean interruptible,
        int limitationWarnDays,
        int guaranteeMonths,
        int guaranteeWarnDays,
        LocalTime contactFrom,
        LocalTime contactTo,
        List<Cap> caps,
        int quietDaysAfterConversation,
        Map<String, Channel> contactSteps,
        Set<String> legalSteps,
        java.time.ZoneId zone,
        boolean demandInterrupts) {

    /** A contact cap: at most {@code max} contacts of these channels within {@code days} calendar days. */
    record Cap(String name, Set<Channel> channels, boolean reachedOnly, int max, int days) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String FILE = "jurisdictions.yaml";

    /**
     * @param inProceedings the claim is in court or has a judgment: filing interrupted the clock, so it can neither
     *                      be expiring nor expired, even when {@code lastInterruption} was not recorded
     */
    LimitationClock limitation(LocalDate dueDate, LocalDate lastInterruption, LocalDate asOf, boolean inProceedings) {
        LocalDate start = dueDate;
        if (interruptible && lastInterruption != null && lastInterruption.isAfter(dueDate)) {
            start = lastInterruption;
        }
        LocalDate ends = start.plusYears(limitationYears);
        long daysLeft = ChronoUnit.DAYS.between(asOf, ends);
        boolean expired = daysLeft < 0 && !inProceedings;
        boolean expiring = !expired && !inProceedings && daysLeft <= limitationWarnDays;
        return new LimitationClock(jurisdiction.name(), start, ends, daysLeft, expiring, expired, demandInterrupts);
    }

    /** @return the guarantee period, or {@code null} when this jurisdiction has none */
    GuaranteePeriod guarantee(LocalDate dueDate, LocalDate asOf) {
        if (guaranteeMonths <= 0) {
            return null;
        }
        LocalDate ends = dueDate.plusMonths(guaranteeMonths);
        long daysLeft = ChronoUnit.DAYS.between(asOf, ends);
        boolean expired = daysLeft < 0;
        return new GuaranteePeriod(ends, daysLeft, !expired && daysLeft <= guaranteeWarnDays, expired);
    }

    /**
     * Loads the profiles of a rulebook: the built-in file, with the rulebook's own {@code jurisdictions.yaml} over it.
     * The rulebook's file holds only what it changes: an entry for a built-in jurisdiction is merged into the built-in
     * profile key by key (a list replaces the built-in list), an entry for a new code must be a whole profile.
     */
    static Map<Jurisdiction, JurisdictionProfile> load(Rulebook rulebook, List<RulebookProblem> problems) {
        ObjectNode builtIn;
        try (InputStream in = JurisdictionProfile.class.getResourceAsStream(FILE)) {
            builtIn = (ObjectNode) YAML.readTree(in);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("cannot read the built-in jurisdiction profiles", e);
        }
        Map<String, String> fileOf = new LinkedHashMap<>();
        builtIn.fieldNames().forEachRemaining(k -> fileOf.put(k, "(built-in) " + FILE));
        ObjectNode merged = builtIn.deepCopy();
        String own = rulebook.files().get(FILE);
        if (own != null) {
            try {
                JsonNode root = YAML.readTree(own);
                if (root != null && !root.isObject()) {
                    problems.add(new RulebookProblem(FILE, 1, "jurisdiction profiles must be a mapping of jurisdiction code to profile"));
                } else if (root != null) {
                    root.fields().forEachRemaining(e -> {
                        JsonNode base = merged.get(e.getKey());
                        merged.set(e.getKey(), base != null && base.isObject() && e.getValue().isObject()
                                ? merge(base.deepCopy(), e.getValue()) : e.getValue());
                        fileOf.put(e.getKey(), FILE);
                    });
                }
            } catch (IOException e) {
                int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                        ? j.getLocation().getLineNr() : 0;
                problems.add(new RulebookProblem(FILE, line, "not valid YAML: " + e.getMessage().split("\n")[0]));
            }
        }
        Map<Jurisdiction, JurisdictionProfile> profiles = new HashMap<>();
        merged.fields().forEachRemaining(e -> {
            String file = fileOf.get(e.getKey());
            int line = FILE.equals(file) ? ScriptCatalogue.lineOf(own, e.getKey()) : 0;
            Jurisdiction j;
            try {
                j = Jurisdiction.of(e.getKey());
            } catch (IllegalArgumentException ex) {
                problems.add(new RulebookProblem(file, line, ex.getMessage()));
                return;
            }
            try {
                profiles.put(j, profile(j, e.getValue()));
            } catch (IllegalArgumentException | java.time.DateTimeException ex) {
                problems.add(new RulebookProblem(file, line, "profile " + j + ": " + ex.getMessage()));
            }
        });
        if (!profiles.containsKey(Jurisdiction.CN)) {
            problems.add(new RulebookProblem(FILE, 0, "no profile for jurisdiction CN, the default of debtors without one"));
        }
        return Map.copyOf(profiles);
    }

    /** Copies every key of {@code over} into {@code base}, mappings key by key, anything else replacing. */
    private static ObjectNode merge(ObjectNode base, JsonNode over) {
        over.fields().forEachRemaining(e -> {
            JsonNode b = base.get(e.getKey());
            if (b != null && b.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) b, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
        return base;
    }

    private static JurisdictionProfile profile(Jurisdiction j, JsonNode p) {
        JsonNode lim = p.path("limitation");
        JsonNode gua = p.path("guaranteePeriod");
        List<Cap> caps = new ArrayList<>();
        for (JsonNode c : p.path("contactCaps")) {
            Set<Channel> channels = new LinkedHashSet<>();
            for (JsonNode ch : c.path("channels")) {
                channels.add(Channel.valueOf(ch.asText()));
            }
            String count = c.path("count").asText("attempts");
            if (!count.equals("reached") && !count.equals("attempts")) {
                throw new IllegalArgumentException("contactCaps count must be reached or attempts, was " + count);
            }
            caps.add(new Cap(c.path("name").asText("cap"), channels, count.equals("reached"),
                    positive(c, "max"), positive(c, "days")));
        }
        return new JurisdictionProfile(j, positive(lim, "years"), lim.path("interruptible").asBoolean(true),
                lim.path("warnDays").asInt(90), gua.path("months").asInt(0), gua.path("warnDays").asInt(30),
                LocalTime.parse(p.path("contactHours").path("from").asText("00:00")),
                LocalTime.parse(p.path("contactHours").path("to").asText("23:59")),
                List.copyOf(caps), p.path("quietDaysAfterConversation").asInt(0),
                contactSteps(p.path("contactSteps")), strings(p.path("legalSteps")),
                p.path("zone").isMissingNode() || p.path("zone").isNull() ? null : java.time.ZoneId.of(p.path("zone").asText()),
                lim.path("demandInterrupts").asBoolean(false));
    }

    private static int positive(JsonNode node, String field) {
        int v = node.path(field).asInt(0);
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be a positive whole number, was " + node.path(field));
        }
        return v;
    }

    private static Map<String, Channel> contactSteps(JsonNode node) {
        Map<String, Channel> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), Channel.valueOf(e.getValue().asText())));
        return Map.copyOf(out);
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        node.forEach(n -> out.add(n.asText()));
        return Set.copyOf(out);
    }
}
