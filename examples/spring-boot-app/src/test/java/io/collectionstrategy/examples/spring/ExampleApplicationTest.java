package io.collectionstrategy.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.json.AssessmentJson;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application with the starter, started once on a free port: it assesses over HTTP in the contract's
 * shape, reports bad fields as problems, and the actuator shows the starter's health and metrics. Runs on the
 * versions Spring Boot 3.5 manages (Jackson 2.19, SnakeYAML 2.4). The test binds to a free port of 127.0.0.1, as
 * application.properties says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // a test context exports no metrics unless told to
class ExampleApplicationTest {

    private static final String WORKED_EXAMPLE = "{\"id\": \"WX-EVASIVE\", \"name\": \"Li Qiang\", \"daysOverdue\": 27,"
            + " \"amountOverdue\": 8800.00, \"debtorKind\": \"BUSINESS\", \"contactAttempts\": 8, \"contactsReached\": 1,"
            + " \"promisesMade\": 1, \"promisesBroken\": 1, \"daysSinceLastContact\": 21, \"statedReason\": \"NONE\","
            + " \"behaviours\": [\"AVOIDS_CONTACT\"], \"dueDate\": \"2026-11-01\"}";

    @LocalServerPort
    int port;

    @Autowired
    CollectionStrategy strategy;

    @Autowired
    ObjectMapper springsMapper;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(at(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void assess_workedExample_sameJsonAsTheLibraryWrites() throws Exception {
        HttpResponse<String> r = post("/assess?asOf=2026-11-28", WORKED_EXAMPLE);
        assertThat(r.statusCode()).isEqualTo(200);
        Debtor debtor = Debtor.fromFields(new ObjectMapper().readValue(WORKED_EXAMPLE, Map.class));
        StringWriter expected = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(expected)) {
            AssessmentJson.write(g, strategy.assess(debtor, LocalDate.of(2026, 11, 28)));
        }
        ObjectMapper plain = new ObjectMapper();
        assertThat(plain.readTree(r.body())).isEqualTo(plain.readTree(expected.toString()));
        assertThat(plain.readTree(r.body()).path("debtorType").asText()).isEqualTo("EVASIVE");
        assertThat(plain.readTree(r.body()).path("script").path("locale").asText()).isEqualTo("en");
    }

    @Test
    void springsObjectMapper_readsDebtorsThroughFromFields() throws Exception {
        Debtor d = springsMapper.readValue("{\"id\": \"C-1\", \"daysOverdue\": 27, \"dueDate\": \"2026-11-01\","
                + " \"amountOverdue\": 0.10, \"behaviours\": [\"AVOIDS_CONTACT\"]}", Debtor.class);
        assertThat(d).isEqualTo(Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 27, "dueDate", "2026-11-01",
                "amountOverdue", "0.10", "behaviours", List.of("AVOIDS_CONTACT"))));
        assertThat(d.amountOverdue()).isEqualByComparingTo("0.10").hasToString("0.10");
    }

    @Test
    void assess_badField_400ProblemNamingFieldValueAndExpectation() throws Exception {
        HttpResponse<String> r = post("/assess", "{\"id\": \"C-1\", \"daysOverdue\": -3}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = new ObjectMapper().readTree(r.body());
        assertThat(p.path("field").asText()).isEqualTo("daysOverdue");
        assertThat(p.path("value").asInt()).isEqualTo(-3);
        assertThat(p.path("expected").asText()).isEqualTo("between 0 and 36500");
        JsonNode missing = new ObjectMapper().readTree(post("/assess", "{\"id\": \"C-1\"}").body());
        assertThat(missing.path("field").asText()).isEqualTo("daysOverdue");
    }

    @Test
    void actuator_healthAndPrometheus_showTheStarterStrategy() throws Exception {
        post("/assess?asOf=2026-11-28", WORKED_EXAMPLE);
        JsonNode health = new ObjectMapper().readTree(send(at("/actuator/health").GET()).body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode component = health.path("components").path("collectionStrategy");
        assertThat(component.path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("rulebook").path("name").asText()).isEqualTo("default");
        assertThat(component.path("details").path("rulebook").path("version").asText())
                .isEqualTo(strategy.rulebook().version());
        String metrics = send(at("/actuator/prometheus").GET()).body();
        assertThat(metrics)
                .containsPattern("collection_strategy_assessments_total\\{debtorType=\"EVASIVE\",situation=\"none\"} [1-9]")
                .contains("collection_strategy_assessment_time_seconds_count{outcome=\"assessed\"}")
                .contains("collection_strategy_errors_total{kind=\"ASSESSMENT_FAILED\"}")
                .contains("collection_strategy_reloads_total{result=\"rejected\"} 0");
    }

    @Test
    void classpath_jacksonAndSnakeYaml_areSpringBoot35s() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.19.");
        assertThat(org.yaml.snakeyaml.Yaml.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("snakeyaml-2.4");
    }
}
