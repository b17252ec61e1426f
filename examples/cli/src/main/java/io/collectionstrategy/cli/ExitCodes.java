package io.collectionstrategy.cli;

/** The exit codes of every command, as documented in {@code --help} and the README. */
public final class ExitCodes {

    /** Every row was assessed; every check passed. */
    public static final int OK = 0;
    /** The run completed but some rows could not be assessed, or a check, lint or scenario failed. */
    public static final int FAILED = 1;
    /** The run could not start: a missing or unreadable file, a broken rulebook, a bad command line. */
    public static final int CANNOT_START = 2;
    /** An unexpected failure during the run (a bug, or an I/O error while writing). */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
