package io.collectionstrategy.reload;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves what is compiled from a rulebook directory and replaces it when the directory changes, for any kind of
 * rulebook: the watcher thread, the quiet period, the candidate thread with its time limit, the reload events.
 * {@link ReloadingCollectionStrategy} and {@link ReloadingIncentivePolicy} are this with their own builder; see the
 * former for how a change is taken up. Thread-safe.
 *
 * @param <T> what a rulebook compiles to, e.g. a {@code CollectionStrategy}
 */
final class RulebookReloader<T> implements AutoCloseable {

    /** The longest the watcher waits for a quiet period while changes keep coming, in milliseconds. */
    private static final long MAX_DELAY_MILLIS = 3_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingCollectionStrategy.class);

    private final Path directory;
    /** Compiles a rulebook and runs its scenarios; throws when either fails. */
    private final Function<Rulebook, T> build;
    private final Function<T, RulebookInfo> info;
    private final ReloadListener listener;
    private final LongSupplier candidateTimeoutMillis;
    private final Object reloadLock = new Object();
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();

    private volatile T current;
    /** Version of the last rejected content, so the watcher does not report the same rejection twice. */
    private String lastRejected;
    private WatchService watchService;
    private volatile Thread watcher;
    private volatile boolean closed;
    /** Compiles and tests candidates, so a stalled one cannot hold the watcher; replaced when one stalls. */
    private java.util.concurrent.ExecutorService candidates = newCandidateThread();

    private RulebookReloader(Path directory, Function<Rulebook, T> build, Function<T, RulebookInfo> info,
                             ReloadListener listener, LongSupplier candidateTimeoutMillis) {
        this.directory = directory;
        this.build = build;
        this.info = info;
        this.listener = listener == null ? ReloadListener.none() : listener;
        this.candidateTimeoutMillis = candidateTimeoutMillis;
    }

    /**
     * Compiles the directory and, when {@code watch}, starts watching it.
     *
     * @param directory              the rulebook directory
     * @param build                  compiles a rulebook and runs its scenarios, throwing when either fails
     * @param info                   the name and version of what {@code build} made
     * @param listener               told about every reload and rejection; may be null
     * @param candidateTimeoutMillis how long a candidate may take, read at each reload
     * @param watch                  true to start the watcher thread
     * @return the reloader, serving the directory's current rulebook
     */
    static <T> RulebookReloader<T> start(Path directory, Function<Rulebook, T> build, Function<T, RulebookInfo> info,
                                         ReloadListener listener, LongSupplier candidateTimeoutMillis, boolean watch) {
        Objects.requireNonNull(directory, "rulebookDirectory");
        RulebookReloader<T> reloader = new RulebookReloader<>(directory.toAbsolutePath().normalize(), build, info,
                listener, candidateTimeoutMillis);
        try {
            if (watch) {
                // watch before the first compilation, so a change made meanwhile is not missed
                reloader.openWatchService();
            }
            reloader.current = build.apply(Rulebook.fromDirectory(reloader.directory));
        } catch (RuntimeException | Error e) {
            reloader.close();
            throw e;
        }
        if (watch) {
            reloader.startWatcher();
        }
        RulebookInfo serving = info.apply(reloader.current);
        LOG.info("serving rulebook {} version {} from {}{}", serving.name(), serving.version(), reloader.directory,
                watch ? ", watching for changes" : "");
        return reloader;
    }

    /** @return the serving value */
    T current() {
        return current;
    }

    /** @return true when a new rulebook now serves */
    boolean reloadNow() {
        return reload(true);
    }

    Path directory() {
        return directory;
    }

    boolean isWatching() {
        Thread t = watcher;
        return t != null && t.isAlive();
    }

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

    /**
     * @param explicit true for {@link #reloadNow()}: also retries content that was rejected before
     */
    private boolean reload(boolean explicit) {
        synchronized (reloadLock) {
            T before = current;
            RulebookInfo serving = info.apply(before);
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
            T next;
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
            RulebookInfo now = info.apply(next);
            LOG.info("rulebook {} reloaded from {}: version {} -> {}", now.name(), directory, serving.version(),
                    now.version());
            tell(ReloadEvent.reloaded(serving, now));
            return true;
        }
    }

    /**
     * Compiles a candidate and runs its scenarios on the candidate thread, for at most
     * {@link #DEFAULT_CANDIDATE_TIMEOUT_MILLIS}. A candidate still running then is rejected; its thread is
     * interrupted and abandoned, and a new candidate thread takes its place (the log says so).
     */
    private T buildCandidate(Rulebook rulebook) throws Throwable {
        java.util.concurrent.Future<T> future;
        try {
            future = candidates.submit(() -> build.apply(rulebook));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            candidates = newCandidateThread(); // shut down by close(): reloadNow still works
            future = candidates.submit(() -> build.apply(rulebook));
        }
        try {
            return future.get(candidateTimeoutMillis.getAsLong(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            candidates.shutdownNow();
            candidates = newCandidateThread();
            LOG.warn("rulebook {}: the candidate version {} was still compiling or running its scenarios after {} ms;"
                    + " rejected, and its thread {} replaced by a new one", directory, rulebook.version(),
                    candidateTimeoutMillis.getAsLong(), ReloadingCollectionStrategy.CANDIDATE_THREAD_NAME);
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", List.of(new RulebookProblem(
                    ".", 0, "compiling the rulebook and running its scenarios took longer than "
                    + candidateTimeoutMillis.getAsLong() + " ms: rejected as stalled")));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RulebookException(rulebook.name() + " (" + rulebook.origin() + ")", List.of(new RulebookProblem(
                    ".", 0, "interrupted while compiling the rulebook")));
        }
    }

    private static java.util.concurrent.ExecutorService newCandidateThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, ReloadingCollectionStrategy.CANDIDATE_THREAD_NAME);
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
        Thread t = new Thread(this::watchLoop, ReloadingCollectionStrategy.THREAD_NAME);
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
                    key = watchService.poll(ReloadingCollectionStrategy.QUIET_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
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
                                info.apply(current).version(), e);
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

}
