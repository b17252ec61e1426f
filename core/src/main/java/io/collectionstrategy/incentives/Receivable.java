package io.collectionstrategy.incentives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One receivable, as the incentive policy settles it: who is responsible for it, its category, what was due and
 * what was recovered in the year up to the settlement. Immutable and validated: every amount is at least 0, every
 * text is given. Build one with {@link #builder(String)}, or read one from CSV or JSON fields with
 * {@link #fromFields(Map)}; both throw {@link InvalidReceivableException} naming the field, the value and what was
 * expected.
 *
 * @param id                   the receivable's id; the only thing about it the library writes to its logs
 * @param unit                 the business unit responsible for collecting it
 * @param owner                the person responsible for it
 * @param category             its category, which decides its rewards and penalties
 * @param amountDue            what is to be collected
 * @param recovered            what was recovered in the settlement year up to the settlement date (at the final
 *                             settlement: in the whole year, including what the interim already counted)
 * @param offsetOrRestructured what was settled by offset or by restructuring the debt, up to the settlement date;
 *                             default 0
 * @param ageDays              how old the receivable is, in days; default 0
 * @param writeOffEligible     the receivable qualifies to be written off as a bad debt; default false
 * @param writtenOff           it was written off (the evidence was obtained in time); default false
 * @param termEnded            the term of a deposit or guarantee has ended; default false
 * @param rewardPaid           the reward paid for it at the interim settlement, deducted at the final one; default 0
 */
public record Receivable(String id, String unit, String owner, Category category, BigDecimal amountDue,
                         BigDecimal recovered, BigDecimal offsetOrRestructured, int ageDays, boolean writeOffEligible,
                         boolean writtenOff, boolean termEnded, BigDecimal rewardPaid) {

    /** The input fields of a receivable, as docs/contract.md names them, in that order. */
    public static final List<String> FIELDS = List.of("id", "unit", "owner", "category", "amountDue", "recovered",
            "offsetOrRestructured", "ageDays", "writeOffEligible", "writtenOff", "termEnded", "rewardPaid");

    /** The greatest {@code ageDays} accepted: one hundred years. */
    public static final int MAX_AGE_DAYS = 36_500;

    /** Checks every field. */
    public Receivable {
        id = text("id", id);
        unit = text("unit", unit);
        owner = text("owner", owner);
        if (category == null) {
            throw new InvalidReceivableException("category", null, "one of " + List.of(Category.values()));
        }
        amountDue = amount("amountDue", amountDue);
        recovered = amount("recovered", recovered);
        offsetOrRestructured = amount("offsetOrRestructured", offsetOrRestructured);
        rewardPaid = amount("rewardPaid", rewardPaid);
        if (ageDays < 0 || ageDays > MAX_AGE_DAYS) {
            throw new InvalidReceivableException("ageDays", ageDays, "between 0 and " + MAX_AGE_DAYS);
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidReceivableException.withMessage(field, value, value == null ? field + " is required"
                    : field + " must not be blank, was " + InvalidReceivableException.show(value));
        }
        return value;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw InvalidReceivableException.withMessage(field, null, field + " is required");
        }
        if (value.signum() < 0) {
            throw new InvalidReceivableException(field, value.toPlainString(), "at least 0");
        }
        return value;
    }

    /**
     * Reads a receivable from named fields: CSV text, or JSON values (numbers, booleans, text). A missing key, a
     * null and a blank text all mean "not given". Unknown fields are refused.
     *
     * @param fields the fields by the names of {@link #FIELDS}
     * @return the receivable
     * @throws InvalidReceivableException naming the field, the value and what was expected
     */
    public static Receivable fromFields(Map<String, ?> fields) {
        return ReceivableReader.read(fields);
    }

    /**
     * @param id the receivable's id
     * @return a builder with the defaults of the optional fields
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Receivable}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String unit;
        private String owner;
        private Category category;
        private BigDecimal amountDue;
        private BigDecimal recovered;
        private BigDecimal offsetOrRestructured = BigDecimal.ZERO;
        private int ageDays;
        private boolean writeOffEligible;
        private boolean writtenOff;
        private boolean termEnded;
        private BigDecimal rewardPaid = BigDecimal.ZERO;

        private Builder(String id) {
            this.id = id;
        }

        /** @param unit the business unit @return this builder */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** @param owner the person responsible @return this builder */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** @param category the category @return this builder */
        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        /** @param amount what is to be collected, e.g. {@code "10000.00"} @return this builder */
        public Builder amountDue(String amount) {
            this.amountDue = new BigDecimal(Objects.requireNonNull(amount, "amountDue"));
            return this;
        }

        /** @param amount what was recovered in the year up to the settlement @return this builder */
        public Builder recovered(String amount) {
            this.recovered = new BigDecimal(Objects.requireNonNull(amount, "recovered"));
            return this;
        }

        /** @param amount what was settled by offset or restructuring @return this builder */
        public Builder offsetOrRestructured(String amount) {
            this.offsetOrRestructured = new BigDecimal(Objects.requireNonNull(amount, "offsetOrRestructured"));
            return this;
        }

        /** @param days how old the receivable is @return this builder */
        public Builder ageDays(int days) {
            this.ageDays = days;
            return this;
        }

        /** @param eligible whether it qualifies to be written off as a bad debt @return this builder */
        public Builder writeOffEligible(boolean eligible) {
            this.writeOffEligible = eligible;
            return this;
        }

        /** @param writtenOff whether it was written off @return this builder */
        public Builder writtenOff(boolean writtenOff) {
            this.writtenOff = writtenOff;
            return this;
        }

        /** @param ended whether the deposit's term has ended @return this builder */
        public Builder termEnded(boolean ended) {
            this.termEnded = ended;
            return this;
        }

        /** @param amount the reward paid for it at the interim @return this builder */
        public Builder rewardPaid(String amount) {
            this.rewardPaid = new BigDecimal(Objects.requireNonNull(amount, "rewardPaid"));
            return this;
        }

        /**
         * @return the receivable
         * @throws InvalidReceivableException naming the field, the value and what was expected
         */
        public Receivable build() {
            return new Receivable(id, unit, owner, category, amountDue, recovered, offsetOrRestructured, ageDays,
                    writeOffEligible, writtenOff, termEnded, rewardPaid);
        }
    }
}
