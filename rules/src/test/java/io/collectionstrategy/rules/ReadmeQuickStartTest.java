package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Behaviour;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The quick start of README.md, line for line: if this breaks, the README is wrong. */
class ReadmeQuickStartTest {

    @Test
    void quickStart_evasiveDebtor_givesWhatTheReadmeShows() {
        CollectionStrategy strategy = CollectionStrategy.builder()
                .defaultRulebook()
                .locale(Locale.ENGLISH)
                .build();

        Debtor debtor = Debtor.builder("C-1001").name("Wang Fang").daysOverdue(27).amountOverdue("5400.00")
                .behaviours(Behaviour.AVOIDS_CONTACT).contactAttempts(8).contactsReached(1).build();

        Assessment a = strategy.assess(debtor, LocalDate.of(2026, 11, 28));

        assertThat(a.debtorType()).isEqualTo("EVASIVE");
        assertThat(a.script().verify()).startsWith("Hello, this is a customer adviser from customer services. May I speak with"
                + " Wang Fang, ");
        assertThat(a.script().text()).startsWith("Thank you, Wang Fang. I am calling about account C-1001. We have tried to"
                + " reach you ");
        assertThat(a.escalation()).extracting(s -> s.step() + "@" + s.inDays()).startsWith("PHONE_CALL@0", "FIELD_VISIT@0");
        assertThat(a.firedRules().get(0).id()).isEqualTo("CLS-010");
        assertThat(a.firedRules().get(0).name()).isEqualTo("Avoiding contact points to an evasive debtor");
    }

    @Test
    void incentivesSnippet_bundledReceivables_givesWhatTheReadmeShows() {
        io.collectionstrategy.incentives.IncentivePolicy policy = io.collectionstrategy.incentives.IncentivePolicy
                .builder().defaultPolicy().locale(Locale.ENGLISH).build();
        io.collectionstrategy.incentives.IncentiveReport report = policy.settle(DefaultIncentivesTest.COMPANY,
                io.collectionstrategy.incentives.SettlementPeriod.FINAL, 2026);

        assertThat(report.results().get(0).reward()).isEqualTo(new java.math.BigDecimal("350.00"));
        assertThat(report.unit("South").expenseFreeze()).isTrue();
    }
}
