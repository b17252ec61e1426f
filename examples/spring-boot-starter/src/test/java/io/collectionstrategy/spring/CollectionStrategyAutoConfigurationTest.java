package io.collectionstrategy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.micrometer.CollectionStrategyMetrics;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration in plain application contexts (no web server), on the Jackson, SnakeYAML, Micrometer and
 * Spring versions Spring Boot 3.5 manages (this module imports Spring Boot's BOM).
 */
class CollectionStrategyAutoConfigurationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final Debtor EVASIVE = Debtor.builder("C-1").daysOverdue(27).contactAttempts(8).contactsReached(1)
            .behaviours(io.collectionstrategy.Behaviour.AVOIDS_CONTACT).build();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CollectionStrategyAutoConfiguration.class));

    @Test
    void classpath_jacksonAndSnakeYaml_areTheVersionsSpringBoot35Manages() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.19.");
        assertThat(org.yaml.snakeyaml.Yaml.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("snakeyaml-2.4");
    }

    @Test
    void noProperties_defaultRulebookInZhCn_assesses() {
        contexts.run(context -> {
            CollectionStrategy strategy = context.getBean(CollectionStrategy.class);
            assertThat(strategy.rulebook().name()).isEqualTo("default");
            assertThat(strategy.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
            assertThat(strategy.assess(EVASIVE, AS_OF).debtorType()).isEqualTo("EVASIVE");
            assertThat(context).doesNotHaveBean(ReloadingCollectionStrategy.class);
        });
    }

    @Test
    void properties_localeAndLimits_reachTheStrategy() {
        contexts.withPropertyValues("collection-strategy.locale=en", "collection-strategy.max-rule-firings=1")
                .run(context -> {
                    CollectionStrategy strategy = context.getBean(CollectionStrategy.class);
                    assertThat(strategy.locale()).isEqualTo(Locale.ENGLISH);
                    // one firing is not enough for the default rulebook: the limit reached the engine
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategy.assess(EVASIVE, AS_OF))
                            .isInstanceOf(io.collectionstrategy.AssessmentException.class);
                });
    }

    @Test
    void rulebookDirectory_servesIt(@TempDir Path dir) {
        Path rulebook = copyOfDefaultRulebook(dir.resolve("rulebook"), "  ");
        contexts.withPropertyValues("collection-strategy.rulebook=" + rulebook).run(context -> {
            CollectionStrategy strategy = context.getBean(CollectionStrategy.class);
            assertThat(strategy.rulebook().version()).isNotEqualTo(Rulebook.defaults().version());
            assertThat(strategy.assess(EVASIVE, AS_OF).debtorType()).isEqualTo("EVASIVE");
        });
    }

    @Test
    void meterRegistry_assessmentsAndErrorsCounted() {
        contexts.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            CollectionStrategy strategy = context.getBean(CollectionStrategy.class);
            strategy.assess(EVASIVE, AS_OF);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENTS).tag("debtorType", "EVASIVE")
                    .tag("situation", "none").counter().count()).isEqualTo(1.0);
            assertThat(registry.get(CollectionStrategyMetrics.ASSESSMENT_TIME).tag("outcome", "assessed").timer()
                    .count()).isEqualTo(1);
            Debtor future = EVASIVE.toBuilder().lastInterruption(AS_OF.plusDays(3)).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategy.assess(future, AS_OF))
                    .isInstanceOf(io.collectionstrategy.InvalidDebtorException.class);
            assertThat(registry.get(CollectionStrategyMetrics.ERRORS).tag("kind", "INVALID_DEBTOR").counter().count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void health_withoutReload_upWithRulebookNameAndVersion() {
        contexts.run(context -> {
            Health health = context.getBean(CollectionStrategyHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("rulebook"))
                    .isEqualTo(Map.of("name", "default", "version", Rulebook.defaults().version()));
            assertThat(health.getDetails().get("reload")).isEqualTo(Map.of("enabled", false));
        });
    }

    @Test
    void reload_rejectedChange_healthShowsItAndTheMetricCountsIt(@TempDir Path dir) throws IOException {
        Path rulebook = copyOfDefaultRulebook(dir.resolve("rulebook"), "");
        contexts.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("collection-strategy.rulebook=" + rulebook, "collection-strategy.reload.enabled=true")
                .run(context -> {
                    ReloadingCollectionStrategy reloading = context.getBean(ReloadingCollectionStrategy.class);
                    assertThat(reloading.isWatching()).isTrue();
                    Path drl = Files.list(rulebook.resolve("collection")).filter(p -> p.toString().endsWith(".drl"))
                            .sorted().findFirst().orElseThrow();
                    Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then oops", StandardCharsets.UTF_8);
                    assertThat(reloading.reloadNow()).isFalse();
                    Health health = context.getBean(CollectionStrategyHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> reload = (Map<String, Object>) health.getDetails().get("reload");
                    assertThat(reload).containsEntry("enabled", true).containsEntry("watching", true);
                    assertThat((long) reload.get("rejected")).isPositive();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> last = (Map<String, Object>) reload.get("last");
                    assertThat(last).containsEntry("result", "rejected");
                    assertThat(last.get("problems").toString()).contains(rulebook.relativize(drl).toString());
                    assertThat(context.getBean(MeterRegistry.class).get(CollectionStrategyMetrics.RELOADS)
                            .tag("result", "rejected").counter().count()).isPositive();
                    // the shared strategy keeps serving the previous rulebook
                    assertThat(context.getBean(CollectionStrategy.class).assess(EVASIVE, AS_OF).debtorType())
                            .isEqualTo("EVASIVE");
                });
    }

    @Test
    void reloadWithoutRulebook_failsToStartNamingTheProperty() {
        contexts.withPropertyValues("collection-strategy.reload.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("collection-strategy.rulebook");
        });
    }

    @Test
    void applicationsOwnStrategy_replacesTheAutoConfiguredOne() {
        CollectionStrategy own = CollectionStrategy.builder().defaultRulebook().locale(Locale.ENGLISH).build();
        contexts.withBean("myStrategy", CollectionStrategy.class, () -> own).run(context -> {
            assertThat(context).getBean(CollectionStrategy.class).isSameAs(own);
            assertThat(context).doesNotHaveBean(CollectionStrategyAutoConfiguration.STRATEGY_BEAN);
        });
    }

    /** The default rulebook written to a directory; {@code padding} changes its content (and so its version). */
    static Path copyOfDefaultRulebook(Path dir, String padding) {
        Rulebook.defaults().files().forEach((name, text) -> {
            try {
                Path p = dir.resolve(name);
                Files.createDirectories(p.getParent());
                Files.writeString(p, name.endsWith(".drl") ? text + padding : text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return dir;
    }
}
