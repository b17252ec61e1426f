package io.collectionstrategy;

/**
 * A cue a collector observed on calls or visits (docs/contract.md `behaviours`).
 */
public enum Behaviour {
    /** Aggressive words or body language. */
    AGGRESSIVE,
    /** Complains of being pestered. */
    COMPLAINS_OF_PRESSURE,
    /** Compares the lender with other lenders. */
    COMPARES_OTHER_LENDERS,
    /** Objects to late fees or penalties. */
    DISPUTES_FEES,
    /** Hard to reach: calls unanswered, premises closed, never met in person. */
    AVOIDS_CONTACT,
    /** Great distress, cries while talking. */
    EMOTIONAL_DISTRESS,
    /** Exaggerates hardship whatever the negotiation. */
    EXAGGERATES_HARDSHIP,
    /** Blames the lender for the arrears. */
    BLAMES_LENDER,
    /** Shows no fear of legal action ("bring your lawyer"). */
    DISMISSES_LEGAL_ACTION,
    /** Keeps saying "I can't pay" or "I won't pay". */
    REPEATS_CANNOT_PAY,
    /** Does not listen to options, insists on their own proposal. */
    INSISTS_OWN_TERMS,
    /** Uses financial or legal jargon. */
    USES_JARGON,
    /** Mentions connections or assets. */
    CITES_CONNECTIONS_OR_ASSETS,
    /** Offers to pay everything at once, later. */
    OFFERS_DEFERRED_LUMP_SUM,
    /** Very friendly and communicative. */
    FRIENDLY,
    /** Humble and apologetic. */
    APOLOGETIC,
    /** A business customer who makes payment conditional on further supply or deliveries. */
    CONDITIONS_PAYMENT_ON_SUPPLY;
}
