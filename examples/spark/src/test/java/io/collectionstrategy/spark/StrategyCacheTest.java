package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class StrategyCacheTest {

    private static Rulebook roundTrip(Rulebook rulebook) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rulebook);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Rulebook) in.readObject();
        }
    }

    @Test
    void get_sameRulebookShippedTwice_compiledOnce() throws Exception {
        Rulebook rulebook = SparkTestSupport.tinyRulebook();
        CollectionStrategy first = StrategyCache.get(rulebook, "en");
        int compilations = StrategyCache.compilations();

        CollectionStrategy second = StrategyCache.get(roundTrip(rulebook), "en");

        assertThat(second).isSameAs(first);
        assertThat(StrategyCache.compilations()).isEqualTo(compilations);
        assertThat(second.rulebook().version()).isEqualTo(rulebook.version());
    }

    @Test
    void get_otherLocale_separateStrategy() {
        Rulebook rulebook = SparkTestSupport.tinyRulebook();

        assertThat(StrategyCache.get(rulebook, "zh-CN")).isNotSameAs(StrategyCache.get(rulebook, "en"));
        assertThat(StrategyCache.get(rulebook, "zh-CN").locale().toLanguageTag()).isEqualTo("zh-CN");
    }
}
