package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Something the collector must know before acting, e.g. that the limitation period is about to end.
 *
 * @param code    the warning code; see {@link WarningCodes} for the built-in ones
 * @param message what it means for this debtor, in plain words
 * @param rule    id of the rule (or guard) that raised it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Warning(String code, String message, String rule) {

    /** Checks the code. */
    public Warning {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("warning code must not be blank, was " + InvalidDebtorException.show(code));
        }
        message = message == null ? "" : message;
    }

    /**
     * A warning as a rule raises it; the engine adds the rule id.
     *
     * @param code    the code
     * @param message the message
     */
    public Warning(String code, String message) {
        this(code, message, null);
    }

    Warning withRule(String ruleId) {
        return new Warning(code, message, ruleId);
    }
}
