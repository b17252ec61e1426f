package io.collectionstrategy;

/**
 * Thrown when a debtor fact is not acceptable. The message names the field, the value and what
 * was expected, for example {@code "promisesBroken must be between 0 and promisesMade (2), was 3"}; the three parts
 * are also available on their own ({@link #field()}, {@link #value()}, {@link #expected()}), e.g. for an HTTP
 * problem document.
 */
public class InvalidDebtorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What {@link #expected()} says of a required field that is missing. */
    static final String A_VALUE = "a value (the field is required)";

    private final String field;
    private final transient Object value;
    private final String expected;

    /**
     * Creates an exception with a message built from its parts:
     * {@code "<field> must be <expected>, was <value>"}.
     *
     * @param field    the field name as in docs/contract.md, e.g. {@code daysOverdue}
     * @param value    the rejected value (may be {@code null} when the value is missing)
     * @param expected what was expected, e.g. {@code "between 0 and 36500"}
     */
    public InvalidDebtorException(String field, Object value, String expected) {
        this(field, value, expected, field + " must be " + expected + ", was " + show(value));
    }

    private InvalidDebtorException(String field, Object value, String expected, String message) {
        super(message);
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    /**
     * Creates an exception with a message given in full; {@link #expected()} is then derived: "a value" for a
     * missing value, else the message itself.
     *
     * @param field   the field name
     * @param value   the rejected value
     * @param message the whole message
     * @return the exception
     */
    public static InvalidDebtorException withMessage(String field, Object value, String message) {
        return new InvalidDebtorException(field, value, value == null ? A_VALUE : message, message);
    }

    /**
     * Creates an exception with a message given in full and the expectation on its own.
     *
     * @param field    the field name
     * @param value    the rejected value
     * @param expected what was expected, e.g. {@code "one of the fields of docs/contract.md"}
     * @param message  the whole message
     * @return the exception
     */
    public static InvalidDebtorException withMessage(String field, Object value, String expected, String message) {
        return new InvalidDebtorException(field, value, expected, message);
    }

    /** @return the field that was rejected, as named in docs/contract.md */
    public String field() {
        return field;
    }

    /** @return the rejected value, or {@code null} when it was missing */
    public Object value() {
        return value;
    }

    /** @return what would have been accepted, e.g. {@code "between 0 and 36500"}; never null */
    public String expected() {
        return expected;
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
