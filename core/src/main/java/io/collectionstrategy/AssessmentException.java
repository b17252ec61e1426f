package io.collectionstrategy;

/**
 * Thrown when the rules fail on one debtor: a rule keeps re-firing past the configured bound, or a rule's
 * condition or action fails at run time. The message names the case id and the rule. The engine stays usable.
 */
public class AssessmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final String ruleId;

    /**
     * @param caseId  the debtor's case id
     * @param ruleId  the id of the rule at fault, or {@code null} when unknown
     * @param message what happened
     * @param cause   the underlying failure, or {@code null}
     */
    public AssessmentException(String caseId, String ruleId, String message, Throwable cause) {
        super(message, cause);
        this.caseId = caseId;
        this.ruleId = ruleId;
    }

    /** @return the case id of the debtor being assessed */
    public String caseId() {
        return caseId;
    }

    /** @return the id of the rule at fault, or {@code null} when unknown */
    public String ruleId() {
        return ruleId;
    }
}
