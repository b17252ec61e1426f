package io.collectionstrategy.incentives;

/**
 * Thrown when a receivable's field is not acceptable. The message names the field, the value and what was expected,
 * for example {@code "recovered must be a decimal number of at least 0 such as 1200.50, was \"-5\""}.
 */
public class InvalidReceivableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    /**
     * Creates an exception with the message {@code "<field> must be <expected>, was <value>"}.
     *
     * @param field    the field name as in docs/contract.md, e.g. {@code amountDue}
     * @param value    the rejected value, or {@code null} when it is missing
     * @param expected what was expected, e.g. {@code "a decimal number of at least 0"}
     */
    public InvalidReceivableException(String field, Object value, String expected) {
        this(field, value, (Void) null, field + " must be " + expected + ", was " + show(value));
    }

    private InvalidReceivableException(String field, Object value, Void fullMessage, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /**
     * Creates an exception with a message given in full.
     *
     * @param field   the field name
     * @param value   the rejected value
     * @param message the whole message
     * @return the exception
     */
    public static InvalidReceivableException withMessage(String field, Object value, String message) {
        return new InvalidReceivableException(field, value, (Void) null, message);
    }

    /** @return the field that was rejected, as named in docs/contract.md */
    public String field() {
        return field;
    }

    /** @return the rejected value, or {@code null} when it was missing */
    public Object value() {
        return value;
    }

    static String show(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof CharSequence) {
            return "\"" + value + "\"";
        }
        return String.valueOf(value);
    }
}
