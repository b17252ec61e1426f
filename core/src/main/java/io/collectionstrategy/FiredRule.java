package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rule that fired during an assessment.
 *
 * @param id   the rule's {@code @id} metadata, e.g. {@code CLS-007}, or its name when it has no id
 * @param name the rule's name, a business sentence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FiredRule(String id, String name) {
}
