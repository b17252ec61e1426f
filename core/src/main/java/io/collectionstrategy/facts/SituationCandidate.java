package io.collectionstrategy.facts;

/**
 * A special situation that applies to the case. When several apply, the one with the lowest precedence number
 * becomes the {@link Situation}.
 *
 * @param name       the situation, e.g. {@code "DECEASED"}
 * @param precedence lower numbers win
 * @param because    what on the case shows it, e.g. {@code "circumstance DECEASED_REPORTED"}
 */
public record SituationCandidate(String name, int precedence, String because) {
}
