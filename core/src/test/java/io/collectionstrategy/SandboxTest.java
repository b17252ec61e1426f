package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the sandbox accepts: everything an analyst needs to read facts and write outcomes. */
class SandboxTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static final String ALLOWED = """
            package allowed;
            import io.collectionstrategy.Debtor;
            import io.collectionstrategy.Behaviour;
            import io.collectionstrategy.StatedReason;
            import io.collectionstrategy.DebtorTypes;
            import io.collectionstrategy.Warning;
            import io.collectionstrategy.facts.Treatment;
            import io.collectionstrategy.facts.LimitationClock;
            import java.math.BigDecimal;
            import java.time.*;
            global io.collectionstrategy.facts.Outcome outcome;

            rule "Text tests, sizes, regular expressions and constants"
                @id("OK-001")
                @description("every kind of condition the sandbox accepts")
                salience 10
                no-loop true
            when
                $d : Debtor( name != null, name.startsWith( "ACME" ), name matches "ACME.*", id matches "C-[0-9]{2,4}",
                             behaviours.size() >= 1, behaviours contains io.collectionstrategy.Behaviour.AVOIDS_CONTACT,
                             statedReason in ( StatedReason.NO_FUNDS, StatedReason.REFUSES ),
                             statedReason not in ( StatedReason.ILLNESS ),
                             amountOverdue.compareTo( BigDecimal.TEN ) > 0, contactsReached * 4 <= contactAttempts + 1,
                             $days : daysOverdue, !hasGuarantor || hasCollateral )
                not Debtor( id == "nobody" )
                exists LimitationClock( daysLeft > 0 )
                $t : Treatment( type == DebtorTypes.EVASIVE || type == "UNCLASSIFIED" )
            then
                String why = $d.name().toLowerCase() + ", " + $days + " days";
                var points = $days > 30 ? 3 : 1;
                if ( $t.debtor().daysOverdue() > 60 && !$t.isTimeBarred() ) {
                    outcome.step( "SUPERVISOR_REVIEW", 0, why );
                } else {
                    outcome.step( "PHONE_CALL", 0, why );
                }
                why = why + " (" + points + ")";
                outcome.warning( "SEEN", why );
                insert( new Warning( "INSERTED", "counts like outcome.warning" ) );
            end
            """;

    @Test
    void allowedSubset_compilesAndRuns() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(TestRulebooks.with("rules/allowed.drl", ALLOWED))
                .locale(Locale.ENGLISH).build();

        Assessment a = s.assess(Debtor.builder("C-0042").name("ACME Trading").daysOverdue(70)
                .amountOverdue("500").statedReason(StatedReason.NO_FUNDS).behaviours(Behaviour.AVOIDS_CONTACT)
                .contactAttempts(4).contactsReached(1).build(), AS_OF);

        assertThat(a.stepNames()).contains("SUPERVISOR_REVIEW");
        assertThat(a.warnings()).extracting(Warning::code).contains("SEEN", "INSERTED");
        assertThat(a.warnings()).filteredOn(w -> w.code().equals("SEEN")).singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("acme trading, 70 days (3)"));
        assertThat(a.firedRules()).extracting(FiredRule::id).contains("OK-001");
    }

    @Test
    void simpleRegularExpressions_areAccepted_backtrackingOnesAreNot() {
        assertThat(RuleSandbox.regexProblem("C-[0-9]{4}")).isNull();
        assertThat(RuleSandbox.regexProblem(".*LTD")).isNull();
        assertThat(RuleSandbox.regexProblem("(?i)^(mr|mrs|ms)\\.? [a-z]+$")).isNull();
        assertThat(RuleSandbox.regexProblem("\\d+")).isNull();
        assertThat(RuleSandbox.regexProblem("(.*a){12}")).contains("repeated group");
        assertThat(RuleSandbox.regexProblem("(a+)+b")).contains("repeated group");
        assertThat(RuleSandbox.regexProblem("[A-Z]+-[0-9]+")).contains("more than one unbounded");
        assertThat(RuleSandbox.regexProblem("(a)\\1")).contains("back-references");
        assertThat(RuleSandbox.regexProblem("a(?=b)")).contains("look-arounds");
        assertThat(RuleSandbox.regexProblem("a{2000}")).contains("over 1000");
        assertThat(RuleSandbox.regexProblem("(")).contains("not valid");
    }

    @Test
    void everyRefusal_namesFileLineRuleAndWhatToWrite() {
        Rulebook bad = TestRulebooks.with("rules/bad.drl", TestRulebooks.HEADER + """
                rule "Uses a class"
                    @id("NO-1")
                when
                    Debtor()
                then
                    outcome.warning( "X", Math.max( 1, 2 ) + "" );
                end
                """);

        RulebookException e = catchThrowableOfType(RulebookException.class, () -> CollectionStrategy.builder()
                .rulebook(bad).build());

        assertThat(e.problems()).extracting(RulebookProblem::toString).containsExactly("rules/bad.drl:10: rule \"Uses a"
                + " class\": static calls such as Math.max(...) are not allowed: a rule reads facts in its conditions and"
                + " writes to outcome in its then part (a trusted Java caller may opt out with allowUnsafeRules)");
    }
}
