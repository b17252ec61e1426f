package io.collectionstrategy.reload;

import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.RulebookProblem;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of one reload attempt of a {@link ReloadingCollectionStrategy}: either the changed rulebook compiled,
 * passed its scenarios and now serves ({@link #reloaded()}), or it was rejected and the previous rulebook keeps
 * serving ({@link #problems()} says why).
 *
 * @param reloaded true when the new rulebook was swapped in; false when it was rejected
 * @param previous the rulebook that served before the attempt
 * @param current  the rulebook that serves after the attempt: the new one when reloaded, otherwise {@code previous}
 * @param problems why the change was rejected, each as {@code file:line: message} (file relative to the rulebook
 *                 directory); empty when reloaded
 */
public record ReloadEvent(boolean reloaded, RulebookInfo previous, RulebookInfo current, List<RulebookProblem> problems) {

    /** Checks the fields and copies the list. */
    public ReloadEvent {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        problems = List.copyOf(problems);
        if (reloaded != problems.isEmpty()) {
            throw new IllegalArgumentException(reloaded ? "a reload has no problems" : "a rejection needs its problems");
        }
    }

    /**
     * A change that now serves.
     *
     * @param previous the rulebook that served before
     * @param current  the rulebook that serves now
     * @return the event
     */
    public static ReloadEvent reloaded(RulebookInfo previous, RulebookInfo current) {
        return new ReloadEvent(true, previous, current, List.of());
    }

    /**
     * A change that was rejected; the serving rulebook stays.
     *
     * @param serving  the rulebook that still serves
     * @param problems why, not empty
     * @return the event
     */
    public static ReloadEvent rejected(RulebookInfo serving, List<RulebookProblem> problems) {
        return new ReloadEvent(false, serving, serving, problems);
    }

    /** @return true when the change was rejected and the previous rulebook keeps serving */
    public boolean rejected() {
        return !reloaded;
    }

    /** @return e.g. {@code reloaded rules 1a2b -> 3c4d} or {@code rejected ...} with one problem per line */
    @Override
    public String toString() {
        if (reloaded) {
            return "reloaded " + current.name() + " " + previous.version() + " -> " + current.version();
        }
        return "rejected a change of " + current.name() + ", still serving " + current.version() + ":\n"
                + problems.stream().map(RulebookProblem::toString).collect(Collectors.joining("\n"));
    }
}
