package io.collectionstrategy;

/**
 * How text that came from the input is shown in messages, logs and terminals: control characters are escaped (so a
 * value cannot forge a log line or send escape sequences to a terminal), and an excerpt is cut short with its
 * phone-like digit runs masked (so an error message never carries a whole value, and no phone number).
 *
 * <pre>{@code
 * SafeText.escape("A-1\n\u001B[31m")          // A-1\n\u001B[31m, as the six plus eight visible characters
 * SafeText.excerpt("call 13800138000 now")     // call *********** now
 * }</pre>
 *
 * <p>The characters escaped ({@link #isControl(int)}): the ISO control characters (U+0000 to U+001F, U+007F to
 * U+009F), the line and paragraph separators U+2028 and U+2029, and the bidirectional embeddings, overrides and
 * isolates (U+202A to U+202E, U+2066 to U+2069), which can reorder what a terminal shows. {@code \n}, {@code \r} and
 * {@code \t} are written as such, every other one as {@code \}{@code uXXXX}. A backslash is not escaped.
 */
public final class SafeText {

    /** How many characters of a value an excerpt keeps. */
    public static final int EXCERPT_LENGTH = 40;

    /** A run of at least this many digits (spaces or hyphens between them allowed) is masked in an excerpt. */
    public static final int MASKED_DIGIT_RUN = 7;

    /** What is read of a long value to make its excerpt: enough for the excerpt and a digit run reaching into it. */
    private static final int READ_AHEAD = 4 * EXCERPT_LENGTH;

    private SafeText() {
    }

    /**
     * @param cp a code point
     * @return true when {@link #escape} escapes it
     */
    public static boolean isControl(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * @param text a text, or null
     * @return true when it has a character {@link #escape} would escape
     */
    public static boolean hasControl(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Escapes the control characters of a text; everything else is kept as it is.
     *
     * @param text the text, or null
     * @return the escaped text, or null for null
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return null;
        }
        if (!hasControl(text)) {
            return text.toString();
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /**
     * A short, safe excerpt of a value for a message: phone-like digit runs masked, control characters escaped, cut
     * to {@link #EXCERPT_LENGTH} characters with {@code …} at the end when it was longer.
     *
     * @param text the value, or null
     * @return the excerpt, or null for null
     */
    public static String excerpt(CharSequence text) {
        return excerpt(text, true);
    }

    /**
     * As {@link #excerpt(CharSequence)}, optionally without masking (for case ids, which are often long numbers and
     * are by contract not personal data).
     *
     * @param text  the value, or null
     * @param mask  true to mask phone-like digit runs
     * @return the excerpt, or null for null
     */
    public static String excerpt(CharSequence text, boolean mask) {
        if (text == null) {
            return null;
        }
        String head = text.length() > READ_AHEAD ? text.subSequence(0, READ_AHEAD).toString() : text.toString();
        String shown = escape(mask ? maskDigits(head) : head);
        if (shown.length() <= EXCERPT_LENGTH && head.length() == text.length()) {
            return shown;
        }
        int end = Math.min(EXCERPT_LENGTH, shown.length());
        if (end > 0 && Character.isHighSurrogate(shown.charAt(end - 1))) {
            end--;
        }
        return shown.substring(0, end) + "…";
    }

    /**
     * Replaces each digit of a run of at least {@link #MASKED_DIGIT_RUN} digits with {@code *}. Digits may be
     * separated by single spaces or hyphens ({@code 138 0013 8000}, {@code 138-0013-8000}). Not masked: an ISO date
     * ({@code 2026-11-28}) and the exponent of a number ({@code 1E+99999999}).
     *
     * @param text the text
     * @return the text with such runs masked
     */
    static String maskDigits(String text) {
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int end = i;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    digits++;
                    j++;
                    end = j;
                } else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1)) && j > start
                        && isDigit(text.charAt(j - 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (digits >= MASKED_DIGIT_RUN && !isDate(text, start, end) && !isExponent(text, start)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int k = start; k < end; k++) {
                    if (isDigit(text.charAt(k))) {
                        out.setCharAt(k, '*');
                    }
                }
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code yyyy-mm-dd}, possibly followed by more of a date-time. */
    private static boolean isDate(String text, int start, int end) {
        if (end - start != 10) {
            return false;
        }
        for (int k = 0; k < 10; k++) {
            char c = text.charAt(start + k);
            if ((k == 4 || k == 7) ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** The digits follow {@code E}, {@code E+} or {@code E-} right after a digit or a point: a number's exponent. */
    private static boolean isExponent(String text, int start) {
        int k = start - 1;
        if (k >= 0 && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
            k--;
        }
        return k >= 1 && (text.charAt(k) == 'E' || text.charAt(k) == 'e')
                && (isDigit(text.charAt(k - 1)) || text.charAt(k - 1) == '.');
    }
}
