package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioGeneratorTest {

    private static String generate(long seed, int rows, double badRate) throws IOException {
        StringWriter out = new StringWriter();
        new PortfolioGenerator(seed, badRate, LocalDate.of(2026, 11, 28)).write(out, rows);
        return out.toString();
    }

    @Test
    void write_sameSeed_sameOutput() throws IOException {
        assertThat(generate(3, 200, 0.01)).isEqualTo(generate(3, 200, 0.01));
    }

    @Test
    @SuppressWarnings("unchecked")
    void write_tenThousandRows_plausibleShares() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int rows = 10_000;
        int early = 0;
        int circumstances = 0;
        int behaviours = 0;
        int bad = 0;
        for (String line : generate(5, rows, 0.01).split("\n")) {
            try {
                JsonNode node = json.readTree(line);
                Debtor d = Debtor.fromFields(json.convertValue(node, LinkedHashMap.class));
                early += d.daysOverdue() <= 30 ? 1 : 0;
                circumstances += d.circumstances().isEmpty() ? 0 : 1;
                behaviours += d.behaviours().isEmpty() ? 0 : 1;
            } catch (IOException | InvalidDebtorException e) {
                bad++;
            }
        }
        assertThat(early).isBetween(rows * 40 / 100, rows * 50 / 100);
        assertThat(circumstances).isBetween(rows * 2 / 100, rows * 4 / 100);
        assertThat(behaviours).isBetween(rows * 15 / 100, rows * 50 / 100);
        assertThat(bad).isBetween(rows / 200, rows * 2 / 100);
    }

    @Test
    void plain_scalaSeqAndStruct_javaListAndMap() {
        Object seq = scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of("A", "B")).toSeq();
        assertThat(PortfolioReader.plain(seq)).isEqualTo(java.util.List.of("A", "B"));
        assertThat(PortfolioReader.plain(java.sql.Date.valueOf("2026-01-02"))).isEqualTo(LocalDate.of(2026, 1, 2));
        Map<String, Object> none = Map.of();
        assertThat(PortfolioReader.plain(none)).isEqualTo(none);
    }
}
