package io.collectionstrategy.micrometer;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Authoring;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.reload.ReloadEvent;
import io.collectionstrategy.reload.ReloadListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of collection-strategy on one {@link MeterRegistry}. In Prometheus' text format (dots become
 * underscores, counters get {@code _total}):
 *
 * <table>
 *   <caption>meters</caption>
 *   <tr><th>meter</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@value #ASSESSMENTS} (counter)</td><td>{@code debtorType}, {@code situation} ({@code none} when
 *       there is none)</td><td>assessments made</td></tr>
 *   <tr><td>{@value #ERRORS} (counter)</td><td>{@code kind}: {@code INVALID_DEBTOR}, {@code ASSESSMENT_FAILED},
 *       {@code MALFORMED_RECORD}</td><td>debtors or records that got no assessment</td></tr>
 *   <tr><td>{@value #ASSESSMENT_TIME} (timer, with a histogram)</td><td>{@code outcome}: {@code assessed} or
 *       {@code failed}</td><td>time of each call to {@code assess}</td></tr>
 *   <tr><td>{@value #RELOADS} (counter)</td><td>{@code result}: {@code accepted} or {@code rejected}</td>
 *       <td>hot reloads of a rulebook that found a change</td></tr>
 * </table>
 *
 * <p>Tag values come from the rulebook (debtor types and situations are its open vocabularies), so their number is
 * bounded by the rulebook, never by the input. No tag ever carries a case id, a name or any other debtor data.
 *
 * <pre>{@code
 * CollectionStrategyMetrics metrics = new CollectionStrategyMetrics(registry);
 * CollectionStrategy strategy = metrics.instrument(CollectionStrategy.builder().defaultRulebook().build());
 * // reloads: pass metrics (a ReloadListener) to ReloadingCollectionStrategy.watch(dir, settings, metrics)
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CollectionStrategyMetrics implements ReloadListener {

    /** Counter of assessments, tagged {@code debtorType} and {@code situation}. */
    public static final String ASSESSMENTS = "collection.strategy.assessments";
    /** Counter of debtors or records without an assessment, tagged {@code kind}. */
    public static final String ERRORS = "collection.strategy.errors";
    /** Timer of {@code assess} calls, tagged {@code outcome}. */
    public static final String ASSESSMENT_TIME = "collection.strategy.assessment.time";
    /** Counter of reload attempts that found a change, tagged {@code result}. */
    public static final String RELOADS = "collection.strategy.reloads";
    /** The {@code situation} tag of an assessment without a situation. */
    public static final String NO_SITUATION = "none";

    private final MeterRegistry registry;
    private final Timer assessedTime;
    private final Timer failedTime;
    private final Counter reloadsAccepted;
    private final Counter reloadsRejected;

    /**
     * Registers the meters that exist from the start (errors of each kind, reloads, the timers) at zero, so that
     * alerts on them work before the first event.
     *
     * @param registry where the meters go
     */
    public CollectionStrategyMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.assessedTime = timer("assessed");
        this.failedTime = timer("failed");
        for (RowResult.Kind kind : RowResult.Kind.values()) {
            errorCounter(kind);
        }
        this.reloadsAccepted = reloadCounter("accepted");
        this.reloadsRejected = reloadCounter("rejected");
    }

    private Timer timer(String outcome) {
        return Timer.builder(ASSESSMENT_TIME)
                .description("Time of one assessment")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    private Counter errorCounter(RowResult.Kind kind) {
        return Counter.builder(ERRORS).description("Debtors or records that got no assessment")
                .tag("kind", kind.name()).register(registry);
    }

    private Counter reloadCounter(String result) {
        return Counter.builder(RELOADS).description("Reloads of the rulebook that found a change")
                .tag("result", result).register(registry);
    }

    /**
     * @param strategy the strategy to measure
     * @return a strategy that assesses with {@code strategy} and records every assessment, failure and its time;
     *         everything else (rulebook, locales, authoring) is {@code strategy}'s: an analyst's
     *         {@code authoring().trace(...)} is not counted
     */
    public CollectionStrategy instrument(CollectionStrategy strategy) {
        return new Instrumented(Objects.requireNonNull(strategy, "strategy"), this);
    }

    /**
     * Counts and times one row as a row-based caller saw it (read, then assessed, or failed): for callers that turn
     * records into {@link RowResult}s, such as an HTTP service or a batch job, instead of {@link #instrument}. Never
     * use both for the same assessment, or it is counted twice.
     *
     * @param result       the row's assessment or failure
     * @param elapsedNanos how long reading and assessing it took, in nanoseconds; negative when not measured
     *                     (a record that could not even be read)
     * @return {@code result}
     */
    public RowResult record(RowResult result, long elapsedNanos) {
        if (result.ok()) {
            if (elapsedNanos >= 0) {
                assessedTime.record(elapsedNanos, TimeUnit.NANOSECONDS);
            }
            assessed(result.assessment());
        } else {
            if (elapsedNanos >= 0) {
                failedTime.record(elapsedNanos, TimeUnit.NANOSECONDS);
            }
            errorCounter(result.failure().kind()).increment();
        }
        return result;
    }

    private void assessed(Assessment a) {
        Counter.builder(ASSESSMENTS).description("Assessments made")
                .tag("debtorType", a.debtorType())
                .tag("situation", a.situation() == null ? NO_SITUATION : a.situation())
                .register(registry).increment();
    }

    /** Counts a reload: accepted (the change serves) or rejected (the previous rulebook keeps serving). */
    @Override
    public void onReload(ReloadEvent event) {
        (event.reloaded() ? reloadsAccepted : reloadsRejected).increment();
    }

    private Assessment timed(Supplier<Assessment> call) {
        long start = System.nanoTime();
        try {
            Assessment a = call.get();
            assessedTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            assessed(a);
            return a;
        } catch (InvalidDebtorException e) {
            failedTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            errorCounter(RowResult.Kind.INVALID_DEBTOR).increment();
            throw e;
        } catch (RuntimeException | Error e) { // as RowAssessor: anything else a rule raised fails the assessment
            failedTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            errorCounter(RowResult.Kind.ASSESSMENT_FAILED).increment();
            throw e;
        }
    }

    /** A strategy that measures another one; everything but {@code assess} is the other one's. */
    private static final class Instrumented implements CollectionStrategy {
        private final CollectionStrategy delegate;
        private final CollectionStrategyMetrics metrics;

        Instrumented(CollectionStrategy delegate, CollectionStrategyMetrics metrics) {
            this.delegate = delegate;
            this.metrics = metrics;
        }

        @Override
        public Assessment assess(Debtor debtor, LocalDate asOf) {
            return metrics.timed(() -> delegate.assess(debtor, asOf));
        }

        @Override
        public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
            return metrics.timed(() -> delegate.assess(debtor, asOf, locale));
        }

        @Override
        public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
            return metrics.timed(() -> delegate.assess(debtor, at, locale));
        }

        @Override
        public RulebookInfo rulebook() {
            return delegate.rulebook();
        }

        @Override
        public List<Locale> locales() {
            return delegate.locales();
        }

        @Override
        public Locale locale() {
            return delegate.locale();
        }

        @Override
        public Authoring authoring() {
            return delegate.authoring();
        }

        @Override
        public String toString() {
            return "metered " + delegate;
        }
    }
}
