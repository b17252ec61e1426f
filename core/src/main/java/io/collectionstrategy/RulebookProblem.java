package io.collectionstrategy;

/**
 * One problem found in a rulebook, located by file and line.
 *
 * @param file    the file's path relative to the rulebook root, e.g. {@code classification.drl}
 * @param line    the 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong
 */
public record RulebookProblem(String file, int line, String message) {

    /** @return {@code file:line: message}, the form editors and terminals recognise */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
