package io.collectionstrategy.cli;

import java.util.ArrayDeque;
import java.util.Iterator;
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
 * calling thread. What is in flight is bounded twice: at most {@code 256} inputs per thread, and at most
 * {@link #MAX_WEIGHT_IN_FLIGHT} of their weight (the characters of the rows), so that memory is bounded by the
 * bytes in flight, not by the number of rows: a thousand rows of a megabyte each are not queued at once. One input
 * heavier than that still goes through, alone. On a single processor everything runs on the calling thread;
 * otherwise even one worker thread runs beside it.
 */
final class OrderedPipeline {

    /** The most weight in flight: sixteen million characters of row text. */
    static final long MAX_WEIGHT_IN_FLIGHT = 16L << 20;

    private OrderedPipeline() {
    }

    private record InFlight<R>(CompletableFuture<R> result, long weight) {
    }

    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads,
                           ToLongFunction<I> weight) {
        run(inputs, work, sink, threads, weight, MAX_WEIGHT_IN_FLIGHT);
    }

    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads,
                           ToLongFunction<I> weight, long maxWeight) {
        if (threads <= 1 && Runtime.getRuntime().availableProcessors() <= 1) {
            while (inputs.hasNext()) {
                sink.accept(work.apply(inputs.next()));
            }
            return;
        }
        int window = Math.max(1, threads) * 256;
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "assess");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemons);
        ArrayDeque<InFlight<R>> inFlight = new ArrayDeque<>(window + 1);
        long weightInFlight = 0;
        try {
            while (inputs.hasNext()) {
                I input = inputs.next();
                long w = Math.max(1, weight.applyAsLong(input));
                while (!inFlight.isEmpty() && (inFlight.size() >= window || weightInFlight + w > maxWeight)) {
                    InFlight<R> done = inFlight.poll();
                    weightInFlight -= done.weight();
                    sink.accept(join(done.result()));
                }
                inFlight.add(new InFlight<>(CompletableFuture.supplyAsync(() -> work.apply(input), pool), w));
                weightInFlight += w;
            }
            while (!inFlight.isEmpty()) {
                sink.accept(join(inFlight.poll().result()));
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
