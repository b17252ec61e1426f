package io.collectionstrategy.reload;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Authoring;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookInfo;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A {@link CollectionStrategy} that serves an analyst's rulebook directory and picks up its changes while the
 * application runs (hot reload).
 *
 * <pre>{@code
 * try (ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(Path.of("rules/rulebook"),
 *         settings -> settings.locale(Locale.ENGLISH),
 *         event -> System.out.println(event))) {
 *     Assessment a = strategy.assess(debtor, LocalDate.now());   // always the latest rulebook that passed
 * }
 * }</pre>
 *
 * <p>How a change is taken up:
 * <ul>
 *   <li>The directory is compiled at start; a rulebook that does not compile or fails its own scenarios
 *       ({@code scenarios/*.csv}) fails the start with a {@link RulebookException}.</li>
 *   <li>{@link #watch watch(...)} starts a daemon thread named {@value #THREAD_NAME} that watches the directory and
 *       every subdirectory (also ones created later) and waits for a quiet period of {@value #QUIET_PERIOD_MILLIS}
 *       ms after a burst of changes (an editor saving several files) before it reloads.</li>
 *   <li>A reload reads the directory; if its content differs from the serving rulebook, it compiles it and runs its
 *       scenarios (as {@link CollectionStrategy.Builder#requirePassingScenarios(boolean) requirePassingScenarios(true)}).
 *       Only when both pass does the new rulebook replace the old one, in one atomic step. Otherwise the old
 *       rulebook keeps serving, the {@link ReloadListener} gets a rejected {@link ReloadEvent} with every problem as
 *       {@code file:line: message}, and each problem is logged (slf4j, level WARN).</li>
 *   <li>Every call reads the serving rulebook once and uses it for the whole call, so an assessment in flight is
 *       never failed by a reload, and never mixes two rulebooks. {@link #assessAll} keeps one rulebook for the whole
 *       stream; {@link #current()} gives a snapshot to pin a rulebook across several calls.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the watcher; the strategy keeps serving its last rulebook afterwards.
 * The watcher relies on {@link WatchService}: on Linux and Windows changes are seen at once, on macOS the JDK polls
 * and a change may take several seconds to be seen. Applications that prefer no watcher thread use
 * {@link #manual manual(...)} and call {@link #reloadNow()} when they choose.
 */
public final class ReloadingCollectionStrategy implements CollectionStrategy, AutoCloseable {

    /** The name of the watcher thread. */
    public static final String THREAD_NAME = "collection-strategy-reload";

    /** How long the directory must stay unchanged after a change before the watcher reloads, in milliseconds. */
    public static final long QUIET_PERIOD_MILLIS = 250;

    /** The name of the thread a candidate rulebook is compiled and tested on. */
    public static final String CANDIDATE_THREAD_NAME = "collection-strategy-reload-candidate";

    /**
     * How long compiling a candidate and running its scenarios may take before the candidate is rejected as
     * stalled, in milliseconds. Each assessment of its scenarios is bounded too ({@code maxAssessmentTime}).
     */
    public static final long DEFAULT_CANDIDATE_TIMEOUT_MILLIS = 120_000;

    private final Consumer<CollectionStrategy.Builder> settings;
    private final RulebookReloader<CollectionStrategy> reloader;
    /** Package-private for tests: {@link #DEFAULT_CANDIDATE_TIMEOUT_MILLIS} unless a test shortens it. */
    volatile long candidateTimeoutMillis = DEFAULT_CANDIDATE_TIMEOUT_MILLIS;

    private ReloadingCollectionStrategy(Path directory, Consumer<CollectionStrategy.Builder> settings,
                                        ReloadListener listener, boolean watch) {
        this.settings = settings == null ? b -> { } : settings;
        this.reloader = RulebookReloader.start(directory, this::build, CollectionStrategy::rulebook, listener,
                () -> candidateTimeoutMillis, watch);
    }

    /**
     * Compiles the rulebook directory and starts watching it for changes.
     *
     * @param rulebookDirectory the analyst's rulebook: {@code .drl} files, {@code scripts/<locale>.yaml},
     *                          {@code scenarios/*.csv}, in any subdirectories
     * @param settings          applied to a fresh {@link CollectionStrategy.Builder} before every compilation, e.g.
     *                          {@code b -> b.locale(Locale.ENGLISH)}; the rulebook and
     *                          {@code requirePassingScenarios(true)} are set afterwards; may be null
     * @param listener          told about every reload and rejection; may be null (the log still records them)
     * @return the strategy, serving the directory's current rulebook; close it to stop the watcher
     * @throws RulebookException        when the rulebook does not compile or fails its scenarios
     * @throws IllegalArgumentException when the directory does not exist or holds no {@code .drl} file, or the
     *                                  locale of the settings is not in the script catalogue
     * @throws UncheckedIOException     when the directory cannot be read or watched
     */
    public static ReloadingCollectionStrategy watch(Path rulebookDirectory, Consumer<CollectionStrategy.Builder> settings,
                                                    ReloadListener listener) {
        return new ReloadingCollectionStrategy(rulebookDirectory, settings, listener, true);
    }

    /**
     * Compiles the rulebook directory without watching it: changes are taken up only by {@link #reloadNow()}.
     *
     * @param rulebookDirectory the analyst's rulebook directory
     * @param settings          applied to a fresh builder before every compilation; may be null
     * @param listener          told about every reload and rejection; may be null
     * @return the strategy, serving the directory's current rulebook
     * @throws RulebookException        when the rulebook does not compile or fails its scenarios
     * @throws IllegalArgumentException when the directory does not exist or holds no {@code .drl} file, or the
     *                                  locale of the settings is not in the script catalogue
     * @see #watch(Path, Consumer, ReloadListener)
     */
    public static ReloadingCollectionStrategy manual(Path rulebookDirectory, Consumer<CollectionStrategy.Builder> settings,
                                                     ReloadListener listener) {
        return new ReloadingCollectionStrategy(rulebookDirectory, settings, listener, false);
    }

    private CollectionStrategy build(Rulebook rulebook) {
        CollectionStrategy.Builder builder = CollectionStrategy.builder();
        settings.accept(builder);
        return builder.rulebook(rulebook).requirePassingScenarios(true).build();
    }

    /**
     * Reads the directory now and, if its content changed, compiles it and runs its scenarios; swaps it in when both
     * pass. The listener is told either way (not when nothing changed). Returns when the attempt is over.
     *
     * @return true when a new rulebook now serves; false when nothing changed or the change was rejected
     */
    public boolean reloadNow() {
        return reloader.reloadNow();
    }

    /**
     * The rulebook serving now, as a strategy of its own that a later reload does not change: use it to assess a
     * batch with one rulebook.
     *
     * @return the current strategy
     */
    public CollectionStrategy current() {
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

    /**
     * Stops the watcher thread and waits briefly for it to end. The strategy keeps serving its last rulebook and
     * {@link #reloadNow()} still works. Calling it again does nothing.
     */
    @Override
    public void close() {
        reloader.close();
    }

    // ---------------------------------------------------------------- CollectionStrategy, delegated

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf) {
        return current().assess(debtor, asOf);
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
        return current().assess(debtor, asOf, locale);
    }

    @Override
    public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
        return current().assess(debtor, at, locale);
    }

    /** Assesses the whole stream with the rulebook serving when this method is called, even if a reload follows. */
    @Override
    public Stream<Assessment> assessAll(Stream<Debtor> debtors, LocalDate asOf) {
        return current().assessAll(debtors, asOf);
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

    /** The authoring view of the rulebook serving now; a later reload does not change the view it returned. */
    @Override
    public Authoring authoring() {
        return current().authoring();
    }

    @Override
    public String toString() {
        return "ReloadingCollectionStrategy[" + directory() + ", serving " + current().rulebook() + "]";
    }
}
