package io.collectionstrategy;

/**
 * The built-in special situations of docs/contract.md; a situation overrides the normal treatment.
 */
public final class Situations {
    /** The debtor is reported dead: verify the death, then an estate claim; never pressure relatives. */
    public static final String DECEASED = "DECEASED";
    /** Fraud is suspected: fraud review, no agency. */
    public static final String FRAUD = "FRAUD";
    /** The debtor is bankrupt: collection is suspended. */
    public static final String BANKRUPTCY = "BANKRUPTCY";
    /** The debt is disputed: complaint handling first. */
    public static final String DISPUTE = "DISPUTE";
    /** A complaint is open: complaint handling first. */
    public static final String COMPLAINT = "COMPLAINT";
    /** The case is in court or has a judgment: enforcement path. */
    public static final String LITIGATION = "LITIGATION";

    private Situations() {
    }

    /** A debt respite moratorium (breathing space) is in force. */
    public static final String BREATHING_SPACE = "BREATHING_SPACE";
    /** A vulnerable customer: forbearance (a repayment plan, a supervisor's review) before anything else. */
    public static final String VULNERABLE = "VULNERABLE";
}
