package io.collectionstrategy.incentives;

import io.collectionstrategy.RulebookInfo;
import java.time.LocalDate;
import java.util.List;

/**
 * One settlement of a set of receivables: every receivable's result with its unit's expense freeze, and the totals
 * per unit and per person responsible. Immutable.
 *
 * @param period   the settlement
 * @param year     the settlement year
 * @param date     the settlement date ({@code settlement} in the rulebook's {@code rulebook.yaml})
 * @param results  one per receivable, in the order given
 * @param units    the totals per business unit, by unit name
 * @param owners   the totals per person responsible, over all units, by name
 * @param rulebook which incentive rulebook produced it
 */
public record IncentiveReport(SettlementPeriod period, int year, LocalDate date, List<IncentiveResult> results,
                              List<UnitTotals> units, List<OwnerTotals> owners, RulebookInfo rulebook) {

    /** Copies the lists. */
    public IncentiveReport {
        results = List.copyOf(results);
        units = List.copyOf(units);
        owners = List.copyOf(owners);
    }

    /**
     * @param unit a business unit
     * @return its totals, or {@code null} when it has no receivable here
     */
    public UnitTotals unit(String unit) {
        return units.stream().filter(u -> u.unit().equals(unit)).findFirst().orElse(null);
    }

    /**
     * @param id a receivable's id
     * @return its result, or {@code null} when there is none
     */
    public IncentiveResult result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
