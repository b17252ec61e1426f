package io.collectionstrategy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A step already taken on the case (input list {@code actions}): a call, a visit, a letter, a demand, a filing.
 *
 * @param step   the step, as the rules name it, e.g. {@code WRITTEN_DEMAND}
 * @param on     when it was taken, not after the evaluation date
 * @param served for letters and demands: delivered with proof of service (a served demand may restart the
 *               limitation period where the law says so)
 */
public record Action(String step, LocalDate on, boolean served) {

    /** Checks that the step and the date are given. */
    public Action {
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("an action needs a step, was " + InvalidDebtorException.show(step));
        }
        Objects.requireNonNull(on, "on");
    }
}
