package io.collectionstrategy.incentives;

import static io.collectionstrategy.incentives.TestIncentives.receivable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.collectionstrategy.AssessmentException;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.TestRulebooks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The incentive engine's arithmetic, unit freeze, statements and rulebook checks, with a small test rulebook. */
class IncentivePolicyTest {

    private static final IncentivePolicy POLICY = TestIncentives.policy();

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void evaluate_twoRulesOfHalfACentEach_roundedOnceForTheReceivable() {
        // T-1 and T-2: 0.5% x 1.00 = 0.005 each; 0.005 + 0.005 = 0.010 -> 0.01 (rounding each would give 0.02)
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("1.00").recovered("1.00").build();

        IncentiveResult result = POLICY.evaluate(r, SettlementPeriod.INTERIM, 2026);

        assertThat(result.reward()).isEqualTo(money("0.01"));
        assertThat(result.breakdown()).extracting(IncentiveLine::amount).containsExactly(money("0.00500"), money("0.00500"));
        assertThat(result.firedRuleIds()).containsExactly("T-1", "T-2");
    }

    @Test
    void evaluate_exactlyHalfACent_roundsHalfUp() {
        // 0.5% x 0.50 + 0.5% x 0.50 = 0.0025 + 0.0025 = 0.005 -> 0.01 (half up; half even would give 0.00)
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("0.50").recovered("0.50").build();

        assertThat(POLICY.evaluate(r, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(money("0.01"));
    }

    @Test
    void evaluate_interim_noPenaltyAndRewardPaidIgnored() {
        // interim: 1% x 300 = 3.00; T-3 is final only; rewardPaid is not deducted before the final settlement
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("1000").recovered("300")
                .rewardPaid("2.00").build();

        IncentiveResult result = POLICY.evaluate(r, SettlementPeriod.INTERIM, 2026);

        assertThat(result.reward()).isEqualTo(money("3.00"));
        assertThat(result.penalty()).isEqualTo(money("0.00"));
        assertThat(result.net()).isEqualTo(money("3.00"));
        assertThat(result.firedRuleIds()).doesNotContain("T-3");
    }

    @Test
    void evaluate_final_rewardLessRewardPaidAndPenaltyOnUnrecovered() {
        // final: 1% x 612.34 = 6.1234 - 3.00 paid = 3.1234 -> 3.12;
        // unrecovered 1000 - 612.34 - 87.66 = 300.00; 1% x 300 = 3.00; net 3.12 - 3.00 = 0.12
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("1000").recovered("612.34")
                .offsetOrRestructured("87.66").rewardPaid("3.00").build();

        IncentiveResult result = POLICY.evaluate(r, SettlementPeriod.FINAL, 2026);

        assertThat(result.reward()).isEqualTo(money("3.12"));
        assertThat(result.penalty()).isEqualTo(money("3.00"));
        assertThat(result.net()).isEqualTo(money("0.12"));
        assertThat(result.breakdown()).last().satisfies(l -> {
            assertThat(l.type()).isEqualTo(IncentiveLine.Type.REWARD_PAID);
            assertThat(l.amount()).isEqualTo(money("-3.00"));
        });
    }

    @Test
    void evaluate_finalWithMorePaidThanEarned_negativeReward() {
        // final: 1% x 100 = 1.00 - 1.50 paid = -0.50; unrecovered 0: no penalty; net -0.50
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("100").recovered("100")
                .rewardPaid("1.50").build();

        IncentiveResult result = POLICY.evaluate(r, SettlementPeriod.FINAL, 2026);

        assertThat(result.reward()).isEqualTo(money("-0.50"));
        assertThat(result.penalty()).isEqualTo(money("0.00"));
        assertThat(result.net()).isEqualTo(money("-0.50"));
    }

    @Test
    void evaluate_recoveredAndOffsetAboveAmountDue_unrecoveredClampsToZero() {
        // 1000 - 900 - 300 = -200 -> unrecovered 0: T-3 does not fire
        Receivable r = receivable("R-1", "East", Category.DISPUTED).amountDue("1000").recovered("900")
                .offsetOrRestructured("300").build();

        IncentiveResult result = POLICY.evaluate(r, SettlementPeriod.FINAL, 2026);

        assertThat(result.penalty()).isEqualTo(money("0.00"));
        assertThat(result.firedRuleIds()).isEmpty();
    }

    @Test
    void settle_oneShortContract_freezesEveryReceivableOfItsUnitOnly() {
        Receivable shortContract = receivable("C-1", "East", Category.CONTRACT_NORMAL).amountDue("100").recovered("40")
                .build();
        Receivable paidContract = receivable("C-2", "East", Category.CONTRACT_NORMAL).amountDue("100").recovered("100")
                .build();
        Receivable otherUnit = receivable("C-3", "West", Category.CONTRACT_NORMAL).amountDue("100").recovered("100")
                .build();

        IncentiveReport report = POLICY.settle(List.of(shortContract, paidContract, otherUnit), SettlementPeriod.FINAL, 2026);

        assertThat(report.results()).extracting(IncentiveResult::id, IncentiveResult::expenseFreeze,
                IncentiveResult::freezesExpenses).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C-1", true, true),
                org.assertj.core.groups.Tuple.tuple("C-2", true, false),
                org.assertj.core.groups.Tuple.tuple("C-3", false, false));
        assertThat(report.unit("East").expenseFreeze()).isTrue();
        assertThat(report.unit("East").freezing()).extracting(UnitTotals.Freezing::receivable,
                UnitTotals.Freezing::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("C-1", "T-4"));
        assertThat(report.unit("West").expenseFreeze()).isFalse();
    }

    @Test
    void evaluate_oneReceivableAlone_expenseFreezeIsItsOwn() {
        Receivable paid = receivable("C-2", "East", Category.CONTRACT_NORMAL).amountDue("100").recovered("100").build();
        Receivable open = receivable("C-1", "East", Category.CONTRACT_NORMAL).amountDue("100").recovered("40").build();

        assertThat(POLICY.evaluate(paid, SettlementPeriod.FINAL, 2026).expenseFreeze()).isFalse();
        assertThat(POLICY.evaluate(open, SettlementPeriod.FINAL, 2026).expenseFreeze()).isTrue();
    }

    @Test
    void settle_totals_sumRoundedFiguresPerUnitAndOwner() {
        // reward 1% x 250.55 = 2.5055 -> 2.51, penalty 1% x 749.45 = 7.4945 -> 7.49
        // reward 1% x 100 = 1.00, penalty 0; R-3 (West): deposit, nothing
        Receivable r1 = receivable("R-1", "East", Category.RECOVERABLE).owner("Li").amountDue("1000").recovered("250.55")
                .build();
        Receivable r2 = receivable("R-2", "East", Category.RECOVERABLE).owner("Zhang").amountDue("100").recovered("100")
                .build();
        Receivable r3 = receivable("R-3", "West", Category.DEPOSIT).owner("Li").amountDue("0").recovered("0").build();

        IncentiveReport report = POLICY.settle(List.of(r1, r2, r3), SettlementPeriod.FINAL, 2026);

        UnitTotals east = report.unit("East");
        assertThat(east.receivables()).isEqualTo(2);
        assertThat(east.reward()).isEqualTo(money("3.51"));
        assertThat(east.penalty()).isEqualTo(money("7.49"));
        assertThat(east.net()).isEqualTo(money("-3.98"));
        assertThat(east.owners()).extracting(OwnerTotals::owner).containsExactly("Li", "Zhang");
        assertThat(report.owners()).extracting(OwnerTotals::owner, OwnerTotals::receivables, OwnerTotals::net)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Li", 2, money("-4.98")),
                        org.assertj.core.groups.Tuple.tuple("Zhang", 1, money("1.00")));
        assertThat(report.date()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
    }

    @Test
    void incentiveTotals_twoPasses_sameAsSettle() {
        List<Receivable> all = List.of(
                receivable("C-1", "East", Category.CONTRACT_NORMAL).amountDue("10").recovered("5").build(),
                receivable("R-1", "East", Category.RECOVERABLE).amountDue("10").recovered("5").build(),
                receivable("R-2", "West", Category.RECOVERABLE).amountDue("10").recovered("5").build());
        IncentiveTotals totals = new IncentiveTotals();
        all.forEach(r -> totals.add(POLICY.evaluate(r, SettlementPeriod.FINAL, 2026)));
        List<IncentiveResult> second = new ArrayList<>();
        all.forEach(r -> second.add(totals.withUnitFreeze(POLICY.evaluate(r, SettlementPeriod.FINAL, 2026))));

        IncentiveReport report = POLICY.settle(all, SettlementPeriod.FINAL, 2026);

        assertThat(second).isEqualTo(report.results());
        assertThat(totals.units()).isEqualTo(report.units());
        assertThat(totals.owners()).isEqualTo(report.owners());
    }

    @Test
    void evaluate_negativePercentage_failsNamingRuleAndReceivable() {
        IncentivePolicy policy = IncentivePolicy.builder().rulebook(TestIncentives.with("rules/bad.drl",
                TestIncentives.HEADER + """
                        rule "A negative rate" @id("BAD-1") when Settlement() then outcome.reward( Basis.RECOVERED, -1 ); end
                        """)).locale(Locale.ENGLISH).build();

        AssessmentException e = catchThrowableOfType(AssessmentException.class, () -> policy.evaluate(
                receivable("R-9", "East", Category.RECOVERABLE).amountDue("1").recovered("1").build(),
                SettlementPeriod.FINAL, 2026));

        assertThat(e.ruleId()).isEqualTo("BAD-1");
        assertThat(e.caseId()).isEqualTo("R-9");
        assertThat(e.getMessage()).contains("percentage must be a number of at least 0, was -1.0");
    }

    @Test
    void build_ruleOutsideTheSandbox_refusedWithFileAndLine() {
        Rulebook hostile = TestIncentives.with("rules/hostile.drl", TestIncentives.HEADER + """

                rule "Leaves the sandbox"
                    @id("H-1")
                when
                    Settlement()
                then
                    System.exit( 1 );
                end
                """);

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> IncentivePolicy.builder().rulebook(hostile).build());

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/hostile.drl");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("System");
        });
    }

    @Test
    void build_patternOnADebtor_refusedNamingTheIncentiveFacts() {
        Rulebook wrong = TestIncentives.with("rules/wrong.drl", TestIncentives.HEADER + """
                import io.collectionstrategy.Debtor;
                rule "Debtors are not incentive facts" @id("W-1") when Debtor() then outcome.note( "x" ); end
                """);

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> IncentivePolicy.builder().rulebook(wrong).build());

        assertThat(e.problems()).extracting(RulebookProblem::message)
                .anySatisfy(m -> assertThat(m).contains("import io.collectionstrategy.Debtor is not allowed"))
                .anySatisfy(m -> assertThat(m).contains("[Settlement]"));
    }

    @Test
    void build_collectionRulebookAsPolicy_refusedNamingItsKind() {
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> IncentivePolicy.builder().rulebook(TestRulebooks.basic()).build());

        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("of kind collection", "not incentives", "CollectionStrategy.builder()"));
    }

    @Test
    void build_policyAsCollectionRulebook_refusedNamingItsKind() {
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(TestIncentives.basic()).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("of kind incentives", "IncentivePolicy.builder()");
        });
    }

    @Test
    void build_textsWithoutALabelOrCategory_refusedNamingFileAndKey() {
        Map<String, String> files = new LinkedHashMap<>(TestIncentives.basic().files());
        files.put("texts/en.yaml", files.get("texts/en.yaml").replace("  net: \"NET\"\n", "")
                .replace("  DEPOSIT: \"deposit\"\n", ""));

        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> IncentivePolicy.builder().rulebook(Rulebook.of("t", files)).build());

        assertThat(e.problems()).extracting(RulebookProblem::file).containsOnly("texts/en.yaml");
        assertThat(e.problems()).extracting(RulebookProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("labels.net is missing"))
                .anySatisfy(m -> assertThat(m).startsWith("categories.DEPOSIT is missing"));
    }

    @Test
    void build_localeWithoutTexts_refusedNamingTheLanguages() {
        assertThatThrownBy(() -> IncentivePolicy.builder().rulebook(TestIncentives.basic()).locale(Locale.FRENCH).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[en, zh-CN]").hasMessageContaining("fr");
    }

    @Test
    void lint_ruleWithoutTextAndTextWithoutRule_bothReported() {
        Map<String, String> files = new LinkedHashMap<>(TestIncentives.basic().files());
        files.put("texts/zh-CN.yaml", files.get("texts/zh-CN.yaml").replace("  T-5: \"规则 5\"\n", "  T-9: \"没有\"\n"));
        IncentivePolicy policy = IncentivePolicy.builder().rulebook(Rulebook.of("t", files)).build();

        List<RulebookProblem> lint = policy.authoring().lint();

        assertThat(lint).extracting(RulebookProblem::toString).containsExactlyInAnyOrder(
                "rules/test.drl:45: rule T-5 has no text in texts/zh-CN.yaml (rules: T-5: \"...\")",
                "texts/zh-CN.yaml:" + lineOf(files.get("texts/zh-CN.yaml"), "T-9")
                        + ": text of rule T-9, but the rulebook has no rule with that id");
        assertThat(POLICY.authoring().lint()).isEmpty();
    }

    private static int lineOf(String text, String key) {
        return IncentiveTexts.lineOf(text, key);
    }

    @Test
    void statement_frozenUnit_listsCauseReceivablesAndOwners() {
        IncentiveReport report = POLICY.settle(List.of(
                receivable("C-1", "East", Category.CONTRACT_NORMAL).owner("Li").amountDue("100").recovered("40").build(),
                receivable("R-1", "East", Category.RECOVERABLE).owner("Zhang").amountDue("1000").recovered("250.55")
                        .build()), SettlementPeriod.FINAL, 2026);

        String en = POLICY.statement(report, "East");
        String zh = POLICY.statement(report, "East", Locale.forLanguageTag("zh-CN"));

        assertThat(en).startsWith("# Statement: East\n")
                .contains("- SETTLEMENT: final 2026", "- DATE: 2026-12-31", "- EXPENSES: **frozen**",
                        "- TOTALS: RECEIVABLES 2, REWARD 2.51, PENALTY 8.09, NET -5.58",
                        "- C-1 (T-4): rule 4",
                        "| R-1 | Zhang | recoverable | 2.51 | 7.49 | -4.98 | T-1 REWARD 0.5% × recovered 250.55 = 1.25275;",
                        "| Li | 1 | 0.00 | 0.60 | -0.60 |");
        assertThat(zh).startsWith("# 结算单：East\n").contains("- EXPENSES：**暂停**", "- C-1 (T-4)：规则 4");
        assertThatThrownBy(() -> POLICY.statement(report, "Nowhere")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nowhere");
    }

    @Test
    void receivableRows_badAndGoodRows_eachAnswered() {
        ReceivableRows rows = ReceivableRows.of(POLICY, SettlementPeriod.FINAL, 2026);

        IncentiveRowResult bad = rows.evaluate(Map.of("id", "R-1", "unit", "East", "owner", "Li", "category", "RECOVERABLE",
                "amountDue", "100", "recovered", "ten"));
        IncentiveRowResult extra = rows.ignoreUnknownFields(true).evaluate(Map.of("id", "R-2", "unit", "East",
                "owner", "Li", "category", "RECOVERABLE", "amountDue", "100", "recovered", "10", "region", "north"));

        assertThat(bad.ok()).isFalse();
        assertThat(bad.failure().kind()).isEqualTo(RowResult.Kind.INVALID_RECEIVABLE);
        assertThat(bad.failure().field()).isEqualTo("recovered");
        assertThat(bad.failure().message()).isEqualTo(
                "recovered must be a decimal number of at least 0 such as 1200.50, was \"ten\"");
        assertThat(extra.ok()).isTrue();
        assertThat(extra.result().reward()).isEqualTo(money("0.10"));
    }

    @Test
    void evaluate_yearOutOfRange_refused() {
        Receivable r = receivable("R-1", "East", Category.RECOVERABLE).amountDue("1").recovered("1").build();

        assertThatThrownBy(() -> POLICY.evaluate(r, SettlementPeriod.FINAL, 26))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("year must be between 1000 and 9999, was 26");
    }
}
