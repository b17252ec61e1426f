package io.collectionstrategy;

/**
 * A rule of a rulebook.
 *
 * @param id   its {@code @id} metadata, e.g. {@code CLS-001}
 * @param name its name, a business sentence
 * @param file the {@code .drl} file that holds it, relative to the rulebook root
 * @param line the 1-based line of its {@code rule} keyword
 */
public record RuleInfo(String id, String name, String file, int line) {
}
