package io.collectionstrategy.incentives.facts;

/**
 * The amount of a receivable that a reward or penalty is a percentage of. Rules name it in
 * {@code outcome.reward( Basis.RECOVERED, 5 )}; the engine takes the amount from the {@link Settlement}.
 */
public enum Basis {
    /** What was recovered in the year: {@code recovered}. */
    RECOVERED,
    /** What was settled by offset or by restructuring the debt: {@code offsetOrRestructured}. */
    OFFSET_OR_RESTRUCTURED,
    /** What is still open: {@code amountDue - recovered - offsetOrRestructured}, at least 0. */
    UNRECOVERED,
    /** What was not recovered, offsets not counted: {@code amountDue - recovered}, at least 0. */
    SHORTFALL
}
