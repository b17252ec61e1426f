package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.DebtorKind;
import io.collectionstrategy.Jurisdiction;
import io.collectionstrategy.StatedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The decisions of the default rulebook written by hand in plain Java: the lower limit of what an assessment can
 * cost. Mirrors {@code classification.drl}, {@code situations.drl}, {@code scripts.drl} and {@code escalation.drl}
 * for debtors inside the limitation period (see {@link BenchmarkPortfolio}), with the guarantee period of
 * {@code jurisdictions.yaml} ({@code compliance.drl}) and the compliance guard's rule for deceased debtors;
 * {@code BaselineAgreementTest} checks it against the engine. When the rulebook changes, change this class too.
 */
public final class HandWrittenRulebook {

    /** Type names in alphabetical order. */
    private static final String[] TYPES = {"CONFIDENT", "EVASIVE", "PROVOCATIVE", "SERIAL_PROMISER", "SOPHISTICATED",
        "STUBBORN", "VICTIM"};
    private static final int CONFIDENT = 0;
    private static final int EVASIVE = 1;
    private static final int PROVOCATIVE = 2;
    private static final int SERIAL_PROMISER = 3;
    private static final int SOPHISTICATED = 4;
    private static final int STUBBORN = 5;
    private static final int VICTIM = 6;
    /** Ties go to the gentler treatment ({@code classification.tieOrder} of {@code rulebook.yaml}). */
    private static final int[] TIE_ORDER = {VICTIM, SOPHISTICATED, PROVOCATIVE, CONFIDENT, EVASIVE, STUBBORN,
        SERIAL_PROMISER};
    /** {@code escalation.largeExposure} of {@code rulebook.yaml}. */
    private static final BigDecimal LARGE_EXPOSURE = new BigDecimal("500000");

    private static final String[] STEP_NAMES = {"REMINDER", "PHONE_CALL", "FIELD_VISIT", "WRITTEN_DEMAND",
        "SUPERVISOR_REVIEW", "AGENCY_PLACEMENT", "PAYMENT_ORDER", "LITIGATION", "WRITE_OFF_REVIEW", "REPAYMENT_PLAN",
        "GUARANTOR_DEMAND", "COLLATERAL_REALISATION", "SUPPLY_STOP", "DEATH_VERIFICATION", "ESTATE_CLAIM",
        "FRAUD_REVIEW", "SUSPEND_COLLECTION", "COMPLAINT_HANDLING", "ENFORCEMENT"};
    private static final int REMINDER = 0;
    private static final int PHONE_CALL = 1;
    private static final int FIELD_VISIT = 2;
    private static final int WRITTEN_DEMAND = 3;
    private static final int SUPERVISOR_REVIEW = 4;
    private static final int AGENCY_PLACEMENT = 5;
    private static final int PAYMENT_ORDER = 6;
    private static final int LITIGATION = 7;
    private static final int WRITE_OFF_REVIEW = 8;
    private static final int REPAYMENT_PLAN = 9;
    private static final int GUARANTOR_DEMAND = 10;
    private static final int COLLATERAL_REALISATION = 11;
    private static final int SUPPLY_STOP = 12;
    private static final int DEATH_VERIFICATION = 13;
    private static final int ESTATE_CLAIM = 14;
    private static final int FRAUD_REVIEW = 15;
    private static final int SUSPEND_COLLECTION = 16;
    private static final int COMPLAINT_HANDLING = 17;
    private static final int ENFORCEMENT = 18;

    /** The result: small and allocation-light, like a real hand-written decision table would return. */
    public static final class Result {
        public String type;
        public String situation;
        public String scriptId;
        /** inDays per step index, -1 when the step is not recommended. */
        public final int[] steps = new int[STEP_NAMES.length];

        /** @return the decisions in the comparable form */
        public Decision decision() {
            java.util.List<String> list = new java.util.ArrayList<>();
            for (int k = 0; k < steps.length; k++) {
                if (steps[k] >= 0) {
                    list.add(STEP_NAMES[k] + "@" + steps[k]);
                }
            }
            return new Decision(type, situation, scriptId, list);
        }
    }

    private HandWrittenRulebook() {
    }

