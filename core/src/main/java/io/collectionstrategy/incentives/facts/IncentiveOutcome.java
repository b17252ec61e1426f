package io.collectionstrategy.incentives.facts;

/**
 * Where incentive rules write what they conclude: the global {@code outcome} of an incentive rulebook. Declare it
 * once per {@code .drl} file ({@code global io.collectionstrategy.incentives.facts.IncentiveOutcome outcome;}) and
 * call it in a rule's {@code then} part. The engine records which rule wrote each entry.
 *
 * <pre>
 * rule "Bankruptcy: reward 5% of what was recovered"
 *     &#64;id("INC-101")
 * when
 *     Settlement( receivable.category == Category.BANKRUPTCY )
 * then
 *     outcome.reward( Basis.RECOVERED, 5 );
 * end
 * </pre>
 *
 * <p>Amounts are computed exactly and added up per receivable; the engine rounds the reward and the penalty once,
 * to the cent, half up. At the final settlement it deducts the reward paid at the interim ({@code rewardPaid}) from
 * the reward. A negative percentage or a blank text makes the rule fail.
 */
public interface IncentiveOutcome {

    /**
     * A reward of a percentage of an amount of the receivable.
     *
     * @param basis   which amount, e.g. {@link Basis#RECOVERED}
     * @param percent the percentage, e.g. {@code 5} or {@code 1.5}; at least 0
     */
    void reward(Basis basis, double percent);

    /**
     * A penalty of a percentage of an amount of the receivable.
     *
     * @param basis   which amount, e.g. {@link Basis#UNRECOVERED}
     * @param percent the percentage, e.g. {@code 1} or {@code 0.5}; at least 0
     */
    void penalty(Basis basis, double percent);

    /**
     * This receivable keeps its unit's expense claims frozen: the unit's claims are frozen when any of its
     * receivables says so.
     *
     * @param reason why, in plain words (a translation in {@code texts/<locale>.yaml} replaces it in statements)
     */
    void freezeExpenses(String reason);

    /**
     * A remark for the statement that changes no figure, e.g. why a written-off receivable costs nothing.
     *
     * @param text the remark, in plain words
     */
    void note(String text);
}
