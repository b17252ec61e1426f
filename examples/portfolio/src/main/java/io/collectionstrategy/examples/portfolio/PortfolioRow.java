package io.collectionstrategy.examples.portfolio;

import java.io.Serializable;
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

    /** @return the case id as far as it can be read: the {@code id} field, else the salvaged id, else null */
    public String id() {
        return fields != null ? idOf(fields) : salvagedId;
    }

    private static String idOf(Map<String, ?> fields) {
        Object id = fields.get("id");
        if (id instanceof CharSequence || id instanceof Number) {
            String s = id.toString();
            return s.isBlank() ? null : s;
        }
        return null;
    }
}
