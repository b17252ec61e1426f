package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a rule file or parameters: section holds, parameters never add or move lines and never bring code. */
class RuleParametersPropertyTest {

    private static final Map<String, RuleParameters.Declared> DECLARED = Map.of(
            "a.days", new RuleParameters.Declared("a.days", new BigDecimal("8"), null, null, "", 1),
            "neg", new RuleParameters.Declared("neg", new BigDecimal("-2.5"), null, null, "", 2));

    @Provide
    Arbitrary<String> drl() {
        Arbitrary<String> pieces = Arbitraries.of("${a.days}", "${neg}", "${b}", "${", "}", "$", "{", "\"", "'", "\\",
                "//", "/*", "*/", "\n", " ", "x >= ", "outcome.step( \"S\", ", "${ a.days }", "${1x}", "${a.days",
                "é", "\t", ")");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void writeIn_anyText_sameLinesAndNoDeclaredNameLeftOutsideComments(@ForAll("drl") String drl) {
        List<RulebookProblem> problems = new ArrayList<>();
        List<RuleParameters.Use> uses = new ArrayList<>();

        String out = RuleParameters.writeIn("r.drl", drl, DECLARED, uses, problems);

        assertThat(out.split("\n", -1)).hasSameSizeAs(drl.split("\n", -1));
        assertThat(PreCompileChecks.code(out)).doesNotContain("${a.days}").doesNotContain("${neg}");
        int lines = drl.split("\n", -1).length;
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isBetween(1, lines));
        assertThat(uses).allSatisfy(u -> assertThat(u.line()).isBetween(1, lines));
        if (!drl.contains("${")) {
            assertThat(out).isEqualTo(drl);
            assertThat(problems).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.of("8", "-3", "0.25", "1e3", "\"8\"", "eight", "true", "null", "[1]",
                        "{value: 2}", "{value: x}", "{value: 5, min: 6}", "{value: 5, max: 4}", "{min: 1}",
                        "{value: 1, unit: days}", "1e400", "12345678901234567890", "0x10", "~", "''"),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(' ', '.', '-', ':')
                        .ofMaxLength(12).map(s -> "\"" + s + "\""));
    }

    /** Values that are valid YAML (a file that is not is reported once, by the settings' reader). */
    @Property(tries = 500)
    void read_anyValue_declaredAsANumberOrReportedWithItsLine(@ForAll("values") String value) {
        String yaml = "name: t\nparameters:\n  p.one: " + value + "\n";
        List<RulebookProblem> problems = new ArrayList<>();

        Map<String, RuleParameters.Declared> declared = RuleParameters.read(Rulebook.of("t", Map.of("rulebook.yaml",
                yaml, "r.drl", TestRulebooks.HEADER)), problems);

        assertThat(declared.isEmpty()).isNotEqualTo(problems.isEmpty());
        declared.values().forEach(d -> {
            assertThat(d.value().toPlainString()).matches("-?[0-9]+(\\.[0-9]+)?");
            assertThat(d.line()).isEqualTo(3);
        });
        problems.forEach(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isEqualTo(3);
        });
    }
}
