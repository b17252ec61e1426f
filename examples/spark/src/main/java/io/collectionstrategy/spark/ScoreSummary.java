package io.collectionstrategy.spark;

import java.util.Locale;

/**
 * What a scoring run did: every input record is either assessed or reported as an error.
 *
 * @param input           records read (non-blank JSON Lines lines, CSV data rows, Parquet rows)
 * @param assessed        assessments written, counted in the written output
 * @param errors          error records written, counted in the written output
 * @param millis          wall time of the run, reading to the final count
 * @param rulebookName    the rulebook's name
 * @param rulebookVersion the rulebook's content hash
 * @param assessmentsPath where the assessments are
 * @param errorsPath      where the errors are
 */
public record ScoreSummary(long input, long assessed, long errors, long millis, String rulebookName,
                           String rulebookVersion, String assessmentsPath, String errorsPath) {

    /** @return whether input = assessed + errors: no row was dropped or duplicated */
    public boolean consistent() {
        return input == assessed + errors;
    }

    /** @return records per second over the whole run */
    public double rowsPerSecond() {
        return millis == 0 ? 0 : input * 1000.0 / millis;
    }

    /** @return the report printed at the end of a run */
    public String report() {
        return String.format(Locale.ROOT, """
                rulebook    %s %s
                input       %,d rows
                assessed    %,d -> %s
                errors      %,d -> %s
                check       input = assessed + errors: %s
                time        %.1f s, %,.0f rows/s""",
                rulebookName, rulebookVersion, input, assessed, assessmentsPath, errors, errorsPath,
                consistent() ? "OK" : "MISMATCH (" + input + " != " + assessed + " + " + errors + ")",
                millis / 1000.0, rowsPerSecond());
    }
}
