package io.collectionstrategy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a row of fields (a CSV record, a JSON object, a scenario row) into a {@link RowResult}: the debtor is read
 * with {@link Debtor#fromFields(Map)}, assessed, and every failure is caught and described, so that a batch answers
 * every row. The one place where "fields, debtor, assessment or failure" is decided; the command-line tool, the Spark
 * job and the scenario tables all use it.
 *
 * <pre>{@code
 * RowAssessor rows = RowAssessor.of(strategy, LocalDate.of(2026, 11, 28)).locale(Locale.ENGLISH);
 * RowResult r = rows.assess(Map.of("id", "C-1", "daysOverdue", "12"));
 * if (!r.ok()) log.warn("row {}: {}", n, r.failure().describe());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with}-style methods return a copy.
 */
public final class RowAssessor {

    private final CollectionStrategy strategy;
    private final LocalDate asOf;
    private final OffsetDateTime at;
    private final Locale locale;
    private final boolean ignoreUnknownFields;

    private RowAssessor(CollectionStrategy strategy, LocalDate asOf, OffsetDateTime at, Locale locale,
                        boolean ignoreUnknownFields) {
        this.strategy = strategy;
        this.asOf = asOf;
        this.at = at;
        this.locale = locale;
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    /**
     * @param strategy the strategy that assesses
     * @param asOf     the evaluation date
     * @return an assessor in the strategy's locale that rejects unknown fields
     */
    public static RowAssessor of(CollectionStrategy strategy, LocalDate asOf) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(asOf, "asOf");
        return new RowAssessor(strategy, asOf, null, strategy.locale(), false);
    }

    /**
     * @param at the evaluation time (contact hours, the day's caps); its date replaces {@code asOf}; null for none
     * @return a copy that assesses at that moment
     */
    public RowAssessor at(OffsetDateTime at) {
        return new RowAssessor(strategy, at == null ? asOf : at.toLocalDate(), at, locale, ignoreUnknownFields);
    }

    /**
     * @param locale the scripts' language, one of the strategy's {@link CollectionStrategy#locales()}
     * @return a copy in that locale
     */
    public RowAssessor locale(Locale locale) {
        return new RowAssessor(strategy, asOf, at, Objects.requireNonNull(locale, "locale"), ignoreUnknownFields);
    }

    /**
     * @param ignore true to drop fields that are not {@link Debtor#FIELDS} (exports with extra columns) instead of
     *               failing the row
     * @return a copy with that choice
     */
    public RowAssessor ignoreUnknownFields(boolean ignore) {
        return new RowAssessor(strategy, asOf, at, locale, ignore);
    }

    /** @return the scripts' language */
    public Locale locale() {
        return locale;
    }

    /** @return the evaluation date */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Reads and assesses one row.
     *
     * @param fields the row's fields by contract name; values as text or as JSON values
     * @return the assessment, or the failure naming field, value and what was expected
     */
    public RowResult assess(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        Debtor debtor;
        try {
            Map<String, ?> known = fields;
            if (ignoreUnknownFields && !Debtor.FIELDS.containsAll(fields.keySet())) {
                Map<String, Object> copy = new LinkedHashMap<>(fields);
                copy.keySet().retainAll(Debtor.FIELDS);
                known = copy;
            }
            debtor = Debtor.fromFields(known);
        } catch (InvalidDebtorException e) {
            return RowResult.failed(RowResult.Kind.INVALID_DEBTOR, e.field(), null, e.getMessage());
        }
        return assess(debtor);
    }

    /**
     * Assesses a debtor already read, catching every failure.
     *
     * @param debtor the debtor
     * @return the assessment, or the failure
     */
    public RowResult assess(Debtor debtor) {
        Objects.requireNonNull(debtor, "debtor");
        try {
            return RowResult.assessed(at != null ? strategy.assess(debtor, at, locale) : strategy.assess(debtor, asOf, locale));
        } catch (InvalidDebtorException e) {
            return RowResult.failed(RowResult.Kind.INVALID_DEBTOR, e.field(), null, e.getMessage());
        } catch (AssessmentException e) {
            return RowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, e.ruleId(), e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) { // one row's failure, not the batch's
            return RowResult.failed(RowResult.Kind.ASSESSMENT_FAILED, null, null, e.toString());
        }
    }
}
