package io.collectionstrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.LimitationClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
 * One jurisdiction's (or one region's) limitation period, guarantee period, judgment enforcement period, contact
 * hours and contact caps, read from the built-in {@code jurisdictions.yaml} beside this class, with what the
 * rulebook's own {@code jurisdictions.yaml} changes. A jurisdiction with {@code regions} (US states, UK nations) has
 * one profile per region, and for a debtor whose region is unknown the {@link #forRegion(String) most protective}
 * profile across them: the shortest period, no revival, extinguishing if any region extinguishes, the contact
 * window that holds in every time zone.
 *
 * @param jurisdiction        the code
 * @param region              the region, or {@code null} for the jurisdiction as a whole
 * @param limitationYears     the limitation (prescription) period
 * @param interruptedBy       events that restart the period when they happen before it ends
 * @param revivedBy           events that still count after it ended (CN: the debtor's agreement to pay, art. 192)
 * @param extinguishes        the end of the period extinguishes the debt itself (Scotland: prescription): nothing
 *                            may be asked for
 * @param promisesAcknowledge a promise to pay counts as the debtor's acknowledgement of the debt (CN: agreeing to
 *                            perform, Civil Code art. 195); elsewhere an acknowledgement must be in writing
 * @param limitationWarnDays  LIMITATION_EXPIRING this many days ahead
 * @param guaranteeMonths     the default guarantee period from the due date, 0 for none
 * @param guaranteeWarnDays   GUARANTEE_PERIOD_EXPIRING this many days ahead
 * @param guarantorLimitationYears the guarantor's own limitation period after a demand served within the guarantee
 *                            period (CN art. 694), 0 when the jurisdiction has none
 * @param judgmentYears       the period to apply for enforcement of a judgment, 0 when none is modelled
 * @param judgmentWarnDays    JUDGMENT_ENFORCEMENT_EXPIRING this many days ahead
 * @param contactFrom         contact allowed from, the debtor's local time
 * @param contactTo           contact allowed until (exclusive)
 * @param caps                contact caps
 * @param quietDaysAfterConversation no call within this many days after a conversation
 * @param contactSteps        step to channel
 * @param legalSteps          steps that are legal action
 * @param zones               the time zones of the jurisdiction or region; contact must be allowed in all of them
 *                            when the debtor's own zone is not known
 * @param regions             the region profiles by code (empty for a region, or a jurisdiction without regions)
 */
record JurisdictionProfile(
        Jurisdiction jurisdiction,
        String region,
        int limitationYears,
        Set<InterruptionKind> interruptedBy,
        Set<InterruptionKind> revivedBy,
        boolean extinguishes,
        boolean promisesAcknowledge,
        int limitationWarnDays,
        int guaranteeMonths,
        int guaranteeWarnDays,
        int guarantorLimitationYears,
        int judgmentYears,
        int judgmentWarnDays,
        LocalTime contactFrom,
        LocalTime contactTo,
        List<Cap> caps,
        int quietDaysAfterConversation,
        Map<String, Channel> contactSteps,
        Set<String> legalSteps,
        List<ZoneId> zones,
        Map<String, JurisdictionProfile> regions) {

    /** A contact cap: at most {@code max} contacts of these channels within {@code days} calendar days. */
    record Cap(String name, Set<Channel> channels, boolean reachedOnly, int max, int days) {
    }

    /**
     * The profile for a debtor's region.
     *
     * @param code the region, or {@code null} when unknown
     * @return the region's profile; for {@code null}, or a jurisdiction without regions, this profile
     * @throws InvalidDebtorException when the jurisdiction has regions and none of that code
     */
    JurisdictionProfile forRegion(String code) {
        if (code == null || regions.isEmpty() && region == null) {
            if (code != null) {
                throw new InvalidDebtorException("region", code, "empty: jurisdiction " + jurisdiction
                        + " has no regions in this rulebook");
            }
            return this;
        }
        JurisdictionProfile r = regions.get(code);
        if (r == null) {
            throw new InvalidDebtorException("region", code, "one of " + new java.util.TreeSet<>(regions.keySet())
                    + " (the regions of jurisdiction " + jurisdiction + "), or empty when unknown");
        }
        return r;
    }

    /** @return true when a creditor's demand proven served restarts the period here */
    boolean demandInterrupts() {
        return interruptedBy.contains(InterruptionKind.DEMAND);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String FILE = "jurisdictions.yaml";

    /**
     * The limitation clock. An interruption restarts the period when it happened on or before the end and its kind is
     * in {@code interruptedBy}; one after the end counts only when its kind is in {@code revivedBy}. An interruption
     * of unknown kind counts before the end where any event restarts the period, and never after the end.
     *
     * @param inProceedings the claim is in court or has a judgment: filing interrupted the clock, so it can neither
     *                      be expiring nor expired, even when {@code lastInterruption} was not recorded
     */
    LimitationClock limitation(LocalDate dueDate, LocalDate lastInterruption, InterruptionKind kind, LocalDate asOf,
                               boolean inProceedings) {
        List<Timelines.Interruption> events = lastInterruption == null ? List.of()
                : List.of(new Timelines.Interruption(lastInterruption, kind));
        return limitation(dueDate, events, asOf, inProceedings);
    }

    /**
     * The limitation clock from the events of the case, taken in date order: each one that counts restarts the period
     * from its date, so an earlier restart can bring a later event inside the period.
     */
    LimitationClock limitation(LocalDate dueDate, List<Timelines.Interruption> events, LocalDate asOf,
                               boolean inProceedings) {
        LocalDate start = dueDate;
        LocalDate ends = start.plusYears(limitationYears);
        for (Timelines.Interruption e : events) {
            if (!e.on().isAfter(start)) {
                continue;
            }
            boolean before = !e.on().isAfter(ends);
            InterruptionKind kind = e.kind();
            boolean counts = kind == null ? before && !interruptedBy.isEmpty()
                    : before ? interruptedBy.contains(kind) : revivedBy.contains(kind);
            if (counts) {
                start = e.on();
                ends = start.plusYears(limitationYears);
            }
        }
        long daysLeft = ChronoUnit.DAYS.between(asOf, ends);
        boolean expired = daysLeft < 0 && !inProceedings;
        boolean expiring = !expired && !inProceedings && daysLeft <= limitationWarnDays;
        return new LimitationClock(jurisdiction.code(), start, ends, daysLeft, expiring, expired, demandInterrupts(),
                region, expired && extinguishes);
    }

    /**
     * The period in which the guarantor can be pursued: the agreed end, else the default months from the due date; a
     * demand served on the guarantor within it starts the guarantor's own limitation period instead.
     *
     * @return the period, or {@code null} when neither an agreed end nor a default exists
     */
    GuaranteePeriod guarantee(LocalDate dueDate, LocalDate agreedEnd, LocalDate demandServed, LocalDate asOf) {
        LocalDate ends = agreedEnd != null ? agreedEnd : guaranteeMonths > 0 ? dueDate.plusMonths(guaranteeMonths) : null;
        if (ends == null) {
            return null;
        }
        boolean served = demandServed != null && !demandServed.isAfter(ends) && guarantorLimitationYears > 0;
        if (served) {
            ends = demandServed.plusYears(guarantorLimitationYears);
        }
        long daysLeft = ChronoUnit.DAYS.between(asOf, ends);
        boolean expired = daysLeft < 0;
        return new GuaranteePeriod(ends, daysLeft, !expired && daysLeft <= guaranteeWarnDays, expired, served);
    }

    /** @return the judgment's enforcement clock, or {@code null} when there is no judgment date or no such period */
    JudgmentClock judgment(LocalDate judgmentDate, LocalDate asOf) {
        if (judgmentDate == null || judgmentYears <= 0) {
            return null;
        }
        LocalDate ends = judgmentDate.plusYears(judgmentYears);
        long daysLeft = ChronoUnit.DAYS.between(asOf, ends);
        boolean expired = daysLeft < 0;
        return new JudgmentClock(judgmentDate, ends, daysLeft, !expired && daysLeft <= judgmentWarnDays, expired);
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
            if (j.equals(Jurisdiction.UK_SCOTLAND)) {
                problems.add(new RulebookProblem(file, line, "UK_SCOTLAND is the alias of jurisdiction UK, region "
                        + "SCOTLAND: change it under UK: regions: SCOTLAND:"));
                return;
            }
            try {
                profiles.put(j, withRegions(j, e.getValue()));
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

    /** The jurisdiction's profile: its own when it has no regions, else the most protective across its regions. */
    private static JurisdictionProfile withRegions(Jurisdiction j, JsonNode node) {
        JsonNode regionsNode = node.path("regions");
        if (!regionsNode.isObject() || regionsNode.isEmpty()) {
            return profile(j, null, node, Map.of());
        }
        ObjectNode base = ((ObjectNode) node).deepCopy();
        base.remove("regions");
        Map<String, JurisdictionProfile> regions = new java.util.TreeMap<>();
        regionsNode.fields().forEachRemaining(r -> {
            if (!r.getKey().matches("[A-Z][A-Z0-9_]{0,31}")) {
                throw new IllegalArgumentException("region code " + r.getKey()
                        + " must be upper-case letters, digits and _, starting with a letter");
            }
            try {
                regions.put(r.getKey(), profile(j, r.getKey(), merge(base.deepCopy(), r.getValue()), Map.of()));
            } catch (IllegalArgumentException | java.time.DateTimeException ex) {
                throw new IllegalArgumentException("region " + r.getKey() + ": " + ex.getMessage(), ex);
            }
        });
        return mostProtective(j, regions);
    }

    /**
     * What holds for a debtor of unknown region: the shortest periods, only the interruptions every region accepts, no
     * revival unless every region allows it, extinguishing if any region extinguishes, the contact window of every
     * zone, every cap and legal step of any region.
     */
    private static JurisdictionProfile mostProtective(Jurisdiction j, Map<String, JurisdictionProfile> regions) {
        List<JurisdictionProfile> all = List.copyOf(regions.values());
        Set<InterruptionKind> interrupted = java.util.EnumSet.allOf(InterruptionKind.class);
        Set<InterruptionKind> revived = java.util.EnumSet.allOf(InterruptionKind.class);
        Set<ZoneId> zones = new LinkedHashSet<>();
        Map<String, Cap> caps = new java.util.LinkedHashMap<>();
        Map<String, Channel> contactSteps = new java.util.LinkedHashMap<>();
        Set<String> legal = new LinkedHashSet<>();
        int guaranteeMonths = Integer.MAX_VALUE;
        int guarantorYears = Integer.MAX_VALUE;
        int judgmentYears = Integer.MAX_VALUE;
        for (JurisdictionProfile r : all) {
            interrupted.retainAll(r.interruptedBy());
            revived.retainAll(r.revivedBy());
            zones.addAll(r.zones());
            r.caps().forEach(c -> caps.putIfAbsent(c.name() + c.channels() + c.max() + "/" + c.days(), c));
            contactSteps.putAll(r.contactSteps());
            legal.addAll(r.legalSteps());
            guaranteeMonths = Math.min(guaranteeMonths, r.guaranteeMonths());
            guarantorYears = Math.min(guarantorYears, r.guarantorLimitationYears());
            if (r.judgmentYears() > 0) {
                judgmentYears = Math.min(judgmentYears, r.judgmentYears());
            }
        }
        return new JurisdictionProfile(j, null,
                all.stream().mapToInt(JurisdictionProfile::limitationYears).min().orElseThrow(),
                Set.copyOf(interrupted), Set.copyOf(revived),
                all.stream().anyMatch(JurisdictionProfile::extinguishes),
                all.stream().allMatch(JurisdictionProfile::promisesAcknowledge),
                all.stream().mapToInt(JurisdictionProfile::limitationWarnDays).max().orElseThrow(),
                guaranteeMonths, all.stream().mapToInt(JurisdictionProfile::guaranteeWarnDays).max().orElseThrow(),
                guarantorYears, judgmentYears == Integer.MAX_VALUE ? 0 : judgmentYears,
                all.stream().mapToInt(JurisdictionProfile::judgmentWarnDays).max().orElseThrow(),
                all.stream().map(JurisdictionProfile::contactFrom).max(java.util.Comparator.naturalOrder()).orElseThrow(),
                all.stream().map(JurisdictionProfile::contactTo).min(java.util.Comparator.naturalOrder()).orElseThrow(),
                List.copyOf(caps.values()),
                all.stream().mapToInt(JurisdictionProfile::quietDaysAfterConversation).max().orElseThrow(),
                Map.copyOf(contactSteps), Set.copyOf(legal), List.copyOf(zones), Map.copyOf(regions));
    }

    private static JurisdictionProfile profile(Jurisdiction j, String region, JsonNode p,
                                               Map<String, JurisdictionProfile> regions) {
        JsonNode lim = p.path("limitation");
        JsonNode gua = p.path("guaranteePeriod");
        JsonNode jud = p.path("judgmentEnforcement");
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
        Set<InterruptionKind> interruptedBy = lim.has("interruptedBy") ? kinds(lim, "interruptedBy")
                : java.util.EnumSet.of(InterruptionKind.ACKNOWLEDGEMENT, InterruptionKind.PART_PAYMENT, InterruptionKind.SUIT);
        if (lim.has("demandInterrupts")) { // the older form of the same setting
            if (lim.path("demandInterrupts").asBoolean(false)) {
                interruptedBy.add(InterruptionKind.DEMAND);
            } else {
                interruptedBy.remove(InterruptionKind.DEMAND);
            }
        }
        if (lim.has("interruptible") && !lim.path("interruptible").asBoolean(true)) {
            interruptedBy.clear();
        }
        List<ZoneId> zones = new ArrayList<>();
        for (JsonNode z : p.path("zones")) {
            zones.add(ZoneId.of(z.asText()));
        }
        if (p.hasNonNull("zone")) {
            zones.add(0, ZoneId.of(p.path("zone").asText()));
        }
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("zones: list the time zones of the jurisdiction (IANA names)");
        }
        return new JurisdictionProfile(j, region, positive(lim, "years"), Set.copyOf(interruptedBy),
                Set.copyOf(kinds(lim, "revivedBy")), lim.path("extinguishes").asBoolean(false),
                lim.path("promisesAcknowledge").asBoolean(false),
                lim.path("warnDays").asInt(90), gua.path("months").asInt(0), gua.path("warnDays").asInt(30),
                gua.path("guarantorLimitationYears").asInt(0), jud.path("years").asInt(0), jud.path("warnDays").asInt(90),
                LocalTime.parse(p.path("contactHours").path("from").asText("00:00")),
                LocalTime.parse(p.path("contactHours").path("to").asText("23:59")),
                List.copyOf(caps), p.path("quietDaysAfterConversation").asInt(0),
                contactSteps(p.path("contactSteps")), strings(p.path("legalSteps")),
                List.copyOf(new LinkedHashSet<>(zones)), regions);
    }

    private static Set<InterruptionKind> kinds(JsonNode node, String field) {
        Set<InterruptionKind> out = java.util.EnumSet.noneOf(InterruptionKind.class);
        for (JsonNode k : node.path(field)) {
            try {
                out.add(InterruptionKind.valueOf(k.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " lists " + k.asText() + "; expected some of "
                        + java.util.Arrays.toString(InterruptionKind.values()), e);
            }
        }
        return out;
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
