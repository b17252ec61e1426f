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
}
