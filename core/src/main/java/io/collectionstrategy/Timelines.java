package io.collectionstrategy;

import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.Timeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case's timeline (actions taken, promises, payments): what the engine derives from it before the rules run,
 * and how it holds the steps the rules proposed afterwards (a step taken is not repeated within its period; after a
 * step, the later steps of the ladder wait for its response; while a promise is in force nobody chases; after a
 * recent payment no new escalation). The holds are set in {@code rulebook.yaml} ({@code timeline:}).
 */
final class Timelines {

    /** The rule id the holds are reported under. */
    static final String RULE = "TIMELINE";

    /** Steps that chase nobody: never held by a promise or a payment. */
    private static final Set<String> NOT_HELD = Set.of(Steps.COMPLAINT_HANDLING, Steps.SUSPEND_COLLECTION,
            Steps.DEATH_VERIFICATION, Steps.FRAUD_REVIEW, Steps.WRITE_OFF_REVIEW, Steps.ESTATE_CLAIM);
    /** Steps that protect the claim: not held by a promise while a clock is about to end. */
    private static final Set<String> PROTECTIVE = Set.of(Steps.WRITTEN_DEMAND, Steps.GUARANTOR_DEMAND,
            Steps.SUPERVISOR_REVIEW, Steps.PAYMENT_ORDER, Steps.LITIGATION, Steps.ENFORCEMENT);

    private Timelines() {
    }

    /**
     * Reads the timeline on the evaluation date.
     *
     * @throws InvalidDebtorException for a date after {@code asOf}, or counters that contradict the promises
     */
    static Timeline derive(Debtor d, LocalDate asOf, TimelineSettings settings) {
        if (d.actions().isEmpty() && d.promises().isEmpty() && d.payments().isEmpty()) {
            return Timeline.EMPTY;
        }
        for (int i = 0; i < d.actions().size(); i++) {
            notAfter("actions[" + i + "].on", d.actions().get(i).on(), asOf);
        }
        for (int i = 0; i < d.promises().size(); i++) {
            notAfter("promises[" + i + "].made", d.promises().get(i).made(), asOf);
        }
        for (int i = 0; i < d.payments().size(); i++) {
            notAfter("payments[" + i + "].on", d.payments().get(i).on(), asOf);
        }
        List<Action> actions = new ArrayList<>(d.actions());
        actions.sort(Comparator.comparing(Action::on));
        List<Payment> payments = new ArrayList<>(d.payments());
        payments.sort(Comparator.comparing(Payment::on));
        List<Promise> promises = new ArrayList<>();
        int inForce = 0;
        LocalDate holdUntil = null;
        LocalDate lastBroken = null;
        for (Promise p : d.promises()) {
            LocalDate end = p.due().plusDays(settings.promiseGraceDays());
            Promise.Status status = p.status() != null ? p.status() : derive(p, end, payments, asOf);
            promises.add(new Promise(p.made(), p.due(), p.amount(), status));
            if (status == Promise.Status.OPEN && !asOf.isAfter(end)) {
                inForce++;
                holdUntil = holdUntil == null || end.isAfter(holdUntil) ? end : holdUntil;
            } else if (status == Promise.Status.BROKEN) {
                LocalDate broken = end.isAfter(asOf) ? asOf : end;
                lastBroken = lastBroken == null || broken.isAfter(lastBroken) ? broken : lastBroken;
            }
        }
        promises.sort(Comparator.comparing(Promise::made));
        Payment last = payments.isEmpty() ? null : payments.get(payments.size() - 1);
        Integer sincePayment = last == null ? null : (int) ChronoUnit.DAYS.between(last.on(), asOf);
        return new Timeline(actions, promises, payments, inForce, holdUntil,
                lastBroken == null ? null : (int) ChronoUnit.DAYS.between(lastBroken, asOf),
                last == null ? null : last.on(), last == null ? null : last.amount(), sincePayment,
                sincePayment != null && sincePayment <= settings.recentPaymentDays());
    }

