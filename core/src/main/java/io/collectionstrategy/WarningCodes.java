package io.collectionstrategy;

/**
 * The built-in warning codes of docs/contract.md. The set is open: a rulebook may add its own.
 */
public final class WarningCodes {
    /** The limitation period ends within 90 days. */
    public static final String LIMITATION_EXPIRING = "LIMITATION_EXPIRING";
    /** The limitation period has ended: no legal step may be recommended or threatened. */
    public static final String TIME_BARRED = "TIME_BARRED";
    /** The period to demand payment from the guarantor is about to end. */
    public static final String GUARANTEE_PERIOD_EXPIRING = "GUARANTEE_PERIOD_EXPIRING";
    /** The contact cap is reached; contact steps move to the next allowed day. */
    public static final String CONTACT_LIMIT_REACHED = "CONTACT_LIMIT_REACHED";
    /** The evaluation time is outside the allowed contact hours. */
    public static final String OUTSIDE_CONTACT_HOURS = "OUTSIDE_CONTACT_HOURS";
    /** The rulebook chose a script that has no text in the requested locale. */
    public static final String SCRIPT_MISSING = "SCRIPT_MISSING";

    /** The compliance guard replaced the script the rules chose, e.g. by the time-barred variant. */
    public static final String SCRIPT_REPLACED = "SCRIPT_REPLACED";

    private WarningCodes() {
    }

    /** The end of the limitation period extinguished the debt (Scotland: prescription): nothing may be asked for. */
    public static final String DEBT_EXTINGUISHED = "DEBT_EXTINGUISHED";
    /** A debt respite moratorium (breathing space) is in force: collection is suspended. */
    public static final String BREATHING_SPACE = "BREATHING_SPACE";
    /** The debtor says the debt is statute-barred: collection stops until a supervisor has checked the dates. */
    public static final String STATUTE_BARRED_CLAIMED = "STATUTE_BARRED_CLAIMED";
    /** A vulnerable customer: forbearance first, a supervisor reviews before any agency placement or legal step. */
    public static final String VULNERABLE_CUSTOMER = "VULNERABLE_CUSTOMER";
    /** Nothing is owed (0 days overdue, no amount): no collection step and no arrears script. */
    public static final String NOTHING_OWED = "NOTHING_OWED";
    /** The period to enforce the judgment ends soon: apply for enforcement before it ends. */
    public static final String JUDGMENT_ENFORCEMENT_EXPIRING = "JUDGMENT_ENFORCEMENT_EXPIRING";
    /** The period to enforce the judgment has ended: enforcement needs the court's permission, if it is possible. */
    public static final String JUDGMENT_ENFORCEMENT_EXPIRED = "JUDGMENT_ENFORCEMENT_EXPIRED";
    /** The debtor's region is unknown and the law of some region of the jurisdiction changes the outcome. */
    public static final String REGION_NEEDED = "REGION_NEEDED";
    /** The timeline holds steps: a promise in force, a recent payment, a step waiting for its response. */
    public static final String TIMELINE_HOLD = "TIMELINE_HOLD";
    /** A rule withdrew a step another rule proposed ({@code outcome.withdraw}); the message says which, by whom, why. */
    public static final String STEP_WITHDRAWN = "STEP_WITHDRAWN";
}
