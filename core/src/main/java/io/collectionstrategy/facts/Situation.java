package io.collectionstrategy.facts;

/**
 * The special situation that overrides normal treatment for this case. Normal treatment rules say
 * {@code not Situation()}.
 *
 * @param name the situation, e.g. {@code "DECEASED"}
 */
public record Situation(String name) {
}
