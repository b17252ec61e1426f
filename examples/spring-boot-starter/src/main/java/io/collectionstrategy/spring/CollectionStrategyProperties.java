package io.collectionstrategy.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code collection-strategy.*} properties of the auto-configured strategy.
 *
 * <pre>
 * collection-strategy.rulebook=/srv/rulebook          # a rulebook directory; unset: the default rulebook
 * collection-strategy.locale=en                       # scripts' language when a call gives none (default zh-CN)
 * collection-strategy.max-rule-firings=10000
 * collection-strategy.max-assessment-time=1s
 * collection-strategy.require-passing-scenarios=false # true: refuse to start when a scenario fails
 * collection-strategy.allow-unsafe-rules=false        # true skips the rule sandbox: trusted rulebooks only
 * collection-strategy.reload.enabled=false            # true: watch the rulebook directory, swap in changes
 * </pre>
 *
 * @param rulebook                an analyst's rulebook directory, or null for the default rulebook of the
 *                                {@code collection-strategy-rules} jar
 * @param locale                  the scripts' language when a call gives none
 * @param maxRuleFirings          rule firings one assessment may take before it fails as a loop
 * @param maxAssessmentTime       the time one assessment may take before it fails
 * @param requirePassingScenarios run the rulebook's scenarios at start and fail unless they pass
 * @param allowUnsafeRules        skip the rule sandbox (trusted rulebooks only)
 * @param reload                  hot reload of the rulebook directory
 */
@ConfigurationProperties("collection-strategy")
public record CollectionStrategyProperties(
        Path rulebook,
        @DefaultValue("zh-CN") Locale locale,
        @DefaultValue("10000") int maxRuleFirings,
        @DefaultValue("1s") Duration maxAssessmentTime,
        @DefaultValue("false") boolean requirePassingScenarios,
        @DefaultValue("false") boolean allowUnsafeRules,
        @DefaultValue Reload reload) {

    /**
     * Hot reload: the directory of {@code collection-strategy.rulebook} is watched, and a change is swapped in
     * only when it compiles and passes its scenarios; otherwise the previous rulebook keeps serving.
     *
     * @param enabled watch the rulebook directory; needs {@code collection-strategy.rulebook}
     */
    public record Reload(@DefaultValue("false") boolean enabled) {
    }
}