    /** Kept when the payments in the promise's window cover it (any payment, when no amount was promised). */
    private static Promise.Status derive(Promise p, LocalDate end, List<Payment> payments, LocalDate asOf) {
        BigDecimal paid = BigDecimal.ZERO;
        for (Payment pay : payments) {
            if (!pay.on().isBefore(p.made()) && !pay.on().isAfter(end)) {
                paid = paid.add(pay.amount());
            }
        }
        boolean covered = p.amount() == null ? paid.signum() > 0 : paid.compareTo(p.amount()) >= 0;
        if (covered) {
            return Promise.Status.KEPT;
        }
        return asOf.isAfter(end) ? Promise.Status.BROKEN : Promise.Status.OPEN;
    }

    /**
     * The debtor with {@code promisesMade} and {@code promisesBroken} taken from the promises. Counters left at 0 are
     * filled in; counters given must agree.
     */
    static Debtor withCounters(Debtor d, Timeline t) {
        if (t.promises().isEmpty()) {
            return d;
        }
        int made = t.promises().size();
        int broken = t.brokenPromises();
        if (d.promisesMade() != 0 && d.promisesMade() != made) {
            throw InvalidDebtorException.withMessage("promisesMade", d.promisesMade(),
                    "left out, or the number of promises listed (" + made + ")", "promisesMade (" + d.promisesMade()
                    + ") contradicts promises, which lists " + made + ": leave promisesMade out, or correct one of them");
        }
        if (d.promisesBroken() != 0 && d.promisesBroken() != broken) {
            throw InvalidDebtorException.withMessage("promisesBroken", d.promisesBroken(),
                    "left out, or the number of broken promises listed (" + broken + ")", "promisesBroken ("
                    + d.promisesBroken() + ") contradicts promises, of which " + broken + " are broken on the evaluation"
                    + " date: leave promisesBroken out, or correct one of them");
        }
        if (d.promisesMade() == made && d.promisesBroken() == broken) {
            return d;
        }
        return d.toBuilder().promisesMade(made).promisesBroken(broken).build();
    }

    /** An event of the timeline that may interrupt the limitation period. */
    record Interruption(LocalDate on, InterruptionKind kind) {
    }

    /**
     * The events that may interrupt the limitation period, oldest first: payments (part payments), demands proven
     * served, suits and payment orders filed, promises where the jurisdiction counts them as the debtor's agreement
     * to pay, and the explicit {@code lastInterruption}.
     */
    static List<Interruption> interruptions(Debtor d, Timeline t, boolean promisesAcknowledge) {
        List<Interruption> events = new ArrayList<>();
        for (Payment p : t.payments()) {
            events.add(new Interruption(p.on(), InterruptionKind.PART_PAYMENT));
        }
        for (Action a : t.actions()) {
            if (a.served() && (a.step().equals(Steps.WRITTEN_DEMAND) || a.step().endsWith("_DEMAND"))) {
                events.add(new Interruption(a.on(), InterruptionKind.DEMAND));
            } else if (a.step().equals(Steps.LITIGATION) || a.step().equals(Steps.PAYMENT_ORDER)) {
                events.add(new Interruption(a.on(), InterruptionKind.SUIT));
            }
        }
        if (promisesAcknowledge) {
            for (Promise p : t.promises()) {
                events.add(new Interruption(p.made(), InterruptionKind.ACKNOWLEDGEMENT));
            }
        }
        if (d.lastInterruption() != null) {
            events.add(new Interruption(d.lastInterruption(), d.lastInterruptionKind()));
        }
        events.sort(Comparator.comparing(Interruption::on));
        return events;
    }

    /** The steps after the holds, and the warnings that explain them. */
    record Held(List<EscalationStep> steps, List<Warning> warnings) {
    }

