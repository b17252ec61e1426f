package io.collectionstrategy;

/**
 * How a contact was made (CONTRACT.md `contactHistory[].channel`).
 */
public enum Channel {
    /** {@code CALL}. */
    CALL,
    /** {@code SMS}. */
    SMS,
    /** {@code VISIT}. */
    VISIT,
    /** {@code LETTER}. */
    LETTER,
    /** {@code EMAIL}. */
    EMAIL;
}
