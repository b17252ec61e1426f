package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RulebookException;
import io.collectionstrategy.micrometer.CollectionStrategyMetrics;
import io.collectionstrategy.reload.ReloadStatus;
import io.collectionstrategy.reload.ReloadingCollectionStrategy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the HTTP service ({@link AssessmentService}) until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve assessments over HTTP (contract: docs/openapi.yaml) until stopped with Ctrl-C or SIGTERM.",
            "POST /v1/assessments (one debtor), POST /v1/assessments/batch (JSON Lines), GET /v1/rulebook, "
                    + "GET /v1/health, GET /metrics (Prometheus).",
            "Listens on 127.0.0.1 (this machine only) unless --host says otherwise; there is no authentication."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped",
            "2:could not start: broken rulebook, port in use, bad command line"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for every "
                    + "interface, only behind something that authenticates callers.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest body of POST /v1/assessments (default: ${DEFAULT-VALUE}); larger ones get 413.")
    long maxRequestBytes;

    @Option(names = "--max-batch-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Largest body of POST /v1/assessments/batch (default: ${DEFAULT-VALUE}); reading stops "
                    + "there with an error record.")
    long maxBatchBytes;

    @Option(names = "--threads", paramLabel = "N",
            description = "Requests handled at once (default: twice the number of processors, at least 4).")
    int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    @Option(names = "--watch",
            description = "Hot reload: watch the --rules directory and swap in a change once it compiles and passes "
                    + "its scenarios (GET /v1/health shows the last reload).")
    boolean watch;

    @Mixin
    EngineOptions engine = new EngineOptions();

    /** Released by the shutdown hook; tests never run {@code serve} itself. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CollectionStrategyMetrics metrics = new CollectionStrategyMetrics(registry);
        ReloadingCollectionStrategy reloading = null;
        ReloadStatus reloads = null;
        CollectionStrategy strategy;
        if (watch) {
            if (RulebookSource.isDefault(engine.rules)) {
                throw new StartupException("--watch needs --rules DIR: the default rulebook inside the jar never changes");
            }
            Path dir = Path.of(engine.rules);
            if (!Files.isDirectory(dir)) {
                throw new StartupException("rulebook directory not found: " + engine.rules);
            }
            ReloadStatus status = new ReloadStatus();
            reloads = status;
            try {
                reloading = ReloadingCollectionStrategy.watch(dir,
                        b -> b.locale(engine.locale()).allowUnsafeRules(engine.allowUnsafeRules), event -> {
                            status.onReload(event);
                            metrics.onReload(event);
                        });
            } catch (RulebookException e) {
                throw new StartupException(RulebookSource.problemLines(e));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new StartupException("cannot serve rulebook " + engine.rules + ": " + e.getMessage());
            }
            strategy = reloading;
        } else {
            strategy = engine.strategy();
        }
        AssessmentService.Settings settings = new AssessmentService.Settings(host, port, maxRequestBytes,
                maxBatchBytes, threads, engine.asOf, engine.at(), engine.ignoreUnknown);
        AssessmentService service;
        try {
            service = new AssessmentService(strategy, settings, registry, metrics, reloads,
                    reloading == null ? null : reloading::isWatching).start();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            if (reloading != null) {
                reloading.close();
            }
            throw new StartupException(e.getMessage());
        }
        ReloadingCollectionStrategy toClose = reloading;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            if (toClose != null) {
                toClose.close();
            }
            stopped.countDown();
        }, "serve-shutdown"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("collection-strategy: serving rulebook " + strategy.rulebook().name() + " "
                + strategy.rulebook().version() + " on http://" + shown + ":" + service.address().getPort()
                + " (Ctrl-C stops)");
        if (!isLoopback(host)) {
            err.println("collection-strategy: warning: listening beyond this machine (" + host + "); the service has "
                    + "no authentication");
        }
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
