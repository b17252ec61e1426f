package io.collectionstrategy.facts;

/**
 * Where rules write what they conclude: the global {@code outcome} of every rulebook. Declare it once per
 * {@code .drl} file ({@code global io.collectionstrategy.facts.Outcome outcome;}) and call it in a rule's
 * {@code then} part. The engine remembers which rule wrote each entry, to explain the assessment.
 *
 * <pre>
 * rule "From the second month, visit the debtor"
 *     &#64;id("ESC-004")
 * when
 *     Treatment( normal, debtor.daysOverdue &gt;= 31 )
 * then
 *     outcome.step( "FIELD_VISIT", 7, "more than 30 days overdue: visit in person" );
 * end
 * </pre>
 *
 * <p>Writing here instead of inserting facts keeps an assessment fast: nothing else has to be matched against it.
 * Each method rejects a blank name with an {@link IllegalArgumentException}, which the engine reports as a failure
 * of the rule.
 */
public interface Outcome {

    /**
     * Evidence for a debtor type. Once every first-stage rule has fired, the type with the most points wins if it
     * has at least the rulebook's {@code classification.minimumPoints} (3 unless {@code rulebook.yaml} says
     * otherwise); ties go to the alphabetically first type; below that the debtor is {@code UNCLASSIFIED}.
     *
     * @param type   the debtor type, e.g. {@code "EVASIVE"}
     * @param points the weight of the cue (may be negative: evidence against the type)
     * @param cue    what was observed, in plain words, e.g. {@code "behaviour AVOIDS_CONTACT"}
     */
    void evidence(String type, int points, String cue);

    /**
     * A special situation that overrides the normal treatment. Of several, the lowest precedence wins (ties:
     * alphabetically first name).
     *
     * @param name       the situation, e.g. {@code "DECEASED"}
     * @param precedence 1 comes first
     * @param cue        what was recorded, e.g. {@code "circumstance DECEASED_REPORTED"}
     */
    void situation(String name, int precedence, String cue);

    /**
     * The script the collector should use, by its id in the script catalogue. The first rule to choose one wins.
     *
     * @param scriptId e.g. {@code "TYPE_EVASIVE"}
     */
    void script(String scriptId);

    /**
     * A recommended escalation step. When several rules propose the same step, the earliest is kept.
     *
     * @param step   e.g. {@code "FIELD_VISIT"}
     * @param inDays days from the evaluation date, at least 0
     * @param reason why, in plain words (a translation in {@code scripts/<locale>.yaml} replaces it)
     */
    void step(String step, int inDays, String reason);

    /**
     * Puts back a step that some rule proposes, by {@code days}, with the reason: for a case that needs more time
     * (a new type, a hardship) without editing the rule of the step. Of several delays of one step the longest counts.
     * The step's reason then says by how much, by which rule and why. A delay of a step no rule proposes does
     * nothing. Steps only move later: the contact limits and legal vetoes still apply afterwards.
     *
     * @param step   e.g. {@code "FIELD_VISIT"}
     * @param days   how many days later, at least 1
     * @param reason why, in plain words
     */
    void delay(String step, int days, String reason);

    /**
     * Withdraws a step that some rule proposes, with the reason; the assessment then carries the warning
     * {@code STEP_WITHDRAWN} saying which step, by which rule and why. Withdrawing a step no rule proposes does nothing.
     *
     * @param step   e.g. {@code "FIELD_VISIT"}
     * @param reason why, in plain words
     */
    void withdraw(String step, String reason);

    /**
     * A warning for the collector. Of several with the same code, the first is kept.
     *
     * @param code    e.g. {@code "LIMITATION_EXPIRING"}
     * @param message what to do about it, in plain words
     */
    void warning(String code, String message);
}
