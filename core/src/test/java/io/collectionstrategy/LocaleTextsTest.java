package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in message catalogue ({@code messages/<locale>.yaml}): how each language writes amounts and dates, and the
 * compliance guard's texts in the assessment's language.
 */
class LocaleTextsTest {

    private static final Messages EN = Messages.of("en");
    private static final Messages ZH = Messages.of("zh-CN");
    private static final BigDecimal AMOUNT = new BigDecimal("5046.53");
    private static final LocalDate DAY = LocalDate.of(2026, 10, 21);

    @Test
    void texts_everyEnglishText_hasAChineseOne() {
        assertThat(ZH.keys()).isEqualTo(EN.keys());
        for (String key : EN.keys()) {
            assertThat(ZH.in("CN").text(key)).as(key).isNotEqualTo(EN.in("CN").text(key));
        }
    }

    @Test
    void amount_chinese_isYuanForCnyAndTheChineseNameOtherwise() {
        assertThat(ZH.amount(AMOUNT, "CNY")).isEqualTo("5,046.53元");
        assertThat(ZH.amount(AMOUNT, "USD")).isEqualTo("5,046.53美元");
        assertThat(ZH.amount(AMOUNT, "GBP")).isEqualTo("5,046.53英镑");
        assertThat(ZH.amount(AMOUNT, "SGD")).isEqualTo("5,046.53新加坡元"); // Java's Chinese name of the currency
        assertThat(ZH.amount(AMOUNT, "SGD")).doesNotContain("SGD");
    }

    @Test
    void amount_english_isTheSymbolOrTheCode() {
        assertThat(EN.amount(AMOUNT, "USD")).isEqualTo("$5,046.53");
        assertThat(EN.amount(AMOUNT, "GBP")).isEqualTo("£5,046.53");
        assertThat(EN.amount(AMOUNT, "CNY")).isEqualTo("5,046.53 yuan");
        assertThat(EN.amount(AMOUNT, "SGD")).isEqualTo("SGD 5,046.53");
    }

    @Test
    void date_eachLanguageAndJurisdiction_isWrittenAsReadAloud() {
        assertThat(ZH.date(DAY, "CN")).isEqualTo("2026年10月21日");
        assertThat(ZH.date(DAY, "US")).isEqualTo("2026年10月21日");
        assertThat(EN.date(DAY, "UK")).isEqualTo("21 October 2026");
        assertThat(EN.date(DAY, "CN")).isEqualTo("21 October 2026");
        assertThat(EN.date(DAY, "US")).isEqualTo("October 21, 2026");
    }

    @Test
    void of_localeWithoutAFile_usesItsLanguageThenEnglish() {
        assertThat(Messages.of("zh-TW").tag).isEqualTo("zh-CN");
        assertThat(Messages.of("fr-FR").tag).isEqualTo("en");
        assertThat(Messages.of("en-GB").date(DAY, "UK")).isEqualTo("21 October 2026");
    }

    @Test
    void text_filledArguments_areFormattedDatesAndPlainValues() {
        String text = ZH.in("CN").text("warning.timeBarred", "ends", DAY);

        assertThat(text).isEqualTo("诉讼时效已于2026年10月21日届满：不得建议或以任何方式提及法律措施");
        assertThat(EN.in("US").text("warning.limitationExpiring", "ends", DAY, "days", 12))
                .isEqualTo("the limitation period ends on October 21, 2026 (12 days): a legal step the rules proposed would"
                        + " fall after it");
    }

    @Test
    void guard_chineseAssessment_writesItsBlockedReasonsAndWarningsInChineseWithChineseDates() {
        CollectionStrategy bad = CollectionStrategy.builder()
                .rulebook(TestRulebooks.with("rules/bad.drl", ComplianceTest.NON_COMPLIANT))
                .locale(Locale.forLanguageTag("zh-CN")).build();
        Debtor old = Debtor.builder("C-OLD").daysOverdue(1200).dueDate(LocalDate.of(2023, 8, 16)).build();

        Assessment a = bad.assess(old, LocalDate.of(2026, 11, 28));

        assertThat(a.blocked()).extracting(BlockedStep::reason)
                .contains("诉讼时效已于2026年8月16日届满：债务已过时效，不得采取或以任何方式提及法律步骤");
        assertThat(a.warnings()).filteredOn(w -> w.rule().equals("GUARD")).isNotEmpty()
                .allSatisfy(w -> assertThat(w.message()).doesNotContainPattern("[A-Za-z]{4,}|\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void guard_movedContactStep_saysWhenAndWhyInTheLanguage() {
        CollectionStrategy bad = CollectionStrategy.builder()
                .rulebook(TestRulebooks.with("rules/bad.drl", ComplianceTest.NON_COMPLIANT))
                .locale(Locale.forLanguageTag("zh-CN")).build();
        Debtor d = Debtor.builder("C-LATE").daysOverdue(20).build();

        Assessment a = bad.assess(d, java.time.OffsetDateTime.parse("2026-11-28T22:30:00+08:00"),
                Locale.forLanguageTag("zh-CN"));

        assertThat(a.escalation()).filteredOn(s -> s.step().equals("PHONE_CALL")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("（已改到2026年11月29日：债务人当地时间为22:30（Asia/Shanghai）"));
    }

    @Test
    void placeholders_amountAndDates_followTheLocaleAndTheDebtorsJurisdiction() {
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(TestRulebooks.basic())
                .locale(Locale.ENGLISH).build();
        Debtor us = Debtor.builder("C-US").name("Jo").daysOverdue(27).amountOverdue("1234.5").currency("USD")
                .jurisdiction(Jurisdiction.US).behaviours(Behaviour.AVOIDS_CONTACT).build();

        Assessment en = strategy.assess(us, LocalDate.of(2026, 11, 28));
        Assessment zh = strategy.assess(us, LocalDate.of(2026, 11, 28), Locale.forLanguageTag("zh-CN"));

        assertThat(en.script().text()).isEqualTo("Hello Jo, $1,234.50 is 27 days overdue since November 1, 2026 (case C-US,"
                + " USD, November 28, 2026).");
        assertThat(zh.script().text()).isEqualTo("Jo您好，您的欠款1,234.50美元已逾期27天。");
        assertThat(Map.of("verify", en.script().verify())).extractingByKey("verify").asString()
                .contains("a customer adviser", "customer services", "Jo");
    }
}
