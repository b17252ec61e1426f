package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which arm of which experiment produced an assessment: written as {@code strategy} in the assessment's JSON. An
 * assessment of a strategy that is not in an experiment has none ({@link Assessment#strategy()} is {@code null}).
 *
 * @param experiment the experiment's name, e.g. {@code q4-softer-tone}
 * @param arm        the arm the case is assigned to, e.g. {@code champion}
 * @param rulebook   the name of the arm's rulebook that assessed the case
 * @param version    that rulebook's version (its content hash), as in {@link RulebookInfo#version()}
 * @see io.collectionstrategy.experiment.ExperimentStrategy
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyInfo(String experiment, String arm, String rulebook, String version) {
}
