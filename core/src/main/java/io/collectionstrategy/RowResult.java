package io.collectionstrategy;

import java.util.Objects;

/**
 * What became of one input row: its assessment, or the failure that takes its place. Batch programs (the command-line
 * tool, the Spark job, the scenario tables) write one record per row from it, so a bad row never loses the others.
 * Made by {@link RowAssessor}; immutable.
 *
 * @param assessment the assessment, or {@code null} when the row failed
 * @param failure    why the row has no assessment, or {@code null} when it has one
 */
public record RowResult(Assessment assessment, Failure failure) {

    /** Why a row has no assessment. */
    public enum Kind {
        /** The record could not be read as fields at all: broken JSON, a CSV row of the wrong shape. */
        MALFORMED_RECORD,
        /** A field value is not acceptable ({@link InvalidDebtorException}). */
        INVALID_DEBTOR,
        /** The rules failed on the debtor or kept re-firing ({@link AssessmentException}). */
        ASSESSMENT_FAILED,
        /**
         * A receivable's field is not acceptable ({@code io.collectionstrategy.incentives.InvalidReceivableException}),
         * in a batch of the incentive policy.
         */
        INVALID_RECEIVABLE
    }

    /**
     * A row's failure.
     *
     * @param kind    what failed
     * @param field   the input field at fault, or {@code null}
     * @param rule    the id of the rule that failed, or {@code null}
     * @param message what was wrong and what was expected, naming the field and the value (never the debtor's name)
     */
    public record Failure(Kind kind, String field, String rule, String message) {

        /** Checks the kind and the message. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** @return the message as a user reads it: an assessment failure says so first */
        public String describe() {
            return kind == Kind.ASSESSMENT_FAILED ? "assessment failed: " + message : message;
        }
    }

    /** Checks that exactly one of the two is given. */
    public RowResult {
        if ((assessment == null) == (failure == null)) {
            throw new IllegalArgumentException("a row result has either an assessment or a failure, was "
                    + (assessment == null ? "neither" : "both"));
        }
    }

    /**
     * @param assessment the row's assessment
     * @return a successful result
     */
    public static RowResult assessed(Assessment assessment) {
        return new RowResult(Objects.requireNonNull(assessment, "assessment"), null);
    }

    /**
     * @param kind    what failed
     * @param field   the field at fault, or {@code null}
     * @param rule    the failing rule's id, or {@code null}
     * @param message what was wrong
     * @return a failed result
     */
    public static RowResult failed(Kind kind, String field, String rule, String message) {
        return new RowResult(null, new Failure(kind, field, rule, message));
    }

    /** @return true when the row has an assessment */
    public boolean ok() {
        return assessment != null;
    }
}
