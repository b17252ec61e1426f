package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import io.collectionstrategy.json.ContractSchemas;
import io.collectionstrategy.micrometer.CollectionStrategyMetrics;
import io.collectionstrategy.reload.ReloadEvent;
import io.collectionstrategy.reload.ReloadStatus;
import io.collectionstrategy.Rulebook;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP service of {@code serve}, running in-process on a free loopback port: its answers equal the command-line
 * tool's, errors are problem documents naming field, value and expectation, and every operation of
 * docs/openapi.yaml answers with a status and a body the document declares.
 */
class ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final long MAX_REQUEST = 4096;
    private static final long MAX_BATCH = 64 * 1024;

    private static AssessmentService service;
    private static ReloadStatus reloads;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        CollectionStrategy strategy = CompiledStrategies.get(Rulebook.defaults(), Locale.forLanguageTag("zh-CN"), false);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        reloads = new ReloadStatus(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        service = new AssessmentService(strategy, new AssessmentService.Settings("127.0.0.1", 0, MAX_REQUEST,
                MAX_BATCH, 4, LocalDate.parse(Cli.AS_OF), null, false), registry,
                new CollectionStrategyMetrics(registry), reloads, () -> true).start();
        base = URI.create("http://127.0.0.1:" + service.address().getPort());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.contains("batch") ? "application/x-ndjson" : "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void post_everyWorkedExample_equalsTheLineTheCommandLineToolWrites() throws Exception {
        Path file = Cli.DATA.resolve("worked-examples.jsonl");
        Cli.Result cli = Cli.run("assess", "--as-of", Cli.AS_OF, "--threads", "1", file.toString());
        List<String> lines = Files.readAllLines(file);
        assertThat(cli.lines()).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            HttpResponse<String> r = post("/v1/assessments", lines.get(i));
            assertThat(r.statusCode()).as(lines.get(i)).isEqualTo(200);
            assertThat(type(r)).startsWith("application/json");
            assertThat(r.body()).isEqualTo(cli.lines().get(i) + "\n");
        }
    }

    @Test
    void post_localeAndAsOfParameters_sameAsTheCommandLineToolWithThoseOptions() throws Exception {
        Path file = Cli.DATA.resolve("worked-examples.jsonl");
        Cli.Result cli = Cli.run("assess", "--as-of", "2026-12-15", "--locale", "en", file.toString());
        HttpResponse<String> r = post("/v1/assessments?asOf=2026-12-15&locale=en", Files.readAllLines(file).get(1));
        assertThat(r.body()).isEqualTo(cli.lines().get(1) + "\n");
        assertThat(JSON.readTree(r.body()).path("script").path("locale").asText()).isEqualTo("en");
    }

    @Test
    void batch_mixedBadRows_answersEveryRowInOrderAsTheCommandLineTool() throws Exception {
        Path file = Cli.DATA.resolve("mixed-bad-rows.jsonl");
        Cli.Result cli = Cli.run("assess", "--as-of", Cli.AS_OF, file.toString());
        HttpResponse<String> r = post("/v1/assessments/batch", Files.readString(file));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).startsWith("application/x-ndjson");
        assertThat(r.body()).isEqualTo(cli.out());
        JsonSchema line = ContractSchemas.open("assessment.schema.json", "/$defs/outputRecord");
        for (String record : r.body().split("\n")) {
            assertThat(ContractSchemas.problems(line, record)).as(record).isEmpty();
        }
    }

    @Test
    void post_fieldOutOfRange_400ProblemNamingFieldValueAndExpectation() throws Exception {
        HttpResponse<String> r = post("/v1/assessments", "{\"id\": \"C-1\", \"daysOverdue\": -3}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(type(r)).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("type").asText()).isEqualTo("urn:collection-strategy:problem:invalid-debtor");
        assertThat(p.path("status").asInt()).isEqualTo(400);
        assertThat(p.path("field").asText()).isEqualTo("daysOverdue");
        assertThat(p.path("value").asInt()).isEqualTo(-3);
        assertThat(p.path("expected").asText()).isEqualTo("between 0 and 36500");
        assertThat(p.path("detail").asText()).isEqualTo("daysOverdue must be between 0 and 36500, was -3");
    }

    @Test
    void post_missingRequiredField_problemNamesItWithNullValue() throws Exception {
        JsonNode p = JSON.readTree(post("/v1/assessments", "{\"id\": \"C-1\"}").body());
        assertThat(p.path("field").asText()).isEqualTo("daysOverdue");
        assertThat(p.has("value")).isTrue();
        assertThat(p.path("value").isNull()).isTrue();
        assertThat(p.path("expected").asText()).contains("required");
    }

    @Test
    void post_unknownEnumValue_problemListsTheAllowedValues() throws Exception {
        JsonNode p = JSON.readTree(post("/v1/assessments",
                "{\"id\": \"C-1\", \"daysOverdue\": 3, \"behaviours\": [\"SHOUTS\"]}").body());
        assertThat(p.path("field").asText()).isEqualTo("behaviours");
        assertThat(p.path("value").asText()).isEqualTo("SHOUTS");
        assertThat(p.path("expected").asText()).contains("AVOIDS_CONTACT");
    }

    @Test
    void post_badName_problemNeverEchoesTheName() throws Exception {
        HttpResponse<String> r = post("/v1/assessments", "{\"id\": \"C-1\", \"daysOverdue\": 3, \"name\": {\"x\": 1}}");
        JsonNode p = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(p.path("field").asText()).isEqualTo("name");
        assertThat(p.has("value")).isFalse();
    }

    @Test
    void post_notJson_400MalformedRecord() throws Exception {
        HttpResponse<String> r = post("/v1/assessments", "{\"id\": \"C-1\", ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("type").asText()).endsWith(":malformed-record");
        assertThat(JSON.readTree(r.body()).path("detail").asText()).startsWith("malformed JSON");
    }

    @Test
    void post_badQueryParameter_400NamingIt() throws Exception {
        JsonNode date = JSON.readTree(post("/v1/assessments?asOf=28.11.2026", "{\"id\":\"C\",\"daysOverdue\":1}").body());
        assertThat(date.path("field").asText()).isEqualTo("asOf");
        assertThat(date.path("value").asText()).isEqualTo("28.11.2026");
        JsonNode locale = JSON.readTree(post("/v1/assessments?locale=fr", "{\"id\":\"C\",\"daysOverdue\":1}").body());
        assertThat(locale.path("field").asText()).isEqualTo("locale");
        assertThat(locale.path("expected").asText()).contains("en", "zh-CN");
        JsonNode unknown = JSON.readTree(post("/v1/assessments?asof=2026-11-28", "{\"id\":\"C\",\"daysOverdue\":1}").body());
        assertThat(unknown.path("field").asText()).isEqualTo("asof");
    }

    @Test
    void post_bodyOverTheLimit_413() throws Exception {
        String big = "{\"id\": \"C-1\", \"daysOverdue\": 1, \"name\": \"" + "x".repeat((int) MAX_REQUEST) + "\"}";
        HttpResponse<String> r = post("/v1/assessments", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).path("limit").asLong()).isEqualTo(MAX_REQUEST);
    }

    @Test
    void batch_bodyOverTheLimit_413BeforeAnyRecord() throws Exception {
        String line = "{\"id\": \"C-1\", \"daysOverdue\": 1}\n";
        HttpResponse<String> r = post("/v1/assessments/batch", line.repeat((int) (MAX_BATCH / line.length()) + 10));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void batch_streamedBodyOverTheLimit_endsWithAnErrorRecordWhereReadingStopped() throws Exception {
        String line = "{\"id\": \"C-1\", \"daysOverdue\": 1}\n";
        int rows = (int) (MAX_BATCH / line.length()) + 10;
        Iterator<String> lines = java.util.Collections.nCopies(rows, line).iterator();
        HttpRequest streamed = HttpRequest.newBuilder(base.resolve("/v1/assessments/batch"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                                new java.util.Enumeration<java.io.InputStream>() {
                                    public boolean hasMoreElements() {
                                        return lines.hasNext();
                                    }

                                    public java.io.InputStream nextElement() {
                                        return new java.io.ByteArrayInputStream(lines.next().getBytes(StandardCharsets.UTF_8));
                                    }
                                })))).build();
        HttpResponse<String> r = HTTP.send(streamed, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String[] out = r.body().split("\n");
        assertThat(out.length).isLessThan(rows);
        assertThat(out[out.length - 1]).contains("request body larger than " + MAX_BATCH + " bytes");
        assertThat(JSON.readTree(out[out.length - 1]).path("row").asLong()).isEqualTo(out.length);
    }

    @Test
    void unknownPathAndWrongMethod_404And405WithAllow() throws Exception {
        assertThat(get("/v1/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> r = get("/v1/assessments");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(type(r)).startsWith("application/problem+json");
    }

    @Test
    void metrics_afterAssessmentsAndErrors_prometheusTextCountsThem() throws Exception {
        post("/v1/assessments", "{\"id\": \"M-1\", \"daysOverdue\": 27, \"contactAttempts\": 8, \"contactsReached\": 1,"
                + " \"behaviours\": [\"AVOIDS_CONTACT\"]}");
        post("/v1/assessments", "{\"id\": \"M-2\", \"daysOverdue\": -1}");
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).startsWith("text/plain");
        assertThat(r.body())
                .containsPattern("collection_strategy_assessments_total\\{debtorType=\"EVASIVE\",situation=\"none\"} [1-9]")
                .containsPattern("collection_strategy_errors_total\\{kind=\"INVALID_DEBTOR\"} [1-9]")
                .contains("collection_strategy_assessment_time_seconds_count{outcome=\"assessed\"}")
                .contains("collection_strategy_reloads_total{result=\"rejected\"}")
                .contains("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/v1/assessments\"}");
    }

    @Test
    void health_afterARejectedReload_showsTheLastAttemptAndItsProblems() throws Exception {
        RulebookInfo serving = CompiledStrategies.get(Rulebook.defaults(), Locale.forLanguageTag("zh-CN"), false).rulebook();
        reloads.onReload(ReloadEvent.rejected(serving, List.of(new RulebookProblem("collection/x.drl", 3, "broken"))));
        JsonNode h = JSON.readTree(get("/v1/health").body());
        assertThat(h.path("status").asText()).isEqualTo("UP");
        assertThat(h.path("rulebook").path("version").asText()).isEqualTo(serving.version());
        assertThat(h.path("reload").path("enabled").asBoolean()).isTrue();
        assertThat(h.path("reload").path("rejected").asLong()).isPositive();
        assertThat(h.path("reload").path("last").path("result").asText()).isEqualTo("rejected");
        assertThat(h.path("reload").path("last").path("at").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(h.path("reload").path("last").path("problems").get(0).asText()).isEqualTo("collection/x.drl:3: broken");
    }

    @Test
    void serve_withoutHost_bindsToLoopbackOnly() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs();
        assertThat(serve.host).isEqualTo("127.0.0.1");
        assertThat(ServeCommand.isLoopback(serve.host)).isTrue();
        assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
    }

    // ---- the OpenAPI document against the running service

    private static JsonNode openApi() throws IOException {
        String property = System.getProperty("collectionstrategy.openapi");
        Path file = property != null ? Path.of(property) : ContractSchemas.repository().resolve("docs/openapi.yaml");
        return YAML.readTree(file.toFile());
    }

    /** The schema an OpenAPI media type names: a file of docs/schema (with a pointer) or a component. */
    private static JsonSchema schema(JsonNode api, JsonNode mediaType) {
        String ref = mediaType.path("schema").path("$ref").asText();
        if (ref.startsWith("schema/")) {
            String[] parts = ref.substring("schema/".length()).split("#", 2);
            return ContractSchemas.open(parts[0], parts.length > 1 ? parts[1] : "");
        }
        if (ref.startsWith("#/components/schemas/")) {
            return SCHEMAS.getSchema(api.at(ref.substring(1)));
        }
        return SCHEMAS.getSchema(mediaType.path("schema"));
    }

    private static JsonNode response(JsonNode api, JsonNode operation, int status) {
        JsonNode r = operation.path("responses").path(String.valueOf(status));
        if (r.has("$ref")) {
            r = api.at(r.path("$ref").asText().substring(1));
        }
        return r;
    }

    @Test
    void everyOperationOfTheOpenApiDocument_answersADeclaredStatusWithABodyOfItsSchema() throws Exception {
        JsonNode api = openApi();
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                HttpResponse<String> r;
                if (op.getKey().equals("post")) {
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    JsonNode example = content.elements().next().path("example");
                    String body = example.isTextual() ? example.asText() : JSON.writeValueAsString(example);
                    r = post(path.getKey(), body);
                } else {
                    assertThat(op.getKey()).isEqualTo("get");
                    r = get(path.getKey());
                }
                JsonNode declared = response(api, op.getValue(), r.statusCode());
                assertThat(declared.isMissingNode()).as(op.getKey() + " " + path.getKey() + " answered "
                        + r.statusCode() + ", which the document does not declare").isFalse();
                String mediaType = type(r).split(";")[0].trim();
                JsonNode media = declared.path("content").path(mediaType);
                assertThat(media.isMissingNode()).as(path.getKey() + ": " + mediaType + " not declared").isFalse();
                if (mediaType.endsWith("json")) {
                    assertThat(ContractSchemas.problems(schema(api, media), r.body())).as(path.getKey()).isEmpty();
                } else if (mediaType.equals("application/x-ndjson")) {
                    for (String line : r.body().split("\n")) {
                        assertThat(ContractSchemas.problems(schema(api, media), line)).as(line).isEmpty();
                    }
                }
                checked.add(op.getKey() + " " + path.getKey());
            }
        }
        assertThat(checked).containsExactlyInAnyOrder("post /v1/assessments", "post /v1/assessments/batch",
                "get /v1/rulebook", "get /v1/health", "get /metrics");
    }

    @Test
    void everyErrorOfTheService_isAProblemOfTheDocumentsSchema() throws Exception {
        JsonNode api = openApi();
        JsonSchema problem = SCHEMAS.getSchema(api.at("/components/schemas/Problem"));
        List<HttpResponse<String>> errors = List.of(
                post("/v1/assessments", "{\"id\": \"C-1\", \"daysOverdue\": -3}"),
                post("/v1/assessments", "[1, 2]"),
                post("/v1/assessments?at=yesterday", "{\"id\": \"C-1\", \"daysOverdue\": 1}"),
                post("/v1/assessments", "{\"id\": \"C-1\", \"daysOverdue\": 1, \"name\": \"" + "x".repeat(5000) + "\"}"),
                get("/v1/assessments/batch"),
                get("/nowhere"));
        for (HttpResponse<String> r : errors) {
            assertThat(type(r)).startsWith("application/problem+json");
            assertThat(ContractSchemas.problems(problem, r.body())).as(r.body()).isEmpty();
            assertThat(JSON.readTree(r.body()).path("status").asInt()).isEqualTo(r.statusCode());
        }
    }
}