    /**
     * @param d the debtor
     * @return its decisions
     */
    public static Result assess(Debtor d, LocalDate asOf) {
        Result r = new Result();
        java.util.Arrays.fill(r.steps, -1);
        Set<Behaviour> b = d.behaviours();
        StatedReason reason = d.statedReason();
        int days = d.daysOverdue();

        // classification.drl
        int[] score = new int[TYPES.length];
        if (b.contains(Behaviour.AGGRESSIVE)) {
            score[PROVOCATIVE] += 2;
            score[CONFIDENT] += 1;
        }
        if (b.contains(Behaviour.COMPLAINS_OF_PRESSURE)) {
            score[PROVOCATIVE] += 2;
        }
        if (b.contains(Behaviour.COMPARES_OTHER_LENDERS)) {
            score[PROVOCATIVE] += 2;
        }
        if (b.contains(Behaviour.DISPUTES_FEES)) {
            score[PROVOCATIVE] += 2;
        }
        if (b.contains(Behaviour.AVOIDS_CONTACT)) {
            score[EVASIVE] += 3;
        }
        if (d.contactAttempts() >= 3 && d.contactsReached() * 4 <= d.contactAttempts()) {
            score[EVASIVE] += 2;
        }
        if (d.contactAttempts() >= 5 && d.contactsReached() == 0) {
            score[EVASIVE] += 1;
        }
        if (d.promisesBroken() >= 1 && d.daysSinceLastContact() != null && d.daysSinceLastContact() >= 14) {
            score[EVASIVE] += 2;
        }
        if (b.contains(Behaviour.EMOTIONAL_DISTRESS)) {
            score[VICTIM] += 3;
        }
        if (b.contains(Behaviour.EXAGGERATES_HARDSHIP)) {
            score[VICTIM] += 2;
        }
        switch (reason) {
            case THEFT_OR_DISASTER, FAMILY_HARDSHIP, ILLNESS, JOB_LOSS -> score[VICTIM] += 1;
            case DISSATISFIED -> score[CONFIDENT] += 1;
            case REFUSES, NO_FUNDS, BUSINESS_DOWNTURN -> score[STUBBORN] += 1;
            case CASH_FLOW_TIMING -> score[SOPHISTICATED] += 1;
            default -> {
            }
        }
        if (b.contains(Behaviour.APOLOGETIC)) {
            score[VICTIM] += 1;
        }
        if (b.contains(Behaviour.DISMISSES_LEGAL_ACTION)) {
            score[CONFIDENT] += 3;
            score[SOPHISTICATED] += 1;
        }
        if (b.contains(Behaviour.BLAMES_LENDER)) {
            score[CONFIDENT] += 2;
        }
        if (b.contains(Behaviour.REPEATS_CANNOT_PAY)) {
            score[STUBBORN] += 3;
        }
        if (b.contains(Behaviour.INSISTS_OWN_TERMS)) {
            score[STUBBORN] += 2;
        }
        if (b.contains(Behaviour.USES_JARGON)) {
            score[SOPHISTICATED] += 2;
        }
        if (b.contains(Behaviour.CITES_CONNECTIONS_OR_ASSETS)) {
            score[SOPHISTICATED] += 2;
        }
        if (b.contains(Behaviour.OFFERS_DEFERRED_LUMP_SUM)) {
            score[SOPHISTICATED] += 2;
        }
        if (d.promisesBroken() >= 2) {
            score[SERIAL_PROMISER] += 3;
        } else if (d.promisesBroken() == 1) {
            score[SERIAL_PROMISER] += 1;
        }
        if (b.contains(Behaviour.FRIENDLY)) {
            score[SERIAL_PROMISER] += 1;
        }
        int best = -1;
        for (int t : TIE_ORDER) {
            if (score[t] >= 3 && (best < 0 || score[t] > score[best])) {
                best = t; // strictly greater: ties keep the one first in the tie order
            }
        }
        r.type = best < 0 ? "UNCLASSIFIED" : TYPES[best];

        // situations.drl: the lowest precedence wins
        Set<Circumstance> c = d.circumstances();
        if (c.contains(Circumstance.DECEASED_REPORTED)) {
            r.situation = "DECEASED";
        } else if (c.contains(Circumstance.FRAUD_SUSPECTED)) {
            r.situation = "FRAUD";
        } else if (c.contains(Circumstance.BANKRUPTCY)) {
            r.situation = "BANKRUPTCY";
        } else if (c.contains(Circumstance.BREATHING_SPACE)) {
            r.situation = "BREATHING_SPACE";
        } else if (c.contains(Circumstance.COMPLAINT_OPEN)
                || reason == StatedReason.DISSATISFIED && d.jurisdiction().equals(Jurisdiction.UK)) {
            r.situation = "COMPLAINT";
        } else if (c.contains(Circumstance.VULNERABLE)
                || reason == StatedReason.ILLNESS && b.contains(Behaviour.EMOTIONAL_DISTRESS)) {
            r.situation = "VULNERABLE";
        } else if (c.contains(Circumstance.DISPUTE_OPEN) || reason == StatedReason.DISPUTES_DEBT) {
            r.situation = "DISPUTE";
        } else if (c.contains(Circumstance.IN_LITIGATION) || c.contains(Circumstance.JUDGMENT_OBTAINED)) {
            r.situation = "LITIGATION";
        }

        // scripts.drl
        if (r.situation != null) {
            r.scriptId = "SITUATION_" + r.situation;
        } else if (best < 0) {
            r.scriptId = days <= 7 ? "EARLY_REMINDER" : "TYPE_UNCLASSIFIED";
        } else {
            r.scriptId = "TYPE_" + TYPES[best];
        }

        // the guarantee period (jurisdictions.yaml: CN six months from the due date, warned 30 days ahead; no other
        // jurisdiction of the benchmark inputs has one)
        boolean guaranteeExpiring = false;
        boolean guaranteeExpired = false;
        if (d.hasGuarantor() && d.jurisdiction() == Jurisdiction.CN) {
            long daysLeft = ChronoUnit.DAYS.between(asOf, d.effectiveDueDate(asOf).plusMonths(6));
            guaranteeExpired = daysLeft < 0;
            guaranteeExpiring = !guaranteeExpired && daysLeft <= 30;
        }

        // escalation.drl
        int[] s = r.steps;
        boolean business = d.debtorKind() == DebtorKind.BUSINESS;
        if (r.situation == null) {
            boolean owed = d.amountOverdue().compareTo(BigDecimal.ZERO) > 0;
            if (days >= 1 && days <= 7) {
                step(s, REMINDER, 0);
                step(s, PHONE_CALL, 8 - days);
            }
            if (days >= 8) {
                step(s, PHONE_CALL, 0);
            }
            if (days >= 31) {
                step(s, FIELD_VISIT, 7);
                step(s, WRITTEN_DEMAND, 14);
            }
            if (days >= 61) {
                step(s, SUPERVISOR_REVIEW, 0);
            }
            if (days >= 91) {
                step(s, AGENCY_PLACEMENT, 14);
                if (owed) {
                    step(s, PAYMENT_ORDER, 30);
                }
            }
            if (days >= 181 && owed) {
                step(s, LITIGATION, 45);
            }
            if (days >= 730) {
                step(s, WRITE_OFF_REVIEW, 0);
            }
            switch (best) {
                case EVASIVE -> {
                    if (days >= 8) {
                        step(s, FIELD_VISIT, 0);
                    }
                }
                case VICTIM, SOPHISTICATED -> step(s, REPAYMENT_PLAN, 0);
                case SERIAL_PROMISER -> {
                    if (d.promisesBroken() >= 2) {
                        step(s, WRITTEN_DEMAND, 0);
                    }
                }
                case PROVOCATIVE -> step(s, REPAYMENT_PLAN, 3);
                case CONFIDENT -> {
                    if (days >= 15) {
                        step(s, WRITTEN_DEMAND, 3);
                    }
                }
                case STUBBORN -> {
                    if (days >= 21) {
                        step(s, SUPERVISOR_REVIEW, 7);
                    }
                }
                default -> {
                }
            }
            if (d.hasGuarantor() && days >= 31 && !guaranteeExpired) {
                step(s, GUARANTOR_DEMAND, 0);
            }
            if (d.hasCollateral() && days >= 91) {
                step(s, COLLATERAL_REALISATION, 30);
            }
            if (business && days >= 8) {
                step(s, SUPPLY_STOP, 0);
            }
            if (business && days >= 1 && (reason == StatedReason.REFUSES
                    || b.contains(Behaviour.CONDITIONS_PAYMENT_ON_SUPPLY))) {
                step(s, SUPPLY_STOP, 0);
            }
        } else {
            switch (r.situation) {
                case "DECEASED" -> {
                    step(s, DEATH_VERIFICATION, 0);
                    step(s, ESTATE_CLAIM, 30);
                }
                case "FRAUD" -> step(s, FRAUD_REVIEW, 0);
                case "BANKRUPTCY" -> step(s, SUSPEND_COLLECTION, 0);
                case "COMPLAINT", "DISPUTE" -> step(s, COMPLAINT_HANDLING, 0);
                case "BREATHING_SPACE" -> step(s, SUSPEND_COLLECTION, 0);
                case "VULNERABLE" -> {
                    if (days >= 1) {
                        step(s, REPAYMENT_PLAN, 0);
                        step(s, SUPERVISOR_REVIEW, 0);
                    }
                }
                case "LITIGATION" -> {
                    if (c.contains(Circumstance.JUDGMENT_OBTAINED)) {
                        step(s, ENFORCEMENT, 0);
                        if (d.hasCollateral()) {
                            step(s, COLLATERAL_REALISATION, 0);
                        }
                    } else {
                        step(s, LITIGATION, 0);
                    }
                }
                default -> {
                }
            }
            if (business && (r.situation.equals("BANKRUPTCY") || r.situation.equals("FRAUD"))) {
                step(s, SUPPLY_STOP, 0);
            }
        }
        // compliance.drl GUA-001: the guarantor must be asked before the guarantee period ends (not on a fraud case)
        if (guaranteeExpiring && days >= 1 && !"FRAUD".equals(r.situation)) {
            step(s, GUARANTOR_DEMAND, 0);
        }
        // GUA-002: a deceased or bankrupt debtor's guarantor is asked at once
        if (("DECEASED".equals(r.situation) || "BANKRUPTCY".equals(r.situation)) && d.hasGuarantor()
                && !guaranteeExpired && days >= 1) {
            step(s, GUARANTOR_DEMAND, 0);
        }
        // ESC-034: a large exposure goes to a supervisor at once
        if (days >= 1 && d.amountOverdue().compareTo(LARGE_EXPOSURE) >= 0) {
            step(s, SUPERVISOR_REVIEW, 0);
        }
        guard(d, r, c);
        return r;
    }

