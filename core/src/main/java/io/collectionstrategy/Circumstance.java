package io.collectionstrategy;

/**
 * A special situation recorded on the case (CONTRACT.md `circumstances`); it overrides the normal treatment.
 */
public enum Circumstance {
    /** {@code DECEASED_REPORTED}. */
    DECEASED_REPORTED,
    /** {@code FRAUD_SUSPECTED}. */
    FRAUD_SUSPECTED,
    /** {@code BANKRUPTCY}. */
    BANKRUPTCY,
    /** {@code COMPLAINT_OPEN}. */
    COMPLAINT_OPEN,
    /** {@code DISPUTE_OPEN}. */
    DISPUTE_OPEN,
    /** {@code IN_LITIGATION}. */
    IN_LITIGATION,
    /** {@code JUDGMENT_OBTAINED}. */
    JUDGMENT_OBTAINED;
}
