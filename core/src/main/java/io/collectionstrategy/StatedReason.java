package io.collectionstrategy;

/**
 * The reason the debtor gives for not paying (CONTRACT.md `statedReason`).
 */
public enum StatedReason {
    /** {@code NONE}. */
    NONE,
    /** {@code NO_FUNDS}. */
    NO_FUNDS,
    /** {@code BUSINESS_DOWNTURN}. */
    BUSINESS_DOWNTURN,
    /** {@code JOB_LOSS}. */
    JOB_LOSS,
    /** {@code ILLNESS}. */
    ILLNESS,
    /** {@code FAMILY_HARDSHIP}. */
    FAMILY_HARDSHIP,
    /** {@code THEFT_OR_DISASTER}. */
    THEFT_OR_DISASTER,
    /** {@code COUNTERPARTY_NOT_PAID}. */
    COUNTERPARTY_NOT_PAID,
    /** {@code CASH_FLOW_TIMING}. */
    CASH_FLOW_TIMING,
    /** {@code DISSATISFIED}. */
    DISSATISFIED,
    /** {@code DISPUTES_DEBT}. */
    DISPUTES_DEBT,
    /** {@code OVERSIGHT}. */
    OVERSIGHT,
    /** {@code REFUSES}. */
    REFUSES;
}
