package io.collectionstrategy;

/**
 * Thrown when a debtor fact is not acceptable. The message names the field, the value and what
 * was expected, for example {@code "promisesBroken must be between 0 and promisesMade (2), was 3"}.
 *
 * <p>The value in the message is only an excerpt ({@link SafeText#excerpt}): at most 40 characters, control
 * characters escaped, phone-like digit runs masked. The value of {@code name} is never shown, only what kind of
 * value it was ({@code "name must be text, was a list"}). The three parts are also available on their own
 * ({@link #field()}, {@link #value()}, {@link #expected()}), e.g. for an HTTP problem document.
 */
public class InvalidDebtorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;
    private final String expected;
    /** What {@link #expected()} says when a required value was missing. */
    private static final String A_VALUE = "a value";

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
        this(field, value, expected, field + " must be " + expected + ", was " + show(field, value));
    }

    private InvalidDebtorException(String field, Object value, String expected, String message) {
        super(message);
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    /**
     * Creates an exception with a message given in full. Values in it must be shown with {@link #show(String, Object)}.
     * {@link #expected()} is then derived: "a value" for a missing value, else the message itself.
     *
     * @param field   the field name
     * @param value   the rejected value
     * @param message the whole message
     * @return the exception
     */
    public static InvalidDebtorException withMessage(String field, Object value, String message) {
        return new InvalidDebtorException(field, value, value == null ? A_VALUE + " (" + message + ")" : message, message);
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

    /**
     * A value as messages show it: see {@link #show(String, Object)}, for a field that is neither {@code id} nor
     * {@code name}.
     */
    static String show(Object value) {
        return show(null, value);
    }

    /**
     * A rejected value as the messages show it: {@code missing} for null; a text in quotes, numbers and the like as
     * they are, lists and objects in brackets; always only an {@linkplain SafeText#excerpt excerpt} (with the
     * length of a text that was cut). The digits of a case id are not masked. The value of {@code name} is never
     * shown: only what kind of value it was.
     *
     * @param field the field, or null
     * @param value the value
     * @return how a message shows it
     */
    static String show(String field, Object value) {
        if (value == null) {
            return "missing";
        }
        if ("name".equals(field)) {
            return kind(value);
        }
        boolean mask = !"id".equals(field);
        if (value instanceof CharSequence s) {
            String shown = "\"" + SafeText.excerpt(s, mask) + "\"";
            return s.length() > SafeText.EXCERPT_LENGTH ? shown + " (" + s.length() + " characters)" : shown;
        }
        if (value instanceof java.util.Collection<?> c) {
            return SafeText.excerpt(preview(value), mask) + " (" + c.size() + (c.size() == 1 ? " item)" : " items)");
        }
        return SafeText.excerpt(preview(value), mask);
    }

    /** What kind of value it is, without the value. */
    static String kind(Object value) {
        if (value instanceof CharSequence s) {
            return "a text of " + s.length() + " characters";
        }
        if (value instanceof Boolean) {
            return "true or false";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof java.util.Collection<?>) {
            return "a list";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** The start of a value's text, built only as far as an excerpt needs (a huge list is not printed whole). */
    private static String preview(Object value) {
        StringBuilder sb = new StringBuilder();
        preview(value, sb);
        return sb.toString();
    }

    private static void preview(Object value, StringBuilder sb) {
        int enough = 4 * SafeText.EXCERPT_LENGTH;
        if (sb.length() > enough) {
            return;
        }
        if (value instanceof java.util.Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object item : c) {
                if (sb.length() > enough) {
                    break;
                }
                sb.append(first ? "" : ", ");
                first = false;
                preview(item, sb);
            }
            sb.append(']');
        } else if (value instanceof java.util.Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > enough) {
                    break;
                }
                sb.append(first ? "" : ", ");
                first = false;
                preview(e.getKey(), sb);
                sb.append('=');
                preview(e.getValue(), sb);
            }
            sb.append('}');
        } else {
            String s = String.valueOf(value);
            sb.append(s, 0, Math.min(s.length(), enough + 1));
        }
    }
}
