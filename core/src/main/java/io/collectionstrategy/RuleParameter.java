package io.collectionstrategy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A number of the rulebook that its rules read by name: declared under {@code parameters:} in {@code rulebook.yaml}
 * and written {@code ${name}} in a rule, where the engine puts the value before the rules are compiled. The numbers
 * analysts change most (evidence points, day thresholds, days until a step) live there in one place.
 *
 * @param name  the name, e.g. {@code evasive.visitFromDays}
 * @param value the value the rules read
 * @param min   the least value the rulebook allows, or {@code null} for no bound
 * @param max   the greatest value the rulebook allows, or {@code null} for no bound
 * @param about what the number is for, as {@code rulebook.yaml} says; empty when it says nothing
 * @param rules the ids of the rules that read it, in file order; empty when no rule does
 */
public record RuleParameter(String name, BigDecimal value, BigDecimal min, BigDecimal max, String about,
                            List<String> rules) {

    /** Copies the list; {@code about} {@code null} becomes empty. */
    public RuleParameter {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
        about = about == null ? "" : about;
        rules = List.copyOf(rules);
    }

    /** @return the value as written into the rules, e.g. {@code 8} or {@code 0.25} */
    public String text() {
        return value.toPlainString();
    }
}
