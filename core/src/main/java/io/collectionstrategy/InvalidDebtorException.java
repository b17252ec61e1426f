package io.collectionstrategy;

/**
 * Thrown when a debtor fact is not acceptable. The message names the field, the value and what
 * was expected, for example {@code "promisesBroken must be between 0 and promisesMade (2), was 3"}.
 */
public class InvalidDebtorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    /**
     * Creates an exception with a message built from its parts:
     * {@code "<field> must be <expected>, was <value>"}, or {@code "<field> is required"} for a missing value
     * of a required field.
     *
     * @param field    the field name as in docs/contract.md, e.g. {@code daysOverdue}
     * @param value    the rejected value (may be {@code null} when the value is missing)
     * @param expected what was expected, e.g. {@code "between 0 and 36500"}
     */
    public InvalidDebtorException(String field, Object value, String expected) {
        this(field, value, (Void) null, field + " must be " + expected + ", was " + show(value));
    }

    /** The full-message constructor; the {@code Void} marker only tells it apart from the public one. */
    private InvalidDebtorException(String field, Object value, Void fullMessage, String message) {
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
    public static InvalidDebtorException withMessage(String field, Object value, String message) {
        return new InvalidDebtorException(field, value, (Void) null, message);
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
