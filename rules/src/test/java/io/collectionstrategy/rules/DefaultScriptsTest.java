package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Jurisdiction;
import io.collectionstrategy.Script;
import io.collectionstrategy.StatedReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the default catalogue's scripts say, per language and jurisdiction. */
class DefaultScriptsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final CollectionStrategy NAMED = CollectionStrategy.builder().defaultRulebook().agent("Li Na")
            .company("Acme Finance").build();
    private static final List<Jurisdiction> JURISDICTIONS = List.of(Jurisdiction.CN, Jurisdiction.US, Jurisdiction.UK);

    private static Script script(Debtor d, Locale locale) {
        return NAMED.assess(d, AS_OF, locale).script();
    }

    @Test
    void verify_everyScriptOfTheVarietyInEveryLanguageAndJurisdiction_namesTheFirmAndNothingOfTheDebt() {
        int scripts = 0;
        for (Debtor base : Inputs.variety(300)) {
            for (Jurisdiction j : JURISDICTIONS) {
                Debtor d = Debtor.builder(base.id()).name("Ann Lee").daysOverdue(Math.max(1, base.daysOverdue()))
                        .amountOverdue("1234.56").jurisdiction(j).behaviours(base.behaviours())
                        .circumstances(base.circumstances()).statedReason(base.statedReason()).build();
                for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
                    Script s = script(d, locale);
                    if (s == null) {
                        continue;
                    }
                    scripts++;
                    assertThat(s.verify()).as(s.id() + " " + j + " " + locale).contains("Acme Finance")
                            .doesNotContain("1,234.56", d.id(), "{").doesNotContainPattern("\\d{2}");
                    assertThat(s.text()).as(s.id()).doesNotContain("{", "CNY", "USD", "GBP");
                }
            }
        }
        assertThat(scripts).isGreaterThan(1500);
    }

    @Test
    void legal_mentionedOnlyWhenTheEscalationHoldsALegalStep_inTheJurisdictionsTerms() {
        Debtor early = Debtor.builder("C-1").daysOverdue(40).amountOverdue("900").behaviours(Behaviour.DISMISSES_LEGAL_ACTION)
                .build();
        Debtor late = Debtor.builder("C-2").daysOverdue(120).amountOverdue("900").behaviours(Behaviour.DISMISSES_LEGAL_ACTION)
                .build();
        Debtor lateUk = Debtor.builder("C-3").daysOverdue(120).amountOverdue("900").jurisdiction(Jurisdiction.UK)
                .currency("GBP").behaviours(Behaviour.DISMISSES_LEGAL_ACTION).build();

        assertThat(script(early, Locale.ENGLISH)).satisfies(s -> assertThat(s.id()).isEqualTo("TYPE_CONFIDENT"))
                .satisfies(s -> assertThat(s.text()).doesNotContain("court", "considered for"));
        assertThat(script(late, Locale.ENGLISH).text())
                .contains("may be considered for an application to the court for a payment order from 28 December 2026")
                .contains("Nothing has been decided yet").doesNotContain("costs");
        assertThat(script(late, ZH).text()).contains("可能会从2026年12月28日起考虑向法院申请支付令").doesNotContain("诉讼费");
        assertThat(script(lateUk, Locale.ENGLISH).text()).contains("a claim in the County Court from 28 December 2026");
    }

    @Test
    void timeBarred_eachJurisdiction_saysWhatItsLawSays() {
        Debtor.Builder old = Debtor.builder("C-OLD").daysOverdue(2600).amountOverdue("500")
                .dueDate(LocalDate.of(2019, 10, 1));

        String cn = script(old.jurisdiction(Jurisdiction.CN).build(), ZH).text();
        String us = script(old.jurisdiction(Jurisdiction.US).region("NY").currency("USD").build(), Locale.ENGLISH).text();
        String uk = script(old.jurisdiction(Jurisdiction.UK).region("ENGLAND_WALES").currency("GBP").build(), Locale.ENGLISH)
                .text();

        assertThat(cn).contains("诉讼时效期间已经届满", "不会为此起诉您", "先还一部分", "不能再以时效期间届满为由拒绝");
        assertThat(us).contains("we will not sue you for it, and we cannot take you to court for it", "$500.00",
                "October 1, 2019");
        assertThat(uk).contains("statute-barred", "cannot take you to court", "would not change that", "MoneyHelper");
    }

    @Test
    void prescribedScottishDebt_asksForNothing() {
        Debtor scot = Debtor.builder("C-SCO").daysOverdue(2200).amountOverdue("500").currency("GBP")
                .jurisdiction(Jurisdiction.UK).region("SCOTLAND").dueDate(LocalDate.of(2020, 11, 1)).build();

        Script s = script(scot, Locale.ENGLISH);

        assertThat(s.id()).isEqualTo("PRESCRIBED");
        assertThat(s.text()).contains("not asking you for any payment").doesNotContain("£500.00");
    }

    @Test
    void victim_hardshipOptionsFirst_freeDebtAdviceNamedForTheUk() {
        Debtor victim = Debtor.builder("C-V").daysOverdue(20).amountOverdue("800").currency("GBP")
                .jurisdiction(Jurisdiction.UK).statedReason(StatedReason.JOB_LOSS)
                .behaviours(Behaviour.EMOTIONAL_DISTRESS, Behaviour.APOLOGETIC).build();

        Script uk = script(victim, Locale.ENGLISH);
        Script cn = script(Debtor.builder("C-V2").daysOverdue(20).amountOverdue("800")
                .behaviours(Behaviour.EMOTIONAL_DISTRESS, Behaviour.APOLOGETIC).build(), Locale.ENGLISH);

        assertThat(uk.id()).isEqualTo("TYPE_VICTIM");
        assertThat(uk.text()).contains("what you can really afford", "MoneyHelper", "StepChange")
                .doesNotContain("full amount");
        assertThat(cn.text()).contains("what you can really afford").doesNotContain("MoneyHelper", "full amount");
    }

    @Test
    void deceased_trueWhetherOrNotAGuarantorExists_andVerifiesWhoIsHandlingTheEstate() {
        Debtor dead = Debtor.builder("C-D").name("Wang Wei").daysOverdue(50).amountOverdue("800").hasGuarantor(true)
                .circumstances(Circumstance.DECEASED_REPORTED).build();

        Script s = script(dead, Locale.ENGLISH);

        assertThat(s.verify()).contains("May I ask who I am speaking with?", "executor or administrator");
        assertThat(s.text()).contains("co-borrower or a guarantor", "You are not being asked to pay anything")
                .doesNotContain("nobody owes");
    }

    @Test
    void serialPromiser_saysNothingFalseAboutCreditRecords() {
        Assessment a = NAMED.assess(DefaultRulebookTest.serialPromiser(), AS_OF, Locale.ENGLISH);
        Assessment zh = NAMED.assess(DefaultRulebookTest.serialPromiser(), AS_OF, ZH);

        assertThat(a.script().id()).isEqualTo("TYPE_SERIAL_PROMISER");
        assertThat(String.join(" ", a.script().text(), String.join(" ", a.script().doPoints())))
                .doesNotContainPattern("(?i)credit (record|history|entry)");
        assertThat(zh.script().text()).doesNotContain("征信", "不良记录");
    }
}
