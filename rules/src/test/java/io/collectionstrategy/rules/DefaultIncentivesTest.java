package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.collectionstrategy.incentives.Category;
import io.collectionstrategy.incentives.IncentivePolicy;
import io.collectionstrategy.incentives.IncentiveReport;
import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.OwnerTotals;
import io.collectionstrategy.incentives.Receivable;
import io.collectionstrategy.incentives.SettlementPeriod;
import io.collectionstrategy.incentives.UnitTotals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The default incentive policy on one company's receivables, settled at the interim and at year end, against figures
 * worked out by hand from the policy (the arithmetic is in the comments). The same receivables are
 * examples/data/receivables.jsonl of the repository.
 */
class DefaultIncentivesTest {

    static final IncentivePolicy POLICY = IncentivePolicy.builder().defaultPolicy().locale(Locale.ENGLISH).build();

    private static Receivable.Builder r(String id, String unit, String owner, Category category, String due, String got) {
        return Receivable.builder(id).unit(unit).owner(owner).category(category).amountDue(due).recovered(got);
    }

    static final List<Receivable> COMPANY = List.of(
            r("R-01", "East", "Zhang Wei", Category.BANKRUPTCY, "120000.00", "15000.00").ageDays(420)
                    .writeOffEligible(true).rewardPaid("400.00").build(),
            r("R-02", "East", "Zhang Wei", Category.JUDGMENT_UNENFORCEABLE, "60000.00", "2345.67").ageDays(730)
                    .writeOffEligible(true).writtenOff(true).build(),
            r("R-03", "East", "Li Na", Category.DISPUTED, "50000.00", "12000.00").offsetOrRestructured("8000.00")
                    .rewardPaid("300.00").build(),
            r("R-04", "East", "Li Na", Category.CONTRACT_NORMAL, "8000.00", "8000.00").build(),
            r("R-05", "South", "Wang Fang", Category.DEBTOR_RESTRUCTURED, "30000.00", "0")
                    .offsetOrRestructured("30000.00").rewardPaid("450.00").build(),
            r("R-06", "South", "Wang Fang", Category.DEBTOR_MISSING, "4000.00", "1000.00").build(),
            r("R-07", "South", "Chen Jie", Category.ABLE_BUT_REFUSING, "25000.00", "24999.99").build(),
            r("R-08", "South", "Chen Jie", Category.CONTRACT_NORMAL, "12345.50", "10000.00").build(),
            r("R-09", "North", "Zhao Lei", Category.RECOVERABLE, "9000.00", "9000.00").rewardPaid("50.00").build(),
            r("R-10", "North", "Zhao Lei", Category.DEPOSIT, "20000.00", "0").build(),
            r("R-11", "North", "Sun Li", Category.DEPOSIT, "5000.00", "1500.00").termEnded(true).build(),
            r("R-12", "North", "Sun Li", Category.CONTRACT_NORMAL, "7000.00", "6000.00").offsetOrRestructured("1000.00")
                    .build(),
            r("R-13", "West", "Gao Yu", Category.BANKRUPTCY, "3000.00", "0").ageDays(100).build(),
            r("R-14", "West", "Gao Yu", Category.RECOVERABLE, "1000.00", "1000.00").build());

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void settle_interim_rewardsOnWhatWasRecoveredNoPenaltiesFreezeWhereParts2To5AreOpen() {
        IncentiveReport report = POLICY.settle(COMPANY, SettlementPeriod.INTERIM, 2026);

        assertThat(report.results()).extracting(IncentiveResult::id, IncentiveResult::reward, IncentiveResult::penalty,
                IncentiveResult::net, IncentiveResult::expenseFreeze).containsExactly(
                // 5% x 15000 = 750.00; no write-off penalty at the interim; rewardPaid not deducted yet
                tuple("R-01", m("750.00"), m("0.00"), m("750.00"), true),
                // 3% x 2345.67 = 70.3701 -> 70.37
                tuple("R-02", m("70.37"), m("0.00"), m("70.37"), true),
                // 3% x 12000 + 1.5% x 8000 = 360 + 120 = 480.00; unrecovered 30000 freezes East
                tuple("R-03", m("480.00"), m("0.00"), m("480.00"), true),
                tuple("R-04", m("0.00"), m("0.00"), m("0.00"), true),
                // 1.5% x 30000 = 450.00; unrecovered 0
                tuple("R-05", m("450.00"), m("0.00"), m("450.00"), true),
                // 3% x 1000 = 30.00; unrecovered 3000 freezes South
                tuple("R-06", m("30.00"), m("0.00"), m("30.00"), true),
                // 1% x 24999.99 = 249.9999 -> 250.00; unrecovered 0.01 freezes South too
                tuple("R-07", m("250.00"), m("0.00"), m("250.00"), true),
                tuple("R-08", m("0.00"), m("0.00"), m("0.00"), true),
                // 1% x 9000 = 90.00 (rewardPaid ignored at the interim)
                tuple("R-09", m("90.00"), m("0.00"), m("90.00"), true),
                tuple("R-10", m("0.00"), m("0.00"), m("0.00"), true),
                // deposit past its term, unrecovered 3500: freezes North
                tuple("R-11", m("0.00"), m("0.00"), m("0.00"), true),
                // contract: 7000 - 6000 - 1000 = 0 unrecovered at the interim
                tuple("R-12", m("0.00"), m("0.00"), m("0.00"), true),
                tuple("R-13", m("0.00"), m("0.00"), m("0.00"), false),
                // 1% x 1000 = 10.00; West has nothing open
                tuple("R-14", m("10.00"), m("0.00"), m("10.00"), false));
        assertThat(report.result("R-03").freezesExpenses()).isTrue();
        assertThat(report.result("R-05").freezesExpenses()).isFalse();
        assertThat(report.result("R-12").freezesExpenses()).isFalse();
        assertThat(report.units()).extracting(UnitTotals::unit, UnitTotals::reward, UnitTotals::penalty,
                UnitTotals::expenseFreeze).containsExactly(
                // 750 + 70.37 + 480 + 0 = 1300.37
                tuple("East", m("1300.37"), m("0.00"), true),
                // 90 + 0 + 0 + 0
                tuple("North", m("90.00"), m("0.00"), true),
                // 450 + 30 + 250 + 0 = 730.00
                tuple("South", m("730.00"), m("0.00"), true),
                tuple("West", m("10.00"), m("0.00"), false));
        assertThat(report.unit("South").freezing()).extracting(UnitTotals.Freezing::receivable)
                .containsExactly("R-06", "R-07", "R-08");
        assertThat(report.date()).isEqualTo(java.time.LocalDate.of(2026, 9, 30));
    }

