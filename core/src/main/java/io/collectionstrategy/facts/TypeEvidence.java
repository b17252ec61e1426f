package io.collectionstrategy.facts;

/**
 * A cue that supports a debtor type, inserted by a classification rule. The engine sums the points per type;
 * the rulebook decides which type wins (see {@link TypeScore}).
 *
 * @param type   the debtor type it supports, e.g. {@code "EVASIVE"}
 * @param points its weight, usually 1 to 3
 * @param cue    what was observed, in plain words, e.g. {@code "behaviour AVOIDS_CONTACT"}
 */
public record TypeEvidence(String type, int points, String cue) {
}
