package io.collectionstrategy.incentives;

import io.collectionstrategy.FiredRule;
import io.collectionstrategy.RulebookInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one receivable earns and costs at one settlement, explained by the rules that fired. Immutable.
 *
 * @param id              the receivable's id
 * @param unit            its business unit
 * @param owner           the person responsible for it
 * @param category        its category
 * @param period          the settlement
 * @param year            the settlement year
 * @param reward          the reward, rounded to the cent half up once; at the final settlement the year's reward less
 *                        the reward paid at the interim (negative when more was paid than the year earned)
 * @param penalty         the penalty, rounded to the cent half up once
 * @param net             {@code reward - penalty}
 * @param expenseFreeze   whether the receivable's unit has its expense claims frozen: true when any receivable of
 *                        the unit that was settled together with this one keeps them frozen
 * @param freezeReasons   why this receivable itself keeps its unit's expense claims frozen; empty when it does not
 * @param breakdown       the rewards and penalties the rules wrote, exact, in the order written
 * @param notes           remarks the rules wrote that change no figure
 * @param firedRules      the rules that fired, each once, in the order they first fired
 * @param rulebook        which incentive rulebook produced it
 */
public record IncentiveResult(String id, String unit, String owner, Category category, SettlementPeriod period,
                              int year, BigDecimal reward, BigDecimal penalty, BigDecimal net, boolean expenseFreeze,
                              List<RuleNote> freezeReasons, List<IncentiveLine> breakdown, List<RuleNote> notes,
                              List<FiredRule> firedRules, RulebookInfo rulebook) {

    /** Checks the parts and copies the lists. */
    public IncentiveResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(net, "net");
        freezeReasons = List.copyOf(freezeReasons);
        breakdown = List.copyOf(breakdown);
        notes = List.copyOf(notes);
        firedRules = List.copyOf(firedRules);
    }

    /** @return whether this receivable itself keeps its unit's expense claims frozen */
    public boolean freezesExpenses() {
        return !freezeReasons.isEmpty();
    }

    /** @return the ids of the rules that fired, in firing order */
    public List<String> firedRuleIds() {
        return firedRules.stream().map(FiredRule::id).toList();
    }

    /**
     * @param frozen whether the unit's expense claims are frozen
     * @return this result with the unit's freeze
     */
    public IncentiveResult withExpenseFreeze(boolean frozen) {
        return frozen == expenseFreeze ? this : new IncentiveResult(id, unit, owner, category, period, year, reward,
                penalty, net, frozen, freezeReasons, breakdown, notes, firedRules, rulebook);
    }
}
