package io.collectionstrategy.incentives;

import io.collectionstrategy.incentives.facts.Basis;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a receivable's breakdown: a reward or a penalty a rule wrote, or the deduction of the reward paid at
 * the interim. Amounts are exact; the result's {@code reward} and {@code penalty} are the rounded sums.
 *
 * @param type    what the line is
 * @param basis   which amount of the receivable the percentage is of; {@code null} for {@link Type#REWARD_PAID}
 * @param base    that amount; for {@link Type#REWARD_PAID} the reward paid
 * @param percent the percentage; {@code null} for {@link Type#REWARD_PAID}
 * @param amount  {@code base * percent / 100}, exact; for {@link Type#REWARD_PAID} minus the reward paid
 * @param rule    the id of the rule that wrote it; {@code null} for {@link Type#REWARD_PAID}
 */
public record IncentiveLine(Type type, Basis basis, BigDecimal base, BigDecimal percent, BigDecimal amount,
                            String rule) {

    /** What a line is. */
    public enum Type {
        /** A reward a rule wrote ({@code outcome.reward}). */
        REWARD,
        /** A penalty a rule wrote ({@code outcome.penalty}). */
        PENALTY,
        /** The reward paid at the interim, deducted from the year's reward at the final settlement. */
        REWARD_PAID
    }

    /** Checks the parts. */
    public IncentiveLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(amount, "amount");
    }
}
