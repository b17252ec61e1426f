package io.collectionstrategy;

/**
 * How a contact was made (docs/contract.md `contactHistory[].channel`).
 */
public enum Channel {
    /** A phone call. */
    CALL,
    /** A text message. */
    SMS,
    /** A visit in person. */
    VISIT,
    /** A letter. */
    LETTER,
    /** An e-mail. */
    EMAIL;
}
