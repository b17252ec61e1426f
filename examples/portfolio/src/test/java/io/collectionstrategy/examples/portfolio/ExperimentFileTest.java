package io.collectionstrategy.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {

    static final Path BASE = Path.of("/work/experiments").toAbsolutePath();

    static final String THREE_ARMS = """
            experiment: q4-tone
            champion:
              name: current
              rulebook: default
            challengers:
              - name: softer
                rulebook: rulebooks/softer
                share: 15
              - name: firmer
                rulebook: /srv/rulebooks/firmer
                share: 12.5
            """;

    @Test
    void parse_threeArmsChampionShareLeftOut_championTakesTheRest() {
        ExperimentFile f = ExperimentFile.parse(THREE_ARMS, BASE, "tone.yaml");

        assertThat(f.experiment().name()).isEqualTo("q4-tone");
        assertThat(f.experiment().arms()).containsExactly(new Experiment.Arm("current", 7250),
                new Experiment.Arm("softer", 1500), new Experiment.Arm("firmer", 1250));
        assertThat(f.rulebooks()).containsEntry("current", "default")
                .containsEntry("softer", BASE.resolve("rulebooks/softer").normalize().toString())
                .containsEntry("firmer", Path.of("/srv/rulebooks/firmer").toAbsolutePath().toString());
    }

    @Test
    void read_jsonFile_relativeDirectoriesFromTheFilesDirectory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("e.json");
        Files.writeString(file, """
                {"experiment": "e1", "champion": {"rulebook": "default", "share": 80},
                 "challengers": [{"name": "b", "rulebook": "b-rules", "share": 20}]}
                """);

        ExperimentFile f = ExperimentFile.read(file);

        assertThat(f.experiment()).isEqualTo(Experiment.championChallenger("e1", "champion", "b", 20));
        assertThat(f.rulebooks().get("b")).isEqualTo(dir.toAbsolutePath().resolve("b-rules").toString());
    }

    @Test
    void parse_mistakes_eachNamedWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("share: 15", "shares: 15"), BASE, "t.yaml"))
                .hasMessage("t.yaml: unknown key challengers[0].shares; expected [name, rulebook, share]");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("share: 15", "share: lots"), BASE, "t.yaml"))
                .hasMessage("t.yaml: challengers[0].share must be a percentage such as 20 or 12.5, was \"lots\"");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("    share: 15\n", ""), BASE, "t.yaml"))
                .hasMessage("t.yaml: challengers[0].share is required: a percentage such as 20");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("rulebook: default",
                "rulebook: default\n  share: 80"), BASE, "t.yaml"))
                .hasMessage("t.yaml: the shares of experiment q4-tone must add up to 100%, they add up to 107.5%"
                        + " (current 80%, softer 15%, firmer 12.5%)");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("name: firmer", "name: softer"), BASE,
                "t.yaml")).hasMessage("t.yaml: challengers[1].name: two arms are named softer: arm names must be unique");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("q4-tone", "q4 tone"), BASE, "t.yaml"))
                .hasMessageStartingWith("t.yaml: experiment name must be");
        assertThatThrownBy(() -> ExperimentFile.parse("experiment: [", BASE, "t.yaml"))
                .hasMessageStartingWith("t.yaml: not YAML or JSON");
        assertThatThrownBy(() -> ExperimentFile.parse("experiment: x\nchampion: {rulebook: default}\n", BASE, "t.yaml"))
                .hasMessageStartingWith("t.yaml: challengers is required");
        assertThatThrownBy(() -> ExperimentFile.parse(THREE_ARMS.replace("share: 15", "share: 90"), BASE, "t.yaml"))
                .hasMessage("t.yaml: the challengers' shares add up to 102.5%, leaving nothing for the champion");
    }

    @Test
    void twoArms_challengerAndShare_championAndChallengerArms() {
        ExperimentFile f = ExperimentFile.twoArms("q4", "default", "/r/softer", 20);

        assertThat(f.experiment()).isEqualTo(Experiment.championChallenger("q4", "champion", "challenger", 20));
        assertThat(f.rulebooks()).isEqualTo(Map.of("champion", "default", "challenger", "/r/softer"));
    }

    @Test
    void loadRulebooks_missingDirectory_namesTheArm() {
        ExperimentFile f = ExperimentFile.twoArms("q4", "/no/such/rulebook", "/no/such/other", 20);

        assertThatThrownBy(f::loadRulebooks).hasMessageStartingWith("the rulebook of arm champion: rulebook"
                + " directory does not exist");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(THREE_ARMS).map(t -> t.substring(0, t.length() / 2)),
                Arbitraries.strings().withChars("{}[]:,-\n \"'ab1.").ofMaxLength(80));
    }

    @Property(tries = 500)
    void parse_anyText_anExperimentOrAnIllegalArgumentNamingTheFile(@ForAll("texts") String text) {
        try {
            ExperimentFile f = ExperimentFile.parse(text, BASE, "any.yaml");
            assertThat(f.experiment().arms().stream().mapToInt(Experiment.Arm::basisPoints).sum()).isEqualTo(10_000);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("any.yaml: ");
        }
    }

    @Property(tries = 200)
    void parse_validShares_theSameSharesInBasisPoints(@ForAll @IntRange(min = 1, max = 4999) int a,
                                                      @ForAll @IntRange(min = 1, max = 4999) int b) {
        String text = "experiment: p\nchampion: {rulebook: default}\nchallengers:\n"
                + "  - {name: a, rulebook: default, share: " + a / 100.0 + "}\n"
                + "  - {name: b, rulebook: default, share: " + b / 100.0 + "}\n";

        Experiment e = ExperimentFile.parse(text, BASE, "p.yaml").experiment();

        assertThat(e.arm("a").basisPoints()).isEqualTo(a);
        assertThat(e.arm("b").basisPoints()).isEqualTo(b);
        assertThat(e.champion().basisPoints()).isEqualTo(10_000 - a - b);
    }
}
