package io.collectionstrategy.examples.portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the lines of one CSV record into its values, as RFC 4180 says (comma-separated, a value in double quotes
 * may hold commas, line breaks and doubled quotes), with spaces around values ignored. It is fed one line at a
 * time, so that the reader decides how far a record may reach: {@link #open()} says whether the last line ended
 * inside a quoted value. A quote inside an unquoted value is an ordinary character; anything but a comma after the
 * closing quote of a value is an error.
 */
final class CsvSplitter {

    private enum State { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private State state = State.START;
    private String error;
    private String shortError;
    private int quoteLine;
    private int quoteColumn;
    private int lines;

    /**
     * Adds the next line of the record.
     *
     * @param line the line, without its line end
     */
    void feed(String line) {
        lines++;
        if (error != null) {
            return;
        }
        if (state == State.QUOTED) {
            cell.append('\n');
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (state) {
                case START -> {
                    if (c == '"') {
                        state = State.QUOTED;
                        quoteLine = lines;
                        quoteColumn = i + 1;
                    } else if (c == ',') {
                        cells.add("");
                    } else if (!Character.isWhitespace(c)) {
                        cell.append(c);
                        state = State.UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == ',') {
                        endCell();
                    } else {
                        cell.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        cell.append(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        cell.append('"');
                        state = State.QUOTED;
                    } else if (c == ',') {
                        endCell();
                    } else if (Character.isWhitespace(c)) {
                        state = State.AFTER_QUOTED;
                    } else {
                        fail(c, i);
                        return;
                    }
                }
                case AFTER_QUOTED -> {
                    if (c == ',') {
                        endCell();
                    } else if (!Character.isWhitespace(c)) {
                        fail(c, i);
                        return;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void fail(char c, int i) {
        String shown = io.collectionstrategy.SafeText.escape(String.valueOf(c));
        error = "a quoted value (opened at " + where(quoteLine, quoteColumn) + ") is followed by '" + shown + "' at "
                + where(lines, i + 1) + " instead of a comma or the end of the row; a quote inside a quoted value"
                + " must be doubled";
        shortError = "a closing quote is followed by '" + shown + "' on line " + lines + " of them";
    }

    private String where(int line, int column) {
        return (lines > 1 ? "line " + line + " of the row, " : "") + "character " + column;
    }

    private void endCell() {
        cells.add(cell.toString().trim());
        cell.setLength(0);
        state = State.START;
    }

    /** @return true when the lines fed so far end inside a quoted value */
    boolean open() {
        return error == null && state == State.QUOTED;
    }

    /** @return where the quoted value still open began, for messages */
    String openQuote() {
        return where(quoteLine, quoteColumn);
    }

    /** @return what makes the record unreadable, or null */
    String error() {
        return error;
    }

    /** @return the same in a few words, for a record of several lines, or null */
    String shortError() {
        return shortError;
    }

    /** @return how many lines were fed */
    int lines() {
        return lines;
    }

    /** @return the values read so far, the last one included (for a complete record: all its values) */
    List<String> cells() {
        List<String> all = new ArrayList<>(cells);
        if (state != State.START || !cells.isEmpty() || cell.length() > 0) {
            all.add(cell.toString().trim());
        }
        return all;
    }
}
