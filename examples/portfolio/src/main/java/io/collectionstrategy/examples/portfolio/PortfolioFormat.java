package io.collectionstrategy.examples.portfolio;

import java.util.Locale;

/** The formats of a portfolio file: what {@link RowReader} reads; {@link SyntheticPortfolio} writes JSONL and CSV. */
public enum PortfolioFormat {
    /** One JSON object per line. */
    JSONL,
    /** A JSON array of objects (or a sequence of top-level objects). */
    JSON,
    /** A CSV file with a header row of docs/contract.md field names; sets separated by {@code |}. */
    CSV;

    /**
     * @param fileName the file's name
     * @return the format its extension implies ({@code .jsonl}, {@code .ndjson}, {@code .json}, {@code .csv}), or
     *         null when none does
     */
    public static PortfolioFormat byExtension(String fileName) {
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
}
