package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps of a rulebook's own are declared in rulebook.yaml with their channel, so the contact limits reach them. */
class DeclaredStepsTest {

    private static final String RULE = TestRulebooks.HEADER + """
            // Proposes a step of the rulebook's own beside a built-in reminder.
            rule "Follow up by text"
                @id("S-001")
            when
                Debtor( daysOverdue > 0 )
            then
                outcome.step( "REMINDER", 0, "remind" );
                outcome.step( "CASE_NUDGE", 0, "a text of our own" );
            end
            """;

    private static Rulebook rulebook(String rulebookYaml) {
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/own.drl", RULE);
        if (rulebookYaml == null) {
            files.remove("rulebook.yaml");
        } else {
            files.put("rulebook.yaml", rulebookYaml);
        }
        return Rulebook.of("test", files);
    }

    private static List<RulebookProblem> problems(Rulebook rulebook) {
        RulebookException e = catchThrowableOfType(RulebookException.class,
                () -> CollectionStrategy.builder().rulebook(rulebook).build());
        assertThat(e).as("the rulebook should be refused").isNotNull();
        return e.problems();
    }

    @Test
    void build_undeclaredOwnStep_refusedAtItsLineWithWhereToDeclareIt() {
        List<RulebookProblem> problems = problems(rulebook(TestRulebooks.RULEBOOK_YAML));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/own.drl");
            assertThat(p.line()).isEqualTo(RULE.lines().toList().indexOf(
                    RULE.lines().filter(l -> l.contains("CASE_NUDGE")).findFirst().orElseThrow()) + 1);
            assertThat(p.message()).contains("step CASE_NUDGE is not declared", "rulebook.yaml", "steps:",
                    "CALL, SMS, VISIT, LETTER, EMAIL, none", "escape the contact limits");
        });
    }

    @Test
    void build_stepDeclaredWithoutChannel_accepted() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(rulebook(TestRulebooks.RULEBOOK_YAML + "  CASE_NUDGE: none\n")).build();

        Assessment a = s.assess(Debtor.builder("C-1").daysOverdue(5).build(), java.time.LocalDate.of(2026, 11, 28));

        assertThat(a.stepNames()).contains("REMINDER", "CASE_NUDGE");
    }

    @Test
    void assess_declaredSmsStepLateAtNight_movedLikeTheBuiltInReminder() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(rulebook(TestRulebooks.RULEBOOK_YAML + "  CASE_NUDGE: SMS\n"))
                .locale(Locale.ENGLISH).build();
        Debtor d = Debtor.builder("C-2").daysOverdue(5).jurisdiction(Jurisdiction.CN).build();

        Assessment night = s.assess(d, OffsetDateTime.parse("2026-11-28T23:30:00+08:00"), Locale.ENGLISH);

        assertThat(night.warningCodes()).contains("OUTSIDE_CONTACT_HOURS");
        assertThat(night.escalation()).extracting(EscalationStep::step, EscalationStep::inDays)
                .contains(tuple("REMINDER", 1), tuple("CASE_NUDGE", 1));
    }

    @Test
    void assess_stepDeclaredWithoutChannel_notMovedByContactHours() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(rulebook(TestRulebooks.RULEBOOK_YAML + "  CASE_NUDGE: none\n"))
                .locale(Locale.ENGLISH).build();
        Debtor d = Debtor.builder("C-3").daysOverdue(5).jurisdiction(Jurisdiction.CN).build();

        Assessment night = s.assess(d, OffsetDateTime.parse("2026-11-28T23:30:00+08:00"), Locale.ENGLISH);

        assertThat(night.escalation()).extracting(EscalationStep::step, EscalationStep::inDays)
                .contains(tuple("REMINDER", 1), tuple("CASE_NUDGE", 0));
    }

    @Test
    void build_unknownChannel_problemNamesTheAllowedChannels() {
        List<RulebookProblem> problems = problems(rulebook(TestRulebooks.RULEBOOK_YAML + "  CASE_NUDGE: PIGEON\n"));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("CASE_NUDGE", "PIGEON", "CALL, SMS, VISIT, LETTER, EMAIL, none");
        });
    }

    @Test
    void build_builtInStepDeclared_refused() {
        List<RulebookProblem> problems = problems(rulebook(TestRulebooks.RULEBOOK_YAML + "  CASE_NUDGE: SMS\n  PHONE_CALL: SMS\n"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("PHONE_CALL is built in");
        });
    }

    @Test
    void build_undeclaredStepInsertedAsAFact_refusedToo() {
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/own.drl", TestRulebooks.HEADER + """
                // Inserts a step of its own as a fact.
                rule "Nudge by insert"
                    @id("S-002")
                when
                    Debtor( daysOverdue > 0 )
                then
                    insert( new EscalationStep( "CASE_NUDGE", 0, "a text of our own" ) );
                end
                """);

        assertThat(problems(Rulebook.of("test", files))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("step CASE_NUDGE is not declared"));
    }
}
