package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The compliance guard with a deliberately non-compliant rulebook, contact caps and hours, and the lints. */
class ComplianceTest {

    /** Proposes what a careless analyst might: legal steps always, calls to a deceased debtor's family, employer calls. */
    static final String NON_COMPLIANT = TestRulebooks.HEADER + """

            // Sues everyone, whatever the limitation clock says.
            rule "Sue everyone"
                @id("BAD-001")
            when
                Debtor()
            then
                outcome.step( "LITIGATION", 0, "step 1" );
                outcome.step( "PHONE_CALL", 0, "call" );
            end

            // Calls the employer.
            rule "Call the employer"
                @id("BAD-002")
            when
                Debtor( daysOverdue > 60 )
            then
                outcome.step( "EMPLOYER_CONTACT", 1, "a step the guard must block" );
            end

            // Treats a deceased debtor's case like any other.
            rule "Deceased is just another case"
                @id("BAD-003")
            when
                Debtor( circumstances contains Circumstance.DECEASED_REPORTED )
            then
                outcome.situation( "DECEASED", 1, "reported" );
                outcome.step( "FIELD_VISIT", 0, "a visit the guard must block" );
            end
            """;

    static final CollectionStrategy BAD = CollectionStrategy.builder()
            .rulebook(TestRulebooks.with("rules/bad.drl", NON_COMPLIANT)).locale(Locale.ENGLISH).build();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    @Test
    void guard_timeBarredDebt_blocksTheLegalStepAnAnalystsRuleAdded() {
        Debtor old = Debtor.builder("C-OLD").daysOverdue(1200).dueDate(LocalDate.of(2023, 8, 16)).build();

        Assessment a = BAD.assess(old, AS_OF);

        assertThat(a.stepNames()).doesNotContain("LITIGATION").contains("PHONE_CALL");
        assertThat(a.blocked()).extracting(BlockedStep::step, BlockedStep::rule).contains(tuple("LITIGATION", "BAD-001"));
        assertThat(a.blocked().get(0).reason()).contains("time-barred", "16 August 2026");
        assertThat(a.warningCodes()).contains("TIME_BARRED");
    }

    @Test
    void guard_debtInsideTheLimitationPeriod_keepsTheLegalStep() {
        Assessment a = BAD.assess(Debtor.builder("C-NEW").daysOverdue(200).build(), AS_OF);

        assertThat(a.stepNames()).contains("LITIGATION");
        assertThat(a.blocked()).extracting(BlockedStep::step).containsExactly("EMPLOYER_CONTACT");
    }

    @Test
    void guard_thirdPartyStep_isAlwaysBlocked() {
        Assessment a = BAD.assess(Debtor.builder("C-3P").daysOverdue(90).build(), AS_OF);

        assertThat(a.blocked()).extracting(BlockedStep::step, BlockedStep::reason, BlockedStep::rule)
                .containsExactly(tuple("EMPLOYER_CONTACT", "contacting third parties about the debt is not allowed", "BAD-002"));
    }

    @Test
    void guard_deceasedDebtor_blocksEveryPressureContact() {
        Debtor dead = Debtor.builder("C-D").daysOverdue(10).circumstances(Circumstance.DECEASED_REPORTED).build();

        Assessment a = BAD.assess(dead, AS_OF);

        assertThat(a.stepNames()).isEmpty();
        assertThat(a.blocked()).extracting(BlockedStep::step).containsExactlyInAnyOrder("LITIGATION", "PHONE_CALL", "FIELD_VISIT");
        assertThat(a.blocked()).allSatisfy(b -> assertThat(b.reason()).contains("never pressure on relatives"));
    }

    private static Contact call(String at, boolean reached) {
        return new Contact(OffsetDateTime.parse(at), Channel.CALL, reached);
    }

    private static Debtor withCalls(Jurisdiction j, Contact... calls) {
        return Debtor.builder("C-CAP").daysOverdue(20).jurisdiction(j).contactAttempts(calls.length)
                .contactHistory(List.of(calls)).build();
    }

