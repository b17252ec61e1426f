package io.collectionstrategy;

import java.util.List;
import java.util.Objects;

/**
 * An assessment with what it does not show: the step proposals that were merged into a sooner proposal of the same
 * step. For analysts' tools ({@link Authoring#trace}); the assessment is the one
 * {@link CollectionStrategy#assess} gives for the same debtor, date and locale. Immutable.
 *
 * @param assessment  the assessment
 * @param mergedSteps the proposals that lost a merge, in the order they lost it; empty when no step was proposed twice
 */
public record AssessmentTrace(Assessment assessment, List<MergedStep> mergedSteps) {

    /** Checks the components and copies the list. */
    public AssessmentTrace {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(mergedSteps, "mergedSteps");
        mergedSteps = List.copyOf(mergedSteps);
    }
}
