package io.collectionstrategy.cli;

import java.util.List;

/** A run that cannot start: each line is printed on stderr and the exit code is {@link ExitCodes#CANNOT_START}. */
final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    StartupException(String message) {
        this(List.of(message));
    }

    StartupException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    List<String> lines() {
        return lines;
    }
}
