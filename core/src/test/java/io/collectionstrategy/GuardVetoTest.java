package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The guard's vetoes against a rulebook that proposes every step to everyone: whatever an analyst writes, these hold.
 */
class GuardVetoTest {

    /** Proposes every kind of step at once and in a year, with no regard for the case. */
    static final String RECKLESS = TestRulebooks.HEADER + """

            // Proposes everything, now and later.
            rule "Everything for everyone"
                @id("ALL-001")
            when
                Debtor()
            then
                outcome.step( "PHONE_CALL", 0, "call" );
                outcome.step( "FIELD_VISIT", 0, "visit" );
                outcome.step( "WRITTEN_DEMAND", 0, "demand" );
                outcome.step( "AGENCY_PLACEMENT", 0, "step 4" );
                outcome.step( "PAYMENT_ORDER", 30, "step 5" );
                outcome.step( "LITIGATION", 45, "step 6" );
                outcome.step( "ENFORCEMENT", 400, "step 7" );
                outcome.step( "GUARANTOR_DEMAND", 60, "step 8" );
                outcome.step( "REPAYMENT_PLAN", 0, "plan" );
                outcome.script( "HELLO" );
            end
            """;

    static final CollectionStrategy RECKLESS_STRATEGY = CollectionStrategy.builder()
            .rulebook(TestRulebooks.with("rules/all.drl", RECKLESS)).locale(Locale.ENGLISH).build();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static Assessment assess(Debtor.Builder b) {
        return RECKLESS_STRATEGY.assess(b.build(), AS_OF);
    }

    private static java.util.List<String> blocked(Assessment a) {
        return a.blocked().stream().map(BlockedStep::step).toList();
    }

    @Test
    void apply_legalStepsPastTheBar_areBlockedAndAReviewBeforeTheEndTakesTheirPlace() {
        Assessment a = assess(Debtor.builder("C-BAR").daysOverdue(1095).jurisdiction(Jurisdiction.US)
                .dueDate(LocalDate.of(2023, 11, 29)));   // no state: the shortest state period, three years

        assertThat(blocked(a)).contains("PAYMENT_ORDER", "LITIGATION", "ENFORCEMENT");
        assertThat(a.blocked()).filteredOn(b -> b.step().equals("LITIGATION")).first()
                .satisfies(b -> assertThat(b.reason()).contains("January 12, 2027").contains("November 29, 2026"));
        assertThat(a.escalation()).anySatisfy(s -> {
            assertThat(s.step()).isEqualTo("SUPERVISOR_REVIEW");
            assertThat(s.inDays()).isZero();
            assertThat(s.rule()).isEqualTo("GUARD");
        });
        assertThat(a.warningCodes()).contains("LIMITATION_EXPIRING");
    }

    @Test
    void apply_interruptionKinds_restartOnlyWhereTheLawSays() {
        Debtor.Builder uk = Debtor.builder("C-UK").daysOverdue(2737).jurisdiction(Jurisdiction.UK).region("ENGLAND_WALES")
                .dueDate(LocalDate.of(2019, 6, 1));
        assertThat(assess(uk.lastInterruption(LocalDate.of(2026, 1, 15), InterruptionKind.ACKNOWLEDGEMENT))
                .warningCodes()).contains("TIME_BARRED");
        assertThat(assess(uk.lastInterruption(LocalDate.of(2024, 1, 15), InterruptionKind.ACKNOWLEDGEMENT))
                .warningCodes()).doesNotContain("TIME_BARRED");
        assertThat(assess(uk.lastInterruption(LocalDate.of(2024, 1, 15), InterruptionKind.DEMAND))
                .warningCodes()).contains("TIME_BARRED");

        Debtor.Builder cn = Debtor.builder("C-CN").daysOverdue(1783).dueDate(LocalDate.of(2022, 1, 10));
        assertThat(assess(cn.lastInterruption(LocalDate.of(2025, 6, 1), InterruptionKind.DEMAND)).warningCodes())
                .contains("TIME_BARRED");
        assertThat(assess(cn.lastInterruption(LocalDate.of(2025, 6, 1), InterruptionKind.PART_PAYMENT)).warningCodes())
                .doesNotContain("TIME_BARRED");
        assertThat(assess(cn.lastInterruption(LocalDate.of(2025, 6, 1), null)).warningCodes())
                .as("an interruption of unknown kind never revives").contains("TIME_BARRED");
    }

    @Test
    void apply_extinguishedDebt_allowsOnlyTheWriteOffReview() {
        Assessment a = assess(Debtor.builder("C-SC").daysOverdue(2370).jurisdiction(Jurisdiction.UK).region("SCOTLAND")
                .dueDate(LocalDate.of(2020, 6, 1)));

        assertThat(a.stepNames()).containsExactly("WRITE_OFF_REVIEW");
        assertThat(blocked(a)).contains("PHONE_CALL", "FIELD_VISIT", "WRITTEN_DEMAND", "AGENCY_PLACEMENT",
                "REPAYMENT_PLAN", "LITIGATION");
        assertThat(a.warningCodes()).contains("DEBT_EXTINGUISHED");
        assertThat(a.script()).as("HELLO asks for payment; the catalogue has no PRESCRIBED script").isNull();
    }

