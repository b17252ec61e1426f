package io.collectionstrategy.examples.portfolio;

import java.io.IOException;

/**
 * An input that cannot be read as a portfolio at all: missing, unreadable, or malformed at its start. The message is
 * meant for the user as it is and names the input, e.g. {@code file not found: p.jsonl}.
 */
public final class UnreadablePortfolioException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the input */
    public UnreadablePortfolioException(String message) {
        super(message);
    }
}
