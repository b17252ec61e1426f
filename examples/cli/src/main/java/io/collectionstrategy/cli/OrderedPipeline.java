package io.collectionstrategy.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Applies a function to a stream of inputs on a few threads and hands the results to a sink in input order, on the
 * calling thread. Inputs go to the workers in batches of up to {@link #BATCH} (one hand-off, one wake-up and one
 * future per batch, not per row: per-row hand-offs cost more system time than parsing a row). What is in flight is
 * bounded twice: at most {@code 256} inputs per thread, and at most {@link #MAX_WEIGHT_IN_FLIGHT} of their weight
 * (the characters of the rows), the batch being gathered included, so that memory is bounded by the bytes in flight,
 * not by the number of rows: a thousand rows of a megabyte each are not queued at once. One input heavier than that
 * still goes through, alone. Results already done are handed on as soon as the calling thread sees them. On a single
 * processor everything runs on the calling thread; otherwise even one worker thread runs beside it.
 */
final class OrderedPipeline {

    /** The most weight in flight: sixteen million characters of row text. */
    static final long MAX_WEIGHT_IN_FLIGHT = 16L << 20;

    /** The most inputs in one hand-off to a worker. */
    static final int BATCH = 64;

    /** The most inputs in flight per worker thread. */
    static final int PER_THREAD = 256;

    private OrderedPipeline() {
    }

    private record InFlight<R>(CompletableFuture<List<R>> results, long weight) {
    }

    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads,
                           ToLongFunction<I> weight) {
        run(inputs, work, sink, threads, weight, MAX_WEIGHT_IN_FLIGHT, BATCH);
    }

    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads,
                           ToLongFunction<I> weight, long maxWeight) {
        run(inputs, work, sink, threads, weight, maxWeight, BATCH);
    }

    /**
     * @param batch the most inputs per hand-off; 1 where each input must be answered before the next one arrives
     *              (a person typing rows)
     */
    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads,
                           ToLongFunction<I> weight, long maxWeight, int batch) {
        if (threads <= 1 && Runtime.getRuntime().availableProcessors() <= 1) {
            while (inputs.hasNext()) {
                sink.accept(work.apply(inputs.next()));
            }
            return;
        }
        int workers = Math.max(1, threads);
        int perBatch = Math.max(1, batch);
        int window = Math.max(1, workers * PER_THREAD / perBatch); // batches in flight
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "assess");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons);
        new Run<>(work, sink, pool, window, maxWeight).all(inputs, weight, perBatch);
    }

    /** One run's state: the batch being gathered and the batches in flight, oldest first. */
    private static final class Run<I, R> {
        private final Function<I, R> work;
        private final Consumer<R> sink;
        private final ExecutorService pool;
        private final int window;
        private final long maxWeight;
        private final ArrayDeque<InFlight<R>> inFlight = new ArrayDeque<>();
        private List<I> pending = new ArrayList<>();
        private long pendingWeight;
        private long weightInFlight;

        Run(Function<I, R> work, Consumer<R> sink, ExecutorService pool, int window, long maxWeight) {
            this.work = work;
            this.sink = sink;
            this.pool = pool;
            this.window = window;
            this.maxWeight = maxWeight;
        }

        void all(Iterator<I> inputs, ToLongFunction<I> weight, int perBatch) {
            try {
                while (inputs.hasNext()) {
                    I input = inputs.next();
                    long w = Math.max(1, weight.applyAsLong(input));
                    while (weightInFlight + pendingWeight + w > maxWeight && (!pending.isEmpty() || !inFlight.isEmpty())) {
                        if (!pending.isEmpty()) {
                            submit();
                        } else {
                            handOnOldest();
                        }
                    }
                    pending.add(input);
                    pendingWeight += w;
                    if (pending.size() >= perBatch) {
                        submit();
                    }
                    while (!inFlight.isEmpty() && inFlight.peek().results().isDone()) {
                        handOnOldest();
                    }
                }
                if (!pending.isEmpty()) {
                    submit();
                }
                while (!inFlight.isEmpty()) {
                    handOnOldest();
                }
            } finally {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void submit() {
            while (inFlight.size() >= window) {
                handOnOldest();
            }
            List<I> batch = pending;
            inFlight.add(new InFlight<>(CompletableFuture.supplyAsync(() -> {
                List<R> results = new ArrayList<>(batch.size());
                for (I input : batch) {
                    results.add(work.apply(input));
                }
                return results;
            }, pool), pendingWeight));
            weightInFlight += pendingWeight;
            pending = new ArrayList<>();
            pendingWeight = 0;
        }

        private void handOnOldest() {
            InFlight<R> done = inFlight.poll();
            List<R> results = join(done.results());
            weightInFlight -= done.weight();
            for (R r : results) {
                sink.accept(r);
            }
        }
    }

    private static <R> R join(CompletableFuture<R> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
