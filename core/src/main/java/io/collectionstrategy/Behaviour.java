package io.collectionstrategy;

/**
 * A cue a collector observed on calls or visits (CONTRACT.md `behaviours`).
 */
public enum Behaviour {
    /** {@code AGGRESSIVE}. */
    AGGRESSIVE,
    /** {@code COMPLAINS_OF_PRESSURE}. */
    COMPLAINS_OF_PRESSURE,
    /** {@code COMPARES_OTHER_LENDERS}. */
    COMPARES_OTHER_LENDERS,
    /** {@code DISPUTES_FEES}. */
    DISPUTES_FEES,
    /** {@code AVOIDS_CONTACT}. */
    AVOIDS_CONTACT,
    /** {@code EMOTIONAL_DISTRESS}. */
    EMOTIONAL_DISTRESS,
    /** {@code EXAGGERATES_HARDSHIP}. */
    EXAGGERATES_HARDSHIP,
    /** {@code BLAMES_LENDER}. */
    BLAMES_LENDER,
    /** {@code DISMISSES_LEGAL_ACTION}. */
    DISMISSES_LEGAL_ACTION,
    /** {@code REPEATS_CANNOT_PAY}. */
    REPEATS_CANNOT_PAY,
    /** {@code INSISTS_OWN_TERMS}. */
    INSISTS_OWN_TERMS,
    /** {@code USES_JARGON}. */
    USES_JARGON,
    /** {@code CITES_CONNECTIONS_OR_ASSETS}. */
    CITES_CONNECTIONS_OR_ASSETS,
    /** {@code OFFERS_DEFERRED_LUMP_SUM}. */
    OFFERS_DEFERRED_LUMP_SUM,
    /** {@code FRIENDLY}. */
    FRIENDLY,
    /** {@code APOLOGETIC}. */
    APOLOGETIC;
}
