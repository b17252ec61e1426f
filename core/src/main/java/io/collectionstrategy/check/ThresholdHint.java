package io.collectionstrategy.check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number in a rule's condition that the scenario tables do not test on both sides, e.g. {@code daysOverdue >= 31}
 * with no scenario where the debtor is 30 days overdue or less and the rule would otherwise apply. A hint, never a
 * failure: moving such a number changes no scenario's result.
 *
 * @param ruleId        the rule's {@code @id}
 * @param file          the {@code .drl} file, relative to the rulebook
 * @param line          the line of the condition
 * @param property      the debtor field compared, e.g. {@code daysOverdue}
 * @param operator      {@code <}, {@code <=}, {@code >} or {@code >=}
 * @param value         the number it is compared with
 * @param integer       whether the field holds whole numbers (else amounts, to the cent)
 * @param matchedTested whether some scenario has a value on the side where the condition holds and the rule fires
 * @param otherTested   whether some scenario has a value on the other side where only this number keeps the rule from
 *                      firing
 */
public record ThresholdHint(String ruleId, String file, int line, String property, String operator, BigDecimal value,
                            boolean integer, boolean matchedTested, boolean otherTested) {

    /** Checks the arguments. */
    public ThresholdHint {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        if (!java.util.List.of("<", "<=", ">", ">=").contains(operator)) {
            throw new IllegalArgumentException("operator must be <, <=, > or >=, was " + operator);
        }
    }

    /** @return the smallest step of the field: 1 for whole numbers, 0.01 for amounts */
    private BigDecimal step() {
        return integer ? BigDecimal.ONE : new BigDecimal("0.01");
    }

    /** @return the value closest to the boundary on the side where the condition holds */
    public BigDecimal matchedBoundary() {
        return switch (operator) {
            case ">" -> value.add(step());
            case "<" -> value.subtract(step());
            default -> value;
        };
    }

    /** @return the value closest to the boundary on the side where it does not */
    public BigDecimal otherBoundary() {
        return switch (operator) {
            case ">=" -> value.subtract(step());
            case "<=" -> value.add(step());
            default -> value;
        };
    }

    private boolean upward() {
        return operator.startsWith(">");
    }

    private String side(BigDecimal boundary, boolean above) {
        return property + " " + boundary.toPlainString() + (above ? " or above" : " or below");
    }

    /**
     * @return the hint as analysts read it, e.g. {@code ESC-004 (collection/escalation.drl:52) tests daysOverdue >= 31:
     *     no scenario has daysOverdue 30 or below where only this number keeps the rule from firing. Boundary rows: 30
     *     and 31}
     */
    public String message() {
        String matched = side(matchedBoundary(), upward());
        String other = side(otherBoundary(), !upward());
        String missing;
        if (!matchedTested && !otherTested) {
            missing = "no scenario has " + matched + " where the rule fires, nor " + other
                    + " where only this number keeps it from firing";
        } else if (!matchedTested) {
            missing = "no scenario has " + matched + " where the rule fires";
        } else {
            missing = "no scenario has " + other + " where only this number keeps the rule from firing";
        }
        BigDecimal low = upward() ? otherBoundary() : matchedBoundary();
        BigDecimal high = upward() ? matchedBoundary() : otherBoundary();
        return ruleId + " (" + file + ":" + line + ") tests " + property + " " + operator + " " + value.toPlainString()
                + ": " + missing + ". Boundary rows: " + low.toPlainString() + " and " + high.toPlainString();
    }

    @Override
    public String toString() {
        return message();
    }
}
