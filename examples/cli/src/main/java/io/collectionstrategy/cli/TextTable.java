package io.collectionstrategy.cli;

import io.collectionstrategy.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: columns as wide as their widest cell, numbers right-aligned, text escaped
 * ({@link SafeText}). Rows are kept until {@link #print}; reports hold a few dozen, never one per debtor.
 */
final class TextTable {

    /** A number as reports write it: a sign, digits, separators, an optional percent sign. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9][0-9.,]*%?");

    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();

    TextTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    TextTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
                    + " columns " + header);
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and the rows, each line starting with {@code indent}. */
    void print(PrintWriter out, String indent) {
        int[] widths = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
        }
        for (Object[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], text(r[c]).length());
                numeric[c] &= r[c] instanceof Number || (r[c] instanceof String s && NUMBER.matcher(s).matches());
            }
        }
        line(out, indent, header.toArray(), widths, numeric);
        for (Object[] r : rows) {
            line(out, indent, r, widths, numeric);
        }
    }

    private static void line(PrintWriter out, String indent, Object[] cells, int[] widths, boolean[] numeric) {
        StringBuilder b = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            String t = text(cells[c]);
            boolean last = c == cells.length - 1;
            if (numeric[c]) {
                b.append(" ".repeat(widths[c] - t.length())).append(t);
            } else {
                b.append(t);
                if (!last) {
                    b.append(" ".repeat(widths[c] - t.length()));
                }
            }
            if (!last) {
                b.append("  ");
            }
        }
        out.println(b.toString().stripTrailing());
    }

    private static String text(Object cell) {
        return cell == null ? "" : SafeText.escape(String.valueOf(cell));
    }
}
