package io.collectionstrategy;

import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.LimitationClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The compliance guard, applied in Java after the rules and independent of them: it removes every step the law or
 * the case forbids and reports it in {@link Assessment#blocked()} with the reason, checks every step at its own date
 * (the evaluation date plus {@code inDays}) against the limitation, guarantee and judgment periods, and moves contact
 * steps past contact caps and outside contact hours. Compliance holds even when a rule forgets. Every compliance
 * decision of an assessment is taken here; the engine only assembles.
 *
 * <p>What it forbids:
 * <ul>
 *   <li>any step that contacts third parties about the debt (employer, family, relatives, neighbours, friends,
 *       colleagues, references);</li>
 *   <li>nothing owed (0 days overdue and no amount): every collection step and the arrears script;</li>
 *   <li>a debt extinguished by prescription (Scotland): everything but a write-off review and complaint handling,
 *       and any script that asks for payment;</li>
 *   <li>a breathing space (debt respite moratorium): contact to ask for payment and every enforcement step;</li>
 *   <li>the debtor says the debt is statute-barred: collection stops until a supervisor has checked;</li>
 *   <li>legal steps on a time-barred debt, and a legal step whose date falls after the end of the limitation
 *       period: a supervisor's review before the end takes its place;</li>
 *   <li>enforcement after the period to enforce a judgment;</li>
 *   <li>a guarantor demand after the guarantee period (one that would fall after it is moved to today);</li>
 *   <li>a vulnerable customer: agency placement and legal steps before a supervisor's review (forbearance first);</li>
 *   <li>a deceased debtor: every collection step but verification and the claims on the estate and the guarantor;</li>
 *   <li>a bankrupt debtor: collection (the claim goes through the insolvency); a fraud case: agency placement.</li>
 * </ul>
 * On a time-barred debt it replaces the rules' script by {@code TIME_BARRED} (where the catalogue has it), on an
 * extinguished one by {@code PRESCRIBED}, and warns.
 */
final class ComplianceGuard {

    static final String RULE = "GUARD";

    /** The script that replaces the rules' choice on a time-barred debt, where the catalogue has it. */
    static final String TIME_BARRED_SCRIPT = "TIME_BARRED";
    /** The script for a debt extinguished by prescription: it asks for nothing. */
    static final String PRESCRIBED_SCRIPT = "PRESCRIBED";
    /** The script for a breathing space: it asks for nothing. */
    static final String BREATHING_SPACE_SCRIPT = "SITUATION_BREATHING_SPACE";

    private static final Set<String> ALWAYS_LEGAL = Set.of(Steps.PAYMENT_ORDER, Steps.LITIGATION, Steps.ENFORCEMENT);
    /** A guarantor with joint liability is not a relative: the guarantor demand stays, inside the guarantee period. */
    private static final Set<String> DECEASED_ALLOWED = Set.of(Steps.DEATH_VERIFICATION, Steps.ESTATE_CLAIM,
            Steps.SUSPEND_COLLECTION, Steps.COMPLAINT_HANDLING, Steps.SUPERVISOR_REVIEW, Steps.WRITE_OFF_REVIEW,
            Steps.FRAUD_REVIEW, Steps.GUARANTOR_DEMAND);
    private static final Set<String> BANKRUPTCY_FORBIDDEN = Set.of(Steps.REMINDER, Steps.PHONE_CALL, Steps.FIELD_VISIT,
            Steps.WRITTEN_DEMAND, Steps.AGENCY_PLACEMENT, Steps.PAYMENT_ORDER, Steps.LITIGATION, Steps.ENFORCEMENT,
            Steps.COLLATERAL_REALISATION, Steps.REPAYMENT_PLAN);
    /** Steps that ask for nothing and contact nobody to collect: allowed even when collection stops. */
    private static final Set<String> NON_COLLECTION = Set.of(Steps.SUPERVISOR_REVIEW, Steps.WRITE_OFF_REVIEW,
            Steps.COMPLAINT_HANDLING, Steps.SUSPEND_COLLECTION, Steps.FRAUD_REVIEW, Steps.DEATH_VERIFICATION);
    /** On an extinguished debt: only closing the account, and answering a complaint. */
    private static final Set<String> EXTINGUISHED_ALLOWED = Set.of(Steps.WRITE_OFF_REVIEW, Steps.COMPLAINT_HANDLING,
            Steps.SUSPEND_COLLECTION);
    /** Whole words of a step name: {@code EMPLOYER_CONTACT} is third-party contact, {@code FRIENDLY_REMINDER} is not. */
    private static final Pattern THIRD_PARTY = Pattern.compile("(^|_)(EMPLOYERS?|FAMILY|FAMILIES|RELATIVES?|NEIGHBOU?RS?"
            + "|FRIENDS?|COLLEAGUES?|THIRD|REFEREES?|REFERENCES?|WORKPLACE|SPOUSE|PARENTS?|CHILDREN|HEIRS?)(_|$)");

    /** Step name to whether it contacts third parties; the vocabulary of steps is small. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> THIRD_PARTY_STEPS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What the guard knows of the case.
     *
     * @param debtor     the debtor
     * @param asOf       the evaluation date
     * @param at         the evaluation moment, or {@code null}
     * @param profile    the jurisdiction profile (of the debtor's region, or the most protective one)
     * @param situation  the decided situation, or {@code null}
     * @param limitation the limitation clock
     * @param guarantee  the guarantee period, or {@code null}
     * @param judgment   the judgment's enforcement clock, or {@code null}
     * @param texts      the guard's texts in the assessment's language, dates as in the debtor's jurisdiction
     * @param declaredContactSteps the rulebook's own contact steps with their channel ({@link DeclaredSteps})
     */
    record Case(Debtor debtor, LocalDate asOf, OffsetDateTime at, JurisdictionProfile profile, String situation,
                LimitationClock limitation, GuaranteePeriod guarantee, JudgmentClock judgment, Messages.Bound texts,
                Map<String, Channel> declaredContactSteps) {

        /** The channel the step reaches the debtor by: the jurisdiction's contact steps, then the rulebook's own. */
        Channel channelOf(String step) {
            Channel c = profile.contactSteps().get(step);
            return c != null ? c : declaredContactSteps.get(step);
        }

        boolean inProceedings() {
            return debtor.has(Circumstance.IN_LITIGATION) || debtor.has(Circumstance.JUDGMENT_OBTAINED)
                    || debtor.judgmentDate() != null;
        }

        boolean nothingOwed() {
            return debtor.daysOverdue() == 0 && debtor.amountOverdue().signum() == 0;
        }

        boolean vulnerable() {
            return debtor.has(Circumstance.VULNERABLE) || Situations.VULNERABLE.equals(situation);
        }

        boolean legal(String step) {
            return ALWAYS_LEGAL.contains(step) || profile.legalSteps().contains(step);
        }
    }

    /**
     * The guard's verdict on one assessment.
     *
     * @param steps    the steps allowed, moved past caps and hours where needed, ordered by {@code inDays}
     * @param blocked  the steps removed, each with why
     * @param warnings what the guard adds (caps, hours, time-barred debt, a replaced script)
     * @param scriptId the script to use: the rules' choice, one that replaces it, or {@code null} for none
     */
    record Verdict(List<EscalationStep> steps, List<BlockedStep> blocked, List<Warning> warnings, String scriptId) {

        /**
         * @return the first legal step the verdict keeps (the earliest; of two on one day, the first listed), which a
         *         script may mention, or {@code null} when the escalation holds none
         */
        EscalationStep firstLegalStep(Case c) {
            for (EscalationStep s : steps) {
                if (c.legal(s.step())) {
                    return s;
                }
            }
            return null;
        }
    }

    private ComplianceGuard() {
    }

    /**
     * @param proposed  the steps the rules proposed, ordered by {@code inDays}
     * @param scriptId  the script the rules chose, or {@code null}
     * @param hasScript whether the catalogue has a script in the assessment's locale
     */
    static Verdict apply(Case c, List<EscalationStep> proposed, String scriptId, Predicate<String> hasScript) {
        Messages.Bound m = c.texts();
        Map<String, EscalationStep> kept = new LinkedHashMap<>();
        List<BlockedStep> blocked = new ArrayList<>();
        Map<String, Warning> warnings = new LinkedHashMap<>();
        LimitationClock lim = c.limitation();
        boolean legalTooLate = false;
        for (EscalationStep step : proposed) {
            String reason = forbidden(step.step(), c);
            if (reason == null) {
                reason = tooLate(step, c);
                legalTooLate |= reason != null && afterLimitation(step, c);
            }
            if (reason != null) {
                blocked.add(new BlockedStep(step.step(), reason, step.rule()));
            } else if (Steps.GUARANTOR_DEMAND.equals(step.step()) && c.guarantee() != null
                    && step.inDays() > c.guarantee().daysLeft()) {
                kept.put(step.step(), new EscalationStep(step.step(), 0, m.text("step.moved", "reason", step.reason(),
                        "date", c.asOf(), "why", m.text("moved.guaranteeEnds", "ends", c.guarantee().ends())),
                        step.rule()));
            } else {
                kept.put(step.step(), step);
            }
        }
        // what takes the place of blocked steps, and what the case needs whatever the rules said
        if (legalTooLate) {
            add(kept, Steps.SUPERVISOR_REVIEW, (int) Math.max(0, lim.daysLeft() - 30),
                    m.text("step.reviewBeforeLimitation", "ends", lim.ends()));
            warnings.putIfAbsent(WarningCodes.LIMITATION_EXPIRING, new Warning(WarningCodes.LIMITATION_EXPIRING,
                    m.text("warning.limitationExpiring", "ends", lim.ends(), "days", lim.daysLeft()), RULE));
        }
        if (lim.extinguished() && lim.region() != null) {
            add(kept, Steps.WRITE_OFF_REVIEW, 0, m.text("step.writeOffExtinguished"));
            warnings.put(WarningCodes.DEBT_EXTINGUISHED, new Warning(WarningCodes.DEBT_EXTINGUISHED,
                    m.text("warning.debtExtinguished", "ends", lim.ends()), RULE));
        } else if (lim.extinguished()) {
            add(kept, Steps.SUPERVISOR_REVIEW, 0, m.text("step.establishRegion", "jurisdiction", lim.jurisdiction()));
            warnings.put(WarningCodes.REGION_NEEDED, new Warning(WarningCodes.REGION_NEEDED,
                    m.text("warning.regionNeeded", "jurisdiction", lim.jurisdiction(), "ends", lim.ends()), RULE));
        }
        if (c.debtor().has(Circumstance.BREATHING_SPACE)) {
            add(kept, Steps.SUSPEND_COLLECTION, 0, m.text("step.breathingSpace"));
            warnings.put(WarningCodes.BREATHING_SPACE, new Warning(WarningCodes.BREATHING_SPACE,
                    m.text("warning.breathingSpace"), RULE));
        }
        if (c.debtor().has(Circumstance.STATUTE_BARRED_CLAIMED)) {
            add(kept, Steps.SUPERVISOR_REVIEW, 0, m.text("step.statuteBarredClaimed"));
            warnings.put(WarningCodes.STATUTE_BARRED_CLAIMED, new Warning(WarningCodes.STATUTE_BARRED_CLAIMED,
                    m.text("warning.statuteBarredClaimed"), RULE));
        }
        if (c.vulnerable()) {
            add(kept, Steps.SUPERVISOR_REVIEW, 0, m.text("step.vulnerable"));
            warnings.put(WarningCodes.VULNERABLE_CUSTOMER, new Warning(WarningCodes.VULNERABLE_CUSTOMER,
                    m.text("warning.vulnerable"), RULE));
        }
        if (c.nothingOwed()) {
            warnings.put(WarningCodes.NOTHING_OWED, new Warning(WarningCodes.NOTHING_OWED, m.text("warning.nothingOwed"),
                    RULE));
        }
        JudgmentClock judgment = c.judgment();
        if (judgment != null && judgment.expired()) {
            warnings.put(WarningCodes.JUDGMENT_ENFORCEMENT_EXPIRED, new Warning(WarningCodes.JUDGMENT_ENFORCEMENT_EXPIRED,
                    m.text("warning.judgmentExpired", "judgment", judgment.judgmentDate(), "ends", judgment.ends()),
                    RULE));
        }

        ContactWindow window = ContactWindow.of(c.debtor(), c.asOf(), c.at(), c.profile(), m);
        if (!window.capReasons().isEmpty()) {
            warnings.put(WarningCodes.CONTACT_LIMIT_REACHED, new Warning(WarningCodes.CONTACT_LIMIT_REACHED,
                    m.text("warning.contactLimit", "caps", String.join(m.text("list.reasons"),
                            window.capReasons().values())), RULE));
        }
        if (window.hoursReason() != null) {
            warnings.put(WarningCodes.OUTSIDE_CONTACT_HOURS, new Warning(WarningCodes.OUTSIDE_CONTACT_HOURS,
                    window.hoursReason(), RULE));
        }
        List<EscalationStep> moved = new ArrayList<>(kept.size());
        for (EscalationStep s : kept.values()) {
            Channel channel = c.channelOf(s.step());
            int next = channel == null ? 0 : Math.max(window.hoursNextInDays(), window.capNextInDays().getOrDefault(channel, 0));
            if (s.inDays() < next) {
                String why = window.capNextInDays().getOrDefault(channel, 0) >= window.hoursNextInDays()
                        && window.capReasons().containsKey(channel) ? window.capReasons().get(channel) : window.hoursReason();
                moved.add(new EscalationStep(s.step(), next, m.text("step.moved", "reason", s.reason(), "date",
                        c.asOf().plusDays(next), "why", why), s.rule()));
            } else {
                moved.add(s);
            }
        }
        moved.sort(Comparator.comparingInt(EscalationStep::inDays));

        String script = scriptId;
        if (c.nothingOwed()) {
            script = null;
        } else if (lim.extinguished() && lim.region() != null) {
            script = replace(script, hasScript.test(PRESCRIBED_SCRIPT) ? PRESCRIBED_SCRIPT : null,
                    m.text("because.extinguished"), warnings, m);
        } else if (lim.extinguished()) {
            script = replace(script, null, m.text("because.regionFirst"), warnings, m);
        } else if (c.debtor().has(Circumstance.BREATHING_SPACE) && c.situation() == null) {
            script = replace(script, hasScript.test(BREATHING_SPACE_SCRIPT) ? BREATHING_SPACE_SCRIPT : null,
                    m.text("because.breathingSpace"), warnings, m);
        } else if (lim.expired() && script != null && !script.contains(TIME_BARRED_SCRIPT) && c.situation() == null
                && hasScript.test(TIME_BARRED_SCRIPT)) {
            script = replace(script, TIME_BARRED_SCRIPT, m.text("because.timeBarred"), warnings, m);
        }
        if (lim.expired() && !lim.extinguished()) {
            warnings.put(WarningCodes.TIME_BARRED, new Warning(WarningCodes.TIME_BARRED,
                    m.text("warning.timeBarred", "ends", lim.ends()), RULE));
        }
        return new Verdict(moved, blocked, new ArrayList<>(warnings.values()), script);
    }

    private static String replace(String script, String by, String because, Map<String, Warning> warnings,
                                  Messages.Bound m) {
        if (script == null || script.equals(by)) {
            return script;
        }
        warnings.put(WarningCodes.SCRIPT_REPLACED, new Warning(WarningCodes.SCRIPT_REPLACED, by == null
                ? m.text("warning.scriptWithdrawn", "script", script, "because", because)
                : m.text("warning.scriptReplaced", "script", script, "by", by, "because", because), RULE));
        return by;
    }

    /** Adds a step of the guard's own, or brings the rules' one forward. */
    private static void add(Map<String, EscalationStep> kept, String step, int inDays, String reason) {
        EscalationStep there = kept.get(step);
        if (there == null || there.inDays() > inDays) {
            kept.put(step, new EscalationStep(step, inDays, reason, RULE));
        }
    }

    /** @return whether the step is a legal step whose own date falls after the end of the limitation period */
    private static boolean afterLimitation(EscalationStep step, Case c) {
        LimitationClock lim = c.limitation();
        return c.legal(step.step()) && !c.inProceedings() && !lim.expired()
                && c.asOf().plusDays(step.inDays()).isAfter(lim.ends());
    }

    /** @return why a step is too late at its own date, or {@code null} */
    private static String tooLate(EscalationStep step, Case c) {
        LimitationClock lim = c.limitation();
        LocalDate on = c.asOf().plusDays(step.inDays());
        if (afterLimitation(step, c)) {
            return c.texts().text("blocked.afterLimitation", "on", on, "ends", lim.ends());
        }
        JudgmentClock j = c.judgment();
        if (Steps.ENFORCEMENT.equals(step.step()) && j != null && on.isAfter(j.ends())) {
            return c.texts().text("blocked.afterJudgmentPeriod", "judgment", j.judgmentDate(), "ends", j.ends());
        }
        return null;
    }

    /** @return why the step is not allowed in this case at all, or {@code null} when it is */
    static String forbidden(String step, Case c) {
        Messages.Bound m = c.texts();
        if (THIRD_PARTY_STEPS.computeIfAbsent(step, name -> THIRD_PARTY.matcher(name).find())) {
            return m.text("blocked.thirdParty");
        }
        LimitationClock limitation = c.limitation();
        if (c.nothingOwed() && !NON_COLLECTION.contains(step)) {
            return m.text("blocked.nothingOwed");
        }
        if (limitation.extinguished() && limitation.region() != null && !EXTINGUISHED_ALLOWED.contains(step)) {
            return m.text("blocked.extinguished", "ends", limitation.ends());
        }
        if (limitation.extinguished() && !EXTINGUISHED_ALLOWED.contains(step) && !Steps.SUPERVISOR_REVIEW.equals(step)) {
            return m.text("blocked.regionUnknown", "jurisdiction", limitation.jurisdiction());
        }
        if (c.debtor().has(Circumstance.BREATHING_SPACE) && !NON_COLLECTION.contains(step)) {
            return m.text("blocked.breathingSpace");
        }
        if (c.debtor().has(Circumstance.STATUTE_BARRED_CLAIMED) && !NON_COLLECTION.contains(step)) {
            return m.text("blocked.statuteBarredClaimed");
        }
        boolean legal = c.legal(step);
        if (legal && limitation.expired()) {
            return m.text("blocked.timeBarred", "ends", limitation.ends());
        }
        if (Steps.ENFORCEMENT.equals(step) && c.judgment() != null && c.judgment().expired()) {
            return m.text("blocked.judgmentExpired", "judgment", c.judgment().judgmentDate(), "ends",
                    c.judgment().ends());
        }
        GuaranteePeriod guarantee = c.guarantee();
        if (Steps.GUARANTOR_DEMAND.equals(step) && guarantee != null && guarantee.expired()) {
            return m.text(guarantee.guarantorDemandServed() ? "blocked.guarantorLimitationEnded"
                    : "blocked.guaranteePeriodEnded", "ends", guarantee.ends());
        }
        if (c.vulnerable() && (legal || Steps.AGENCY_PLACEMENT.equals(step))) {
            return m.text("blocked.vulnerable");
        }
        if (Situations.DECEASED.equals(c.situation()) && !DECEASED_ALLOWED.contains(step)) {
            return m.text("blocked.deceased");
        }
        if (Situations.BANKRUPTCY.equals(c.situation()) && BANKRUPTCY_FORBIDDEN.contains(step)) {
            return m.text("blocked.bankruptcy");
        }
        if (Situations.FRAUD.equals(c.situation()) && Steps.AGENCY_PLACEMENT.equals(step)) {
            return m.text("blocked.fraud");
        }
        return null;
    }

    /**
     * When contact is next allowed, from the debtor's contact history, the evaluation time and the profile.
     *
     * @param capNextInDays   per channel whose cap is reached, in how many days contact by it is allowed again
     * @param capReasons      per such channel, which cap is reached
     * @param hoursNextInDays 1 when today's contact hours are over, else 0
     * @param hoursReason     why now is outside contact hours, or null
     */
    record ContactWindow(Map<Channel, Integer> capNextInDays, Map<Channel, String> capReasons, int hoursNextInDays,
                         String hoursReason) {

        static ContactWindow of(Debtor debtor, LocalDate asOf, OffsetDateTime at, JurisdictionProfile profile,
                                Messages.Bound m) {
            List<ZoneId> zones = debtor.timeZone() != null ? List.of(debtor.timeZone()) : profile.zones();
            ZoneId zone = zones.get(0); // calendar days of the caps: the debtor's zone, else the profile's first
            LocalDate today = at == null ? asOf : at.atZoneSameInstant(zone).toLocalDate();
            Map<Channel, Integer> next = new EnumMap<>(Channel.class);
            Map<Channel, String> reasons = new EnumMap<>(Channel.class);
            List<LocalDate> dates = new ArrayList<>();
            for (JurisdictionProfile.Cap cap : profile.caps()) {
                dates.clear();
                for (Contact c : debtor.contactHistory()) {
                    if (cap.channels().contains(c.channel()) && (!cap.reachedOnly() || c.reached()) && happened(c, at, asOf)) {
                        dates.add(c.at().atZoneSameInstant(zone).toLocalDate());
                    }
                }
                if (count(dates, today, cap.days()) >= cap.max()) {
                    int d = 1;
                    while (d < cap.days() && count(dates, today.plusDays(d), cap.days()) >= cap.max()) {
                        d++;
                    }
                    for (Channel channel : cap.channels()) {
                        if (d > next.getOrDefault(channel, 0)) {
                            next.put(channel, d);
                            reasons.put(channel, m.text(cap.reachedOnly() ? "cap.reachedConnected" : "cap.reachedAttempts",
                                    "name", cap.name(), "max", cap.max(), "days", cap.days(), "channels",
                                    channels(cap.channels(), m)));
                        }
                    }
                }
            }
            if (profile.quietDaysAfterConversation() > 0) {
                LocalDate last = null;
                for (Contact c : debtor.contactHistory()) {
                    LocalDate day = c.at().atZoneSameInstant(zone).toLocalDate();
                    if (c.channel() == Channel.CALL && c.reached() && happened(c, at, asOf) && !day.isAfter(today)
                            && (last == null || day.isAfter(last))) {
                        last = day;
                    }
                }
                if (last != null) {
                    int d = (int) ChronoUnit.DAYS.between(today, last.plusDays(profile.quietDaysAfterConversation()));
                    if (d > next.getOrDefault(Channel.CALL, 0)) {
                        next.put(Channel.CALL, d);
                        reasons.put(Channel.CALL, m.text("cap.quietDays", "days", profile.quietDaysAfterConversation(),
                                "date", last));
                    }
                }
            }
            int hoursNext = 0;
            String hoursReason = null;
            if (at != null) {
                // contact must be allowed in every zone the debtor may be in (one, when the zone is known)
                for (ZoneId z : zones) {
                    LocalDateTime local = at.atZoneSameInstant(z).toLocalDateTime();
                    boolean late = !local.toLocalTime().isBefore(profile.contactTo());
                    if (local.toLocalTime().isBefore(profile.contactFrom()) || late) {
                        if (hoursReason == null) {
                            hoursReason = m.text(zones.size() > 1 ? "hours.outsideOneOfZones" : "hours.outside",
                                    "time", local.toLocalTime(), "zone", z.getId(), "from", profile.contactFrom(),
                                    "to", profile.contactTo());
                        }
                        if (late) {
                            hoursNext = 1; // nothing allowed for the rest of today
                        }
                    }
                }
            }
            return new ContactWindow(next, reasons, hoursNext, hoursReason);
        }

        /** The channels of a cap in the language of the texts, e.g. {@code calls}. */
        private static String channels(java.util.Collection<Channel> channels, Messages.Bound m) {
            List<String> names = new ArrayList<>();
            for (Channel ch : channels) {
                names.add(m.text("channel." + ch.name()));
            }
            return String.join(m.text("list.items"), names);
        }

        /** A contact counts when it happened before the evaluation time (or on or before the evaluation date). */
        private static boolean happened(Contact c, OffsetDateTime at, LocalDate asOf) {
            return at != null ? !c.at().isAfter(at) : !c.at().toLocalDate().isAfter(asOf);
        }

        private static int count(List<LocalDate> dates, LocalDate day, int windowDays) {
            LocalDate from = day.minusDays(windowDays - 1L);
            int n = 0;
            for (LocalDate d : dates) {
                if (!d.isBefore(from) && !d.isAfter(day)) {
                    n++;
                }
            }
            return n;
        }
    }
}
