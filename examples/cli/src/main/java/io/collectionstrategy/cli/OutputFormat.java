package io.collectionstrategy.cli;

import java.util.Locale;

/** Assessment output formats. */
public enum OutputFormat {
    /** One JSON object per line, shaped as docs/contract.md says. */
    JSONL,
    /** One CSV record per input row, with the key results flattened. */
    CSV,
    /** A fixed-width table for reading in a terminal. */
    TABLE;

    static OutputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException("expected jsonl, csv or table, was \"" + value + "\"");
        }
    }
}