    /** The compliance guard's vetoes that the benchmark inputs can meet (no clock ends inside their range). */
    private static void guard(Debtor d, Result r, Set<Circumstance> c) {
        int[] s = r.steps;
        boolean nothingOwed = d.daysOverdue() == 0 && d.amountOverdue().signum() == 0;
        boolean stop = nothingOwed || c.contains(Circumstance.BREATHING_SPACE)
                || c.contains(Circumstance.STATUTE_BARRED_CLAIMED);
        boolean vulnerable = c.contains(Circumstance.VULNERABLE) || "VULNERABLE".equals(r.situation);
        for (int k = 0; k < s.length; k++) {
            if (s[k] < 0) {
                continue;
            }
            boolean nonCollection = k == SUPERVISOR_REVIEW || k == WRITE_OFF_REVIEW || k == COMPLAINT_HANDLING
                    || k == SUSPEND_COLLECTION || k == FRAUD_REVIEW || k == DEATH_VERIFICATION;
            boolean legalOrAgency = k == PAYMENT_ORDER || k == LITIGATION || k == ENFORCEMENT || k == AGENCY_PLACEMENT;
            if (stop && !nonCollection || vulnerable && legalOrAgency) {
                s[k] = -1;
            }
        }
        if (c.contains(Circumstance.BREATHING_SPACE)) {
            step(s, SUSPEND_COLLECTION, 0);
        }
        if (c.contains(Circumstance.STATUTE_BARRED_CLAIMED) || vulnerable) {
            step(s, SUPERVISOR_REVIEW, 0);
        }
        if (nothingOwed) {
            r.scriptId = null;
        } else if (c.contains(Circumstance.BREATHING_SPACE) && r.situation == null) {
            r.scriptId = "SITUATION_BREATHING_SPACE";
        }
    }

    /** When two rules propose the same step, the earliest is kept. */
    private static void step(int[] steps, int step, int inDays) {
        if (steps[step] < 0 || inDays < steps[step]) {
            steps[step] = inDays;
        }
    }
}
