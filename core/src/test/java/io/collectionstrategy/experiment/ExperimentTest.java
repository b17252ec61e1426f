package io.collectionstrategy.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    static final Experiment EIGHTY_TWENTY = Experiment.championChallenger("q4-softer-tone", "champion", "softer", 20);

    @Test
    void bucketOf_knownIds_theValuesOfTheDocumentedHash() {
        // SHA-256 of "q4-softer-tone:<id>" in UTF-8, first 8 bytes unsigned big-endian, mod 10000; computed
        // independently (Python's hashlib), so that the definition can never drift.
        assertThat(EIGHTY_TWENTY.bucketOf("C-1000000")).isEqualTo(871);
        assertThat(EIGHTY_TWENTY.bucketOf("C-1000001")).isEqualTo(4297);
        assertThat(EIGHTY_TWENTY.bucketOf("WX-EVASIVE")).isEqualTo(996);
        assertThat(EIGHTY_TWENTY.bucketOf("客户-1")).isEqualTo(1991);
        assertThat(Experiment.championChallenger("other", "a", "b", 50).bucketOf("C-1000000")).isEqualTo(6390);
    }

    @Test
    void armOf_buckets_consecutiveRangesInTheOrderOfTheArms() {
        // C-1000000 is in bucket 871: the last bucket of an arm of 872 basis points, the first after one of 871
        assertThat(Experiment.of("q4-softer-tone", new Experiment.Arm("a", 872), new Experiment.Arm("b", 9128))
                .armOf("C-1000000").name()).isEqualTo("a");
        assertThat(Experiment.of("q4-softer-tone", new Experiment.Arm("a", 871), new Experiment.Arm("b", 9129))
                .armOf("C-1000000").name()).isEqualTo("b");
        assertThat(EIGHTY_TWENTY.armOf("C-1000001").name()).isEqualTo("champion");   // bucket 4297 < 8000
    }

    @Test
    void armOf_100000Cases20Percent_challengerHolds20PercentWithinHalfAPoint() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(EIGHTY_TWENTY.armOf(String.format("C-%07d", 1_000_000 + i)).name(), 1, Integer::sum);
        }

        // a fair 20% draw of 100,000 has a standard deviation of 0.13 points: 0.5 points is almost 4 of them
        assertThat(counts.get("softer") / 1000.0).isBetween(19.5, 20.5);
        assertThat(counts.get("champion") + counts.get("softer")).isEqualTo(100_000);
    }

    @Test
    void armOf_sameIdTwoInstancesAndASerialisedCopy_sameArm() throws Exception {
        Experiment again = Experiment.championChallenger("q4-softer-tone", "champion", "softer", 20);
        Experiment copy = roundTrip(EIGHTY_TWENTY);

        for (int i = 0; i < 2_000; i++) {
            String id = "ID-" + i;
            assertThat(again.armOf(id)).isEqualTo(EIGHTY_TWENTY.armOf(id));
            assertThat(copy.armOf(id)).isEqualTo(EIGHTY_TWENTY.armOf(id));
        }
        assertThat(copy).isEqualTo(EIGHTY_TWENTY);
    }

    @Test
    void armOf_anotherExperimentName_splitsTheCasesIndependently() {
        Experiment other = Experiment.championChallenger("q1-firmer", "champion", "softer", 20);
        int both = 0;
        for (int i = 0; i < 20_000; i++) {
            String id = "C-" + i;
            if (EIGHTY_TWENTY.armOf(id).name().equals("softer") && other.armOf(id).name().equals("softer")) {
                both++;
            }
        }
        // independent 20% splits overlap on 4% of the cases (800 of 20,000; sd 28)
        assertThat(both).isBetween(650, 950);
    }

    @Test
    void new_threeArms_championFirstChallengersAfter() {
        Experiment e = Experiment.of("tone", Experiment.Arm.percent("current", 70), Experiment.Arm.percent("soft", 15),
                Experiment.Arm.percent("firm", 15));

        assertThat(e.champion().name()).isEqualTo("current");
        assertThat(e.challengers()).extracting(Experiment.Arm::name).containsExactly("soft", "firm");
        assertThat(e.arm("firm").basisPoints()).isEqualTo(1500);
        assertThat(Experiment.Arm.percent("x", 12.5).basisPoints()).isEqualTo(1250);
        assertThat(Experiment.Arm.percent("x", 12.5).percent()).isEqualTo(12.5);
    }

    @Test
    void new_sharesNotAddingUpTo100_namesTheSharesAndTheSum() {
        assertThatThrownBy(() -> Experiment.of("tone", Experiment.Arm.percent("a", 70), Experiment.Arm.percent("b", 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shares of experiment tone must add up to 100%, they add up to 90% (a 70%, b 20%)");
    }

    @Test
    void new_duplicateArmNames_refused() {
        assertThatThrownBy(() -> Experiment.of("tone", Experiment.Arm.percent("a", 50), Experiment.Arm.percent("a", 50)))
                .hasMessage("experiment tone has two arms named a: arm names must be unique");
    }

    @Test
    void new_badNamesSharesOrCounts_refusedWithTheValue() {
        assertThatThrownBy(() -> Experiment.championChallenger("q4 tone", "a", "b", 20))
                .hasMessageContaining("experiment name must be").hasMessageContaining("\"q4 tone\"");
        assertThatThrownBy(() -> Experiment.championChallenger("tone", "a", "b/c", 20))
                .hasMessageContaining("arm name must be").hasMessageContaining("\"b/c\"");
        assertThatThrownBy(() -> Experiment.championChallenger("tone", "a", "b", 0))
                .hasMessage("the share of arm b must be more than 0% and less than 100%, was 0.0%");
        assertThatThrownBy(() -> Experiment.championChallenger("tone", "a", "b", 100))
                .hasMessageContaining("less than 100%");
        assertThatThrownBy(() -> Experiment.Arm.percent("b", 12.345))
                .hasMessage("the share of arm b must be a percentage in steps of 0.01, was 12.345");
        assertThatThrownBy(() -> new Experiment("tone", List.of(new Experiment.Arm("a", 5000))))
                .hasMessage("experiment tone needs a champion and at least one challenger, has 1 arm");
        assertThatThrownBy(() -> EIGHTY_TWENTY.arm("firm"))
                .hasMessage("experiment q4-softer-tone has no arm firm; its arms are [champion, softer]");
    }

    private static Experiment roundTrip(Experiment e) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Experiment) in.readObject();
        }
    }
}
