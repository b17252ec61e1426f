package io.collectionstrategy.facts;

/**
 * The total evidence points for one debtor type, computed by a rule from the {@link TypeEvidence} facts.
 *
 * @param type   the debtor type
 * @param points the sum of its evidence points
 */
public record TypeScore(String type, int points) {
}