    /**
     * Applies the holds of the timeline to the steps the rules proposed.
     *
     * @param steps the proposed steps, ordered by {@code inDays}
     */
    static Held hold(List<EscalationStep> steps, Timeline t, LocalDate asOf, TimelineSettings settings,
                     LimitationClock limitation, GuaranteePeriod guarantee, JudgmentClock judgment) {
        if (t == Timeline.EMPTY || steps.isEmpty()) {
            return new Held(steps, List.of());
        }
        Map<String, String> notes = new LinkedHashMap<>();
        List<EscalationStep> out = new ArrayList<>(steps.size());
        Map<String, LocalDate> lastTaken = new LinkedHashMap<>();
        for (Action a : t.actions()) {
            lastTaken.merge(a.step(), a.on(), (x, y) -> y.isAfter(x) ? y : x);
        }
        boolean clockEnding = limitation.expiring() || guarantee != null && guarantee.expiring()
                || judgment != null && judgment.expiring();
        for (EscalationStep s : steps) {
            LocalDate taken = lastTaken.get(s.step());
            int within = settings.notRepeatedWithin(s.step());
            if (taken != null && within > 0 && asOf.isBefore(taken.plusDays(within))
                    && !(clockEnding && PROTECTIVE.contains(s.step()))) {
                notes.put("taken " + s.step(), s.step() + " was taken on " + taken + ": not proposed again before "
                        + taken.plusDays(within));
                continue;
            }
            int inDays = s.inDays();
            String why = null;
            // after a step, the later steps of the ladder wait for its response
            int rank = settings.ladder().indexOf(s.step());
            if (rank >= 0) {
                for (Map.Entry<String, LocalDate> e : lastTaken.entrySet()) {
                    int days = settings.responseDays().getOrDefault(e.getKey(), 0);
                    int earlier = settings.ladder().indexOf(e.getKey());
                    LocalDate until = e.getValue().plusDays(days);
                    int wait = (int) ChronoUnit.DAYS.between(asOf, until);
                    if (days > 0 && earlier >= 0 && earlier < rank && wait > inDays) {
                        inDays = wait;
                        why = "waiting for the response to " + e.getKey() + " of " + e.getValue() + " until " + until;
                    }
                }
            }
            boolean holdable = !NOT_HELD.contains(s.step()) && !(clockEnding && PROTECTIVE.contains(s.step()));
            if (holdable && t.isPromiseInForce()) {
                int wait = (int) ChronoUnit.DAYS.between(asOf, t.promiseHoldUntil());
                if (wait > inDays) {
                    inDays = wait;
                    why = "a promise to pay is in force until " + t.promiseHoldUntil();
                }
            }
            int phoneRank = settings.ladder().indexOf(Steps.PHONE_CALL);
            if (holdable && t.paidRecently() && rank > phoneRank) {
                LocalDate until = t.lastPaymentOn().plusDays(settings.recentPaymentDays());
                int wait = (int) ChronoUnit.DAYS.between(asOf, until);
                if (wait > inDays) {
                    inDays = wait;
                    why = "a payment was received on " + t.lastPaymentOn() + ": no new escalation before " + until;
                }
            }
            if (why != null) {
                notes.putIfAbsent(why, why);
                out.add(new EscalationStep(s.step(), inDays, s.reason() + " (held to " + asOf.plusDays(inDays) + ": "
                        + why + ")", s.rule()));
            } else {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(EscalationStep::inDays));
        List<Warning> warnings = notes.isEmpty() ? List.of()
                : List.of(new Warning(WarningCodes.TIMELINE_HOLD, String.join("; ", notes.values()), RULE));
        return new Held(out, warnings);
    }

    private static void notAfter(String field, LocalDate date, LocalDate asOf) {
        if (date.isAfter(asOf)) {
            throw new InvalidDebtorException(field, date.toString(), "on or before asOf (" + asOf + ")");
        }
    }
}
