package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sessions are reused between assessments: nothing of one assessment may leak into the next. */
class SessionReuseTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static final String RULES = TestRulebooks.HEADER + """
            rule "A failing rule"
                @id("FAIL-1")
            when
                Debtor( daysOverdue == 98 )
            then
                outcome.step( "", 0, "a blank step name makes the rule fail" );
            end
            """;

    private static List<Debtor> debtors() {
        List<Debtor> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Debtor.Builder b = Debtor.builder("C-" + i).name(i % 3 == 0 ? null : "Debtor " + i).daysOverdue(i * 7 + 1)
                    .amountOverdue(new BigDecimal(i * 1234.567).setScale(3, RoundingMode.HALF_UP));
            if (i % 2 == 0) {
                b.behaviours(Behaviour.AVOIDS_CONTACT);
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void assess_afterOtherDebtorsAndFailures_sameAsInAFreshStrategy() {
        CollectionStrategy reused = CollectionStrategy.builder().rulebook(TestRulebooks.with("rules/fail.drl", RULES))
                .locale(Locale.ENGLISH).build();
        List<Assessment> first = new ArrayList<>();
        for (Debtor d : debtors()) {
            first.add(reused.assess(d, AS_OF));
            assertThatThrownBy(() -> reused.assess(Debtor.builder("C-FAIL").daysOverdue(98).build(), AS_OF))
                    .isInstanceOf(AssessmentException.class).hasMessageContaining("FAIL-1");
        }
        List<Debtor> reversed = new ArrayList<>(debtors());
        java.util.Collections.reverse(reversed);
        for (Debtor d : reversed) {
            CollectionStrategy fresh = CollectionStrategy.builder().rulebook(TestRulebooks.basic()).locale(Locale.ENGLISH)
                    .build();
            Assessment expected = fresh.assess(d, AS_OF);
            Assessment again = reused.assess(d, AS_OF);
            assertThat(strip(again)).isEqualTo(strip(expected));
            assertThat(again).isEqualTo(first.get(Integer.parseInt(d.id().substring(2))));
        }
    }

    @Test
    void assess_onSeveralThreads_sameAsOnOne() throws Exception {
        CollectionStrategy strategy = CollectionStrategy.builder().rulebook(TestRulebooks.basic()).build();
        List<Debtor> debtors = debtors();
        List<Assessment> sequential = debtors.stream().map(d -> strategy.assess(d, AS_OF)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Assessment>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Assessment> out = new ArrayList<>();
                    for (int r = 0; r < 25; r++) {
                        out.clear();
                        for (Debtor d : debtors) {
                            out.add(strategy.assess(d, AS_OF));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Assessment>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void amountFormat_sameAsStringFormat() {
        Random random = new Random(7);
        List<BigDecimal> amounts = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.004"),
                new BigDecimal("0.005"), new BigDecimal("999.995"), new BigDecimal("1000"), new BigDecimal("1E+7"),
                new BigDecimal("123456789012345678901234.5")));
        for (int i = 0; i < 300; i++) {
            amounts.add(BigDecimal.valueOf(Math.abs(random.nextLong()) % 10_000_000_000L, random.nextInt(5)));
        }
        for (String tag : List.of("zh-CN", "en", "en-US", "en-IN", "de-DE", "fr-FR", "de-CH", "ar-EG", "hi-IN-u-nu-deva",
                "th-TH-u-nu-thai", "ja-JP", "es-ES", "pt-BR", "ru-RU", "it-IT")) {
            Locale locale = Locale.forLanguageTag(tag);
            ScriptCatalogue.AmountFormat format = ScriptCatalogue.AmountFormat.of(locale);
            for (BigDecimal amount : amounts) {
                StringBuilder out = new StringBuilder();
                format.append(amount, out);
                assertThat(out.toString()).as("%s in %s", amount, tag)
                        .isEqualTo(String.format(locale, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP)));
            }
        }
    }

    /** The parts that do not depend on the rulebook's extra rules. */
    private static List<Object> strip(Assessment a) {
        return List.of(a.id(), a.debtorType(), String.valueOf(a.situation()), String.valueOf(a.script()),
                a.escalation(), a.warnings(), a.firedRules());
    }
}
