package io.collectionstrategy.reload;

import io.collectionstrategy.Authoring;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.incentives.IncentivePolicy;
import io.collectionstrategy.incentives.IncentiveReport;
import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.IncentiveStatement;
import io.collectionstrategy.incentives.Receivable;
import io.collectionstrategy.incentives.SettlementPeriod;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An {@link IncentivePolicy} that serves a finance analyst's incentive rulebook directory and picks up its changes
 * while the application runs: the same hot reload as {@link ReloadingCollectionStrategy} (a watcher thread, a quiet
 * period, a change replaces the serving rulebook only when it compiles and passes its own scenarios, otherwise a
 * rejected {@link ReloadEvent} with every problem as {@code file:line: message}).
 *
 * <pre>{@code
 * try (ReloadingIncentivePolicy policy = ReloadingIncentivePolicy.watch(Path.of("rules/incentives"),
 *         b -> b.locale(Locale.ENGLISH), event -> System.out.println(event))) {
 *     IncentiveReport report = policy.settle(receivables, SettlementPeriod.FINAL, 2026);
 * }
 * }</pre>
 *
 * <p>Every call uses the rulebook serving when it starts: {@link #settle} settles all its receivables with one
 * rulebook. Thread-safe; {@link #close()} stops the watcher and the policy keeps serving its last rulebook.
 */
public final class ReloadingIncentivePolicy implements IncentivePolicy, AutoCloseable {

    private final Consumer<IncentivePolicy.Builder> settings;
    private final RulebookReloader<IncentivePolicy> reloader;

    private ReloadingIncentivePolicy(Path directory, Consumer<IncentivePolicy.Builder> settings,
                                     ReloadListener listener, boolean watch) {
        this.settings = settings == null ? b -> { } : settings;
        this.reloader = RulebookReloader.start(directory, this::build, IncentivePolicy::rulebook, listener,
                () -> ReloadingCollectionStrategy.DEFAULT_CANDIDATE_TIMEOUT_MILLIS, watch);
    }

    /**
     * Compiles the incentive rulebook directory and starts watching it for changes.
     *
     * @param rulebookDirectory the rulebook: {@code .drl} files, {@code texts/<locale>.yaml}, {@code scenarios/*.csv},
     *                          {@code rulebook.yaml} with {@code kind: incentives}
     * @param settings          applied to a fresh {@link IncentivePolicy.Builder} before every compilation, e.g.
     *                          {@code b -> b.locale(Locale.ENGLISH)}; the rulebook and
     *                          {@code requirePassingScenarios(true)} are set afterwards; may be null
     * @param listener          told about every reload and rejection; may be null
     * @return the policy, serving the directory's current rulebook; close it to stop the watcher
     * @throws RulebookException        when the rulebook does not compile or fails its scenarios
     * @throws IllegalArgumentException when the directory does not exist or holds no {@code .drl} file
     * @throws UncheckedIOException     when the directory cannot be read or watched
     */
    public static ReloadingIncentivePolicy watch(Path rulebookDirectory, Consumer<IncentivePolicy.Builder> settings,
                                                 ReloadListener listener) {
        return new ReloadingIncentivePolicy(rulebookDirectory, settings, listener, true);
    }

    /**
     * Compiles the incentive rulebook directory without watching it: changes are taken up by {@link #reloadNow()}.
     *
     * @param rulebookDirectory the rulebook directory
     * @param settings          applied to a fresh builder before every compilation; may be null
     * @param listener          told about every reload and rejection; may be null
     * @return the policy, serving the directory's current rulebook
     * @throws RulebookException when the rulebook does not compile or fails its scenarios
     */
    public static ReloadingIncentivePolicy manual(Path rulebookDirectory, Consumer<IncentivePolicy.Builder> settings,
                                                  ReloadListener listener) {
        return new ReloadingIncentivePolicy(rulebookDirectory, settings, listener, false);
    }

    private IncentivePolicy build(Rulebook rulebook) {
        IncentivePolicy.Builder builder = IncentivePolicy.builder();
        settings.accept(builder);
        return builder.rulebook(rulebook).requirePassingScenarios(true).build();
    }

    /**
     * Reads the directory now and swaps in its content when it changed, compiles and passes its scenarios.
     *
     * @return true when a new rulebook now serves
     */
    public boolean reloadNow() {
        return reloader.reloadNow();
    }

    /** @return the rulebook serving now, as a policy of its own that a later reload does not change */
    public IncentivePolicy current() {
        return reloader.current();
    }

    /** @return the watched rulebook directory, absolute */
    public Path directory() {
        return reloader.directory();
    }

    /** @return true while the watcher thread runs (never for {@link #manual manual(...)}) */
    public boolean isWatching() {
        return reloader.isWatching();
    }

    /** Stops the watcher thread; the policy keeps serving its last rulebook. */
    @Override
    public void close() {
        reloader.close();
    }

    @Override
    public IncentiveResult evaluate(Receivable receivable, SettlementPeriod period, int year) {
        return current().evaluate(receivable, period, year);
    }

    /** Settles every receivable with the rulebook serving when this method is called, even if a reload follows. */
    @Override
    public IncentiveReport settle(Collection<Receivable> receivables, SettlementPeriod period, int year) {
        return current().settle(receivables, period, year);
    }

    @Override
    public LocalDate settlementDate(SettlementPeriod period, int year) {
        return current().settlementDate(period, year);
    }

    @Override
    public String statement(IncentiveReport report, String unit, Locale locale) {
        return current().statement(report, unit, locale);
    }

    @Override
    public IncentiveStatement statements(SettlementPeriod period, int year, Locale locale) {
        return current().statements(period, year, locale);
    }

    @Override
    public RulebookInfo rulebook() {
        return current().rulebook();
    }

    @Override
    public List<Locale> locales() {
        return current().locales();
    }

    @Override
    public Locale locale() {
        return current().locale();
    }

    @Override
    public Authoring authoring() {
        return current().authoring();
    }

    @Override
    public String toString() {
        return "ReloadingIncentivePolicy[" + directory() + ", serving " + current().rulebook() + "]";
    }
}
