package io.collectionstrategy.cli;

import java.util.Locale;

/** Portfolio file formats. */
public enum InputFormat {
    /** One JSON object per line. */
    JSONL,
    /** A JSON array of objects (or a sequence of top-level objects). */
    JSON,
    /** A CSV file with a header row of CONTRACT.md field names; sets separated by {@code |}. */
    CSV;

    /**
     * @param fileName the file's name
     * @return the format its extension implies, or null when none does
     */
    static InputFormat byExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        return null;
    }

    /** picocli converter accepting any case. */
    static InputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException("expected jsonl, json or csv, was \"" + value + "\"");
        }
    }
}
