package io.collectionstrategy.spark;

import java.util.Locale;

/** The portfolio file formats the job reads. */
public enum InputFormat {
    /** Apache Parquet, columns named as in docs/contract.md, typed or text. */
    PARQUET,
    /** CSV with a header row; set-valued columns separate values with {@code |}, contactHistory is JSON text. */
    CSV,
    /** JSON Lines: one debtor object per line. */
    JSONL;

    /**
     * @param text {@code parquet}, {@code csv}, {@code jsonl} (or {@code json}, {@code ndjson})
     * @return the format
     * @throws IllegalArgumentException for anything else
     */
    public static InputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "parquet" -> PARQUET;
            case "csv" -> CSV;
            case "jsonl", "json", "ndjson" -> JSONL;
            default -> throw new IllegalArgumentException("--format must be one of parquet, csv, jsonl, was \"" + text + "\"");
        };
    }

    /**
     * @param fileName a file name
     * @return the format its extension means, or {@code null} when the extension is not known
     */
    public static InputFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".bz2") || lower.endsWith(".zst") || lower.endsWith(".snappy")) {
            lower = lower.substring(0, lower.lastIndexOf('.'));
        }
        if (lower.endsWith(".parquet")) {
            return PARQUET;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        return null;
    }
}
