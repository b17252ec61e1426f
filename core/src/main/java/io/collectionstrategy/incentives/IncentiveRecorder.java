package io.collectionstrategy.incentives;

import io.collectionstrategy.CompiledRules;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.incentives.facts.Basis;
import io.collectionstrategy.incentives.facts.IncentiveOutcome;
import io.collectionstrategy.incentives.facts.Settlement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link IncentiveOutcome} of one receivable's settlement: what the rules wrote, each entry with the id of the
 * rule that was firing, and the arithmetic that turns it into the result. One per evaluation; not thread-safe.
 */
final class IncentiveRecorder implements IncentiveOutcome, CompiledRules.FiringListener {


    private final Settlement settlement;
    private String rule;
    private final List<IncentiveLine> lines = new ArrayList<>();
    private final List<RuleNote> freezes = new ArrayList<>();
    private final List<RuleNote> notes = new ArrayList<>();

    IncentiveRecorder(Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public void firing(FiredRule firing) {
        this.rule = firing.id();
    }

    @Override
    public void reward(Basis basis, double percent) {
        lines.add(line(IncentiveLine.Type.REWARD, basis, percent));
    }

    @Override
    public void penalty(Basis basis, double percent) {
        lines.add(line(IncentiveLine.Type.PENALTY, basis, percent));
    }

    private IncentiveLine line(IncentiveLine.Type type, Basis basis, double percent) {
        if (basis == null) {
            throw new IllegalArgumentException("the basis of a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " must be one of " + List.of(Basis.values()) + ", was missing");
        }
        if (!Double.isFinite(percent) || percent < 0) {
            throw new IllegalArgumentException("a percentage must be a number of at least 0, was " + percent);
        }
        // BigDecimal.valueOf reads the double's shortest decimal form: 1.5 is 1.5, 0.1 is 0.1, exactly as written
        BigDecimal p = BigDecimal.valueOf(percent).stripTrailingZeros();
        if (p.scale() < 0) {
            p = p.setScale(0);
        }
        BigDecimal base = settlement.amount(basis);
        return new IncentiveLine(type, basis, cents(base), p, cents(base.multiply(p).movePointLeft(2)), rule);
    }

    /** The same amount with at least two decimals: exact, never rounded ({@code 1E+3} is {@code 1000.00}). */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.scale() >= 2 ? amount : amount.setScale(2);
    }

    @Override
    public void freezeExpenses(String reason) {
        freezes.add(new RuleNote(rule, text("the reason of an expense freeze", reason)));
    }

    @Override
    public void note(String text) {
        notes.add(new RuleNote(rule, text("a note", text)));
    }

    private static String text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was "
                    + (value == null ? "missing" : "\"" + value + "\""));
        }
        return value;
    }

    /**
     * The result: the exact rewards less the interim's reward at the final settlement, and the exact penalties,
     * each rounded once to the cent, half up.
     */
    IncentiveResult result(List<FiredRule> fired, RulebookInfo rulebook) {
        Receivable r = settlement.receivable();
        List<IncentiveLine> breakdown = new ArrayList<>(lines);
        BigDecimal reward = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        for (IncentiveLine l : lines) {
            if (l.type() == IncentiveLine.Type.REWARD) {
                reward = reward.add(l.amount());
            } else {
                penalty = penalty.add(l.amount());
            }
        }
        if (settlement.period() == SettlementPeriod.FINAL && r.rewardPaid().signum() != 0) {
            breakdown.add(new IncentiveLine(IncentiveLine.Type.REWARD_PAID, null, cents(r.rewardPaid()), null,
                    cents(r.rewardPaid().negate()), null));
            reward = reward.subtract(r.rewardPaid());
        }
        BigDecimal rewardCents = reward.setScale(2, RoundingMode.HALF_UP);
        BigDecimal penaltyCents = penalty.setScale(2, RoundingMode.HALF_UP);
        return new IncentiveResult(r.id(), r.unit(), r.owner(), r.category(), settlement.period(), settlement.year(),
                rewardCents, penaltyCents, rewardCents.subtract(penaltyCents), !freezes.isEmpty(), freezes, breakdown,
                notes, Objects.requireNonNull(fired, "fired"), rulebook);
    }
}
