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

/**
 * Applies a function to a stream of inputs on a few threads and hands the results to a sink in input order, on the
 * calling thread. At most {@code window} inputs are in flight, so memory stays constant whatever the input size.
 * On a single processor everything runs on the calling thread; otherwise even one worker thread runs beside it.
 */
final class OrderedPipeline {

    private OrderedPipeline() {
    }

    static <I, R> void run(Iterator<I> inputs, Function<I, R> work, Consumer<R> sink, int threads) {
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
        ArrayDeque<CompletableFuture<R>> inFlight = new ArrayDeque<>(window + 1);
        try {
            while (inputs.hasNext()) {
                I input = inputs.next();
                inFlight.add(CompletableFuture.supplyAsync(() -> work.apply(input), pool));
                if (inFlight.size() >= window) {
                    sink.accept(join(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                sink.accept(join(inFlight.poll()));
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
            throw e;
        }
    }
}
