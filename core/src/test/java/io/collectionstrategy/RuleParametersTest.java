package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers declared under parameters: in rulebook.yaml and read by the rules as ${name}. */
class RuleParametersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private static final String RULE = TestRulebooks.HEADER + """
            // A visit from a number of days overdue that the analysts set in rulebook.yaml.
            rule "Visit from the parameter's days"
                @id("P-001")
            when
                Debtor( daysOverdue >= ${visit.fromDays} )   // ${not.read.in.a.comment}
            then
                outcome.step( "FIELD_VISIT", ${visit.inDays}, "overdue ${visit.fromDays} days or more" );
            end

            /* A second reader of the same number: ${also.not.read} */
            rule "Points from the parameter"
                @id("P-002")
            when
                Debtor( daysOverdue >= ${visit.fromDays} )
            then
                outcome.evidence( "EVASIVE", ${points.evasive}, "cue" );
            end
            """;

    private static Rulebook rulebook(String parameters, String drl) {
        Map<String, String> files = TestRulebooks.files();
        files.put("rulebook.yaml", TestRulebooks.RULEBOOK_YAML + parameters);
        files.put("rules/params.drl", drl);
        return Rulebook.of("test", files);
    }

    private static final String PARAMETERS = """
            parameters:
              visit.fromDays: 15
              visit.inDays:
                value: 3
                min: 0
                max: 30
                about: "days until the visit"
              points.evasive: 3
            """;

    private static CollectionStrategy strategy(String parameters, String drl) {
        return CollectionStrategy.builder().rulebook(rulebook(parameters, drl)).locale(Locale.ENGLISH).build();
    }

    private static RulebookException failure(String parameters, String drl) {
        return catchThrowableOfType(() -> strategy(parameters, drl), RulebookException.class);
    }

    @Test
    void assess_parameterInConditionAndConsequence_rulesReadItsValue() {
        CollectionStrategy s = strategy(PARAMETERS, RULE);

        Assessment at15 = s.assess(Debtor.builder("C-1").daysOverdue(15).build(), AS_OF);
        Assessment at14 = s.assess(Debtor.builder("C-2").daysOverdue(14).build(), AS_OF);

        assertThat(at15.escalation()).filteredOn(x -> x.rule().equals("P-001")).singleElement().satisfies(x -> {
            assertThat(x.inDays()).isEqualTo(3);
            assertThat(x.reason()).isEqualTo("overdue 15 days or more");
        });
        assertThat(at15.evidence()).filteredOn(e -> e.rule().equals("P-002")).singleElement()
                .satisfies(e -> assertThat(e.points()).isEqualTo(3));
        assertThat(at14.firedRuleIds()).doesNotContain("P-001", "P-002");
    }

    @Test
    void parameters_declared_listedWithValueBoundsAndTheRulesReadingThem() {
        List<RuleParameter> ps = strategy(PARAMETERS, RULE).authoring().parameters();

        assertThat(ps).extracting(RuleParameter::name).containsExactly("visit.fromDays", "visit.inDays", "points.evasive");
        assertThat(ps.get(0).rules()).containsExactly("P-001", "P-002");
        assertThat(ps.get(0).text()).isEqualTo("15");
        assertThat(ps.get(1).min()).isEqualByComparingTo("0");
        assertThat(ps.get(1).max()).isEqualByComparingTo("30");
        assertThat(ps.get(1).about()).isEqualTo("days until the visit");
        assertThat(ps.get(1).rules()).containsExactly("P-001");
        assertThat(ps.get(2).rules()).containsExactly("P-002");
    }

    @Test
    void parameters_experiment_theChampionsListedAsItsOtherAuthoringViews() {
        CollectionStrategy champion = strategy(PARAMETERS, RULE);
        var experiment = io.collectionstrategy.experiment.ExperimentStrategy.of(
                io.collectionstrategy.experiment.Experiment.championChallenger("p", "champion", "challenger", 50),
                Map.of("champion", champion, "challenger", CollectionStrategy.builder().rulebook(TestRulebooks.basic())
                        .locale(Locale.ENGLISH).build()));

        assertThat(experiment.authoring().parameters()).isEqualTo(champion.authoring().parameters()).isNotEmpty();
    }

    @Test
    void version_changedParameter_changesTheVersionButNotTheRulesAsWritten() {
        CollectionStrategy a = strategy(PARAMETERS, RULE);
        CollectionStrategy b = strategy(PARAMETERS.replace("visit.fromDays: 15", "visit.fromDays: 16"), RULE);

        assertThat(a.rulebook().version()).isNotEqualTo(b.rulebook().version());
        assertThat(a.rulebook().version()).isEqualTo(rulebook(PARAMETERS, RULE).version());
        assertThat(b.assess(Debtor.builder("C-1").daysOverdue(15).build(), AS_OF).firedRuleIds())
                .doesNotContain("P-001");
    }

    @Test
    void source_compiled_hasTheValuesWrittenInOnTheSameLines() {
        String compiled = strategy(PARAMETERS, RULE).authoring().source().files().get("rules/params.drl");

        assertThat(compiled).contains("daysOverdue >= 15 )   // ${not.read.in.a.comment}")
                .contains("outcome.step( \"FIELD_VISIT\", 3, \"overdue 15 days or more\" )")
                .contains("/* A second reader of the same number: ${also.not.read} */");
        assertThat(compiled.lines().count()).isEqualTo(RULE.lines().count());
    }

    @Test
    void build_misspelledParameter_namesTheLineAndTheDeclaredOne() {
        RulebookException e = failure(PARAMETERS, RULE.replace("outcome.evidence( \"EVASIVE\", ${points.evasive}",
                "outcome.evidence( \"EVASIVE\", ${points.evasiv}"));

        int line = lineOf(RULE, "outcome.evidence");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/params.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("${points.evasiv} is not a parameter of this rulebook: did you mean"
                    + " ${points.evasive}?");
        });
    }

    @Test
    void build_noParametersDeclared_saysWhereToDeclareThem() {
        RulebookException e = failure("", RULE);

        assertThat(e.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message())
                .contains("rulebook.yaml declares none: add it under parameters:"));
    }

    @Test
    void build_undeclaredNameInAText_staysTextAsWritten() {
        String drl = RULE.replace("\"overdue ${visit.fromDays} days or more\"", "\"overdue ${not.declared} days, ${\"");
        Assessment a = strategy(PARAMETERS, drl).assess(Debtor.builder("C-1").daysOverdue(15).build(), AS_OF);

        assertThat(a.escalation()).filteredOn(x -> x.rule().equals("P-001")).singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo("overdue ${not.declared} days, ${"));
    }

    @Test
    void build_valueOutsideItsBounds_refusedAtItsLine() {
        String yaml = PARAMETERS.replace("value: 3", "value: 45");
        RulebookException e = failure(yaml, RULE);

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isEqualTo(lineOf(TestRulebooks.RULEBOOK_YAML + yaml, "visit.inDays"));
            assertThat(p.message()).isEqualTo("parameter visit.inDays is 45, outside its bounds: expected from 0 to 30");
        });
    }

    @Test
    void build_valueNotANumber_refusedWithWhatWasExpected() {
        RulebookException e = failure(PARAMETERS.replace("points.evasive: 3", "points.evasive: \"3 points\""), RULE);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("parameter points.evasive: its value"
                + " must be a number of at most 18 digits (e.g. 8 or 0.25; no quotes, no units), was \"3 points\""));
    }

    @Test
    void build_unknownKeyInLongForm_refusedWithTheAllowedKeys() {
        RulebookException e = failure(PARAMETERS.replace("max: 30", "maximum: 30"), RULE);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).isEqualTo("parameter visit.inDays: unknown key"
                + " maximum (a parameter has value, and optionally min, max and about)"));
    }

    @Test
    void build_unclosedParameter_refusedAtItsLine() {
        String drl = RULE.replace("${visit.inDays}, \"overdue", "${visit.inDays, \"overdue");
        RulebookException e = failure(PARAMETERS, drl);

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(lineOf(drl, "outcome.step"));
            assertThat(p.message()).startsWith("a parameter is written ${name} on one line");
        });
    }

    @Test
    void lint_parameterNoRuleReads_reportedAtItsLine() {
        String yaml = PARAMETERS + "  unused.threshold: 90\n";
        List<RulebookProblem> lint = strategy(yaml, RULE).authoring().lint();

        assertThat(lint).filteredOn(p -> p.message().contains("unused.threshold")).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rulebook.yaml");
            assertThat(p.line()).isEqualTo(lineOf(TestRulebooks.RULEBOOK_YAML + yaml, "unused.threshold"));
            assertThat(p.message()).contains("is read by no rule");
        });
    }

    @Test
    void writeIn_negativeValueInCode_parenthesisedSoNoOperatorIsFormed() {
        List<RulebookProblem> problems = new ArrayList<>();
        Map<String, RuleParameters.Declared> declared = Map.of("shift", new RuleParameters.Declared("shift",
                new BigDecimal("-3"), null, null, "", 1));

        String out = RuleParameters.writeIn("a.drl", "x( 10 -${shift} ) \"by ${shift}\"", declared, new ArrayList<>(),
                problems);

        assertThat(out).isEqualTo("x( 10 -(-3) ) \"by -3\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void resolve_noParametersAnywhere_sameRulebook() {
        Rulebook plain = TestRulebooks.basic();

        RuleParameters.Resolved r = RuleParameters.resolve(plain, new ArrayList<>());

        assertThat(r.rulebook()).isSameAs(plain);
        assertThat(r.declared()).isEmpty();
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }
}