    @Test
    void settle_final_yearsRewardLessInterimPenaltiesAndFreezeOnlyWhereAContractIsShort() {
        IncentiveReport report = POLICY.settle(COMPANY, SettlementPeriod.FINAL, 2026);

        assertThat(report.results()).extracting(IncentiveResult::id, IncentiveResult::reward, IncentiveResult::penalty,
                IncentiveResult::net, IncentiveResult::expenseFreeze).containsExactly(
                // 5% x 15000 = 750 - 400 paid = 350.00; over a year, eligible, not written off:
                // 0.5% x (120000 - 15000) = 525.00; net -175.00
                tuple("R-01", m("350.00"), m("525.00"), m("-175.00"), false),
                // 3% x 2345.67 = 70.3701 -> 70.37; written off: no penalty
                tuple("R-02", m("70.37"), m("0.00"), m("70.37"), false),
                // 480 - 300 = 180.00; 1% x (50000 - 12000 - 8000) = 300.00; net -120.00
                tuple("R-03", m("180.00"), m("300.00"), m("-120.00"), false),
                tuple("R-04", m("0.00"), m("0.00"), m("0.00"), false),
                // 450 - 450 = 0.00; unrecovered 0
                tuple("R-05", m("0.00"), m("0.00"), m("0.00"), true),
                // 3% x 1000 = 30.00; 1% x 3000 = 30.00
                tuple("R-06", m("30.00"), m("30.00"), m("0.00"), true),
                // 250.00; 1% x 0.01 = 0.0001 -> 0.00
                tuple("R-07", m("250.00"), m("0.00"), m("250.00"), true),
                // 1% x (12345.50 - 10000) = 23.455 -> 23.46; short: South frozen
                tuple("R-08", m("0.00"), m("23.46"), m("-23.46"), true),
                // 90 - 50 = 40.00
                tuple("R-09", m("40.00"), m("0.00"), m("40.00"), true),
                tuple("R-10", m("0.00"), m("0.00"), m("0.00"), true),
                // 1% x (5000 - 1500) = 35.00; deposits do not freeze at year end
                tuple("R-11", m("0.00"), m("35.00"), m("-35.00"), true),
                // 1% x (7000 - 6000) = 10.00, offsets not counted; short: North frozen
                tuple("R-12", m("0.00"), m("10.00"), m("-10.00"), true),
                tuple("R-13", m("0.00"), m("0.00"), m("0.00"), false),
                tuple("R-14", m("10.00"), m("0.00"), m("10.00"), false));
        assertThat(report.units()).extracting(UnitTotals::unit, UnitTotals::reward, UnitTotals::penalty,
                UnitTotals::net, UnitTotals::expenseFreeze).containsExactly(
                // 350 + 70.37 + 180 = 600.37; 525 + 300 = 825.00; -224.63
                tuple("East", m("600.37"), m("825.00"), m("-224.63"), false),
                // 40.00; 35 + 10 = 45.00; -5.00
                tuple("North", m("40.00"), m("45.00"), m("-5.00"), true),
                // 30 + 250 = 280.00; 30 + 23.46 = 53.46; 226.54
                tuple("South", m("280.00"), m("53.46"), m("226.54"), true),
                tuple("West", m("10.00"), m("0.00"), m("10.00"), false));
        assertThat(report.owners()).extracting(OwnerTotals::owner, OwnerTotals::net).containsExactly(
                tuple("Chen Jie", m("226.54")), tuple("Gao Yu", m("10.00")), tuple("Li Na", m("-120.00")),
                tuple("Sun Li", m("-45.00")), tuple("Wang Fang", m("0.00")),
                // 350 + 70.37 - 525 = -104.63
                tuple("Zhang Wei", m("-104.63")), tuple("Zhao Lei", m("40.00")));
    }

