package io.collectionstrategy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a rulebook cannot be used: it does not compile, a script catalogue is malformed or incomplete, or
 * its scenarios fail. The message lists every problem as {@code file:line: message}, one per line.
 */
public class RulebookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rulebook;
    private final transient List<RulebookProblem> problems;

    /**
     * @param rulebook the rulebook's name
     * @param problems every problem found, not empty
     */
    public RulebookException(String rulebook, List<RulebookProblem> problems) {
        super("rulebook " + rulebook + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(RulebookProblem::toString).collect(Collectors.joining("\n")));
        this.rulebook = rulebook;
        this.problems = List.copyOf(problems);
    }

    /** @return the rulebook's name */
    public String rulebook() {
        return rulebook;
    }

    /** @return every problem, in file and line order */
    public List<RulebookProblem> problems() {
        return problems;
    }
}
