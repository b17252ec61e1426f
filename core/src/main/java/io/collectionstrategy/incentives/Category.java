package io.collectionstrategy.incentives;

/**
 * The category of a receivable, which decides how collecting it is rewarded and penalised. The categories fall into
 * the five parts of the receivables policy ({@link #part()}); the default incentive policy encodes each part as rules.
 */
public enum Category {
    /** Part 1, reward only: the debtor is in bankruptcy proceedings and little can be recovered. */
    BANKRUPTCY(1),
    /** Part 1, reward only: a judgment was won but is hard to enforce. */
    JUDGMENT_UNENFORCEABLE(1),
    /** Part 2, heavy reward and light penalty: the parties dispute the debt. */
    DISPUTED(2),
    /** Part 2: the debtor company was restructured or changed its structure. */
    DEBTOR_RESTRUCTURED(2),
    /** Part 2: the debtor cannot be found. */
    DEBTOR_MISSING(2),
    /** Part 3, equal reward and penalty: the debtor can pay but refuses. */
    ABLE_BUT_REFUSING(3),
    /** Part 3: collection is hard but should succeed with effort. */
    RECOVERABLE(3),
    /** Part 4, penalty only: ordinary settlement under the contract. */
    CONTRACT_NORMAL(4),
    /** Part 5, neither within the term: deposits, quality-guarantee money and security deposits. */
    DEPOSIT(5);

    private final int part;

    Category(int part) {
        this.part = part;
    }

    /** @return the part of the receivables policy the category belongs to, 1 to 5 */
    public int part() {
        return part;
    }
}
