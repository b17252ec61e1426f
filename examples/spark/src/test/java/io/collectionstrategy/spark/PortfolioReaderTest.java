package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioReaderTest {

    @Test
    void plain_scalaSeqAndStruct_javaListAndMap() {
        // an ArrayBuffer is a Scala Seq in 2.12 and 2.13 alike (the converters' classes differ between them)
        scala.collection.mutable.ArrayBuffer<Object> seq = new scala.collection.mutable.ArrayBuffer<>();
        seq.$plus$eq("A");
        seq.$plus$eq("B");
        assertThat(PortfolioReader.plain(seq)).isEqualTo(List.of("A", "B"));
        assertThat(PortfolioReader.plain(java.sql.Date.valueOf("2026-01-02"))).isEqualTo(LocalDate.of(2026, 1, 2));
        Map<String, Object> none = Map.of();
        assertThat(PortfolioReader.plain(none)).isEqualTo(none);
    }
}