    @Test
    void evaluate_final_firedRulesExplainEachFigure() {
        IncentiveReport report = POLICY.settle(COMPANY, SettlementPeriod.FINAL, 2026);

        assertThat(report.result("R-01").firedRuleIds()).containsExactlyInAnyOrder("INC-101", "INC-103");
        assertThat(report.result("R-02").firedRuleIds()).containsExactlyInAnyOrder("INC-102", "INC-104");
        assertThat(report.result("R-02").notes()).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("written off"));
        assertThat(report.result("R-03").firedRuleIds()).containsExactlyInAnyOrder("INC-201", "INC-202", "INC-203");
        assertThat(report.result("R-08").firedRuleIds()).containsExactlyInAnyOrder("INC-401", "INC-402");
        assertThat(report.result("R-10").firedRuleIds()).containsExactly("INC-501");
        assertThat(report.result("R-11").firedRuleIds()).containsExactly("INC-502");
        assertThat(report.result("R-13").firedRuleIds()).isEmpty();
    }

    @Test
    void statement_final_zhAndEn_showTheFiguresAndTheFreeze() {
        IncentiveReport report = POLICY.settle(COMPANY, SettlementPeriod.FINAL, 2026);

        String en = POLICY.statement(report, "South");
        String zh = POLICY.statement(report, "South", Locale.forLanguageTag("zh-CN"));

        assertThat(en).startsWith("# Receivables incentive statement: South\n")
                .contains("- Settlement: final settlement 2026", "- Settlement date: 2026-12-31",
                        "- Expense claims: **frozen**", "Reward 280.00, Penalty 53.46, Net 226.54",
                        "- R-08 (INC-402): ordinary contract receivable not recovered: expense claims frozen until it is",
                        "| R-08 | Chen Jie | ordinary contract settlement | 0.00 | 23.46 | -23.46 | INC-401 Penalty 1% × not"
                                + " recovered 2,345.50 = 23.455 |");
        assertThat(zh).startsWith("# 应收账款清收奖惩结算单：South\n")
                .contains("- 结算：年终结算 2026", "- 费用报销：**暂停**", "奖励 280.00，罚款 53.46，净额 226.54",
                        "| R-07 | Chen Jie | 有偿付能力但拒付 | 250.00 | 0.00 | 250.00 |");
    }
}
