package io.collectionstrategy;

/**
 * The legal system whose limitation periods and contact limits apply (CONTRACT.md `jurisdiction`).
 */
public enum Jurisdiction {
    /** {@code CN}. */
    CN,
    /** {@code US}. */
    US,
    /** {@code UK}. */
    UK;
}
