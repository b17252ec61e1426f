package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.facts.Timeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case's timeline: promise statuses and counters, interruptions in date order, and the holds on steps. */
class TimelineTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final TimelineSettings SETTINGS = TimelineSettings.DEFAULTS;

    private static LocalDate ago(int days) {
        return AS_OF.minusDays(days);
    }

    private static Assessment assess(Debtor.Builder b) {
        return GuardVetoTest.RECKLESS_STRATEGY.assess(b.build(), AS_OF);
    }

    private static int inDays(Assessment a, String step) {
        return a.escalation().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().inDays();
    }

    @Test
    void derive_promisesWithoutStatus_keptByAPaymentInTheirWindowElseBrokenAfterGrace() {
        Debtor d = Debtor.builder("C-1").daysOverdue(40).promises(List.of(
                new Promise(ago(30), ago(25), new BigDecimal("300"), null),   // paid on time: kept
                new Promise(ago(20), ago(15), new BigDecimal("300"), null),   // paid 100 only: broken
                new Promise(ago(2), AS_OF.plusDays(5), null, null)))          // not yet due: open
                .payments(List.of(new Payment(ago(26), new BigDecimal("300")), new Payment(ago(16), new BigDecimal("100"))))
                .build();

        Timeline t = Timelines.derive(d, AS_OF, SETTINGS);

        assertThat(t.promises()).extracting(Promise::status)
                .containsExactly(Promise.Status.KEPT, Promise.Status.BROKEN, Promise.Status.OPEN);
        assertThat(t.promisesInForce()).isEqualTo(1);
        assertThat(t.promiseHoldUntil()).isEqualTo(AS_OF.plusDays(8));
        assertThat(t.daysSinceBrokenPromise()).isEqualTo(12);
        assertThat(t.daysSincePayment()).isEqualTo(16);
        Debtor counted = Timelines.withCounters(d, t);
        assertThat(counted.promisesMade()).isEqualTo(3);
        assertThat(counted.promisesBroken()).isEqualTo(1);
    }

    @Test
    void withCounters_countersThatContradictThePromises_nameBoth() {
        Debtor d = Debtor.builder("C-2").daysOverdue(40).promisesMade(3).promisesBroken(1).promises(List.of(
                new Promise(ago(40), ago(35), null, Promise.Status.BROKEN),
                new Promise(ago(30), ago(25), null, Promise.Status.BROKEN),
                new Promise(ago(20), ago(15), null, Promise.Status.BROKEN))).build();

        assertThatThrownBy(() -> GuardVetoTest.RECKLESS_STRATEGY.assess(d, AS_OF))
                .isInstanceOf(InvalidDebtorException.class)
                .hasMessageContaining("promisesBroken (1)").hasMessageContaining("promises")
                .extracting(e -> ((InvalidDebtorException) e).field()).isEqualTo("promisesBroken");
    }

    @Test
    void assess_timelineDateAfterTheEvaluationDate_namesTheEntry() {
        Debtor d = Debtor.builder("C-3").daysOverdue(5)
                .actions(List.of(new Action("PHONE_CALL", ago(1), false), new Action("FIELD_VISIT", AS_OF.plusDays(2), false)))
                .build();

        assertThatThrownBy(() -> GuardVetoTest.RECKLESS_STRATEGY.assess(d, AS_OF))
                .isInstanceOf(InvalidDebtorException.class).hasMessageContaining("actions[1].on");
    }

    @Test
    void fromFields_timelineAsJsonText_readsEveryEntryWithItsIndexInErrors() {
        Debtor d = Debtor.fromFields(Map.of("id", "C-4", "daysOverdue", "9",
                "actions", "[{\"step\":\"WRITTEN_DEMAND\",\"on\":\"2026-11-08\",\"served\":true}]",
                "promises", "[{\"made\":\"2026-11-20\",\"due\":\"2026-12-03\",\"amount\":\"500.00\",\"status\":\"OPEN\"}]",
                "payments", "[{\"on\":\"2026-11-25\",\"amount\":\"200.00\"}]"));

        assertThat(d.actions()).containsExactly(new Action("WRITTEN_DEMAND", LocalDate.of(2026, 11, 8), true));
        assertThat(d.promises().get(0).status()).isEqualTo(Promise.Status.OPEN);
        assertThat(d.payments().get(0).amount()).isEqualByComparingTo("200.00");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-5", "daysOverdue", "9",
                "payments", "[{\"on\":\"2026-11-25\",\"amount\":\"200\"},{\"on\":\"2026-11-26\",\"amount\":\"-1\"}]")))
                .isInstanceOf(InvalidDebtorException.class).hasMessageContaining("payments[1].amount");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-6", "daysOverdue", "9",
                "promises", "[{\"made\":\"2026-11-20\",\"due\":\"2026-12-03\",\"status\":\"MAYBE\"}]")))
                .isInstanceOf(InvalidDebtorException.class).hasMessageContaining("promises[0].status")
                .hasMessageContaining("BROKEN");
    }

    @Test
    void limitation_eventsInDateOrder_anEarlierRestartBringsALaterEventInside() {
        // England and Wales, due 2017-01-10: ends 2023-01-10. A part payment on 2022-06-01 restarts it to 2028-06-01;
        // an acknowledgement on 2026-03-01 is then inside the period and restarts it again.
        Debtor.Builder uk = Debtor.builder("C-7").daysOverdue(3609).jurisdiction(Jurisdiction.UK).region("ENGLAND_WALES")
                .dueDate(LocalDate.of(2017, 1, 10))
                .payments(List.of(new Payment(LocalDate.of(2022, 6, 1), BigDecimal.TEN)));
        assertThat(assess(uk).warningCodes()).doesNotContain("TIME_BARRED");
        assertThat(assess(uk.payments(List.of())).warningCodes()).contains("TIME_BARRED");
    }

    @Test
    void hold_openPromise_nobodyChasesUntilItsDueDatePlusGrace() {
        Assessment a = assess(Debtor.builder("C-8").daysOverdue(20)
                .promises(List.of(new Promise(ago(2), AS_OF.plusDays(5), new BigDecimal("500"), null))));

        assertThat(a.escalation()).allSatisfy(s -> assertThat(s.inDays()).isGreaterThanOrEqualTo(8));
        assertThat(a.nextAction().on()).isEqualTo(AS_OF.plusDays(8));
        assertThat(a.warningCodes()).contains("TIMELINE_HOLD");
    }

    @Test
    void hold_stepTakenWithinItsPeriod_isNotProposedAgainAndLaterStepsWaitForTheResponse() {
        Assessment a = assess(Debtor.builder("C-9").daysOverdue(120)
                .actions(List.of(new Action("WRITTEN_DEMAND", ago(5), true), new Action("FIELD_VISIT", ago(3), false))));

        assertThat(a.stepNames()).doesNotContain("WRITTEN_DEMAND", "FIELD_VISIT");
        // the demand's 15 days end in 10 days, the visit's 14 days in 11: the agency waits for both
        assertThat(inDays(a, "AGENCY_PLACEMENT")).isEqualTo(11);
        assertThat(inDays(a, "PHONE_CALL")).isZero();               // a call is earlier in the ladder: not held
    }

    @Test
    void hold_recentPayment_noNewEscalationBeyondACall() {
        Assessment a = assess(Debtor.builder("C-10").daysOverdue(50)
                .payments(List.of(new Payment(ago(2), new BigDecimal("200")))));

        assertThat(inDays(a, "PHONE_CALL")).isZero();
        assertThat(inDays(a, "FIELD_VISIT")).isEqualTo(5);
        assertThat(inDays(a, "WRITTEN_DEMAND")).isEqualTo(5);
    }

    @Test
    void nextAction_noTimeline_isTheFirstStepToday() {
        Assessment a = assess(Debtor.builder("C-11").daysOverdue(50));

        assertThat(a.nextAction().step()).isEqualTo(a.escalation().get(0).step());
        assertThat(a.nextAction().on()).isEqualTo(AS_OF.plusDays(a.escalation().get(0).inDays()));
    }
}
