package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.AssessmentException;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.RuleInfo;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.examples.portfolio.PortfolioFormat;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.UnreadablePortfolioException;
import io.collectionstrategy.json.AssessmentJson;
import io.collectionstrategy.micrometer.CollectionStrategyMetrics;
import io.collectionstrategy.reload.ReloadStatus;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service of {@code collection-strategy serve}, on the JDK's own HTTP server: the same assessments, error
 * records and messages as {@code assess}, for callers that are not Java. docs/openapi.yaml is its contract. Bodies
 * are read as JSON (one object) or JSON Lines whatever their {@code Content-Type}, so {@code curl -d @file} works.
 *
 * <ul>
 *   <li>{@code POST /v1/assessments}: one debtor (JSON object) in, one assessment out; a problem document otherwise</li>
 *   <li>{@code POST /v1/assessments/batch}: JSON Lines in, JSON Lines out, streaming, one record per input line</li>
 *   <li>{@code GET /v1/rulebook}, {@code GET /v1/health}, {@code GET /metrics} (Prometheus text format)</li>
 * </ul>
 *
 * <p>Logs carry case ids and paths, never a debtor's name or any other field.
 */
final class AssessmentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentService.class);

    static {
        // The JDK's server writes the headers and the body of an answer separately; without TCP_NODELAY, Nagle's
        // algorithm holds the body back until the client's delayed ACK (about 40 ms per request on Linux). Read
        // once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static final String ASSESSMENTS = "/v1/assessments";
    static final String BATCH = "/v1/assessments/batch";
    static final String RULEBOOK = "/v1/rulebook";
    static final String HEALTH = "/v1/health";
    static final String METRICS = "/metrics";
    static final String JSON = "application/json";
    static final String JSON_LINES = "application/x-ndjson";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> QUERY_PARAMETERS = Set.of("asOf", "at", "locale");
    /** Output records of a batch are flushed to the client at least every so many rows. */
    private static final int BATCH_FLUSH_ROWS = 64;

    /**
     * How the service runs.
     *
     * @param host            the address to bind, {@code 127.0.0.1} unless told otherwise
     * @param port            the port, 0 for any free one
     * @param maxRequestBytes the largest body of {@code POST /v1/assessments}
     * @param maxBatchBytes   the largest body of {@code POST /v1/assessments/batch}
     * @param threads         requests handled at once
     * @param asOf            the evaluation date of requests without {@code asOf}, or null for the day of the request
     * @param at              the evaluation time of requests without {@code asOf} or {@code at}, or null
     * @param ignoreUnknown   drop fields that are not debtor fields instead of rejecting the debtor
     */
    record Settings(String host, int port, long maxRequestBytes, long maxBatchBytes, int threads, LocalDate asOf,
                    OffsetDateTime at, boolean ignoreUnknown) {

        /** Checks the numbers. */
        Settings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            if (maxRequestBytes <= 0 || maxBatchBytes <= 0) {
                throw new IllegalArgumentException("request size limits must be positive");
            }
            if (threads <= 0) {
                throw new IllegalArgumentException("threads must be positive, was " + threads);
            }
        }
    }

    private final CollectionStrategy strategy;
    private final Settings settings;
    private final PrometheusMeterRegistry registry;
    private final CollectionStrategyMetrics metrics;
    private final ReloadStatus reloads;
    private final BooleanSupplier watching;
    private final HttpServer server;
    private final ExecutorService workers;

    /**
     * @param strategy the strategy (a reloading one for hot reload), not instrumented: the service counts rows itself
     * @param settings how to run
     * @param registry where the meters go, scraped by {@code GET /metrics}
     * @param metrics  the library's meters on that registry
     * @param reloads  the reload history for {@code GET /v1/health}, or null without hot reload
     * @param watching whether the reload watcher runs (ignored without hot reload)
     * @throws UncheckedIOException when the address cannot be bound
     */
    AssessmentService(CollectionStrategy strategy, Settings settings, PrometheusMeterRegistry registry,
                      CollectionStrategyMetrics metrics, ReloadStatus reloads, BooleanSupplier watching) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.reloads = reloads;
        this.watching = watching == null ? () -> false : watching;
        try {
            this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Starts answering requests. @return this service */
    AssessmentService start() {
        server.start();
        return this;
    }

    /** @return the bound address (the actual port when 0 was asked for) */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting requests, lets those in flight finish for up to a second, and stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- routing

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String route = "unknown";
        int status = 500;
        try (exchange) {
            String method = exchange.getRequestMethod();
            switch (path) {
                case ASSESSMENTS -> {
                    route = ASSESSMENTS;
                    status = allow(exchange, method, "POST") ? assessOne(exchange) : 405;
                }
                case BATCH -> {
                    route = BATCH;
                    status = allow(exchange, method, "POST") ? assessBatch(exchange) : 405;
                }
                case RULEBOOK -> {
                    route = RULEBOOK;
                    status = allow(exchange, method, "GET") ? send(exchange, 200, JSON, rulebook()) : 405;
                }
                case HEALTH -> {
                    route = HEALTH;
                    status = allow(exchange, method, "GET") ? send(exchange, 200, JSON, health()) : 405;
                }
                case METRICS -> {
                    route = METRICS;
                    status = allow(exchange, method, "GET") ? send(exchange, 200, PROMETHEUS_TEXT, registry.scrape()) : 405;
                }
                default -> status = problem(exchange, Problem.of(404, "not-found", "No such resource",
                        "no resource at " + path + "; see docs/openapi.yaml"));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("{} {}: client gone: {}", exchange.getRequestMethod(), path, e.toString());
            status = 499;
        } catch (RuntimeException e) {
            LOG.error("{} {}: unexpected failure", exchange.getRequestMethod(), path, e);
            status = tryProblem(exchange, Problem.of(500, "internal", "Unexpected failure", e.toString()));
        } finally {
            Timer.builder("http.server.requests").description("HTTP requests answered")
                    .tag("method", exchange.getRequestMethod()).tag("uri", route).tag("status", String.valueOf(status))
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private boolean allow(HttpExchange exchange, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, Problem.of(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed on " + exchange.getRequestURI().getPath() + "; use " + allowed));
        return false;
    }

    // ---- POST /v1/assessments

    private int assessOne(HttpExchange exchange) throws IOException {
        Options options;
        try {
            options = options(exchange);
        } catch (BadRequest e) {
            return problem(exchange, e.problem);
        }
        Problem tooLarge = declaredTooLarge(exchange, settings.maxRequestBytes());
        if (tooLarge != null) {
            return problem(exchange, tooLarge);
        }
        byte[] body;
        try {
            body = readAtMost(exchange.getRequestBody(), settings.maxRequestBytes());
        } catch (TooLarge e) {
            return problem(exchange, tooLarge(settings.maxRequestBytes()));
        }
        long start = System.nanoTime();
        PortfolioRow row = RowReader.parseLine("request", 1, new String(body, StandardCharsets.UTF_8));
        if (!row.readable()) {
            metrics.record(RowResult.failed(RowResult.Kind.MALFORMED_RECORD, null, null, row.malformed()), -1);
            return problem(exchange, Problem.of(400, "malformed-record", "The body is not a debtor record",
                    row.malformed()));
        }
        Map<String, Object> fields = row.fields();
        if (settings.ignoreUnknown()) {
            fields = new LinkedHashMap<>(fields);
            fields.keySet().retainAll(Debtor.FIELDS);
        }
        Debtor debtor;
        try {
            debtor = Debtor.fromFields(fields);
        } catch (InvalidDebtorException e) {
            metrics.record(RowResult.failed(RowResult.Kind.INVALID_DEBTOR, e.field(), null, e.getMessage()),
                    System.nanoTime() - start);
            return problem(exchange, Problem.invalidDebtor(e));
        }
        Assessment a;
        try {
            a = assess(options, debtor);
        } catch (InvalidDebtorException e) {
            metrics.record(RowResult.failed(RowResult.Kind.INVALID_DEBTOR, e.field(), null, e.getMessage()),
                    System.nanoTime() - start);
            return problem(exchange, Problem.invalidDebtor(e));
        } catch (AssessmentException e) {
            metrics.record(RowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, e.ruleId(), e.getMessage()),
                    System.nanoTime() - start);
            LOG.warn("case {}: assessment failed in rule {}", debtor.id(), e.ruleId());
            return problem(exchange, Problem.of(422, "assessment-failed", "The rules could not assess the debtor",
                    e.getMessage()).with("rule", e.ruleId()));
        }
        metrics.record(RowResult.assessed(a), System.nanoTime() - start);
        return send(exchange, 200, JSON, assessmentJson(a));
    }

    /** As {@link RowAssessor#assess(Debtor)} does, but letting the exceptions through for the problem document. */
    private Assessment assess(Options options, Debtor debtor) {
        try {
            return options.at() != null ? strategy.assess(debtor, options.at(), options.locale())
                    : strategy.assess(debtor, options.asOf(), options.locale());
        } catch (InvalidDebtorException | AssessmentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) { // one request's failure
            throw new AssessmentException(debtor.id(), null, e.toString(), e);
        }
    }

    static String assessmentJson(Assessment a) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            AssessmentJson.write(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    // ---- POST /v1/assessments/batch

    private int assessBatch(HttpExchange exchange) throws IOException {
        RowAssessor rows;
        try {
            rows = options(exchange).rows(strategy, settings.ignoreUnknown());
        } catch (BadRequest e) {
            return problem(exchange, e.problem);
        }
        Problem tooLarge = declaredTooLarge(exchange, settings.maxBatchBytes());
        if (tooLarge != null) {
            return problem(exchange, tooLarge);
        }
        exchange.getResponseHeaders().set("Content-Type", JSON_LINES);
        exchange.sendResponseHeaders(200, 0);
        LimitedInputStream body = new LimitedInputStream(exchange.getRequestBody(), settings.maxBatchBytes());
        Writer out = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8);
        long rowsAnswered = 0;
        long lastRow = 0;
        try (RowReader reader = RowReader.read(body, PortfolioFormat.JSONL, "request");
             RecordWriter writer = RecordWriter.create(OutputFormat.JSONL, out, false)) {
            while (true) {
                PortfolioRow next;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    next = reader.next();
                } catch (UncheckedIOException e) {
                    if (body.exceeded()) {
                        writer.error(lastRow + 1, null, "request body larger than " + settings.maxBatchBytes()
                                + " bytes: reading stopped here");
                        break;
                    }
                    throw e;
                }
                lastRow = next.row();
                long start = System.nanoTime();
                ProcessedRow outcome;
                try {
                    outcome = ProcessedRow.of(rows, next);
                } catch (StackOverflowError | OutOfMemoryError e) {
                    outcome = ProcessedRow.failed(next.parsed(), RowResult.Kind.ASSESSMENT_FAILED, e.toString());
                }
                boolean readable = outcome.ok() || outcome.result().failure().kind() != RowResult.Kind.MALFORMED_RECORD;
                metrics.record(outcome.result(), readable ? System.nanoTime() - start : -1);
                if (outcome.ok()) {
                    writer.assessment(outcome.row(), outcome.assessment());
                } else {
                    writer.error(outcome.row(), outcome.id(), outcome.error());
                }
                if (++rowsAnswered % BATCH_FLUSH_ROWS == 0) {
                    out.flush();
                }
            }
        } catch (UnreadablePortfolioException e) {
            out.write(errorLine(1, e.getMessage()));
        }
        out.flush();
        LOG.debug("batch of {} rows answered", rowsAnswered);
        return 200;
    }

    private static String errorLine(long row, String error) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(s)) {
            g.writeStartObject();
            g.writeNumberField("row", row);
            g.writeNullField("id");
            g.writeStringField("error", error);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s + "\n";
    }

    // ---- GET /v1/rulebook and /v1/health

    private String rulebook() throws IOException {
        StringWriter out = new StringWriter(16_384);
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            RulebookInfo info = strategy.rulebook();
            g.writeStartObject();
            g.writeStringField("name", info.name());
            g.writeStringField("version", info.version());
            g.writeStringField("locale", strategy.locale().toLanguageTag());
            g.writeArrayFieldStart("locales");
            for (Locale l : strategy.locales()) {
                g.writeString(l.toLanguageTag());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RuleInfo r : strategy.authoring().rules()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("name", r.name());
                g.writeStringField("file", r.file());
                g.writeNumberField("line", r.line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out + "\n";
    }

    private String health() throws IOException {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            RulebookInfo info = strategy.rulebook();
            g.writeStartObject();
            g.writeStringField("status", "UP");
            g.writeObjectFieldStart("rulebook");
            g.writeStringField("name", info.name());
            g.writeStringField("version", info.version());
            g.writeEndObject();
            g.writeObjectFieldStart("reload");
            g.writeBooleanField("enabled", reloads != null);
            if (reloads != null) {
                g.writeBooleanField("watching", watching.getAsBoolean());
                g.writeNumberField("accepted", reloads.accepted());
                g.writeNumberField("rejected", reloads.rejected());
                g.writeFieldName("last");
                ReloadStatus.Attempt last = reloads.last().orElse(null);
                if (last == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeStringField("at", last.at().toString());
                    g.writeStringField("result", last.event().reloaded() ? "accepted" : "rejected");
                    g.writeStringField("version", last.event().current().version());
                    g.writeArrayFieldStart("problems");
                    for (RulebookProblem p : last.event().problems()) {
                        g.writeString(p.toString());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out + "\n";
    }

    // ---- request options

    /** Bad query parameters, as the problem to answer. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        BadRequest(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * The evaluation date or time and the locale of one request.
     *
     * @param asOf   the evaluation date
     * @param at     the evaluation time, or null
     * @param locale the scripts' language
     */
    private record Options(LocalDate asOf, OffsetDateTime at, Locale locale) {

        RowAssessor rows(CollectionStrategy strategy, boolean ignoreUnknown) {
            return RowAssessor.of(strategy, asOf).at(at).locale(locale).ignoreUnknownFields(ignoreUnknown);
        }
    }

    /** The options of this request: its query parameters, else the service's settings. */
    private Options options(HttpExchange exchange) throws BadRequest {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        for (String name : query.keySet()) {
            if (!QUERY_PARAMETERS.contains(name)) {
                throw new BadRequest(Problem.invalidParameter(name, query.get(name),
                        "one of the parameters " + new java.util.TreeSet<>(QUERY_PARAMETERS) + " (unknown parameter)"));
            }
        }
        OffsetDateTime at = settings.at();
        LocalDate asOf = settings.asOf();
        if (query.containsKey("asOf")) {
            asOf = parse("asOf", query.get("asOf"), "an ISO date such as 2026-11-28", LocalDate::parse);
            at = null;
        }
        if (query.containsKey("at")) {
            at = parse("at", query.get("at"), "an ISO date and time with offset such as 2026-11-28T21:30:00+08:00",
                    OffsetDateTime::parse);
        }
        if (at != null) {
            asOf = at.toLocalDate();
        } else if (asOf == null) {
            asOf = LocalDate.now();
        }
        Locale locale = strategy.locale();
        if (query.containsKey("locale")) {
            locale = locale(query.get("locale"));
        }
        return new Options(asOf, at, locale);
    }

    private Locale locale(String tag) throws BadRequest {
        Locale wanted = Locale.forLanguageTag(tag);
        List<Locale> locales = strategy.locales();
        for (Locale l : locales) {
            if (!wanted.getLanguage().isEmpty() && l.getLanguage().equals(wanted.getLanguage())) {
                return wanted;
            }
        }
        throw new BadRequest(Problem.invalidParameter("locale", tag, "a language of the rulebook's scripts, one of "
                + locales.stream().map(Locale::toLanguageTag).toList()));
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String name, String value, String expected, Parser<T> parser) throws BadRequest {
        try {
            return parser.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(Problem.invalidParameter(name, value, expected));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    // ---- bodies

    private static Problem declaredTooLarge(HttpExchange exchange, long limit) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    return tooLarge(limit);
                }
            } catch (NumberFormatException ignored) {
                // the server itself rejects a malformed length
            }
        }
        return null;
    }

    private static Problem tooLarge(long limit) {
        return Problem.of(413, "request-too-large", "Request body too large",
                "the request body is larger than " + limit + " bytes").with("limit", limit);
    }

    /** Thrown when a body is larger than its limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new TooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A body that fails with {@link TooLarge} once more than its limit has been read. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        private int count(int n) throws TooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    exceeded = true;
                    throw new TooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }
    }

    // ---- answers

    private static int send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type.contains("charset") ? type : type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static int problem(HttpExchange exchange, Problem p) throws IOException {
        drain(exchange);
        byte[] bytes = p.json(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", Problem.MEDIA_TYPE);
        exchange.sendResponseHeaders(p.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return p.status();
    }

    private static int tryProblem(HttpExchange exchange, Problem p) {
        try {
            return problem(exchange, p);
        } catch (IOException | RuntimeException e) {
            return p.status(); // headers already sent, or the client is gone
        }
    }

    /** Reads what is left of a small request body so the connection can be reused; gives up on a large one. */
    private static void drain(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] buffer = new byte[8192];
            long left = 1 << 20;
            for (int n; left > 0 && (n = in.read(buffer)) != -1; ) {
                left -= n;
            }
        } catch (IOException ignored) {
            // the connection is closed instead
        }
    }
}
