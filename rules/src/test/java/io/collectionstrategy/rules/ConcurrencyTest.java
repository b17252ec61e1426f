package io.collectionstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.check.ScenarioResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void assess_fourThreadsOnTheSameInputs_giveTheSameAnswersAsOneThread() throws Exception {
        CollectionStrategy strategy = CollectionStrategy.builder().defaultRulebook().build();
        List<Debtor> debtors = new ArrayList<>();
        for (ScenarioResult r : DefaultRulebookScenariosTest.REPORT.results()) {
            if (r.assessment() != null) {
                debtors.add(DefaultRulebookTest.serialPromiser().toBuilder().build());
            }
        }
        debtors.addAll(Inputs.variety(300));
        LocalDate asOf = LocalDate.of(2026, 11, 28);
        List<Assessment> expected = debtors.stream().map(d -> strategy.assess(d, asOf)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Assessment>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> debtors.stream().map(d -> strategy.assess(d, asOf)).toList()));
            }
            for (Future<List<Assessment>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
