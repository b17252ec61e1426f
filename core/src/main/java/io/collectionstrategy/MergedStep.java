package io.collectionstrategy;

/**
 * A step proposal the assessment did not keep because the same step was proposed sooner (or as soon, by an earlier
 * proposal) by another rule, or by the same rule again. Two proposals of one step are merged into one: the soonest
 * counts, and on a tie the one proposed first. The kept proposal is the one the rules' proposals came to at the end
 * of the stages, before any {@code outcome.delay}, {@code outcome.withdraw}, the timeline or the compliance guard
 * changed it; not the one that happened to be ahead at the moment of the merge.
 *
 * <p>Only for analysts' tools ({@link Authoring#trace}): an {@link Assessment} does not carry them.
 *
 * @param step       the step both proposals name, e.g. {@code FIELD_VISIT}
 * @param inDays     the days from the evaluation date this proposal asked for, at least {@code keptInDays}
 * @param reason     this proposal's reason, in the locale of the assessment when the catalogue translates it
 * @param rule       the id of the rule that made this proposal
 * @param keptInDays the days from the evaluation date of the proposal that was kept, as proposed
 * @param keptRule   the id of the rule whose proposal was kept
 */
public record MergedStep(String step, int inDays, String reason, String rule, int keptInDays, String keptRule) {

    /** Checks the step name and the days: the kept proposal is never later than this one. */
    public MergedStep {
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("step must not be blank, was " + InvalidDebtorException.show(step));
        }
        if (keptInDays < 0) {
            throw new IllegalArgumentException("keptInDays of merged step " + step + " must not be negative: "
                    + keptInDays);
        }
        if (inDays < keptInDays) {
            throw new IllegalArgumentException("merged step " + step + " in " + inDays + " days is sooner than the"
                    + " kept proposal in " + keptInDays + " days: the sooner proposal is the one kept");
        }
        reason = reason == null ? "" : reason;
    }
}
