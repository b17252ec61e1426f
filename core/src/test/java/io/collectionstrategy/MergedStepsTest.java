package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.experiment.Experiment;
import io.collectionstrategy.experiment.ExperimentStrategy;
import io.collectionstrategy.incentives.TestIncentives;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two proposals of one step are merged into the soonest; {@link Authoring#trace} tells which ones were merged. */
class MergedStepsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /**
     * A rulebook of stage one's rule {@code M-001} and stage two's rule {@code M-002} (stage two fires after stage
     * one), with the test catalogue's scripts.
     */
    private static CollectionStrategy strategy(String stageOne, String stageTwo) {
        Map<String, String> files = TestRulebooks.files();
        files.remove("rules/test.drl");
        files.put("rules/merge.drl", TestRulebooks.HEADER + """

                // Stage one.
                rule "First proposal"
                    @id("M-001")
                when
                    Debtor( daysOverdue > 30 )
                then
                """ + stageOne + """
                end

                // Stage two: fires after every rule of stage one.
                rule "Second proposal"
                    @id("M-002")
                when
                    Treatment( debtor.daysOverdue > 30 )
                then
                """ + stageTwo + """
                end
                """);
        return CollectionStrategy.builder().rulebook(Rulebook.of("merge", files)).locale(Locale.ENGLISH).build();
    }

    private static final Debtor OVERDUE = Debtor.builder("C-MERGE").daysOverdue(45).build();
    private static final Debtor RECENT = Debtor.builder("C-RECENT").daysOverdue(10).build();

    /** M-001 visits in 7 days, M-002 in 0 days: the later, sooner proposal is kept. */
    private static final CollectionStrategy SEVEN_THEN_ZERO = strategy(
            "outcome.step( \"FIELD_VISIT\", 7, \"overdue: visit in person\" );\n",
            "outcome.step( \"FIELD_VISIT\", 0, \"visit today\" );\n");

    @Test
    void trace_laterSoonerProposal_replacesTheEarlierOneWhichIsReportedMerged() {
        AssessmentTrace t = SEVEN_THEN_ZERO.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).containsExactly(
                new MergedStep("FIELD_VISIT", 7, "overdue: visit in person", "M-001", 0, "M-002"));
        assertThat(t.assessment().escalation()).singleElement()
                .isEqualTo(new EscalationStep("FIELD_VISIT", 0, "visit today", "M-002"));
    }

    @Test
    void trace_soonerProposalFirst_theLaterOneReportedMerged() {
        CollectionStrategy s = strategy("outcome.step( \"FIELD_VISIT\", 0, \"visit today\" );\n",
                "outcome.step( \"FIELD_VISIT\", 7, \"visit within a week\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).containsExactly(
                new MergedStep("FIELD_VISIT", 7, "visit within a week", "M-002", 0, "M-001"));
        assertThat(t.assessment().escalation()).extracting(EscalationStep::rule).containsExactly("M-001");
    }

    @Test
    void trace_tie_theFirstKeptTheSecondReportedMerged() {
        CollectionStrategy s = strategy("outcome.step( \"FIELD_VISIT\", 3, \"first\" );\n",
                "outcome.step( \"FIELD_VISIT\", 3, \"second\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).containsExactly(new MergedStep("FIELD_VISIT", 3, "second", "M-002", 3, "M-001"));
        assertThat(t.assessment().escalation()).singleElement()
                .isEqualTo(new EscalationStep("FIELD_VISIT", 3, "first", "M-001"));
    }

    @Test
    void trace_threeProposals_eachMergedIntoTheOneKeptAtTheEndNotTheOneAheadAtTheMerge() {
        CollectionStrategy s = strategy("""
                outcome.step( "FIELD_VISIT", 7, "in a week" );
                outcome.step( "FIELD_VISIT", 3, "in three days" );
                """, "outcome.step( \"FIELD_VISIT\", 0, \"today\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).containsExactly(
                new MergedStep("FIELD_VISIT", 7, "in a week", "M-001", 0, "M-002"),
                new MergedStep("FIELD_VISIT", 3, "in three days", "M-001", 0, "M-002"));
    }

    @Test
    void trace_stepInsertedAsFact_mergedLikeOutcomeStep() {
        CollectionStrategy s = strategy("insert( new EscalationStep( \"FIELD_VISIT\", 7, \"as a fact\" ) );\n",
                "outcome.step( \"FIELD_VISIT\", 0, \"today\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).containsExactly(new MergedStep("FIELD_VISIT", 7, "as a fact", "M-001", 0, "M-002"));
    }

    @Test
    void trace_keptProposalDelayedLater_keptInDaysIsAsProposed() {
        CollectionStrategy s = strategy("""
                outcome.step( "FIELD_VISIT", 7, "in a week" );
                outcome.step( "FIELD_VISIT", 2, "in two days" );
                """, "outcome.delay( \"FIELD_VISIT\", 14, \"not before the letter\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.assessment().escalation()).singleElement().satisfies(st -> assertThat(st.inDays()).isEqualTo(16));
        assertThat(t.mergedSteps()).containsExactly(new MergedStep("FIELD_VISIT", 7, "in a week", "M-001", 2, "M-001"));
    }

    @Test
    void trace_noStepProposedTwice_noMergedSteps() {
        CollectionStrategy s = strategy("outcome.step( \"FIELD_VISIT\", 7, \"visit\" );\n",
                "outcome.step( \"PHONE_CALL\", 0, \"call\" );\n");

        AssessmentTrace t = s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH);

        assertThat(t.mergedSteps()).isEmpty();
        assertThat(t.assessment().stepNames()).containsExactly("PHONE_CALL", "FIELD_VISIT");
    }

    @Test
    void trace_sameDebtor_assessmentEqualsAssess() {
        OffsetDateTime at = AS_OF.atTime(10, 30).atOffset(ZoneOffset.ofHours(8));

        assertThat(SEVEN_THEN_ZERO.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH).assessment())
                .isEqualTo(SEVEN_THEN_ZERO.assess(OVERDUE, AS_OF, Locale.ENGLISH));
        assertThat(SEVEN_THEN_ZERO.authoring().trace(OVERDUE, at, Locale.ENGLISH).assessment())
                .isEqualTo(SEVEN_THEN_ZERO.assess(OVERDUE, at, Locale.ENGLISH));
        assertThat(SEVEN_THEN_ZERO.authoring().trace(OVERDUE, at, Locale.ENGLISH).mergedSteps())
                .extracting(MergedStep::rule, MergedStep::keptRule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M-001", "M-002"));
    }

    @Test
    void trace_assessmentsInARowOnOneStrategy_mergedStepsDoNotLeakIntoTheNext() {
        CollectionStrategy s = strategy("outcome.step( \"FIELD_VISIT\", 7, \"visit\" );\n",
                "outcome.step( \"FIELD_VISIT\", 0, \"today\" );\n");
        Debtor overdueOnly = Debtor.builder("C-OTHER").daysOverdue(31).build();

        assertThat(s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH).mergedSteps()).hasSize(1);
        s.assess(OVERDUE, AS_OF); // a merge on the plain path, in the same reused session
        assertThat(s.authoring().trace(RECENT, AS_OF, Locale.ENGLISH).mergedSteps()).isEmpty();
        assertThat(s.authoring().trace(overdueOnly, AS_OF, Locale.ENGLISH).mergedSteps()).hasSize(1);
        assertThat(s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH).mergedSteps()).hasSize(1);
    }

    @Test
    void trace_translatedReason_mergedProposalInTheLocale() {
        Map<String, String> files = TestRulebooks.files();
        files.remove("rules/test.drl");
        files.put("rules/merge.drl", TestRulebooks.HEADER + """

                // Two proposals of one visit.
                rule "Two visits"
                    @id("M-010")
                when
                    Debtor( daysOverdue > 30 )
                then
                    outcome.step( "FIELD_VISIT", 0, "today" );
                    outcome.step( "FIELD_VISIT", 5, "later" );
                end
                """);
        files.put("scripts/zh-CN.yaml", TestRulebooks.SCRIPTS_ZH + """
                reasons:
                  M-010/FIELD_VISIT: "上门，逾期{daysOverdue}天"
                """);
        CollectionStrategy s = CollectionStrategy.builder().rulebook(Rulebook.of("merge", files)).build();

        assertThat(s.authoring().trace(OVERDUE, AS_OF, Locale.forLanguageTag("zh-CN")).mergedSteps())
                .extracting(MergedStep::reason).containsExactly("上门，逾期45天");
        assertThat(s.authoring().trace(OVERDUE, AS_OF, Locale.ENGLISH).mergedSteps())
                .extracting(MergedStep::reason).containsExactly("later");
    }

    @Test
    void trace_nullArgument_namedInTheMessage() {
        Authoring a = SEVEN_THEN_ZERO.authoring();

        assertThatThrownBy(() -> a.trace(null, AS_OF, Locale.ENGLISH)).isInstanceOf(NullPointerException.class)
                .hasMessage("debtor");
        assertThatThrownBy(() -> a.trace(OVERDUE, (LocalDate) null, Locale.ENGLISH))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> a.trace(OVERDUE, (OffsetDateTime) null, Locale.ENGLISH))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> a.trace(OVERDUE, AS_OF, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("locale");
    }

    @Test
    void trace_experiment_theDebtorsArmLabelledAsAssessDoes() {
        CollectionStrategy noMerge = strategy("outcome.step( \"FIELD_VISIT\", 7, \"visit\" );\n",
                "outcome.step( \"PHONE_CALL\", 0, \"call\" );\n");
        Experiment e = Experiment.championChallenger("merge-check", "champion", "merging", 50);
        ExperimentStrategy x = ExperimentStrategy.of(e, Map.of("champion", noMerge, "merging", SEVEN_THEN_ZERO));
        Debtor inChallenger = Debtor.builder(firstIdIn(e, "merging")).daysOverdue(45).build();

        AssessmentTrace t = x.authoring().trace(inChallenger, AS_OF, Locale.ENGLISH);

        assertThat(t.assessment()).isEqualTo(x.assess(inChallenger, AS_OF, Locale.ENGLISH));
        assertThat(t.assessment().strategy().arm()).isEqualTo("merging");
        assertThat(t.mergedSteps()).extracting(MergedStep::rule).containsExactly("M-001");
        assertThat(x.authoring().rules()).isEqualTo(noMerge.authoring().rules());
    }

    private static String firstIdIn(Experiment e, String arm) {
        for (int i = 0; ; i++) {
            if (e.armOf("C-" + i).name().equals(arm)) {
                return "C-" + i;
            }
        }
    }

    @Test
    void trace_incentivePolicy_unsupportedSayingWhy() {
        Authoring incentives = TestIncentives.policy().authoring();

        assertThatThrownBy(() -> incentives.trace(OVERDUE, AS_OF, Locale.ENGLISH))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("incentive policy test-incentives").hasMessageContaining("no escalation steps");
    }

    @Test
    void mergedStep_keptLaterThanTheProposal_rejectedNamingBoth() {
        assertThatThrownBy(() -> new MergedStep("FIELD_VISIT", 2, "r", "M-001", 5, "M-002"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIELD_VISIT in 2 days").hasMessageContaining("kept proposal in 5 days");
    }

    @Test
    void assessmentTrace_listGivenIsCopied() {
        java.util.List<MergedStep> merged = new java.util.ArrayList<>();
        merged.add(new MergedStep("FIELD_VISIT", 7, "r", "M-001", 0, "M-002"));
        AssessmentTrace t = new AssessmentTrace(SEVEN_THEN_ZERO.assess(OVERDUE, AS_OF), merged);

        merged.clear();

        assertThat(t.mergedSteps()).hasSize(1);
        assertThatThrownBy(() -> t.mergedSteps().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
