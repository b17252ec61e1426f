package io.collectionstrategy;

/**
 * The built-in escalation steps of docs/contract.md. The set is open: a rulebook may add its own.
 */
public final class Steps {
    /** A friendly reminder by SMS, letter or e-mail. */
    public static final String REMINDER = "REMINDER";
    /** A collection call. */
    public static final String PHONE_CALL = "PHONE_CALL";
    /** A visit to the debtor's home or premises. */
    public static final String FIELD_VISIT = "FIELD_VISIT";
    /** A written demand, proven served; it interrupts the limitation period. */
    public static final String WRITTEN_DEMAND = "WRITTEN_DEMAND";
    /** A demand to the guarantor with joint liability. */
    public static final String GUARANTOR_DEMAND = "GUARANTOR_DEMAND";
    /** Offer a repayment plan. */
    public static final String REPAYMENT_PLAN = "REPAYMENT_PLAN";
    /** A supervisor reviews the case. */
    public static final String SUPERVISOR_REVIEW = "SUPERVISOR_REVIEW";
    /** Route the case to complaint handling. */
    public static final String COMPLAINT_HANDLING = "COMPLAINT_HANDLING";
    /** Verify a reported death before anything else. */
    public static final String DEATH_VERIFICATION = "DEATH_VERIFICATION";
    /** Claim against the estate, up to its value. */
    public static final String ESTATE_CLAIM = "ESTATE_CLAIM";
    /** Hand the case to the fraud team. */
    public static final String FRAUD_REVIEW = "FRAUD_REVIEW";
    /** Stop collection activity. */
    public static final String SUSPEND_COLLECTION = "SUSPEND_COLLECTION";
    /** Stop further supply to a business debtor. */
    public static final String SUPPLY_STOP = "SUPPLY_STOP";
    /** Sell the collateral, e.g. through an auction house. */
    public static final String COLLATERAL_REALISATION = "COLLATERAL_REALISATION";
    /** Place the case with a collection agency. */
    public static final String AGENCY_PLACEMENT = "AGENCY_PLACEMENT";
    /** Apply to the court for a payment order. */
    public static final String PAYMENT_ORDER = "PAYMENT_ORDER";
    /** Sue. */
    public static final String LITIGATION = "LITIGATION";
    /** Apply for enforcement of a judgment against all defendants. */
    public static final String ENFORCEMENT = "ENFORCEMENT";
    /** Review the debt for write-off. */
    public static final String WRITE_OFF_REVIEW = "WRITE_OFF_REVIEW";

    private Steps() {
    }
}