    @Test
    void caps_cnThirdConnectedCallOfTheDay_stillAllowsCallingToday() {
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-28T09:00:00+08:00", true), call("2026-11-28T10:00:00+08:00", true),
                call("2026-11-28T11:00:00+08:00", false));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T12:00:00+08:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).doesNotContain("CONTACT_LIMIT_REACHED");
        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 0));
    }

    @Test
    void caps_cnAfterThreeConnectedCalls_movesCallsToTomorrow() {
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-28T09:00:00+08:00", true), call("2026-11-28T10:00:00+08:00", true),
                call("2026-11-28T11:00:00+08:00", true));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T12:00:00+08:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).contains("CONTACT_LIMIT_REACHED");
        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays)
                .contains(tuple("PHONE_CALL", 1), tuple("LITIGATION", 0));
    }

    @Test
    void caps_cnCallsOfYesterdayInDebtorsTimeZone_doNotCountToday() {
        // 23:30 UTC on the 27th is 07:30 on the 28th in +08:00: it counts for the 28th
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-27T23:30:00Z", true), call("2026-11-28T10:00:00+08:00", true),
                call("2026-11-27T15:00:00+08:00", true));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T12:00:00+08:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).doesNotContain("CONTACT_LIMIT_REACHED");
    }

    @Test
    void hours_cn2159IsInside_2200IsOutside() {
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-28T09:00:00+08:00", false));

        Assessment inside = BAD.assess(d, OffsetDateTime.parse("2026-11-28T13:59:00Z"), Locale.ENGLISH);
        Assessment outside = BAD.assess(d, OffsetDateTime.parse("2026-11-28T14:00:00Z"), Locale.ENGLISH);

        assertThat(inside.warningCodes()).doesNotContain("OUTSIDE_CONTACT_HOURS");
        assertThat(inside.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 0));
        assertThat(outside.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");
        assertThat(outside.warnings()).filteredOn(w -> w.code().equals("OUTSIDE_CONTACT_HOURS"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("22:00", "Asia/Shanghai"));
        assertThat(outside.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 1));
    }

    @Test
    void hours_earlyMorning_warnsButKeepsTodaysCall() {
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-27T09:00:00+08:00", false));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T07:30:00+08:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");
        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 0));
    }

    private static Contact[] attempts(String... days) {
        List<Contact> out = new ArrayList<>();
        for (String day : days) {
            out.add(call(day + "T10:00:00-05:00", false));
        }
        return out.toArray(Contact[]::new);
    }

    @Test
    void caps_usSeventhAttemptInSevenDays_reachesTheCap() {
        Debtor six = withCalls(Jurisdiction.US, attempts("2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"));
        Debtor seven = withCalls(Jurisdiction.US, attempts("2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"));
        OffsetDateTime now = OffsetDateTime.parse("2026-11-28T15:00:00-05:00");

        assertThat(BAD.assess(six, now, Locale.ENGLISH).warningCodes()).doesNotContain("CONTACT_LIMIT_REACHED");
        Assessment capped = BAD.assess(seven, now, Locale.ENGLISH);
        assertThat(capped.warningCodes()).contains("CONTACT_LIMIT_REACHED");
        // the attempt of the 22nd leaves the 7-day window on the 29th
        assertThat(capped.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 1));
    }

    @Test
    void caps_usAttemptEightDaysAgo_isOutsideTheWindow() {
        Debtor d = withCalls(Jurisdiction.US, attempts("2026-11-21", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T15:00:00-05:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).doesNotContain("CONTACT_LIMIT_REACHED");
    }

    @Test
    void caps_usConversation_blocksCallsForSevenDays() {
        Debtor d = withCalls(Jurisdiction.US, call("2026-11-25T10:00:00-05:00", true));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T10:00:00-05:00"), Locale.ENGLISH);

        assertThat(a.warningCodes()).contains("CONTACT_LIMIT_REACHED");
        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 4));
    }

    @Test
    void drlLint_systemExit_isRefusedNamingFileAndLine() {
        Rulebook exits = TestRulebooks.with("rules/exit.drl", TestRulebooks.HEADER + """
                rule "Exit"
                    @id("X-1")
                when
                    Debtor()
                then
                    System.exit( 1 );
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(exits).build())
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("rules/exit.drl:10: rule \"Exit\": static calls such as System.exit(...) are not allowed");
    }

    @Test
    void drlLint_fileImport_isRefused_unlessTheCallerOptsIn() {
        Rulebook files = TestRulebooks.with("rules/files.drl", TestRulebooks.HEADER + """
                import java.io.File;
                rule "Reads a file"
                    @id("X-2")
                when
                    Debtor()
                then
                    new File( "/tmp/x" ).exists();
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(files).build())
                .hasMessageContaining("rules/files.drl:5: import java.io.File is not allowed")
                .hasMessageContaining("rules/files.drl:11: rule \"Reads a file\": new File(...) is not allowed");
        assertThat(CollectionStrategy.builder().rulebook(files).allowUnsafeRules(true).build().authoring().rules()).hasSize(4);
    }

    @Test
    void drlLint_commentMentioningSystemExit_isFine() {
        Rulebook commented = TestRulebooks.with("rules/c.drl", TestRulebooks.HEADER + """
                // never call System.exit( 1 ) here
                rule "Says System.exit in a string"
                    @id("X-3")
                when
                    Debtor()
                then
                    outcome.warning( "NOTE", "System.exit" );
                end
                """);

        assertThat(CollectionStrategy.builder().rulebook(commented).build().authoring().rules()).hasSize(4);
    }

    @Test
    void fairnessLint_ruleOnIncome_isRefused() {
        Rulebook unfair = TestRulebooks.with("rules/unfair.drl", TestRulebooks.HEADER + """
                declare Profile
                    monthlyIncome : int
                end
                rule "Low earners are stubborn"
                    @id("U-1")
                when
                    Profile( monthlyIncome < 3000 )
                then
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(unfair).build())
                .hasMessageContaining("rules/unfair.drl:6: rules may not use protected attributes such as class, income, education or ethnicity: found monthlyIncome");
    }

    @Test
    void scriptLint_callerClaimsToBeFromTheCourt_isRefusedWithIdLocaleAndPhrase() {
        Rulebook court = TestRulebooks.with("scripts/en.yaml", """
                locale: en
                scripts:
                  HELLO:
                    text: "Good morning {name}, I am calling from the court about your debt."
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(court).build())
                .hasMessageContaining("scripts/en.yaml:3: script HELLO (en) contains forbidden phrase \"I am calling from the court\""
                        + " (impersonation) in its text; pattern (en): @identify ~3 @authority");
    }

    @Test
    void scriptLint_chineseThreatOfDetention_isRefused() {
        Rulebook threat = TestRulebooks.with("scripts/zh-CN.yaml", """
                locale: zh-CN
                scripts:
                  HELLO:
                    text: "{name}您好，再不还款就会被拘留。"
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(threat).build())
                .hasMessageContaining("script HELLO (zh-CN) contains forbidden phrase \"拘留\" (criminalThreat)");
    }

    @Test
    void hours_cnContactsRecordedInUtc_areJudgedInChinaTime() {
        // 14:30Z is 22:30 in Beijing, whatever offset the contact history was recorded with
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-28T01:00:00Z", false));

        Assessment a = BAD.assess(d, OffsetDateTime.parse("2026-11-28T14:30:00Z"), Locale.ENGLISH);

        assertThat(a.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");
        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays).contains(tuple("PHONE_CALL", 1));
    }

    @Test
    void caps_cnCallCapReached_doesNotMoveOtherChannels() {
        Rulebook visits = TestRulebooks.with("rules/visit.drl", TestRulebooks.HEADER + """
                rule "Visit"
                    @id("V-1")
                when
                    Debtor()
                then
                    outcome.step( "FIELD_VISIT", 0, "visit" );
                    outcome.step( "FRIENDLY_REMINDER", 0, "a step whose name only looks like third-party contact" );
                end
                """);
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(visits).locale(Locale.ENGLISH).build();
        Debtor d = withCalls(Jurisdiction.CN, call("2026-11-28T09:00:00+08:00", true), call("2026-11-28T10:00:00+08:00", true),
                call("2026-11-28T11:00:00+08:00", true));

        Assessment a = strategy.assess(d, OffsetDateTime.parse("2026-11-28T12:00:00+08:00"), Locale.ENGLISH);

        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays)
                .contains(tuple("FIELD_VISIT", 0), tuple("FRIENDLY_REMINDER", 0));
        assertThat(a.blocked()).isEmpty();
    }

    @Test
    void guard_caseInCourtWithOldDueDate_isNotTimeBarred() {
        Debtor inCourt = Debtor.builder("C-LIT").daysOverdue(1500).circumstances(Circumstance.IN_LITIGATION).build();

        Assessment a = BAD.assess(inCourt, AS_OF);

        assertThat(a.stepNames()).contains("LITIGATION");
        assertThat(a.warningCodes()).doesNotContain("TIME_BARRED");
    }

    @Test
    void drlLint_callSplitOverLines_isStillFound() {
        Rulebook split = TestRulebooks.with("rules/split.drl", TestRulebooks.HEADER + """
                rule "Exit in two lines"
                    @id("X-4")
                when
                    Debtor()
                then
                    System
                        .exit( 1 );
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(split).build())
                .hasMessageContaining("rules/split.drl:10: rule \"Exit in two lines\": static calls such as System.exit(...) are not allowed");
    }

    @Test
    void drlLint_unicodeEscape_isRefused() {
        Rulebook escaped = TestRulebooks.with("rules/esc.drl", TestRulebooks.HEADER + """
                rule "Escaped exit"
                    @id("X-5")
                when
                    Debtor()
                then
                    \\u0053ystem.exit( 1 );
                end
                """);

        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(escaped).build())
                .hasMessageContaining("rules/esc.drl:10: Unicode escapes (\\u0053) are not allowed in rules");
    }

    @Test
    void scriptLint_wordInsideAnotherWord_isNotAMatch() {
        java.util.regex.Pattern court = ScriptLint.compile("court", java.util.Map.of());
        assertThat(court.matcher("Please be courteous and give details").find()).isFalse();
        assertThat(court.matcher("The Court will decide").find()).isTrue();
    }
}
