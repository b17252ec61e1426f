package io.collectionstrategy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Debtor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The YAML reader never throws, and reads back what was written. */
class ScenarioYamlPropertyTest {

    private static final Set<String> COLUMNS = columns();

    private static Set<String> columns() {
        Set<String> all = new HashSet<>(Debtor.FIELDS);
        all.addAll(ScenarioTables.SETTINGS);
        all.addAll(ScenarioTables.EXPECTATIONS);
        return all;
    }

    @Property(tries = 300)
    void read_anyText_neverThrowsAndAnswersWithLines(@ForAll @StringLength(max = 300) String text) {
        ScenarioYaml.Read read = ScenarioYaml.read("a.yaml", text, COLUMNS, true, Debtor.FIELDS);

        assertThat(read.cases()).allMatch(c -> c.line() >= 1);
        assertThat(read.problems()).allMatch(p -> !p.failures().isEmpty() && p.line() >= 0);
    }

    @Property(tries = 200)
    void read_casesWritten_areReadBackInOrder(@ForAll @IntRange(min = 1, max = 20) int count,
                                              @ForAll @IntRange(min = 0, max = 36500) int days) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("- scenario: case ").append(i).append("\n  debtor:\n    id: C-").append(i)
                    .append("\n    daysOverdue: ").append(days).append("\n    behaviours: [FRIENDLY, APOLOGETIC]\n")
                    .append("  expect: {steps: [PHONE_CALL@0, REMINDER]}\n");
        }
        ScenarioYaml.Read read = ScenarioYaml.read("a.yaml", yaml.toString(), COLUMNS, true, Debtor.FIELDS);

        assertThat(read.problems()).isEmpty();
        assertThat(read.cases()).hasSize(count);
        for (int i = 0; i < count; i++) {
            ScenarioTables.Row row = read.cases().get(i);
            assertThat(row.line()).isEqualTo(1 + 6 * i);
            assertThat(row.cells()).containsEntry("id", "C-" + i).containsEntry("daysOverdue", String.valueOf(days))
                    .containsEntry("behaviours", "FRIENDLY|APOLOGETIC")
                    .containsEntry("expect.steps", "PHONE_CALL@0|REMINDER");
        }
    }

    @Property(tries = 200)
    void read_unknownDebtorKey_isAlwaysRefused(@ForAll @StringLength(min = 1, max = 20) String key) {
        String safe = key.replaceAll("[^A-Za-z]", "x");
        if (Debtor.FIELDS.contains(safe)) {
            return;
        }
        ScenarioYaml.Read read = ScenarioYaml.read("a.yaml", "- debtor: {" + safe + ": 1}\n", COLUMNS, true,
                Debtor.FIELDS);

        assertThat(read.cases()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.failures().get(0))
                .contains("unknown debtor field"));
    }

    @Property(tries = 50)
    void read_namesList_joinsWithBar(@ForAll("names") List<String> names) {
        ScenarioYaml.Read read = ScenarioYaml.read("a.yaml", "- debtor: {behaviours: [" + String.join(", ", names)
                + "]}\n", COLUMNS, true, Debtor.FIELDS);

        assertThat(read.cases()).singleElement().satisfies(c -> assertThat(c.cells().get("behaviours"))
                .isEqualTo(String.join("|", names)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<String>> names() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12).list()
                .ofMinSize(1).ofMaxSize(5);
    }
}
