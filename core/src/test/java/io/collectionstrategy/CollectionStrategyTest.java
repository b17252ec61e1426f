package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CollectionStrategyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final CollectionStrategy STRATEGY =
            CollectionStrategy.builder().rulebook(TestRulebooks.basic()).locale(Locale.ENGLISH).build();

    private static Debtor evasive() {
        return Debtor.builder("C-7").name("Wang Fang").daysOverdue(27).amountOverdue("1234.5")
                .behaviours(Behaviour.AVOIDS_CONTACT).build();
    }

    @Test
    void assess_matchingDebtor_returnsTypeScriptStepsAndFiredRules() {
        Assessment a = STRATEGY.assess(evasive(), AS_OF);

        assertThat(a.id()).isEqualTo("C-7");
        assertThat(a.debtorType()).isEqualTo("EVASIVE");
        assertThat(a.situation()).isNull();
        assertThat(a.firedRuleIds()).containsExactlyInAnyOrder("T-001", "T-002", "T-003");
        assertThat(a.firedRules()).extracting(FiredRule::name).contains("Avoiding contact is evasive");
        assertThat(a.rulebook()).isEqualTo(STRATEGY.rulebook());
    }

    @Test
    void assess_sameStepProposedTwice_keepsTheEarliestWithItsRule() {
        Assessment a = STRATEGY.assess(evasive(), AS_OF);

        assertThat(a.escalation()).extracting(EscalationStep::step, EscalationStep::inDays, EscalationStep::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PHONE_CALL", 0, "T-003"),
                        org.assertj.core.groups.Tuple.tuple("SMS_FOLLOW_UP", 5, "T-003"));
    }

    @Test
    void assess_analystDefinedStepAndWarning_areKeptWithoutJavaChanges() {
        Assessment a = STRATEGY.assess(evasive(), AS_OF);

        assertThat(a.stepNames()).contains("SMS_FOLLOW_UP");
        assertThat(a.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("CUSTOM_WARNING");
            assertThat(w.rule()).isEqualTo("T-003");
        });
    }

    @Test
    void assess_script_fillsEveryPlaceholder() {
        Assessment a = STRATEGY.assess(evasive(), AS_OF);

        assertThat(a.script().id()).isEqualTo("HELLO");
        assertThat(a.script().locale()).isEqualTo("en");
        assertThat(a.script().text()).isEqualTo(
                "Hello Wang Fang, 1,234.50 yuan is 27 days overdue since 1 November 2026 (case C-7, CNY, 28 November 2026).");
        assertThat(a.script().doPoints()).containsExactly("Be clear");
        assertThat(a.script().avoid()).containsExactly("Be vague");
    }

    @Test
    void assess_localeWithTranslatedReasons_usesThemAndFillsPlaceholders() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(TestRulebooks.with("scripts/zh-CN.yaml",
                TestRulebooks.SCRIPTS_ZH + """
                reasons:
                  T-003/PHONE_CALL: "回避联系：今天致电，逾期{daysOverdue}天"
                  T-003/CUSTOM_WARNING: "自定义提醒"
                  NO-SUCH-RULE/PHONE_CALL: "不会被使用"
                """)).build();

        Assessment zh = s.assess(evasive(), AS_OF, Locale.forLanguageTag("zh-CN"));
        Assessment en = s.assess(evasive(), AS_OF, Locale.ENGLISH);

        assertThat(zh.escalation().get(0).reason()).isEqualTo("回避联系：今天致电，逾期27天");
        assertThat(zh.warnings().get(0).message()).isEqualTo("自定义提醒");
        assertThat(en.escalation().get(0).reason()).isEqualTo("evasive");
        assertThat(s.authoring().lint()).extracting(RulebookProblem::message)
                .contains("reason NO-SUCH-RULE/PHONE_CALL names rule NO-SUCH-RULE, which the rulebook does not have");
    }

    @Test
    void assess_noName_usesTheLocaleFallback() {
        Debtor noName = Debtor.builder("C-8").daysOverdue(3).behaviours(Behaviour.AVOIDS_CONTACT).build();

        assertThat(STRATEGY.assess(noName, AS_OF, Locale.forLanguageTag("zh-CN")).script().text()).startsWith("客户您好");
    }

    @Test
    void assess_languageOnlyLocale_findsTheRegionalCatalogue() {
        assertThat(STRATEGY.assess(evasive(), AS_OF, Locale.CHINESE).script().locale()).isEqualTo("zh-CN");
    }

    @Test
    void assess_unknownLocale_listsTheCatalogueLocales() {
        assertThatThrownBy(() -> STRATEGY.assess(evasive(), AS_OF, Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("locale must be one of [en, zh-CN] (the script catalogue's locales), was fr");
    }

    @Test
    void assess_noMatchingRule_isUnclassifiedWithoutScript() {
        Assessment a = STRATEGY.assess(Debtor.builder("C-0").daysOverdue(0).build(), AS_OF);

        assertThat(a.debtorType()).isEqualTo(DebtorTypes.UNCLASSIFIED);
        assertThat(a.script()).isNull();
        assertThat(a.escalation()).isEmpty();
        assertThat(a.firedRules()).isEmpty();
    }

    @Test
    void assess_interruptionAfterAsOf_isRejectedNamingTheField() {
        Debtor d = Debtor.builder("C-1").daysOverdue(3).lastInterruption(LocalDate.of(2026, 12, 1)).build();

        assertThatThrownBy(() -> STRATEGY.assess(d, AS_OF))
                .isInstanceOf(InvalidDebtorException.class)
                .hasMessage("lastInterruption must be on or before asOf (2026-11-28), was \"2026-12-01\"");
    }

    @Test
    void assess_ruleThatKeepsRefiring_isStoppedNamingRuleAndCase_andEngineStaysUsable() {
        Rulebook looping = TestRulebooks.with("rules/loop.drl", TestRulebooks.HEADER + """
                // Modifies its own fact forever.
                rule "Count forever"
                    @id("LOOP-1")
                when
                    $d : Debtor( daysOverdue == 99 )
                    $c : java.util.concurrent.atomic.AtomicInteger()
                then
                    $c.incrementAndGet();
                    update( $c );
                end

                rule "Start the counter"
                    @id("LOOP-0")
                when
                    Debtor( daysOverdue == 99 )
                then
                    insert( new java.util.concurrent.atomic.AtomicInteger() );
                end
                """);
        // update() and facts of its own: only a trusted rulebook can loop like this (the sandbox refuses both)
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(looping).maxRuleFirings(500)
                .allowUnsafeRules(true).build();

        AssessmentException e = catchThrowableOfType(AssessmentException.class,
                () -> strategy.assess(Debtor.builder("C-LOOP").daysOverdue(99).build(), AS_OF));

        assertThat(e.ruleId()).isEqualTo("LOOP-1");
        assertThat(e.caseId()).isEqualTo("C-LOOP");
        assertThat(e.getMessage()).contains("LOOP-1", "C-LOOP", "500");
        assertThat(strategy.assess(evasive(), AS_OF).debtorType()).isEqualTo("EVASIVE");
    }

    @Test
    void assess_typeMismatchFoundOnlyAtRunTime_becomesAssessmentException() {
        Rulebook mismatch = TestRulebooks.with("rules/mismatch.drl", TestRulebooks.HEADER + """
                rule "Compares a number with text"
                    @id("MIS-1")
                when
                    Debtor( daysOverdue > "x" )
                then
                end
                """);
        CollectionStrategy strategy;
        try {
            strategy = CollectionStrategy.builder().rulebook(mismatch).build();
        } catch (RulebookException compileTime) {
            assertThat(compileTime.getMessage()).contains("rules/mismatch.drl");
            return;
        }
        CollectionStrategy s = strategy;
        assertThatThrownBy(() -> s.assess(evasive(), AS_OF))
                .isInstanceOf(AssessmentException.class)
                .hasMessageContaining("C-7");
    }

    @Test
    void assessAll_stream_keepsOrderAndIsLazy() {
        List<String> seen = new java.util.ArrayList<>();
        Stream<Debtor> debtors = Stream.of("A", "B", "C").map(id -> {
            seen.add(id);
            return Debtor.builder(id).daysOverdue(1).build();
        });

        Stream<Assessment> out = STRATEGY.assessAll(debtors, AS_OF);
        assertThat(seen).isEmpty();
        assertThat(out.map(Assessment::id).toList()).containsExactly("A", "B", "C");
    }

    @Test
    void rules_listsIdsNamesFilesAndLines() {
        assertThat(STRATEGY.authoring().rules()).extracting(RuleInfo::id).containsExactly("T-001", "T-002", "T-003");
        assertThat(STRATEGY.authoring().rules().get(0)).isEqualTo(new RuleInfo("T-001", "Avoiding contact is evasive", "rules/test.drl", 7));
    }

    @Test
    void lint_scriptNotChosenByAnyRule_isReported() {
        CollectionStrategy s = CollectionStrategy.builder().rulebook(TestRulebooks.with("scripts/en.yaml",
                TestRulebooks.SCRIPTS_EN + "  UNUSED:\n    text: \"x\"\n")
                .files().entrySet().stream().filter(e -> !e.getKey().contains("zh-CN"))
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue),
                        m -> Rulebook.of("t", m)))).locale(Locale.ENGLISH).build();

        assertThat(s.authoring().lint()).extracting(RulebookProblem::toString)
                .containsExactly("scripts/en.yaml:12: script UNUSED is not chosen by any rule");
    }
}
