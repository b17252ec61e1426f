package io.collectionstrategy.benchmarks;

import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.SyntheticPortfolio;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the HTTP service ({@code collection-strategy serve}) with concurrent clients for a fixed time and reports
 * throughput, latency percentiles and errors. Each client is one thread with its own JDK {@link HttpClient} (one
 * keep-alive connection), sending {@code POST /v1/assessments} with valid synthetic debtors in turn and waiting for
 * each answer before the next (a closed loop). A request counts as an error unless it gets 200 with a body.
 * Addresses other than loopback are refused: this is a tool for this machine.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.collectionstrategy.benchmarks.LoadTest \
 *     [--url http://127.0.0.1:8080] [--clients 8] [--seconds 30] [--warmup 5] [--rows 1000] [--seed 42]
 * </pre>
 *
 * Exit status 0 when no request failed, 1 otherwise, 2 for bad arguments. {@code load.sh} starts the service and
 * runs this.
 */
public final class LoadTest {

    private LoadTest() {
    }

    /**
     * What one run measured.
     *
     * @param requests  requests answered in the measured time (errors included)
     * @param errors    requests that did not get 200
     * @param seconds   the measured time
     * @param latencies each successful request's latency, in nanoseconds, sorted
     */
    record Result(long requests, long errors, double seconds, long[] latencies) {

        double throughput() {
            return requests / seconds;
        }

        /** @param p a fraction, e.g. 0.99 @return that percentile of the latencies in milliseconds (nearest rank) */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }
    }

    /**
     * @param args see the class comment
     * @throws Exception when the portfolio cannot be generated
     */
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        int clients = 8;
        int seconds = 30;
        int warmup = 5;
        int rows = 1000;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rows" -> rows = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> {
                    System.err.println("unknown option " + args[i] + "; see the Javadoc of LoadTest");
                    System.exit(2);
                }
            }
            i++;
        }
        URI target = URI.create(url.replaceAll("/+$", "") + "/v1/assessments");
        if (!isLoopback(target)) {
            System.err.println("refusing " + target + ": only loopback addresses (127.0.0.0/8, localhost, [::1])");
            System.exit(2);
        }
        List<String> bodies = debtors(seed, rows);
        if (warmup > 0) {
            System.err.printf(Locale.ROOT, "warming up: %d clients for %d s%n", clients, warmup);
            run(target, bodies, clients, Duration.ofSeconds(warmup), new ConcurrentLinkedQueue<>());
        }
        System.err.printf(Locale.ROOT, "measuring: %d clients for %d s against %s (%d distinct debtors)%n",
                clients, seconds, target, bodies.size());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Result r = run(target, bodies, clients, Duration.ofSeconds(seconds), failures);
        System.out.printf(Locale.ROOT, "clients      %d%n", clients);
        System.out.printf(Locale.ROOT, "duration     %.1f s%n", r.seconds());
        System.out.printf(Locale.ROOT, "requests     %d%n", r.requests());
        System.out.printf(Locale.ROOT, "throughput   %.0f requests/s%n", r.throughput());
        System.out.printf(Locale.ROOT, "latency p50  %.2f ms%n", r.percentileMillis(0.50));
        System.out.printf(Locale.ROOT, "latency p90  %.2f ms%n", r.percentileMillis(0.90));
        System.out.printf(Locale.ROOT, "latency p99  %.2f ms%n", r.percentileMillis(0.99));
        System.out.printf(Locale.ROOT, "latency max  %.2f ms%n", r.latencies().length == 0 ? Double.NaN
                : r.latencies()[r.latencies().length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "errors       %d%n", r.errors());
        failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
        System.exit(r.errors() == 0 && r.requests() > 0 ? 0 : 1);
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Valid synthetic debtors as JSON, one per request body. */
    static List<String> debtors(long seed, int rows) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticPortfolio(seed, rows).write(out, PortfolioFormat.JSONL);
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).toList();
    }

    static Result run(URI target, List<String> bodies, int clients, Duration duration,
                      ConcurrentLinkedQueue<String> failures) throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[][] latencies = {new long[1 << 16]};
            int[] n = {0};
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int next = client * 7919;
                while (System.nanoTime() < deadline) {
                    String body = bodies.get(Math.floorMod(next++, bodies.size()));
                    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        requests.incrementAndGet();
                        if (response.statusCode() != 200 || response.body().isEmpty()) {
                            errors.incrementAndGet();
                            failures.add("HTTP " + response.statusCode() + ": " + response.body().strip());
                        } else {
                            if (n[0] == latencies[0].length) {
                                latencies[0] = Arrays.copyOf(latencies[0], n[0] * 2);
                            }
                            latencies[0][n[0]++] = took;
                        }
                    } catch (IOException e) {
                        requests.incrementAndGet();
                        errors.incrementAndGet();
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(latencies[0], n[0]));
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(requests.get(), errors.get(), seconds, all);
    }
}
