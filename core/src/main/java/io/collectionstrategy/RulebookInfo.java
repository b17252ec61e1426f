package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which rulebook produced an assessment.
 *
 * @param name    the rulebook's name, e.g. {@code default}
 * @param version a content hash of every file of the rulebook: equal versions mean equal rulebooks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RulebookInfo(String name, String version) {
}
