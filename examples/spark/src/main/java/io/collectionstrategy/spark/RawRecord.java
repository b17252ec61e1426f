package io.collectionstrategy.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * One input record before validation: its place in the input and either its fields (as
 * {@link io.collectionstrategy.Debtor#fromFields(Map)} takes them) or why it could not be read at all.
 *
 * @param source    the input file
 * @param row       1-based position in that file: line of a JSON Lines file, data row of a CSV file (header not
 *                  counted), row of a Parquet file
 * @param fields    field name to value (text, numbers, booleans, lists, maps), or {@code null} when malformed or
 *                  not parsed yet
 * @param json      the text of a JSON Lines line, parsed only when assessed (so that counting the input stays
 *                  cheap), or {@code null}
 * @param malformed why the record could not be read, or {@code null}
 * @param idHint    the case id when it could be salvaged from a malformed record, else {@code null}
 */
public record RawRecord(String source, long row, Map<String, Object> fields, String json, String malformed,
                        String idHint)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    static RawRecord of(String source, long row, Map<String, Object> fields) {
        return new RawRecord(source, row, fields, null, null, null);
    }

    static RawRecord json(String source, long row, String line) {
        return new RawRecord(source, row, null, line, null, null);
    }

    static RawRecord malformed(String source, long row, String why, String idHint) {
        return new RawRecord(source, row, null, null, why, idHint);
    }

    /** @return the case id as far as it can be read, or {@code null} */
    public String caseId() {
        if (fields != null) {
            Object id = fields.get("id");
            if (id instanceof CharSequence || id instanceof Number) {
                String text = id.toString().trim();
                return text.isEmpty() ? null : text;
            }
            return null;
        }
        return idHint;
    }
}
