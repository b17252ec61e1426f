package io.collectionstrategy.examples.portfolio;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.SafeText;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.Map;

/**
 * One row of a portfolio as read, before validation: its place in the input and either its named fields, the reason
 * it could not be read, or (a JSON Lines row) its text not parsed yet. Serializable, so that a Spark job can carry
 * it from the reading stage to its executors.
 *
 * @param source     the input the row comes from: a file name, or e.g. {@code stdin}
 * @param row        1-based line of a JSON Lines file, element of a JSON array, or data row of a CSV file (header
 *                   not counted)
 * @param fields     the fields by docs/contract.md name (text, numbers, booleans, lists, maps), or null when the row is
 *                   malformed or not parsed yet
 * @param malformed  why the row could not be read, or null
 * @param salvagedId the case id seen in a malformed row, or null
 * @param line       the text of a JSON Lines row not parsed yet (parsing is left to whoever assesses it), or null
 */
public record PortfolioRow(String source, long row, Map<String, Object> fields, String malformed, String salvagedId,
                           String line) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the input
     * @param row    the row number
     * @param fields the fields
     * @return a readable row
     */
    public static PortfolioRow of(String source, long row, Map<String, Object> fields) {
        return new PortfolioRow(source, row, fields, null, null, null);
    }

    /**
     * @param source     the input
     * @param row        the row number
     * @param why        why the row cannot be read
     * @param salvagedId the case id seen in it, or null
     * @return a malformed row
     */
    public static PortfolioRow malformed(String source, long row, String why, String salvagedId) {
        return new PortfolioRow(source, row, null, why, salvagedId, null);
    }

    /**
     * A JSON Lines row read but not parsed yet: {@link #parsed()} parses it on whichever thread calls it.
     *
     * @param source the input
     * @param row    the line number
     * @param line   the line
     * @return the unparsed row
     */
    public static PortfolioRow unparsed(String source, long row, String line) {
        return new PortfolioRow(source, row, null, null, null, line);
    }

    /** @return this row with its fields parsed (itself when there is nothing to parse) */
    public PortfolioRow parsed() {
        return line == null ? this : RowReader.parseLine(source, row, line);
    }

    /** @return true when the row has its fields (it may still fail validation) */
    public boolean readable() {
        return fields != null;
    }

    /**
     * The case id as far as it can be read, safe to show: the {@code id} field (text or a whole number), else the
     * salvaged id, else null; control characters escaped ({@link SafeText#escape}) and cut after
     * {@link Debtor#MAX_ID_LENGTH} characters, so that an error record never carries more of a bad id than that.
     *
     * @return the id, or null
     */
    public String id() {
        String id = fields != null ? idOf(fields) : salvagedId;
        if (id == null || id.isBlank()) {
            return null;
        }
        boolean cut = id.length() > Debtor.MAX_ID_LENGTH;
        String shown = SafeText.escape(cut ? id.substring(0, Debtor.MAX_ID_LENGTH) : id);
        if (shown.length() > Debtor.MAX_ID_LENGTH) {
            shown = shown.substring(0, Debtor.MAX_ID_LENGTH);
            cut = true;
        }
        return cut ? shown + "…" : shown;
    }

    private static String idOf(Map<String, ?> fields) {
        Object id = fields.get("id");
        if (id instanceof CharSequence || id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
            return id.toString();
        }
        return null;
    }

    /**
     * About how many characters of text the row holds: its line, or the texts of its fields. Whoever keeps many
     * rows in memory at once bounds them by this.
     *
     * @return the count
     */
    public long textLength() {
        long n = 64;
        if (line != null) {
            n += line.length();
        }
        if (fields != null) {
            n += textLength(fields);
        }
        if (malformed != null) {
            n += malformed.length();
        }
        return n;
    }

    private static long textLength(Object value) {
        if (value instanceof CharSequence s) {
            return s.length() + 8;
        }
        if (value instanceof Map<?, ?> m) {
            long n = 16;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += textLength(e.getKey()) + textLength(e.getValue());
            }
            return n;
        }
        if (value instanceof Iterable<?> list) {
            long n = 16;
            for (Object item : list) {
                n += textLength(item);
            }
            return n;
        }
        return 16;
    }
}
