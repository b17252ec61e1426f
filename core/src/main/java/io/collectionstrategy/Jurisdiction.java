package io.collectionstrategy;

/**
 * The legal system whose limitation periods and contact limits apply (CONTRACT.md `jurisdiction`).
 */
public enum Jurisdiction {
    /** People's Republic of China (the default). */
    CN,
    /** United States. */
    US,
    /** {@code UK}: England, Wales and Northern Ireland. */
    UK,
    /** {@code UK_SCOTLAND}: Scotland, with its 5-year prescription period. */
    UK_SCOTLAND;
}
