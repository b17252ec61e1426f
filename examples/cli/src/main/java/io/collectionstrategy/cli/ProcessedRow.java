package io.collectionstrategy.cli;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.examples.portfolio.PortfolioRow;

/**
 * One input row as the command-line tool processed it: where it was, its case id, what core's {@link RowAssessor}
 * made of it (an assessment or a failure), and the output record rendered on the worker thread. It does not keep
 * the row's fields: a processed row waiting for its turn to be written holds no more than its result.
 *
 * @param row      the row number in the input
 * @param id       the case id as far as it could be read ({@link PortfolioRow#id()}), or null
 * @param result   its assessment or failure
 * @param rendered the assessment's output record (UTF-8), or null
 */
record ProcessedRow(long row, String id, RowResult result, byte[] rendered) {

    /** Parses the row (a JSON line is parsed on the worker thread) and assesses it; never throws for a bad row. */
    static ProcessedRow of(RowAssessor rows, PortfolioRow unparsed) {
        PortfolioRow row = unparsed.parsed();
        if (!row.readable()) {
            return failed(row, RowResult.Kind.MALFORMED_RECORD, row.malformed());
        }
        return new ProcessedRow(row.row(), row.id(), rows.assess(row.fields()), null);
    }

    /** Assesses a debtor already read from the row. */
    static ProcessedRow of(RowAssessor rows, PortfolioRow row, Debtor debtor) {
        return new ProcessedRow(row.row(), row.id(), rows.assess(debtor), null);
    }

    /** A row that failed outside the assessment (e.g. an Error while reading it). */
    static ProcessedRow failed(PortfolioRow row, RowResult.Kind kind, String message) {
        return new ProcessedRow(row.row(), row.id(), RowResult.failed(kind, null, null, message), null);
    }

    /** @return this row with its rendered output record */
    ProcessedRow rendered(byte[] record) {
        return new ProcessedRow(row, id, result, record);
    }

    boolean ok() {
        return result.ok();
    }

    /** @return the assessment, or null */
    Assessment assessment() {
        return result.assessment();
    }

    /** @return the error that takes the row's place, as users read it, or null */
    String error() {
        return result.ok() ? null : result.failure().describe();
    }
}
