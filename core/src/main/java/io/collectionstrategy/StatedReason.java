package io.collectionstrategy;

/**
 * The reason the debtor gives for not paying (docs/contract.md `statedReason`).
 */
public enum StatedReason {
    /** No reason given. */
    NONE,
    /** "I have no money." */
    NO_FUNDS,
    /** Business is bad. */
    BUSINESS_DOWNTURN,
    /** Lost their job. */
    JOB_LOSS,
    /** Illness in the household. */
    ILLNESS,
    /** A family crisis. */
    FAMILY_HARDSHIP,
    /** Theft, fire, flood or another disaster. */
    THEFT_OR_DISASTER,
    /** Their own customer or partner has not paid them. */
    COUNTERPARTY_NOT_PAID,
    /** Money is coming, later (stock out of season, margins down). */
    CASH_FLOW_TIMING,
    /** Unhappy with the sale, the approved amount or the service. */
    DISSATISFIED,
    /** Says the debt is not owed. */
    DISPUTES_DEBT,
    /** Forgot to pay. */
    OVERSIGHT,
    /** Will not pay. */
    REFUSES;
}
