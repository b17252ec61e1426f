package io.collectionstrategy;

/**
 * A special situation recorded on the case (docs/contract.md `circumstances`); it overrides the normal treatment.
 */
public enum Circumstance {
    /** The debtor is reported dead. */
    DECEASED_REPORTED,
    /** The account may be fraudulent. */
    FRAUD_SUSPECTED,
    /** The debtor is in bankruptcy or insolvency. */
    BANKRUPTCY,
    /** A complaint by the debtor is open. */
    COMPLAINT_OPEN,
    /** A dispute of the debt is open. */
    DISPUTE_OPEN,
    /** The claim is in court. */
    IN_LITIGATION,
    /** A judgment has been obtained. */
    JUDGMENT_OBTAINED;
}
