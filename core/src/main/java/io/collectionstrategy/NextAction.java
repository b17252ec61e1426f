package io.collectionstrategy;

import java.time.LocalDate;

/**
 * The first step that is due, with its date: what the collector does next, after the contact caps and hours, the
 * holds of the timeline and the compliance guard.
 *
 * @param step   the step, e.g. {@code PHONE_CALL}
 * @param on     when: the evaluation date plus the step's {@code inDays}
 * @param reason why
 * @param rule   the id of the rule (or {@code GUARD}, {@code TIMELINE}) that proposed it
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record NextAction(String step, LocalDate on, String reason, String rule) {

    /**
     * Reads a next action back from its JSON form (its date as ISO text), for Jackson without the java.time module.
     *
     * @param step   the step
     * @param on     the date, ISO yyyy-mm-dd
     * @param reason why
     * @param rule   the proposing rule
     * @return the next action
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static NextAction fromJson(@com.fasterxml.jackson.annotation.JsonProperty("step") String step,
                                      @com.fasterxml.jackson.annotation.JsonProperty("on") String on,
                                      @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason,
                                      @com.fasterxml.jackson.annotation.JsonProperty("rule") String rule) {
        return new NextAction(step, on == null ? null : LocalDate.parse(on), reason, rule);
    }
}
