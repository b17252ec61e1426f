package io.collectionstrategy;

import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The placeholders of script texts and translated reasons, declared once: {@code {name}}, {@code {amount}} and the
 * rest. Scripts may use those marked {@link #inScripts}; reasons ({@code reasons:} in {@code scripts/<locale>.yaml})
 * may use all of them.
 */
enum Placeholder {
    NAME("name", true),
    CASE_ID("caseId", true),
    AMOUNT("amount", true),
    CURRENCY("currency", true),
    DAYS_OVERDUE("daysOverdue", true),
    DUE_DATE("dueDate", true),
    AS_OF("asOf", true),
    LIMITATION_ENDS("limitationEnds", false),
    LIMITATION_DAYS_LEFT("limitationDaysLeft", false),
    GUARANTEE_ENDS("guaranteeEnds", false),
    GUARANTEE_DAYS_LEFT("guaranteeDaysLeft", false);

    /** What fills the placeholders of one assessment; the clocks are {@code null} where a text cannot use them. */
    record Values(Debtor debtor, LocalDate asOf, LimitationClock limitation, GuaranteePeriod guarantee) {
    }

    /** The name between the braces. */
    final String key;
    /** Whether script texts may use it (reasons may use every placeholder). */
    final boolean inScripts;

    private static final Placeholder[] ALL = values();

    Placeholder(String key, boolean inScripts) {
        this.key = key;
        this.inScripts = inScripts;
    }

    /** @return the placeholder named {@code key}, or {@code null} */
    static Placeholder of(String key) {
        for (Placeholder p : ALL) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** @return the names script texts may use, sorted, for messages */
    static Set<String> scriptKeys() {
        return Arrays.stream(ALL).filter(p -> p.inScripts).map(p -> p.key).collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return every name, sorted, for messages */
    static Set<String> allKeys() {
        return Arrays.stream(ALL).map(p -> p.key).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Appends this placeholder's value.
     *
     * @param fallbackName what stands for a debtor without a name ({@code fallbacks.name} of the locale)
     * @return false when there is no value (a guarantee placeholder without a guarantee): nothing was appended
     */
    boolean append(StringBuilder out, Values v, ScriptCatalogue.AmountFormat amounts, String fallbackName) {
        Debtor d = v.debtor();
        switch (this) {
            case NAME -> out.append(d.name() == null || d.name().isBlank() ? fallbackName : d.name());
            case CASE_ID -> out.append(d.id());
            case AMOUNT -> amounts.append(d.amountOverdue(), out);
            case CURRENCY -> out.append(d.currency());
            case DAYS_OVERDUE -> out.append(d.daysOverdue());
            case DUE_DATE -> out.append(d.effectiveDueDate(v.asOf()));
            case AS_OF -> out.append(v.asOf());
            case LIMITATION_ENDS, LIMITATION_DAYS_LEFT -> {
                if (v.limitation() == null) {
                    return false;
                }
                out.append(this == LIMITATION_ENDS ? v.limitation().ends() : Long.toString(v.limitation().daysLeft()));
            }
            case GUARANTEE_ENDS, GUARANTEE_DAYS_LEFT -> {
                if (v.guarantee() == null) {
                    return false;
                }
                out.append(this == GUARANTEE_ENDS ? v.guarantee().ends() : Long.toString(v.guarantee().daysLeft()));
            }
        }
        return true;
    }
}
