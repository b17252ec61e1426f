package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A step a rule proposed that the compliance guard removed.
 *
 * @param step   the removed step
 * @param reason why it is not allowed
 * @param rule   id of the rule that proposed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockedStep(String step, String reason, String rule) {
}
