package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.Script;
import io.collectionstrategy.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseDiffTest {

    private static Assessment assessment(String type, List<EscalationStep> steps, List<Warning> warnings,
                                         List<BlockedStep> blocked) {
        return Assessment.of("C-1", type, null, (Script) null, steps, warnings, blocked, List.of(),
                new RulebookInfo("r", "v"), List.of(), java.time.LocalDate.of(2026, 11, 28));
    }

    @Test
    void of_sameAssessment_noChange() {
        Assessment a = assessment("EVASIVE", List.of(new EscalationStep("PHONE_CALL", 0, "call")), List.of(), List.of());

        assertThat(CaseDiff.of(a, a).any()).isFalse();
    }

    @Test
    void of_stepsWarningsAndBlocked_eachDifferenceWithFromAndTo() {
        Assessment base = assessment("EVASIVE", List.of(new EscalationStep("FIELD_VISIT", 0, "visit"),
                new EscalationStep("REMINDER", 0, "remind")), List.of(new Warning("W_OLD", "old")), List.of());
        Assessment cand = assessment("STUBBORN", List.of(new EscalationStep("FIELD_VISIT", 7, "visit"),
                new EscalationStep("WRITTEN_DEMAND", 3, "demand")), List.of(new Warning("W_NEW", "new")),
                List.of(new BlockedStep("PHONE_CALL", "hours", "CMP-001")));

        List<String> changes = CaseDiff.of(base, cand).changes().stream()
                .map(c -> c.kind() + ": " + c.describe()).toList();

        assertThat(changes).containsExactly("debtorType: EVASIVE -> STUBBORN", "stepAdded: + WRITTEN_DEMAND in 3 days",
                "stepRemoved: - REMINDER (was in 0 days)", "stepMoved: FIELD_VISIT in 0 -> 7 days",
                "warningAdded: + W_NEW", "warningRemoved: - W_OLD", "blockedAdded: + PHONE_CALL",
                "nextAction: FIELD_VISIT on 2026-11-28 -> FIELD_VISIT on 2026-12-05");
    }
}
