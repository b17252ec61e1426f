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
 * rest, with how each is written: dates and amounts in the format of the text's language and of the debtor's
 * jurisdiction ({@link Messages}: {@code 21 October 2026}, {@code October 21, 2026} in the US, {@code 2026年10月21日};
 * {@code $5,046.53}, {@code 5,046.53元}).
 *
 * <p>Where each may stand ({@link Use}): the parts of a script and every reason may use the {@link Use#TEXT} ones;
 * only reasons ({@code reasons:} in {@code scripts/<locale>.yaml}) the {@link Use#REASON} ones, which need a clock;
 * only the {@code legal} part of a script the {@link Use#LEGAL} ones. A script's {@code verify} part may use only
 * {@link #VERIFY} ones: it is said before anything about the debt.
 */
enum Placeholder {
    NAME("name", Use.TEXT),
    AGENT("agent", Use.TEXT),
    COMPANY("company", Use.TEXT),
    CASE_ID("caseId", Use.TEXT),
    AMOUNT("amount", Use.TEXT),
    CURRENCY("currency", Use.TEXT),
    DAYS_OVERDUE("daysOverdue", Use.TEXT),
    DUE_DATE("dueDate", Use.TEXT),
    AS_OF("asOf", Use.TEXT),
    LIMITATION_ENDS("limitationEnds", Use.REASON),
    LIMITATION_DAYS_LEFT("limitationDaysLeft", Use.REASON),
    GUARANTEE_ENDS("guaranteeEnds", Use.REASON),
    GUARANTEE_DAYS_LEFT("guaranteeDaysLeft", Use.REASON),
    LEGAL_STEP("legalStep", Use.LEGAL),
    LEGAL_STEP_DATE("legalStepDate", Use.LEGAL);

    /** Where a placeholder may stand. */
    enum Use {
        /** every part of a script, and reasons */
        TEXT,
        /** reasons only: they need the limitation clock or the guarantee period */
        REASON,
        /** the {@code legal} part of a script only: the legal step of the escalation it names */
        LEGAL
    }

    /** The only placeholders a {@code verify} part may use: nothing about the debt. */
    static final Set<Placeholder> VERIFY = java.util.EnumSet.of(NAME, AGENT, COMPANY);

    /**
     * What fills the placeholders of one assessment.
     *
     * @param debtor        the debtor
     * @param asOf          the evaluation date
     * @param limitation    the limitation clock, or {@code null} where a text cannot use it
     * @param guarantee     the guarantee period, or {@code null}
     * @param agent         the collector's name as the builder sets it, or {@code null} for the catalogue's fallback
     * @param company       the firm's name as the builder sets it, or {@code null} for the catalogue's fallback
     * @param legalStep     the first legal step of the escalation, in the words of the locale and jurisdiction, or
     *                      {@code null} when the escalation holds none
     * @param legalStepDate the day that step is due, or {@code null}
     */
    record Values(Debtor debtor, LocalDate asOf, LimitationClock limitation, GuaranteePeriod guarantee, String agent,
                  String company, String legalStep, LocalDate legalStepDate) {

        Values(Debtor debtor, LocalDate asOf, LimitationClock limitation, GuaranteePeriod guarantee) {
            this(debtor, asOf, limitation, guarantee, null, null, null, null);
        }
    }

    /**
     * What stands for a value a debtor or the builder does not give: {@code fallbacks:} of the script catalogue's
     * locale, else the built-in default of the language ({@link Messages#defaultText}).
     */
    record Fallbacks(String name, String agent, String company) {
    }

    /** The name between the braces. */
    final String key;
    /** Where it may stand. */
    final Use use;

    private static final Placeholder[] ALL = values();

    Placeholder(String key, Use use) {
        this.key = key;
        this.use = use;
    }

    /** @return whether every part of a script may use it */
    boolean inScripts() {
        return use == Use.TEXT;
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

    /** @return the names of one use, sorted, for messages */
    static Set<String> keys(Use use) {
        return Arrays.stream(ALL).filter(p -> p.use == use).map(p -> p.key).collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the names script texts may use, sorted, for messages */
    static Set<String> scriptKeys() {
        return keys(Use.TEXT);
    }

    /** @return every name reasons may use, sorted, for messages */
    static Set<String> allKeys() {
        return Arrays.stream(ALL).filter(p -> p.use != Use.LEGAL).map(p -> p.key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Appends this placeholder's value.
     *
     * @param formats   the language's formats of dates and amounts
     * @param fallbacks what stands for a missing name, agent or company
     * @return false when there is no value (a guarantee placeholder without a guarantee): nothing was appended
     */
    boolean append(StringBuilder out, Values v, Messages formats, Fallbacks fallbacks) {
        Debtor d = v.debtor();
        String jurisdiction = d.jurisdiction().code();
        switch (this) {
            case NAME -> out.append(d.name() == null || d.name().isBlank() ? fallbacks.name() : d.name());
            case AGENT -> out.append(v.agent() == null ? fallbacks.agent() : v.agent());
            case COMPANY -> out.append(v.company() == null ? fallbacks.company() : v.company());
            case CASE_ID -> out.append(d.id());
            case AMOUNT -> formats.appendAmount(out, d.amountOverdue(), d.currency());
            case CURRENCY -> out.append(d.currency());
            case DAYS_OVERDUE -> out.append(d.daysOverdue());
            case DUE_DATE -> formats.appendDate(out, d.effectiveDueDate(v.asOf()), jurisdiction);
            case AS_OF -> formats.appendDate(out, v.asOf(), jurisdiction);
            case LIMITATION_ENDS, LIMITATION_DAYS_LEFT -> {
                if (v.limitation() == null) {
                    return false;
                }
                if (this == LIMITATION_ENDS) {
                    formats.appendDate(out, v.limitation().ends(), jurisdiction);
                } else {
                    out.append(v.limitation().daysLeft());
                }
            }
            case GUARANTEE_ENDS, GUARANTEE_DAYS_LEFT -> {
                if (v.guarantee() == null) {
                    return false;
                }
                if (this == GUARANTEE_ENDS) {
                    formats.appendDate(out, v.guarantee().ends(), jurisdiction);
                } else {
                    out.append(v.guarantee().daysLeft());
                }
            }
            case LEGAL_STEP -> {
                if (v.legalStep() == null) {
                    return false;
                }
                out.append(v.legalStep());
            }
            case LEGAL_STEP_DATE -> {
                if (v.legalStepDate() == null) {
                    return false;
                }
                formats.appendDate(out, v.legalStepDate(), jurisdiction);
            }
        }
        return true;
    }
}
