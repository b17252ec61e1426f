package io.collectionstrategy.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.incentives.Category;
import io.collectionstrategy.incentives.IncentivePolicy;
import io.collectionstrategy.incentives.Receivable;
import io.collectionstrategy.incentives.SettlementPeriod;
import io.collectionstrategy.incentives.TestIncentives;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of an incentive rulebook: a good edit serves, a broken one or one failing its scenarios is rejected. */
class ReloadingIncentivePolicyTest {

    private static final Receivable R = TestIncentives.receivable("R-1", "East", Category.RECOVERABLE).amountDue("1000")
            .recovered("1000").build();

    private static void write(Path dir) throws IOException {
        for (var e : TestIncentives.basic().files().entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void reloadNow_editedRate_servesTheNewRulebook_brokenEditRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
        write(dir);
        List<ReloadEvent> events = new CopyOnWriteArrayList<>();
        try (ReloadingIncentivePolicy policy = ReloadingIncentivePolicy.manual(dir, b -> b.locale(Locale.ENGLISH),
                events::add)) {
            IncentivePolicy before = policy.current();
            // 0.5% + 0.5% of 1000 = 10.00
            assertThat(policy.evaluate(R, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(new BigDecimal("10.00"));

            edit(dir.resolve("rules/test.drl"), "outcome.reward( Basis.RECOVERED, 0.5 );\nend\n\n// The second",
                    "outcome.reward( Basis.RECOVERED, 1.5 );\nend\n\n// The second");
            assertThat(policy.reloadNow()).isTrue();
            // 1.5% + 0.5% of 1000 = 20.00
            assertThat(policy.evaluate(R, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(new BigDecimal("20.00"));
            assertThat(before.evaluate(R, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(new BigDecimal("10.00"));

            edit(dir.resolve("rules/test.drl"), "outcome.note( \"deposit: nothing\" );", "System.exit( 1 );");
            assertThat(policy.reloadNow()).isFalse();
            assertThat(events).hasSize(2);
            assertThat(events.get(1).rejected()).isTrue();
            assertThat(events.get(1).problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("rules/test.drl");
                assertThat(p.line()).isPositive();
            });
            assertThat(policy.evaluate(R, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(new BigDecimal("20.00"));
        }
    }

    @Test
    void reloadNow_editFailingItsScenarios_rejected(@TempDir Path dir) throws IOException {
        write(dir);
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/rates.csv"), "scenario,period,id,unit,owner,category,amountDue,recovered,"
                + "expect.reward\nrate,interim,R-1,East,Li,RECOVERABLE,1000,1000,10.00\n");
        List<ReloadEvent> events = new CopyOnWriteArrayList<>();
        try (ReloadingIncentivePolicy policy = ReloadingIncentivePolicy.manual(dir, null, events::add)) {
            edit(dir.resolve("rules/test.drl"), "outcome.reward( Basis.RECOVERED, 0.5 );\nend\n\n// The second",
                    "outcome.reward( Basis.RECOVERED, 1.5 );\nend\n\n// The second");

            assertThat(policy.reloadNow()).isFalse();

            assertThat(events).singleElement().satisfies(e -> assertThat(e.problems()).extracting(Object::toString)
                    .containsExactly("scenarios/rates.csv:2: rate: expected reward 10.00, got 20.00",
                            "scenarios/rates.csv:2: rate: (fired: T-1, T-2)"));
            assertThat(policy.evaluate(R, SettlementPeriod.INTERIM, 2026).reward()).isEqualTo(new BigDecimal("10.00"));
        }
    }
}
