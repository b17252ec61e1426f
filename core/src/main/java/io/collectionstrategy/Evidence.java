package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One piece of evidence for a debtor type: a cue that a classification rule saw, and its weight.
 *
 * @param type   the debtor type it supports
 * @param points its weight; the type with the most points wins
 * @param cue    what was observed, e.g. {@code "behaviour AVOIDS_CONTACT"}
 * @param rule   id of the rule that found it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String type, int points, String cue, String rule) {
}
