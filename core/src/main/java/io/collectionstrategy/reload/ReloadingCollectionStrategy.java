package io.collectionstrategy.reload;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Authoring;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** The longest the watcher waits for a quiet period while changes keep coming, in milliseconds. */
    private static final long MAX_DELAY_MILLIS = 3_000;

    /** The name of the thread a candidate rulebook is compiled and tested on. */
    public static final String CANDIDATE_THREAD_NAME = "collection-strategy-reload-candidate";

    /**
     * How long compiling a candidate and running its scenarios may take before the candidate is rejected as
     * stalled, in milliseconds. Each assessment of its scenarios is bounded too ({@code maxAssessmentTime}).
     */
    public static final long DEFAULT_CANDIDATE_TIMEOUT_MILLIS = 120_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingCollectionStrategy.class);

    private final Path directory;
    private final Consumer<CollectionStrategy.Builder> settings;
    private final ReloadListener listener;
    private final Object reloadLock = new Object();
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();

    private volatile CollectionStrategy current;
    /** Version of the last rejected content, so the watcher does not report the same rejection twice. */
    private String lastRejected;
    private WatchService watchService;
    private volatile Thread watcher;
    private volatile boolean closed;
    /** Compiles and tests candidates, so a stalled one cannot hold the watcher; replaced when one stalls. */
    private java.util.concurrent.ExecutorService candidates = newCandidateThread();
    /** Package-private for tests: {@link #DEFAULT_CANDIDATE_TIMEOUT_MILLIS} unless a test shortens it. */
    volatile long candidateTimeoutMillis = DEFAULT_CANDIDATE_TIMEOUT_MILLIS;

    private ReloadingCollectionStrategy(Path directory, Consumer<CollectionStrategy.Builder> settings,
                                        ReloadListener listener) {
        this.directory = directory;
        this.settings = settings == null ? b -> { } : settings;
        this.listener = listener == null ? ReloadListener.none() : listener;
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
        return start(rulebookDirectory, settings, listener, true);
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
        return start(rulebookDirectory, settings, listener, false);
    }

    private static ReloadingCollectionStrategy start(Path rulebookDirectory, Consumer<CollectionStrategy.Builder> settings,
                                                     ReloadListener listener, boolean watch) {
        Objects.requireNonNull(rulebookDirectory, "rulebookDirectory");
        ReloadingCollectionStrategy strategy = new ReloadingCollectionStrategy(
                rulebookDirectory.toAbsolutePath().normalize(), settings, listener);
        try {
            if (watch) {
                // watch before the first compilation, so a change made meanwhile is not missed
                strategy.openWatchService();
            }
            strategy.current = strategy.build(Rulebook.fromDirectory(strategy.directory));
        } catch (RuntimeException | Error e) {
            strategy.close();
            throw e;
        }
        if (watch) {
            strategy.startWatcher();
        }
        LOG.info("serving rulebook {} version {} from {}{}", strategy.current.rulebook().name(),
                strategy.current.rulebook().version(), strategy.directory, watch ? ", watching for changes" : "");
        return strategy;
    }

    /**
     * Reads the directory now and, if its content changed, compiles it and runs its scenarios; swaps it in when both
     * pass. The listener is told either way (not when nothing changed). Returns when the attempt is over.
     *
     * @return true when a new rulebook now serves; false when nothing changed or the change was rejected
     */
    public boolean reloadNow() {
        return reload(true);
    }

    /**
     * The rulebook serving now, as a strategy of its own that a later reload does not change: use it to assess a
     * batch with one rulebook.
     *
     * @return the current strategy
     */
    public CollectionStrategy current() {
        return current;
    }

    /** @return the watched rulebook directory, absolute */
    public Path directory() {
        return directory;
    }

    /** @return true while the watcher thread runs (never for {@link #manual manual(...)}) */
    public boolean isWatching() {
        Thread t = watcher;
        return t != null && t.isAlive();
    }

    /**
     * Stops the watcher thread and waits briefly for it to end. The strategy keeps serving its last rulebook and
     * {@link #reloadNow()} still works. Calling it again does nothing.
     */
    @Override
    public void close() {
        closed = true;
        candidates.shutdownNow();
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service of {} failed: {}", directory, e.toString());
            }
        }
        Thread t = watcher;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- reloading

    private CollectionStrategy build(Rulebook rulebook) {
        CollectionStrategy.Builder builder = CollectionStrategy.builder();
        settings.accept(builder);
        return builder.rulebook(rulebook).requirePassingScenarios(true).build();
    }

    /**
     * @param explicit true for {@link #reloadNow()}: also retries content that was rejected before
     */
    private boolean reload(boolean explicit) {
        synchronized (reloadLock) {
            CollectionStrategy before = current;
            RulebookInfo serving = before.rulebook();
            Rulebook rulebook;
            try {
                rulebook = Rulebook.fromDirectory(directory);
            } catch (RuntimeException e) {
                reject(serving, List.of(problemOf(e)));
                return false;
            }
            String version = rulebook.version();
            if (version.equals(serving.version()) || (!explicit && version.equals(lastRejected))) {
                LOG.debug("rulebook {} unchanged (version {})", directory, version);
                return false;
            }
            CollectionStrategy next;
            try {
                next = buildCandidate(rulebook);
            } catch (RulebookException e) {
                lastRejected = version;
                reject(serving, e.problems().isEmpty() ? List.of(problemOf(e)) : e.problems());
                return false;
            } catch (Throwable e) { // anything a candidate throws, Errors included, only rejects it
                if (e instanceof InternalError || e instanceof UnknownError) {
                    throw (Error) e;
                }
                lastRejected = version;
                reject(serving, List.of(problemOf(e)));
                return false;
            }
            current = next;
            lastRejected = null;
            LOG.info("rulebook {} reloaded from {}: version {} -> {}", next.rulebook().name(), directory,
                    serving.version(), next.rulebook().version());
            tell(ReloadEvent.reloaded(serving, next.rulebook()));
            return true;
        }
    }

    /**
     * Compiles a candidate and runs its scenarios on the candidate thread, for at most
     * {@link #DEFAULT_CANDIDATE_TIMEOUT_MILLIS}. A candidate still running then is rejected; its thread is
     * interrupted and abandoned, and a new candidate thread takes its place (the log says so).
     */
    private CollectionStrategy buildCandidate(Rulebook rulebook) throws Throwable {
        java.util.concurrent.Future<CollectionStrategy> future;
        try {
            future = candidates.submit(() -> build(rulebook));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            candidates = newCandidateThread(); // shut down by close(): reloadNow still works
            future = candidates.submit(() -> build(rulebook));
        }
        try {
            return future.get(candidateTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            candidates.shutdownNow();
            candidates = newCandidateThread();
            LOG.warn("rulebook {}: the candidate version {} was still compiling or running its scenarios after {} ms;"
                    + " rejected, and its thread {} replaced by a new one", directory, rulebook.version(),
                    candidateTimeoutMillis, CANDIDATE_THREAD_NAME);
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", List.of(new RulebookProblem(
                    ".", 0, "compiling the rulebook and running its scenarios took longer than " + candidateTimeoutMillis
                    + " ms: rejected as stalled")));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", List.of(new RulebookProblem(
                    ".", 0, "interrupted while compiling the rulebook")));
        }
    }

    private static java.util.concurrent.ExecutorService newCandidateThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, CANDIDATE_THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    private void reject(RulebookInfo serving, List<RulebookProblem> problems) {
        LOG.warn("rulebook {} in {}: change rejected with {} {}, still serving version {}", serving.name(), directory,
                problems.size(), problems.size() == 1 ? "problem" : "problems", serving.version());
        for (RulebookProblem problem : problems) {
            LOG.warn("rulebook {} change rejected: {}", serving.name(), problem);
        }
        tell(ReloadEvent.rejected(serving, problems));
    }

    private void tell(ReloadEvent event) {
        try {
            listener.onReload(event);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("the reload listener failed on {}", event, e);
        }
    }

    /** A failure that names no file: it concerns the rulebook directory as a whole ({@code "."}). */
    private static RulebookProblem problemOf(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e instanceof Error ? e.toString() : e.getMessage();
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            message += ": " + e.getCause();
        }
        return new RulebookProblem(".", 0, message.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    // ---------------------------------------------------------------- watching

    private void openWatchService() {
        try {
            watchService = directory.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rulebook directory " + directory, e);
        }
        if (!Files.isDirectory(directory)) {
            return; // Rulebook.fromDirectory reports it
        }
        registerTree(directory);
    }

    /** Watches the directory and every subdirectory below it, except hidden ones (e.g. {@code .git}). */
    private void registerTree(Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(directory) && ignored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    watched.put(dir.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // e.g. deleted meanwhile
                }
            });
        } catch (ClosedWatchServiceException e) {
            // closing
        } catch (IOException e) {
            if (start.equals(directory)) {
                throw new UncheckedIOException("cannot watch the rulebook directory " + directory, e);
            }
            LOG.warn("cannot watch {} for rulebook changes: {}", start, e.toString());
        }
    }

    /** Names the rulebook skips as well: hidden files, editor backups and lock files. */
    private static boolean ignored(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith(".") || s.endsWith("~") || s.startsWith("#");
    }

    private void startWatcher() {
        Thread t = new Thread(this::watchLoop, THREAD_NAME);
        t.setDaemon(true);
        // The loop catches everything; should the thread still die, a new one takes over and the log says so.
        t.setUncaughtExceptionHandler((dead, e) -> {
            if (!closed) {
                LOG.error("the watcher thread of rulebook {} died; a new watcher thread replaces it", directory, e);
                startWatcher();
            }
        });
        watcher = t;
        t.start();
    }

    private void watchLoop() {
        long firstChange = 0; // nanoTime of the first change not yet reloaded; 0 = none
        try {
            while (!closed) {
                WatchKey key;
                if (firstChange == 0) {
                    key = watchService.take();
                } else {
                    key = watchService.poll(QUIET_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (key != null && handle(key) && firstChange == 0) {
                    firstChange = System.nanoTime();
                }
                boolean overdue = firstChange != 0
                        && System.nanoTime() - firstChange > TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS);
                if (firstChange != 0 && (key == null || overdue) && !closed) {
                    firstChange = 0;
                    try {
                        reload(false);
                    } catch (Throwable e) { // the watcher never stops watching
                        LOG.error("reloading rulebook {} failed unexpectedly; still serving version {}", directory,
                                current.rulebook().version(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called
        }
        LOG.debug("stopped watching rulebook {}", directory);
    }

    /** @return true when an event may have changed the rulebook */
    private boolean handle(WatchKey key) {
        Path dir = watched.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                relevant = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (ignored(child)) {
                continue;
            }
            relevant = true;
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(child);
            }
        }
        if (!key.reset()) {
            watched.remove(key); // the directory was deleted
        }
        return relevant;
    }

    // ---------------------------------------------------------------- CollectionStrategy, delegated

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf) {
        return current.assess(debtor, asOf);
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
        return current.assess(debtor, asOf, locale);
    }

    @Override
    public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
        return current.assess(debtor, at, locale);
    }

    /** Assesses the whole stream with the rulebook serving when this method is called, even if a reload follows. */
    @Override
    public Stream<Assessment> assessAll(Stream<Debtor> debtors, LocalDate asOf) {
        return current.assessAll(debtors, asOf);
    }

    @Override
    public RulebookInfo rulebook() {
        return current.rulebook();
    }

    @Override
    public List<Locale> locales() {
        return current.locales();
    }

    @Override
    public Locale locale() {
        return current.locale();
    }

    /** The authoring view of the rulebook serving now; a later reload does not change the view it returned. */
    @Override
    public Authoring authoring() {
        return current.authoring();
    }

    @Override
    public String toString() {
        return "ReloadingCollectionStrategy[" + directory + ", serving " + current.rulebook() + "]";
    }
}
