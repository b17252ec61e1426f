package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One recommended step of the escalation ladder.
 *
 * <p>Rules propose steps with {@code outcome.step(...)} (see {@link io.collectionstrategy.facts.Outcome}); the engine
 * fills in {@code rule}, the id of the rule that proposed the step.
 *
 * @param step   the step, e.g. {@code FIELD_VISIT}; see {@link Steps} for the built-in names
 * @param inDays days from the evaluation date until the step is due, at least 0
 * @param reason why the step is recommended, in plain words
 * @param rule   id of the rule that proposed the step
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EscalationStep(String step, int inDays, String reason, String rule) {

    /** Checks the step name and the number of days. */
    public EscalationStep {
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("step must not be blank, was " + InvalidDebtorException.show(step));
        }
        if (inDays < 0) {
            throw new IllegalArgumentException("inDays of step " + step + " must not be negative: " + inDays);
        }
        reason = reason == null ? "" : reason;
    }

    /**
     * A step as a rule proposes it; the engine adds the rule id.
     *
     * @param step   the step name
     * @param inDays days until due
     * @param reason why
     */
    public EscalationStep(String step, int inDays, String reason) {
        this(step, inDays, reason, null);
    }

    EscalationStep withRule(String ruleId) {
        return new EscalationStep(step, inDays, reason, ruleId);
    }
}
