package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever an analyst writes under steps: in rulebook.yaml, each entry is either declared or reported, never both. */
class DeclaredStepsPropertyTest {

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> entries() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '1').ofMinLength(1).ofMaxLength(12)
                        .filter(n -> Character.isLetter(n.charAt(0))),
                Arbitraries.of("PHONE_CALL", "sms_follow_up", "1STEP", "CASE REVIEW", "ÄRGER", "X"));
        Arbitrary<String> channels = Arbitraries.of("SMS", "CALL", "VISIT", "LETTER", "EMAIL", "none", "None", "sms",
                "PIGEON", "", "[SMS]", "{a: 1}", "~", "12");
        return Combinators.combine(names, channels).as(Tuple::of).list().ofMaxSize(6)
                .filter(l -> l.stream().map(Tuple.Tuple2::get1).distinct().count() == l.size());
    }

    @Property(tries = 300)
    void read_anyEntries_eachDeclaredOrReportedWithItsLine(@ForAll("entries") List<Tuple.Tuple2<String, String>> entries) {
        StringBuilder yaml = new StringBuilder("name: t\nsteps:\n");
        for (Tuple.Tuple2<String, String> e : entries) {
            yaml.append("  \"").append(e.get1()).append("\": ").append(e.get2()).append('\n');
        }
        List<RulebookProblem> problems = new ArrayList<>();

        DeclaredSteps steps = DeclaredSteps.read(Rulebook.of("t", Map.of("rulebook.yaml", yaml.toString(), "r.drl", TestRulebooks.HEADER)),
                problems);

        for (Tuple.Tuple2<String, String> e : entries) {
            boolean declared = steps.names().contains(e.get1());
            String about = "step " + SafeText.excerpt(e.get1());
            boolean reported = problems.stream().anyMatch(p -> p.message().startsWith(about + " ")
                    || p.message().startsWith(about + ":"));
            assertThat(declared ^ reported).as("%s: %s declared=%s reported=%s", e.get1(), e.get2(), declared, reported)
                    .isTrue();
            if (declared) {
                assertThat(RuleSandbox.isBuiltInStep(e.get1())).isFalse();
                assertThat(e.get1()).matches("[A-Z][A-Z0-9_]*");
            }
        }
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isBetween(0, entries.size() + 2);
        });
    }
}
