package io.collectionstrategy.spark;

import java.util.Locale;

/** The formats the job writes its assessments and errors in. */
public enum OutputFormat {
    /** Apache Parquet with nested columns (default). */
    PARQUET,
    /** JSON Lines, nested as in docs/contract.md, nulls written. */
    JSON,
    /** CSV with a header; nested columns (script, steps, warnings, rulebook, evidence...) as JSON text. */
    CSV;

    /**
     * @param text {@code parquet}, {@code json} (or {@code jsonl}) or {@code csv}
     * @return the format
     * @throws IllegalArgumentException for anything else
     */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "parquet" -> PARQUET;
            case "json", "jsonl" -> JSON;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("--output-format must be one of parquet, json, csv, was \"" + text + "\"");
        };
    }

    /** @return the Spark data source name */
    public String sparkName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
