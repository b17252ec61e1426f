package io.collectionstrategy.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.reload.ReloadEvent;
import io.collectionstrategy.reload.ReloadStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CollectionStrategyMetricsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static CollectionStrategy strategy;
    private static final Debtor EVASIVE = Debtor.builder("C-1").daysOverdue(27).contactAttempts(8).contactsReached(1)
            .behaviours(Behaviour.AVOIDS_CONTACT).build();

    @BeforeAll
    static void compile() {
        strategy = CollectionStrategy.builder().defaultRulebook().build();
    }

    @Test
    void new_everyErrorKindAndReloadResult_registeredAtZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CollectionStrategyMetrics(registry);
        for (RowResult.Kind kind : RowResult.Kind.values()) {
            assertThat(registry.get(CollectionStrategyMetrics.ERRORS).tag("kind", kind.name()).counter().count()).isZero();
        }
        assertThat(registry.get(CollectionStrategyMetrics.RELOADS).tag("result", "accepted").counter().count()).isZero();
        assertThat(registry.get(CollectionStrategyMetrics.RELOADS).tag("result", "rejected").counter().count()).isZero();
    }

    @Test
    void instrument_assessmentAndFailure_countedByTypeSituationAndKindAndTimed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectionStrategy measured = new CollectionStrategyMetrics(registry).instrument(strategy);
        assertThat(measured.assess(EVASIVE, AS_OF)).isEqualTo(strategy.assess(EVASIVE, AS_OF));
        assertThatThrownBy(() -> measured.assess(EVASIVE.toBuilder().lastInterruption(AS_OF.plusDays(1)).build(), AS_OF))
                .isInstanceOf(InvalidDebtorException.class);
        assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENTS).tag("debtorType", "EVASIVE")
                .tag("situation", CollectionStrategyMetrics.NO_SITUATION).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(CollectionStrategyMetrics.ERRORS).tag("kind", "INVALID_DEBTOR").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENT_TIME).tag("outcome", "assessed").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENT_TIME).tag("outcome", "failed").timer().count())
                .isEqualTo(1);
        assertThat(measured.rulebook()).isEqualTo(strategy.rulebook());
    }

    @Test
    void record_rowResults_countEachOnceWithoutTimingUnreadRecords() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectionStrategyMetrics metrics = new CollectionStrategyMetrics(registry);
        RowAssessor rows = RowAssessor.of(strategy, AS_OF);
        metrics.record(rows.assess(Map.of("id", "C-1", "daysOverdue", 3)), 1_000);
        metrics.record(rows.assess(Map.of("id", "C-2", "daysOverdue", -3)), 1_000);
        metrics.record(RowResult.failed(RowResult.Kind.MALFORMED_RECORD, null, null, "malformed JSON"), -1);
        assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENTS).counters()).hasSize(1);
        assertThat(registry.get(CollectionStrategyMetrics.ERRORS).tag("kind", "INVALID_DEBTOR").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(CollectionStrategyMetrics.ERRORS).tag("kind", "MALFORMED_RECORD").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENT_TIME).tag("outcome", "failed").timer().count())
                .isEqualTo(1);
    }

    @Test
    void onReload_acceptedAndRejected_countedApartAndRememberedByTheStatus() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectionStrategyMetrics metrics = new CollectionStrategyMetrics(registry);
        ReloadStatus status = new ReloadStatus(Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
        RulebookInfo a = new RulebookInfo("r", "1");
        RulebookInfo b = new RulebookInfo("r", "2");
        for (ReloadEvent e : List.of(ReloadEvent.reloaded(a, b),
                ReloadEvent.rejected(b, List.of(new RulebookProblem("x.drl", 1, "broken"))))) {
            metrics.onReload(e);
            status.onReload(e);
        }
        assertThat(registry.get(CollectionStrategyMetrics.RELOADS).tag("result", "accepted").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(CollectionStrategyMetrics.RELOADS).tag("result", "rejected").counter().count()).isEqualTo(1.0);
        assertThat(status.accepted()).isEqualTo(1);
        assertThat(status.rejected()).isEqualTo(1);
        assertThat(status.last()).hasValueSatisfying(last -> {
            assertThat(last.at()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
            assertThat(last.event().rejected()).isTrue();
        });
        assertThat(new ReloadStatus().last()).isEmpty();
    }
}
