package io.collectionstrategy.incentives;

import java.util.Objects;

/**
 * A text a rule wrote about a receivable: why it keeps its unit's expense claims frozen
 * ({@code outcome.freezeExpenses}), or a remark that changes no figure ({@code outcome.note}).
 *
 * @param rule the id of the rule that wrote it
 * @param text what it says, in plain words, as the rule wrote it
 */
public record RuleNote(String rule, String text) {

    /** Checks the text. */
    public RuleNote {
        Objects.requireNonNull(text, "text");
    }
}
