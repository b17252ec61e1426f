package io.collectionstrategy.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds up settled receivables per business unit and per person responsible, and decides each unit's expense freeze:
 * a unit's claims are frozen when any of its receivables keeps them frozen. Feed it every result of one settlement
 * ({@link #add}), then read the totals and give each result its unit's freeze ({@link #withUnitFreeze}). It holds
 * one entry per unit, per person and per unit and person, plus the receivables that freeze, never the results:
 * a stream of any length can be added up in two passes (the first adds, the second writes).
 *
 * <p>Not thread-safe; one settlement (period and year) per instance.
 */
public final class IncentiveTotals {

    private static final class Sum {
        int receivables;
        BigDecimal reward = BigDecimal.ZERO.setScale(2);
        BigDecimal penalty = BigDecimal.ZERO.setScale(2);

        void add(IncentiveResult r) {
            receivables++;
            reward = reward.add(r.reward());
            penalty = penalty.add(r.penalty());
        }

        OwnerTotals owner(String name) {
            return new OwnerTotals(name, receivables, reward, penalty, reward.subtract(penalty));
        }
    }

    private static final class Unit {
        final Sum sum = new Sum();
        final List<UnitTotals.Freezing> freezing = new ArrayList<>();
        final Map<String, Sum> owners = new TreeMap<>();
    }

    private final Map<String, Unit> units = new TreeMap<>();
    private final Map<String, Sum> owners = new TreeMap<>();
    private long added;

    /**
     * Adds one settled receivable.
     *
     * @param result the receivable's result
     * @return this
     */
    public IncentiveTotals add(IncentiveResult result) {
        Objects.requireNonNull(result, "result");
        Unit unit = units.computeIfAbsent(result.unit(), u -> new Unit());
        unit.sum.add(result);
        unit.owners.computeIfAbsent(result.owner(), o -> new Sum()).add(result);
        owners.computeIfAbsent(result.owner(), o -> new Sum()).add(result);
        for (RuleNote reason : result.freezeReasons()) {
            unit.freezing.add(new UnitTotals.Freezing(result.id(), reason.rule(), reason.text()));
        }
        added++;
        return this;
    }

    /** @return how many results were added */
    public long size() {
        return added;
    }

    /**
     * @param unit a business unit
     * @return whether its expense claims are frozen (false for a unit with no result added)
     */
    public boolean frozen(String unit) {
        Unit u = units.get(unit);
        return u != null && !u.freezing.isEmpty();
    }

    /**
     * @param result a result of this settlement
     * @return the result with its unit's expense freeze
     */
    public IncentiveResult withUnitFreeze(IncentiveResult result) {
        return result.withExpenseFreeze(frozen(result.unit()));
    }

    /**
     * @param unit a business unit
     * @return its totals, or {@code null} when no result of it was added
     */
    public UnitTotals unit(String unit) {
        Unit u = units.get(unit);
        return u == null ? null : totals(unit, u);
    }

    /** @return the totals of every unit, by unit name */
    public List<UnitTotals> units() {
        List<UnitTotals> out = new ArrayList<>();
        units.forEach((name, u) -> out.add(totals(name, u)));
        return out;
    }

    /** @return the totals of every person responsible, over all units, by name */
    public List<OwnerTotals> owners() {
        List<OwnerTotals> out = new ArrayList<>();
        owners.forEach((name, s) -> out.add(s.owner(name)));
        return out;
    }

    private static UnitTotals totals(String name, Unit u) {
        List<OwnerTotals> owners = new ArrayList<>();
        u.owners.forEach((owner, s) -> owners.add(s.owner(owner)));
        return new UnitTotals(name, u.sum.receivables, u.sum.reward, u.sum.penalty,
                u.sum.reward.subtract(u.sum.penalty), !u.freezing.isEmpty(), u.freezing, owners);
    }
}
