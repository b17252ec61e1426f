package io.collectionstrategy;

import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compliance guard, applied in Java after the rules and independent of them: it removes every step the active
 * jurisdiction profile or the case forbids and reports it in {@link Assessment#blocked()}, and moves contact steps
 * past contact caps and outside contact hours. Compliance holds even when a rule forgets.
 *
 * <p>What it forbids: legal steps on a time-barred debt; a guarantor demand after the guarantee period; any
 * collection step on a deceased debtor's case but verification and the estate claim (relatives are never pressed);
 * collection on a bankrupt debtor; agency placement of a fraud case; any step that contacts third parties about the
 * debt (employer, family, relatives, neighbours, friends, colleagues, references). On a time-barred debt it replaces
 * the rules' script by {@code TIME_BARRED} (where the catalogue has it) and warns. Every compliance decision of an
 * assessment is taken here; the engine only assembles.
 */
final class ComplianceGuard {

    static final String RULE = "GUARD";

    private static final Set<String> ALWAYS_LEGAL = Set.of(Steps.PAYMENT_ORDER, Steps.LITIGATION, Steps.ENFORCEMENT);
    /** A guarantor with joint liability is not a relative: the guarantor demand stays, inside the guarantee period. */
    private static final Set<String> DECEASED_ALLOWED = Set.of(Steps.DEATH_VERIFICATION, Steps.ESTATE_CLAIM,
            Steps.SUSPEND_COLLECTION, Steps.COMPLAINT_HANDLING, Steps.SUPERVISOR_REVIEW, Steps.WRITE_OFF_REVIEW,
            Steps.FRAUD_REVIEW, Steps.GUARANTOR_DEMAND);
    private static final Set<String> BANKRUPTCY_FORBIDDEN = Set.of(Steps.REMINDER, Steps.PHONE_CALL, Steps.FIELD_VISIT,
            Steps.WRITTEN_DEMAND, Steps.AGENCY_PLACEMENT, Steps.PAYMENT_ORDER, Steps.LITIGATION, Steps.ENFORCEMENT,
            Steps.COLLATERAL_REALISATION, Steps.REPAYMENT_PLAN);
    /** Whole words of a step name: {@code EMPLOYER_CONTACT} is third-party contact, {@code FRIENDLY_REMINDER} is not. */
    private static final Pattern THIRD_PARTY = Pattern.compile("(^|_)(EMPLOYERS?|FAMILY|FAMILIES|RELATIVES?|NEIGHBOU?RS?"
            + "|FRIENDS?|COLLEAGUES?|THIRD|REFEREES?|REFERENCES?|WORKPLACE|SPOUSE|PARENTS?|CHILDREN|HEIRS?)(_|$)");

    /** Step name to whether it contacts third parties; the vocabulary of steps is small. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> THIRD_PARTY_STEPS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The script that replaces the rules' choice on a time-barred debt, where the catalogue has it. */
    static final String TIME_BARRED_SCRIPT = "TIME_BARRED";

    /**
     * The guard's verdict on one assessment.
     *
     * @param steps    the steps allowed, moved past caps and hours where needed, ordered by {@code inDays}
     * @param blocked  the steps removed, each with why
     * @param warnings what the guard adds (caps, hours, time-barred debt, a replaced script)
     * @param scriptId the script to use: the rules' choice, or {@link #TIME_BARRED_SCRIPT} in its place
     */
    record Verdict(List<EscalationStep> steps, List<BlockedStep> blocked, List<Warning> warnings, String scriptId) {
    }

    private ComplianceGuard() {
    }

    /**
     * @param scriptId           the script the rules chose, or {@code null}
     * @param hasTimeBarredScript whether the catalogue has {@link #TIME_BARRED_SCRIPT} in the assessment's locale
     */
    static Verdict apply(Debtor debtor, LocalDate asOf, OffsetDateTime at, JurisdictionProfile profile, String situation,
                         LimitationClock limitation, GuaranteePeriod guarantee, List<EscalationStep> proposed,
                         String scriptId, boolean hasTimeBarredScript) {
        List<EscalationStep> kept = new ArrayList<>();
        List<BlockedStep> blocked = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (EscalationStep step : proposed) {
            String reason = forbidden(step.step(), profile, situation, limitation, guarantee);
            if (reason != null) {
                blocked.add(new BlockedStep(step.step(), reason, step.rule()));
            } else {
                kept.add(step);
            }
        }
        ContactWindow window = ContactWindow.of(debtor, asOf, at, profile);
        if (!window.capReasons().isEmpty()) {
            warnings.add(new Warning(WarningCodes.CONTACT_LIMIT_REACHED, String.join("; ", window.capReasons().values())
                    + ": contact steps by those channels move to the next allowed day", RULE));
        }
        if (window.hoursReason() != null) {
            warnings.add(new Warning(WarningCodes.OUTSIDE_CONTACT_HOURS, window.hoursReason(), RULE));
        }
        List<EscalationStep> moved = new ArrayList<>(kept.size());
        boolean anyMoved = false;
        for (EscalationStep s : kept) {
            Channel channel = profile.contactSteps().get(s.step());
            int next = channel == null ? 0 : Math.max(window.hoursNextInDays(), window.capNextInDays().getOrDefault(channel, 0));
            if (s.inDays() < next) {
                String why = window.capNextInDays().getOrDefault(channel, 0) >= window.hoursNextInDays()
                        && window.capReasons().containsKey(channel) ? window.capReasons().get(channel) : window.hoursReason();
                moved.add(new EscalationStep(s.step(), next, s.reason() + " (moved to " + asOf.plusDays(next) + ": " + why + ")",
                        s.rule()));
                anyMoved = true;
            } else {
                moved.add(s);
            }
        }
        if (anyMoved) {
            moved.sort(Comparator.comparingInt(EscalationStep::inDays));
        }
        if (limitation.expired() && scriptId != null && !scriptId.contains(TIME_BARRED_SCRIPT) && situation == null
                && hasTimeBarredScript) {
            warnings.add(new Warning(WarningCodes.SCRIPT_REPLACED, "script " + scriptId + " was replaced by "
                    + TIME_BARRED_SCRIPT + ": the debt is time-barred", RULE));
            scriptId = TIME_BARRED_SCRIPT;
        }
        if (limitation.expired()) {
            warnings.add(new Warning(WarningCodes.TIME_BARRED, "the limitation period ended on " + limitation.ends()
                    + ": no legal step may be recommended or threatened", RULE));
        }
        return new Verdict(moved, blocked, warnings, scriptId);
    }

    /** @return why the step is not allowed here, or {@code null} when it is */
    static String forbidden(String step, JurisdictionProfile profile, String situation, LimitationClock limitation,
                            GuaranteePeriod guarantee) {
        if (THIRD_PARTY_STEPS.computeIfAbsent(step, name -> THIRD_PARTY.matcher(name).find())) {
            return "contacting third parties about the debt is not allowed";
        }
        boolean legal = ALWAYS_LEGAL.contains(step) || profile.legalSteps().contains(step);
        if (legal && limitation != null && limitation.expired()) {
            return "the limitation period ended on " + limitation.ends() + ": the debt is time-barred, no legal step may be taken or threatened";
        }
        if (Steps.GUARANTOR_DEMAND.equals(step) && guarantee != null && guarantee.expired()) {
            return "the guarantee period ended on " + guarantee.ends() + ": the guarantor can no longer be pursued";
        }
        if (Situations.DECEASED.equals(situation) && !DECEASED_ALLOWED.contains(step)) {
            return "reported death: only verification and a claim against the estate; no collection contact, never pressure on relatives";
        }
        if (Situations.BANKRUPTCY.equals(situation) && BANKRUPTCY_FORBIDDEN.contains(step)) {
            return "bankruptcy: collection is suspended, the claim goes through the insolvency process";
        }
        if (Situations.FRAUD.equals(situation) && Steps.AGENCY_PLACEMENT.equals(step)) {
            return "suspected fraud: the fraud team handles the case, never an agency";
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

        static ContactWindow of(Debtor debtor, LocalDate asOf, OffsetDateTime at, JurisdictionProfile profile) {
            ZoneId zone = debtorZone(debtor, at, profile);
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
                            reasons.put(channel, cap.name() + " reached");
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
                        reasons.put(Channel.CALL, "no call within " + profile.quietDaysAfterConversation()
                                + " days after the conversation of " + last);
                    }
                }
            }
            int hoursNext = 0;
            String hoursReason = null;
            if (at != null) {
                LocalDateTime local = at.atZoneSameInstant(zone).toLocalDateTime();
                if (local.toLocalTime().isBefore(profile.contactFrom()) || !local.toLocalTime().isBefore(profile.contactTo())) {
                    hoursReason = "it is " + local.toLocalTime() + " for the debtor (" + zone.getId()
                            + "); contact is allowed " + profile.contactFrom() + "-" + profile.contactTo();
                    if (!local.toLocalTime().isBefore(profile.contactTo())) {
                        hoursNext = 1; // nothing allowed for the rest of today
                    }
                }
            }
            return new ContactWindow(next, reasons, hoursNext, hoursReason);
        }

        /** A contact counts when it happened before the evaluation time (or on or before the evaluation date). */
        private static boolean happened(Contact c, OffsetDateTime at, LocalDate asOf) {
            return at != null ? !c.at().isAfter(at) : !c.at().toLocalDate().isAfter(asOf);
        }

        /**
         * The debtor's time zone: the profile's zone (CN, UK), else the offset of the latest contact, else that of the
         * evaluation time, else UTC.
         */
        private static ZoneId debtorZone(Debtor debtor, OffsetDateTime at, JurisdictionProfile profile) {
            if (profile.zone() != null) {
                return profile.zone();
            }
            OffsetDateTime latest = null;
            for (Contact c : debtor.contactHistory()) {
                if (latest == null || c.at().isAfter(latest)) {
                    latest = c.at();
                }
            }
            if (latest != null) {
                return latest.getOffset();
            }
            return at != null ? at.getOffset() : ZoneOffset.UTC;
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
