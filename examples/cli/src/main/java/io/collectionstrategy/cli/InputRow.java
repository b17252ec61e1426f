package io.collectionstrategy.cli;

import java.util.Map;

/**
 * One row of a portfolio as read, before validation: either its named fields or the reason it could not be read.
 *
 * @param row    1-based line of a JSON Lines file, element of a JSON array, or data row of a CSV file
 * @param id     the case id when it could be read, else null
 * @param fields the fields by CONTRACT.md name, or null when the row could not be read
 * @param error  why the row could not be read, or null
 * @param line   a JSON Lines row not parsed yet (parsing is left to the worker threads), or null
 */
record InputRow(long row, String id, Map<String, Object> fields, String error, String line) {

    static InputRow of(long row, Map<String, Object> fields) {
        return new InputRow(row, idOf(fields), fields, null, null);
    }

    static InputRow failed(long row, String id, String error) {
        return new InputRow(row, id, null, error, null);
    }

    /** A JSON Lines row read but not parsed yet: {@link #parsed()} parses it on whichever thread calls it. */
    static InputRow unparsed(long row, String line) {
        return new InputRow(row, null, null, null, line);
    }

    /** @return this row with its fields parsed (itself when there is nothing to parse) */
    InputRow parsed() {
        return line == null ? this : PortfolioReader.parseLine(row, line);
    }

    boolean readable() {
        return fields != null;
    }

    static String idOf(Map<String, ?> fields) {
        if (fields == null) {
            return null;
        }
        Object id = fields.get("id");
        if (id instanceof CharSequence || id instanceof Number) {
            String s = id.toString();
            return s.isBlank() ? null : s;
        }
        return null;
    }
}