    @Test
    void apply_scotlandAlias_isTheUkInScotland() {
        Debtor d = Debtor.builder("C-ALIAS").daysOverdue(10).jurisdiction(Jurisdiction.UK_SCOTLAND).build();

        assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.UK);
        assertThat(d.region()).isEqualTo("SCOTLAND");
    }

    @Test
    void apply_breathingSpace_suspendsEveryRequestForPayment() {
        Assessment a = assess(Debtor.builder("C-BS").daysOverdue(100).jurisdiction(Jurisdiction.UK)
                .region("ENGLAND_WALES").circumstances(Circumstance.BREATHING_SPACE));

        assertThat(a.stepNames()).containsExactly("SUSPEND_COLLECTION");
        assertThat(a.warningCodes()).contains("BREATHING_SPACE");
    }

    @Test
    void apply_statuteBarredClaim_stopsCollectionForAReview() {
        Assessment a = assess(Debtor.builder("C-SBC").daysOverdue(400).circumstances(Circumstance.STATUTE_BARRED_CLAIMED));

        assertThat(a.stepNames()).containsExactly("SUPERVISOR_REVIEW");
        assertThat(a.warningCodes()).contains("STATUTE_BARRED_CLAIMED");
    }

    @Test
    void apply_vulnerableCustomer_blocksAgencyAndLegalStepsButKeepsThePlan() {
        Assessment a = assess(Debtor.builder("C-VUL").daysOverdue(120).circumstances(Circumstance.VULNERABLE));

        assertThat(blocked(a)).contains("AGENCY_PLACEMENT", "PAYMENT_ORDER", "LITIGATION");
        assertThat(a.stepNames()).contains("REPAYMENT_PLAN", "SUPERVISOR_REVIEW");
        assertThat(a.warningCodes()).contains("VULNERABLE_CUSTOMER");
    }

    @Test
    void apply_nothingOwed_proposesNoCollectionAndNoScript() {
        Assessment a = assess(Debtor.builder("C-ZERO").daysOverdue(0));

        assertThat(a.escalation()).isEmpty();
        assertThat(a.script()).isNull();
        assertThat(a.warningCodes()).contains("NOTHING_OWED");
    }

    @Test
    void apply_judgmentPeriod_blocksEnforcementAfterIt() {
        Assessment soon = assess(Debtor.builder("C-J1").daysOverdue(800).judgmentDate(LocalDate.of(2024, 12, 20)));
        Assessment over = assess(Debtor.builder("C-J2").daysOverdue(1200).judgmentDate(LocalDate.of(2024, 1, 2)));

        assertThat(blocked(soon)).contains("ENFORCEMENT");   // proposed for day 400, after 2026-12-20
        assertThat(soon.stepNames()).contains("LITIGATION"); // in proceedings: no bar on the clock
        assertThat(blocked(over)).contains("ENFORCEMENT");
        assertThat(over.warningCodes()).contains("JUDGMENT_ENFORCEMENT_EXPIRED");
    }

    @Test
    void apply_guarantee_agreedEndDemandServedAndLateDemandMovedForward() {
        Debtor.Builder g = Debtor.builder("C-G").daysOverdue(200).hasGuarantor(true);   // six months ended
        assertThat(blocked(assess(g))).contains("GUARANTOR_DEMAND");
        assertThat(assess(g.guaranteeEnds(LocalDate.of(2027, 6, 30))).stepNames()).contains("GUARANTOR_DEMAND");

        Debtor.Builder served = Debtor.builder("C-G2").daysOverdue(322).hasGuarantor(true)
                .guarantorDemandServed(LocalDate.of(2026, 5, 1));
        assertThat(assess(served).stepNames()).contains("GUARANTOR_DEMAND");

        Assessment late = assess(Debtor.builder("C-G3").daysOverdue(160).hasGuarantor(true)); // ends in ~22 days
        assertThat(late.escalation()).filteredOn(s -> s.step().equals("GUARANTOR_DEMAND"))
                .singleElement().satisfies(s -> assertThat(s.inDays()).isZero());
    }

    @Test
    void apply_contactHours_fromTheDebtorsZoneNeverFromOffsets() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-28T12:30:00Z");   // 07:30 in New York
        Debtor.Builder us = Debtor.builder("C-TZ").daysOverdue(20).jurisdiction(Jurisdiction.US)
                .contactHistory(java.util.List.of(new Contact(OffsetDateTime.parse("2026-11-20T12:00:00Z"),
                        Channel.SMS, false)));

        Assessment known = RECKLESS_STRATEGY.assess(us.timeZone(ZoneId.of("America/New_York")).build(), at, Locale.ENGLISH);
        assertThat(known.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");

        OffsetDateTime noon = OffsetDateTime.parse("2026-11-28T17:00:00Z");  // 12:00 New York, 07:00 Honolulu
        Assessment unknown = RECKLESS_STRATEGY.assess(us.timeZone(null).build(), noon, Locale.ENGLISH);
        assertThat(unknown.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");
        Assessment nyNoon = RECKLESS_STRATEGY.assess(us.region("NY").build(), noon, Locale.ENGLISH);
        assertThat(nyNoon.warningCodes()).doesNotContain("OUTSIDE_CONTACT_HOURS");
    }

    @Test
    void assess_unknownRegion_isRefusedNamingTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assess(Debtor.builder("C-R").daysOverdue(3)
                        .jurisdiction(Jurisdiction.US).region("ZZ")))
                .isInstanceOf(InvalidDebtorException.class).hasMessageContaining("region").hasMessageContaining("NY");
    }
}
