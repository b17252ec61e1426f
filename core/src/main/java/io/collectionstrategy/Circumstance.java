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
    JUDGMENT_OBTAINED,
    /**
     * The debtor disclosed a vulnerability: serious illness, mental health, bereavement, or a similar situation that
     * calls for forbearance (in the UK, FCA CONC 7.2/7.3 and FG21/1).
     */
    VULNERABLE,
    /**
     * A debt respite moratorium is in force (in England and Wales, a breathing space or a mental health crisis
     * moratorium under the Debt Respite Scheme Regulations 2020): no contact to ask for payment, no enforcement.
     */
    BREATHING_SPACE,
    /** The debtor says the debt is statute-barred (time-barred): collection stops until it is checked. */
    STATUTE_BARRED_CLAIMED;
}
