package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.StatedReason;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The default rulebook through the Java API, asserting which rules fired by id. */
class DefaultRulebookTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final CollectionStrategy STRATEGY = CollectionStrategy.builder().defaultRulebook().build();

    static Debtor serialPromiser() {
        return Debtor.builder("W-SER").name("Chen Jing").daysOverdue(10).amountOverdue("2600")
                .promisesMade(4).promisesBroken(3).contactAttempts(3).contactsReached(3)
                .statedReason(StatedReason.COUNTERPARTY_NOT_PAID).behaviours(Behaviour.FRIENDLY).build();
    }

    @Test
    void defaults_fromTheClasspath_isTheAnalystsFolder() {
        assertThat(Rulebook.defaults().version()).isEqualTo(Rulebook.fromDirectory(DefaultRulebookScenariosTest.RULEBOOK).version());
        assertThat(STRATEGY.rulebook().name()).isEqualTo("default");
    }

    @Test
    void assess_serialPromiser_firesTheBrokenPromiseRulesAndDemandsInWriting() {
        Assessment a = STRATEGY.assess(serialPromiser(), AS_OF);

        assertThat(a.debtorType()).isEqualTo("SERIAL_PROMISER");
        assertThat(a.firedRuleIds()).contains("CLS-060", "CLS-062", "SCR-004", "ESC-022")
                .doesNotContain("SCR-003");
        assertThat(a.evidence()).extracting(Evidence::rule).containsExactly("CLS-060", "CLS-062");
        assertThat(a.firstStep()).hasValueSatisfying(s -> assertThat(s.inDays()).isZero());
        assertThat(a.escalation()).anySatisfy(s -> {
            assertThat(s.step()).isEqualTo("WRITTEN_DEMAND");
            assertThat(s.inDays()).isZero();
            assertThat(s.rule()).isEqualTo("ESC-022");
        });
        assertThat(a.evidence()).extracting(Evidence::type, Evidence::points, Evidence::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("SERIAL_PROMISER", 3, "CLS-060"));
    }

    @Test
    void assess_escalation_isOrderedByInDays() {
        Debtor late = Debtor.builder("L-1").daysOverdue(175).amountOverdue("5000").hasGuarantor(true).hasCollateral(true)
                .contactAttempts(5).contactsReached(2).build();

        Assessment a = STRATEGY.assess(late, AS_OF);

        assertThat(a.escalation()).extracting(s -> s.inDays()).isSorted();
        assertThat(a.stepNames()).contains("GUARANTOR_DEMAND", "COLLATERAL_REALISATION", "AGENCY_PLACEMENT", "PAYMENT_ORDER");
        assertThat(a.warningCodes()).contains("GUARANTEE_PERIOD_EXPIRING");
    }

    @Test
    void assess_deceased_neverScriptsPressureOnRelativesAndDropsNormalSteps() {
        Debtor deceased = serialPromiser().toBuilder().circumstances(Circumstance.DECEASED_REPORTED).build();

        Assessment a = STRATEGY.assess(deceased, AS_OF, Locale.ENGLISH);

        assertThat(a.situation()).isEqualTo("DECEASED");
        assertThat(a.stepNames()).containsExactly("DEATH_VERIFICATION", "ESTATE_CLAIM");
        assertThat(a.script().id()).isEqualTo("SITUATION_DECEASED");
        assertThat(a.script().text()).doesNotContain("2,600.00");
    }

    @Test
    void assess_bothLocales_renderTheFactsIntoTheScript() {
        Assessment en = STRATEGY.assess(serialPromiser(), AS_OF, Locale.ENGLISH);
        Assessment zh = STRATEGY.assess(serialPromiser(), AS_OF, Locale.forLanguageTag("zh-CN"));

        assertThat(en.script().locale()).isEqualTo("en");
        assertThat(zh.script().locale()).isEqualTo("zh-CN");
        for (Assessment a : new Assessment[] {en, zh}) {
            assertThat(a.script().text()).contains("Chen Jing").contains("2,600.00").doesNotContain("{").doesNotContain("}");
            assertThat(a.script().doPoints()).isNotEmpty();
            assertThat(a.script().avoid()).isNotEmpty();
        }
        assertThat(zh.script().text()).isNotEqualTo(en.script().text());
    }

    @Test
    void assess_zhCN_givesReasonsInChinese_enKeepsTheRulesOwnText() {
        Assessment zh = STRATEGY.assess(serialPromiser(), AS_OF, Locale.forLanguageTag("zh-CN"));
        Assessment en = STRATEGY.assess(serialPromiser(), AS_OF, Locale.ENGLISH);

        assertThat(zh.escalation()).extracting(s -> s.reason()).contains("保证还款型客户多次违约：立即书面催收");
        assertThat(en.escalation()).extracting(s -> s.reason())
                .contains("serial promiser with repeated broken promises: demand in writing now");
    }

    @Test
    void lint_everyScriptChosenByARule_hasATextInEveryLocale() {
        assertThat(STRATEGY.authoring().lint()).extracting(RulebookProblem::toString).noneMatch(p -> p.contains("has no text"));
        assertThat(STRATEGY.locales()).extracting(Locale::toLanguageTag).contains("en", "zh-CN");
    }

}
