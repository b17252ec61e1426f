package io.collectionstrategy.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Jurisdiction;
import io.collectionstrategy.StrategyInfo;
import io.collectionstrategy.TestRulebooks;
import io.collectionstrategy.json.ContractSchemas;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentStrategyTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /** A challenger that proposes legal steps to everyone, with no regard for the case. */
    static final String RECKLESS = TestRulebooks.HEADER + """

            // Sues everyone at once.
            rule "Everything for everyone"
                @id("ALL-001")
            when
                Debtor()
            then
                outcome.step( "PHONE_CALL", 0, "call" );
                outcome.step( "PAYMENT_ORDER", 0, "order" );
                outcome.step( "LITIGATION", 0, "step 1" );
                outcome.step( "ENFORCEMENT", 0, "enforce" );
            end
            """;

    static final CollectionStrategy CHAMPION = CollectionStrategy.builder().rulebook(TestRulebooks.basic())
            .locale(Locale.ENGLISH).build();
    static final CollectionStrategy RECKLESS_CHALLENGER = CollectionStrategy.builder()
            .rulebook(io.collectionstrategy.Rulebook.of("reckless", Map.of("rules/all.drl", RECKLESS,
                    "scripts/en.yaml", TestRulebooks.SCRIPTS_EN)))
            .locale(Locale.ENGLISH).build();
    static final Experiment EXPERIMENT = Experiment.championChallenger("guard-check", "champion", "reckless", 20);
    static final ExperimentStrategy STRATEGY = ExperimentStrategy.of(EXPERIMENT,
            Map.of("champion", CHAMPION, "reckless", RECKLESS_CHALLENGER));

    /** The first id of the form {@code prefix-N} that the experiment gives to that arm. */
    static String idIn(Experiment e, String arm, String prefix) {
        for (int i = 0; ; i++) {
            String id = prefix + "-" + i;
            if (e.armOf(id).name().equals(arm)) {
                return id;
            }
        }
    }

    @Test
    void assess_eachArm_itsOwnRulebookAndTheStrategyBlock() {
        Debtor inChampion = Debtor.builder(idIn(EXPERIMENT, "champion", "C")).daysOverdue(10).build();
        Debtor inChallenger = Debtor.builder(idIn(EXPERIMENT, "reckless", "C")).daysOverdue(10).build();

        Assessment a = STRATEGY.assess(inChampion, AS_OF);
        Assessment b = STRATEGY.assess(inChallenger, AS_OF);

        assertThat(a.strategy()).isEqualTo(new StrategyInfo("guard-check", "champion", "test",
                CHAMPION.rulebook().version()));
        assertThat(a.withStrategy(null)).isEqualTo(CHAMPION.assess(inChampion, AS_OF));
        assertThat(b.strategy()).isEqualTo(new StrategyInfo("guard-check", "reckless", "reckless",
                RECKLESS_CHALLENGER.rulebook().version()));
        assertThat(b.rulebook()).isEqualTo(RECKLESS_CHALLENGER.rulebook());
        assertThat(b.firedRuleIds()).containsExactly("ALL-001");
        assertThat(STRATEGY.rulebook()).isEqualTo(CHAMPION.rulebook());
        assertThat(STRATEGY.locales()).containsExactly(Locale.ENGLISH);
    }

    @Test
    void assess_plainStrategy_hasNoStrategyBlock() {
        assertThat(CHAMPION.assess(Debtor.builder("C-1").daysOverdue(10).build(), AS_OF).strategy()).isNull();
    }

    @Test
    void assess_challengerProposingForbiddenSteps_theGuardBlocksThemInTheChallengerArm() {
        // a Scottish debt past its five-year prescription: extinguished, nothing may be asked for
        Debtor barred = Debtor.builder(idIn(EXPERIMENT, "reckless", "BAR")).daysOverdue(2370)
                .jurisdiction(Jurisdiction.UK).region("SCOTLAND").dueDate(LocalDate.of(2020, 6, 1)).build();

        Assessment a = STRATEGY.assess(barred, AS_OF);

        assertThat(a.strategy().arm()).isEqualTo("reckless");
        assertThat(a.blocked()).extracting(BlockedStep::step)
                .contains("PHONE_CALL", "PAYMENT_ORDER", "LITIGATION", "ENFORCEMENT");
        assertThat(a.stepNames()).containsExactly("WRITE_OFF_REVIEW");
        assertThat(a.warningCodes()).contains("DEBT_EXTINGUISHED");
        assertThat(a.withStrategy(null)).isEqualTo(RECKLESS_CHALLENGER.assess(barred, AS_OF));
    }

    @Test
    void assess_sameIdsTwoBuildsOfTheExperiment_sameArms() {
        ExperimentStrategy again = ExperimentStrategy.of(
                Experiment.championChallenger("guard-check", "champion", "reckless", 20),
                Map.of("champion", CHAMPION, "reckless", RECKLESS_CHALLENGER));
        for (int i = 0; i < 300; i++) {
            Debtor d = Debtor.builder("R-" + i).daysOverdue(5).build();
            assertThat(again.assess(d, AS_OF).strategy().arm()).isEqualTo(STRATEGY.assess(d, AS_OF).strategy().arm());
        }
    }

    @Test
    void assess_challengerReloadsANewRulebook_noCaseChangesArmAndTheVersionFollows(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("rules/test.drl"), TestRulebooks.RULES);
        Files.writeString(dir.resolve("scripts/en.yaml"), TestRulebooks.SCRIPTS_EN);
        Files.writeString(dir.resolve("rulebook.yaml"), TestRulebooks.RULEBOOK_YAML);
        try (ReloadingCollectionStrategy challenger = ReloadingCollectionStrategy.manual(dir,
                b -> b.locale(Locale.ENGLISH), null)) {
            ExperimentStrategy strategy = ExperimentStrategy.of(EXPERIMENT,
                    Map.of("champion", CHAMPION, "reckless", challenger));
            Map<String, String> before = new HashMap<>();
            for (int i = 0; i < 500; i++) {
                Debtor d = Debtor.builder("L-" + i).daysOverdue(5).build();
                before.put(d.id(), strategy.assess(d, AS_OF).strategy().arm());
            }
            String oldVersion = challenger.rulebook().version();

            Files.writeString(dir.resolve("rules/test.drl"), RECKLESS);
            assertThat(challenger.reloadNow()).isTrue();

            for (int i = 0; i < 500; i++) {
                Debtor d = Debtor.builder("L-" + i).daysOverdue(5).build();
                Assessment a = strategy.assess(d, AS_OF);
                assertThat(a.strategy().arm()).as(d.id()).isEqualTo(before.get(d.id()));
                if (a.strategy().arm().equals("reckless")) {
                    assertThat(a.strategy().version()).isNotEqualTo(oldVersion)
                            .isEqualTo(challenger.rulebook().version());
                    assertThat(a.firedRuleIds()).containsExactly("ALL-001");
                }
            }
            assertThat(before.values()).contains("champion", "reckless");
        }
    }

    @Test
    void assess_written_validAgainstTheStrictSchema() throws IOException {
        var schema = ContractSchemas.strict("assessment.schema.json", "");
        for (String arm : List.of("champion", "reckless")) {
            Assessment a = STRATEGY.assess(Debtor.builder(idIn(EXPERIMENT, arm, "S")).daysOverdue(40).build(), AS_OF);
            StringWriter out = new StringWriter();
            try (var g = new com.fasterxml.jackson.databind.ObjectMapper().getFactory().createGenerator(out)) {
                io.collectionstrategy.json.AssessmentJson.write(g, a);
            }
            assertThat(ContractSchemas.problems(schema, out.toString())).as(arm).isEmpty();
            assertThat(out.toString()).contains("\"strategy\":{\"experiment\":\"guard-check\",\"arm\":\"" + arm + "\"");
        }
    }

    @Test
    void of_missingExtraOrNestedArmsOrMixedLocales_refusedNamingTheArm() {
        assertThatThrownBy(() -> ExperimentStrategy.of(EXPERIMENT, Map.of("champion", CHAMPION)))
                .hasMessageContaining("arm reckless of experiment guard-check has no strategy");
        assertThatThrownBy(() -> ExperimentStrategy.of(EXPERIMENT, Map.of("champion", CHAMPION,
                "reckless", RECKLESS_CHALLENGER, "firm", CHAMPION)))
                .hasMessageContaining("a strategy was given for firm, which is not an arm of experiment guard-check");
        assertThatThrownBy(() -> ExperimentStrategy.of(EXPERIMENT, Map.of("champion", CHAMPION, "reckless", STRATEGY)))
                .hasMessageContaining("arm reckless of experiment guard-check is itself an experiment");
        CollectionStrategy chinese = CollectionStrategy.builder().rulebook(TestRulebooks.basic()).build();
        assertThatThrownBy(() -> ExperimentStrategy.of(EXPERIMENT, Map.of("champion", CHAMPION, "reckless", chinese)))
                .hasMessage("arm reckless has the default locale zh-CN, the champion en: build every arm with the same"
                        + " locale");
    }
}
