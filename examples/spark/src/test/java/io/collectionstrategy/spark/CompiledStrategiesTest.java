package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.CompiledStrategies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CompiledStrategiesTest {

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
        CollectionStrategy first = CompiledStrategies.get(rulebook, Locale.ENGLISH);
        int compilations = CompiledStrategies.compilations();

        CollectionStrategy second = CompiledStrategies.get(roundTrip(rulebook), Locale.ENGLISH);

        assertThat(second).isSameAs(first);
        assertThat(CompiledStrategies.compilations()).isEqualTo(compilations);
        assertThat(second.rulebook().version()).isEqualTo(rulebook.version());
    }

    @Test
    void get_otherLocale_separateStrategy() {
        Rulebook rulebook = SparkTestSupport.tinyRulebook();

        assertThat(CompiledStrategies.get(rulebook, Locale.forLanguageTag("zh-CN"))).isNotSameAs(CompiledStrategies.get(rulebook, Locale.ENGLISH));
        assertThat(CompiledStrategies.get(rulebook, Locale.forLanguageTag("zh-CN")).locale().toLanguageTag()).isEqualTo("zh-CN");
    }
}
