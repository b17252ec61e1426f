package io.collectionstrategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a collector knows about one overdue debtor: the input of an assessment.
 *
 * <p>Immutable and validated when built: a bad value throws {@link InvalidDebtorException} naming the
 * field, the value and what was expected. Field names are those of docs/contract.md. Most fields are
 * optional; build with {@link #builder(String)}:
 *
 * <pre>{@code
 * Debtor d = Debtor.builder("C-1001").daysOverdue(27).amountOverdue(new BigDecimal("1200.00"))
 *         .behaviours(Behaviour.AVOIDS_CONTACT).contactAttempts(6).build();
 * }</pre>
 *
 * <p>or from text fields (CSV, JSON) with {@link #fromFields(Map)}. Any Jackson {@code ObjectMapper}, plain or
 * configured by a framework, reads a debtor's JSON object through {@code fromFields} as well
 * ({@link io.collectionstrategy.json.DebtorJson}): the same checks and messages, no JSR-310 module needed. Every way
 * requires {@code id} and {@code daysOverdue}.
 *
 * @param id                   case id, required, not blank, at most {@value #MAX_ID_LENGTH} characters, no control
 *                             characters ({@link SafeText#isControl}); the only identifier ever logged
 * @param name                 debtor's name, optional, at most {@value #MAX_NAME_LENGTH} characters, no control
 *                             characters; used only to fill scripts; never logged
 * @param daysOverdue          days since the oldest unpaid due date, 0..36500
 * @param amountOverdue        amount in arrears, 0 to 10^15 with at most {@value #MAX_AMOUNT_DECIMALS} decimal places
 * @param currency             ISO 4217 currency code
 * @param debtorKind           consumer or business
 * @param lateInstalments      earlier instalments paid late or missed, at least 0
 * @param promisesMade         promises to pay made in this arrears cycle, at least 0
 * @param promisesBroken       of those, not kept: 0..promisesMade
 * @param contactAttempts      calls and visits tried in this cycle, at least 0
 * @param contactsReached      attempts that reached the debtor: 0..contactAttempts
 * @param daysSinceLastContact days since the last contact, at least 0, or {@code null} when unknown
 * @param statedReason         the reason the debtor gives for not paying
 * @param behaviours           cues observed on calls and visits
 * @param circumstances        special situations recorded on the case
 * @param hasGuarantor         a guarantor with joint liability exists
 * @param hasCollateral        the debt is secured by collateral
 * @param dueDate              oldest unpaid due date, or {@code null} for asOf minus daysOverdue
 * @param lastInterruption     latest event that restarted the limitation clock, or {@code null}
 * @param jurisdiction         selects limitation periods and contact limits
 * @param contactHistory       contact attempts with their times, oldest first or in any order; at most
 *                             {@value #MAX_CONTACTS}
 * @param lastInterruptionKind what {@code lastInterruption} was, or {@code null} when not recorded (then it counts
 *                             only where any kind of event restarts the period, and never after the period ended)
 * @param region               the region within the jurisdiction whose law applies (a US state code such as
 *                             {@code NY}; for the UK {@code ENGLAND_WALES}, {@code SCOTLAND} or
 *                             {@code NORTHERN_IRELAND}), or {@code null} when unknown: then the most protective
 *                             value across the jurisdiction's regions applies
 * @param timeZone             the debtor's time zone (IANA, e.g. {@code America/New_York}) for contact hours, or
 *                             {@code null}: then the region's zones, else every zone of the jurisdiction
 * @param judgmentDate         when a judgment on the debt was given, or {@code null}
 * @param guaranteeEnds        the end of the guarantee period agreed with the guarantor, or {@code null} for the
 *                             jurisdiction's default
 * @param guarantorDemandServed when a demand on the guarantor was served within the guarantee period, or {@code null}
 * @param actions              steps already taken on the case, in any order
 * @param promises             promises to pay, in any order; when given, {@code promisesMade} and
 *                             {@code promisesBroken} are derived from them (counters left at 0 are filled in,
 *                             other counters must agree)
 * @param payments             payments received, in any order
 */
@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = io.collectionstrategy.json.DebtorJson.Deserializer.class)
public record Debtor(
        String id,
        String name,
        int daysOverdue,
        BigDecimal amountOverdue,
        String currency,
        DebtorKind debtorKind,
        int lateInstalments,
        int promisesMade,
        int promisesBroken,
        int contactAttempts,
        int contactsReached,
        Integer daysSinceLastContact,
        StatedReason statedReason,
        Set<Behaviour> behaviours,
        Set<Circumstance> circumstances,
        boolean hasGuarantor,
        boolean hasCollateral,
        LocalDate dueDate,
        LocalDate lastInterruption,
        Jurisdiction jurisdiction,
        List<Contact> contactHistory,
        InterruptionKind lastInterruptionKind,
        String region,
        ZoneId timeZone,
        LocalDate judgmentDate,
        LocalDate guaranteeEnds,
        LocalDate guarantorDemandServed,
        List<Action> actions,
        List<Promise> promises,
        List<Payment> payments) {

    /** Largest accepted {@code daysOverdue}: one hundred years. */
    public static final int MAX_DAYS_OVERDUE = 36_500;

    /** Largest accepted {@code amountOverdue}: 10^15. */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

    /** Most decimal places of {@code amountOverdue} (trailing zeros do not count). */
    public static final int MAX_AMOUNT_DECIMALS = 4;

    /** Longest accepted {@code id}, in characters. */
    public static final int MAX_ID_LENGTH = 200;

    /** Longest accepted {@code name}, in characters. */
    public static final int MAX_NAME_LENGTH = 500;

    /** Most entries of {@code contactHistory}. */
    public static final int MAX_CONTACTS = 1_000;

    /** Most items of a {@code behaviours} or {@code circumstances} list as given (repeats included). */
    public static final int MAX_LIST_ITEMS = 100;

    /** What {@code amountOverdue} must be, as messages say it. */
    static final String AMOUNT_RANGE = "a decimal number from 0 to 1000000000000000 (10^15) with at most "
            + MAX_AMOUNT_DECIMALS + " decimal places";

    /** The field names of docs/contract.md, in contract order. */
    public static final List<String> FIELDS = List.of("id", "name", "daysOverdue", "amountOverdue", "currency",
            "debtorKind", "lateInstalments", "promisesMade", "promisesBroken", "contactAttempts", "contactsReached",
            "daysSinceLastContact", "statedReason", "behaviours", "circumstances", "hasGuarantor", "hasCollateral",
            "dueDate", "lastInterruption", "jurisdiction", "contactHistory", "lastInterruptionKind", "region",
            "timeZone", "judgmentDate", "guaranteeEnds", "guarantorDemandServed", "actions", "promises", "payments");

    /** The form of a region code: upper-case letters, digits and {@code _}, starting with a letter. */
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /**
     * Validates every field and applies the defaults of docs/contract.md to missing optional ones.
     *
     * @throws InvalidDebtorException naming the first field that is not acceptable
     */
    public Debtor {
        checkId(id);
        checkName(name);
        range("daysOverdue", daysOverdue, 0, MAX_DAYS_OVERDUE);
        amountOverdue = amountOverdue == null ? BigDecimal.ZERO : checkedAmount(amountOverdue);
        currency = currency == null ? "CNY" : currency;
        checkCurrency(currency);
        debtorKind = debtorKind == null ? DebtorKind.CONSUMER : debtorKind;
        atLeastZero("lateInstalments", lateInstalments);
        atLeastZero("promisesMade", promisesMade);
        if (promisesBroken < 0 || promisesBroken > promisesMade) {
            throw new InvalidDebtorException("promisesBroken", promisesBroken,
                    "between 0 and promisesMade (" + promisesMade + ")");
        }
        atLeastZero("contactAttempts", contactAttempts);
        if (contactsReached < 0 || contactsReached > contactAttempts) {
            throw new InvalidDebtorException("contactsReached", contactsReached,
                    "between 0 and contactAttempts (" + contactAttempts + ")");
        }
        if (daysSinceLastContact != null) {
            atLeastZero("daysSinceLastContact", daysSinceLastContact);
        }
        statedReason = statedReason == null ? StatedReason.NONE : statedReason;
        behaviours = immutableEnumSet(behaviours, "behaviours");
        circumstances = immutableEnumSet(circumstances, "circumstances");
        jurisdiction = jurisdiction == null ? Jurisdiction.CN : jurisdiction;
        if (region != null) {
            region = region.trim();
            if (!REGION.matcher(region).matches()) {
                throw new InvalidDebtorException("region", region, "a region code: upper-case letters, digits and _"
                        + " (a US state such as NY; for the UK ENGLAND_WALES, SCOTLAND or NORTHERN_IRELAND)");
            }
        }
        if (jurisdiction.equals(Jurisdiction.UK_SCOTLAND)) { // the alias of jurisdiction UK, region SCOTLAND
            if (region != null && !region.equals("SCOTLAND")) {
                throw new InvalidDebtorException("region", region, "SCOTLAND or empty with jurisdiction UK_SCOTLAND"
                        + " (which means jurisdiction UK, region SCOTLAND)");
            }
            jurisdiction = Jurisdiction.UK;
            region = "SCOTLAND";
        }
        if (lastInterruptionKind != null && lastInterruption == null) {
            throw new InvalidDebtorException("lastInterruptionKind", lastInterruptionKind.name(),
                    "given only with lastInterruption (the date of that event)");
        }
        if (contactHistory != null && contactHistory.size() > MAX_CONTACTS) {
            throw InvalidDebtorException.withMessage("contactHistory", null, "contactHistory must have at most "
                    + MAX_CONTACTS + " entries, was " + contactHistory.size() + " entries");
        }
        contactHistory = contactHistory == null ? List.of() : List.copyOf(contactHistory);
        actions = entries("actions", actions);
        promises = entries("promises", promises);
        payments = entries("payments", payments);
        if (dueDate != null && lastInterruption != null && lastInterruption.isBefore(dueDate)) {
            throw new InvalidDebtorException("lastInterruption", lastInterruption.toString(),
                    "on or after dueDate (" + dueDate + ")");
        }
    }

    /**
     * Starts a builder for the debtor with this case id.
     *
     * @param id the case id, not blank
     * @return a builder with every optional field at its default
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Builds a debtor from named fields as read from CSV, JSON or a table row. Values may be text
     * ({@code "27"}, {@code "AVOIDS_CONTACT|FRIENDLY"}, {@code "2026-10-01"}) or already typed (numbers, booleans,
     * collections of text). Missing, {@code null} or empty values take their defaults.
     *
     * @param fields field name to value, names as in docs/contract.md
     * @return the debtor
     * @throws InvalidDebtorException naming the field, the value and what was expected, also for an unknown field
     */
    public static Debtor fromFields(Map<String, ?> fields) {
        return FieldReader.read(fields);
    }

    /**
     * The due date the rules should use: {@link #dueDate()} when given, otherwise {@code asOf - daysOverdue}.
     *
     * @param asOf the evaluation date
     * @return the oldest unpaid due date
     */
    public LocalDate effectiveDueDate(LocalDate asOf) {
        return dueDate != null ? dueDate : asOf.minusDays(daysOverdue);
    }

    /**
     * Whether a behaviour was observed; reads well in rules: {@code Debtor( showed(Behaviour.AGGRESSIVE) )}.
     *
     * @param behaviour the cue
     * @return true when it is among {@link #behaviours()}
     */
    public boolean showed(Behaviour behaviour) {
        return behaviours.contains(behaviour);
    }

    /**
     * Whether a circumstance is recorded on the case.
     *
     * @param circumstance the circumstance
     * @return true when it is among {@link #circumstances()}
     */
    public boolean has(Circumstance circumstance) {
        return circumstances.contains(circumstance);
    }

    /** @return a copy of this debtor's fields in a builder, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.daysOverdue = daysOverdue;
        b.amountOverdue = amountOverdue;
        b.currency = currency;
        b.debtorKind = debtorKind;
        b.lateInstalments = lateInstalments;
        b.promisesMade = promisesMade;
        b.promisesBroken = promisesBroken;
        b.contactAttempts = contactAttempts;
        b.contactsReached = contactsReached;
        b.daysSinceLastContact = daysSinceLastContact;
        b.statedReason = statedReason;
        b.behaviours = behaviours;
        b.circumstances = circumstances;
        b.hasGuarantor = hasGuarantor;
        b.hasCollateral = hasCollateral;
        b.dueDate = dueDate;
        b.lastInterruption = lastInterruption;
        b.jurisdiction = jurisdiction;
        b.contactHistory = contactHistory;
        b.lastInterruptionKind = lastInterruptionKind;
        b.region = region;
        b.timeZone = timeZone;
        b.judgmentDate = judgmentDate;
        b.guaranteeEnds = guaranteeEnds;
        b.guarantorDemandServed = guarantorDemandServed;
        b.actions = actions;
        b.promises = promises;
        b.payments = payments;
        return b;
    }

    /** Never prints the name: log lines and exception messages may carry a debtor's {@code toString()}. */
    @Override
    public String toString() {
        return "Debtor[id=" + id + ", daysOverdue=" + daysOverdue + ", amountOverdue=" + amountOverdue.toPlainString()
                + " " + currency + ", statedReason=" + statedReason + ", behaviours=" + behaviours
                + ", circumstances=" + circumstances + "]";
    }

    /** @return the error of a debtor without {@code daysOverdue}, which every way of making a debtor requires */
    static InvalidDebtorException daysOverdueRequired() {
        return InvalidDebtorException.withMessage("daysOverdue", null,
                "a whole number of days from 0 to " + MAX_DAYS_OVERDUE + " (the field is required)",
                "daysOverdue is required");
    }

    private static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw InvalidDebtorException.withMessage("id", id, id == null ? "id is required" : "id must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw InvalidDebtorException.withMessage("id", id, "id must be at most " + MAX_ID_LENGTH
                    + " characters, was " + id.length() + " characters");
        }
        if (SafeText.hasControl(id)) {
            throw new InvalidDebtorException("id", id, "text without control characters (line breaks, tabs, escapes)");
        }
    }

    /** The name is checked without ever showing it. */
    private static void checkName(String name) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw InvalidDebtorException.withMessage("name", null, "name must be at most " + MAX_NAME_LENGTH
                    + " characters, was " + name.length() + " characters");
        }
        if (SafeText.hasControl(name)) {
            throw InvalidDebtorException.withMessage("name", null,
                    "name must be text without control characters (line breaks, tabs, escapes); the value is not shown");
        }
    }

    /**
     * Checks the bounds of an amount without any operation whose cost grows with its exponent (such as
     * {@code toPlainString} or {@code setScale} of {@code 1E+99999999}).
     *
     * @return the amount, with trailing zeros beyond {@link #MAX_AMOUNT_DECIMALS} places removed
     */
    private static BigDecimal checkedAmount(BigDecimal amount) {
        if (amount.signum() == 0) {
            return amount.scale() >= 0 && amount.scale() <= MAX_AMOUNT_DECIMALS ? amount : BigDecimal.ZERO;
        }
        // precision - scale is the number of digits before the point: more than 16 is above 10^15
        if ((long) amount.precision() - amount.scale() > 16 || amount.signum() < 0
                || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidDebtorException("amountOverdue", amount, AMOUNT_RANGE);
        }
        if (amount.scale() <= MAX_AMOUNT_DECIMALS) {
            return amount;
        }
        if ((long) amount.scale() - amount.precision() >= MAX_AMOUNT_DECIMALS) {
            // below 10^-4 and not zero: more places than allowed, whatever its digits
            throw new InvalidDebtorException("amountOverdue", amount, AMOUNT_RANGE);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_AMOUNT_DECIMALS) {
            throw new InvalidDebtorException("amountOverdue", amount, AMOUNT_RANGE);
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidDebtorException(field, value, "between " + min + " and " + max);
        }
    }

    private static void atLeastZero(String field, int value) {
        if (value < 0) {
            throw new InvalidDebtorException(field, value, "at least 0");
        }
    }

    private static void checkCurrency(String currency) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidDebtorException("currency", currency, "an ISO 4217 code such as CNY, USD or GBP");
        }
    }

    private static <T> List<T> entries(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > MAX_CONTACTS) {
            throw InvalidDebtorException.withMessage(field, null, field + " must have at most " + MAX_CONTACTS
                    + " entries, was " + values.size() + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw InvalidDebtorException.withMessage(field + "[" + i + "]", null, field + "[" + i + "] is empty");
            }
        }
        return List.copyOf(values);
    }

    private static <E extends Enum<E>> Set<E> immutableEnumSet(Set<E> values, String field) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        for (E value : values) {
            if (value == null) {
                throw new InvalidDebtorException(field, null, "a set without empty values");
            }
        }
        return Set.copyOf(values);
    }

    /**
     * Collects the fields of a {@link Debtor}; {@link #build()} validates them. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private String name;
        private Integer daysOverdue;
        private BigDecimal amountOverdue;
        private String currency;
        private DebtorKind debtorKind;
        private int lateInstalments;
        private int promisesMade;
        private int promisesBroken;
        private int contactAttempts;
        private int contactsReached;
        private Integer daysSinceLastContact;
        private StatedReason statedReason;
        private Set<Behaviour> behaviours = Set.of();
        private Set<Circumstance> circumstances = Set.of();
        private boolean hasGuarantor;
        private boolean hasCollateral;
        private LocalDate dueDate;
        private LocalDate lastInterruption;
        private Jurisdiction jurisdiction;
        private List<Contact> contactHistory = List.of();
        private InterruptionKind lastInterruptionKind;
        private String region;
        private ZoneId timeZone;
        private LocalDate judgmentDate;
        private LocalDate guaranteeEnds;
        private LocalDate guarantorDemandServed;
        private List<Action> actions = List.of();
        private List<Promise> promises = List.of();
        private List<Payment> payments = List.of();

        private Builder(String id) {
            this.id = id;
        }

        /** @param name the debtor's name, used only in scripts @return this builder */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param days days since the oldest unpaid due date, 0..36500 @return this builder */
        public Builder daysOverdue(int days) {
            this.daysOverdue = days;
            return this;
        }

        /** @param amount amount in arrears, at least 0 @return this builder */
        public Builder amountOverdue(BigDecimal amount) {
            this.amountOverdue = amount;
            return this;
        }

        /** @param amount amount in arrears as text, e.g. {@code "1200.50"} @return this builder */
        public Builder amountOverdue(String amount) {
            this.amountOverdue = FieldReader.decimal("amountOverdue", amount);
            return this;
        }

        /** @param currency ISO 4217 code, default CNY @return this builder */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** @param kind consumer (default) or business @return this builder */
        public Builder debtorKind(DebtorKind kind) {
            this.debtorKind = kind;
            return this;
        }

        /** @param count earlier instalments paid late or missed @return this builder */
        public Builder lateInstalments(int count) {
            this.lateInstalments = count;
            return this;
        }

        /** @param count promises to pay made in this cycle @return this builder */
        public Builder promisesMade(int count) {
            this.promisesMade = count;
            return this;
        }

        /** @param count promises not kept, at most promisesMade @return this builder */
        public Builder promisesBroken(int count) {
            this.promisesBroken = count;
            return this;
        }

        /** @param count calls and visits tried in this cycle @return this builder */
        public Builder contactAttempts(int count) {
            this.contactAttempts = count;
            return this;
        }

        /** @param count attempts that reached the debtor, at most contactAttempts @return this builder */
        public Builder contactsReached(int count) {
            this.contactsReached = count;
            return this;
        }

        /** @param days days since the last contact, or null when unknown @return this builder */
        public Builder daysSinceLastContact(Integer days) {
            this.daysSinceLastContact = days;
            return this;
        }

        /** @param reason the reason the debtor gives @return this builder */
        public Builder statedReason(StatedReason reason) {
            this.statedReason = reason;
            return this;
        }

        /** @param cues cues observed on calls and visits @return this builder */
        public Builder behaviours(Behaviour... cues) {
            return behaviours(Arrays.asList(cues));
        }

        /** @param cues cues observed on calls and visits @return this builder */
        public Builder behaviours(Collection<Behaviour> cues) {
            this.behaviours = enums("behaviours", cues, Behaviour.class);
            return this;
        }

        /** @param situations special situations on the case @return this builder */
        public Builder circumstances(Circumstance... situations) {
            return circumstances(Arrays.asList(situations));
        }

        /** @param situations special situations on the case @return this builder */
        public Builder circumstances(Collection<Circumstance> situations) {
            this.circumstances = enums("circumstances", situations, Circumstance.class);
            return this;
        }

        /** @param value a guarantor with joint liability exists @return this builder */
        public Builder hasGuarantor(boolean value) {
            this.hasGuarantor = value;
            return this;
        }

        /** @param value the debt is secured by collateral @return this builder */
        public Builder hasCollateral(boolean value) {
            this.hasCollateral = value;
            return this;
        }

        /** @param date oldest unpaid due date @return this builder */
        public Builder dueDate(LocalDate date) {
            this.dueDate = date;
            return this;
        }

        /** @param date latest event that restarted the limitation clock @return this builder */
        public Builder lastInterruption(LocalDate date) {
            this.lastInterruption = date;
            return this;
        }

        /** @param value CN (default), US or UK @return this builder */
        public Builder jurisdiction(Jurisdiction value) {
            this.jurisdiction = value;
            return this;
        }

        /**
         * @param date the latest event that restarted the limitation clock
         * @param kind what it was
         * @return this builder
         */
        public Builder lastInterruption(LocalDate date, InterruptionKind kind) {
            this.lastInterruption = date;
            this.lastInterruptionKind = kind;
            return this;
        }

        /** @param code the region whose law applies, e.g. {@code NY} or {@code SCOTLAND} @return this builder */
        public Builder region(String code) {
            this.region = code;
            return this;
        }

        /** @param zone the debtor's time zone, for contact hours @return this builder */
        public Builder timeZone(ZoneId zone) {
            this.timeZone = zone;
            return this;
        }

        /** @param date when a judgment on the debt was given @return this builder */
        public Builder judgmentDate(LocalDate date) {
            this.judgmentDate = date;
            return this;
        }

        /** @param date the end of the agreed guarantee period @return this builder */
        public Builder guaranteeEnds(LocalDate date) {
            this.guaranteeEnds = date;
            return this;
        }

        /** @param date when a demand on the guarantor was served @return this builder */
        public Builder guarantorDemandServed(LocalDate date) {
            this.guarantorDemandServed = date;
            return this;
        }

        /** @param taken steps already taken on the case @return this builder */
        public Builder actions(List<Action> taken) {
            this.actions = taken;
            return this;
        }

        /** @param made promises to pay, with or without their status @return this builder */
        public Builder promises(List<Promise> made) {
            this.promises = made;
            return this;
        }

        /** @param received payments received @return this builder */
        public Builder payments(List<Payment> received) {
            this.payments = received;
            return this;
        }

        /** @param contacts the contact attempts with their times @return this builder */
        public Builder contactHistory(List<Contact> contacts) {
            this.contactHistory = contacts;
            return this;
        }

        private static <E extends Enum<E>> Set<E> enums(String field, Collection<E> values, Class<E> type) {
            if (values == null) {
                return Set.of();
            }
            EnumSet<E> set = EnumSet.noneOf(type);
            for (E value : values) {
                if (value == null) {
                    throw new InvalidDebtorException(field, null, "a set without empty values");
                }
                set.add(value);
            }
            return set;
        }

        /**
         * @return the validated, immutable debtor
         * @throws InvalidDebtorException naming the field that is not acceptable; {@code daysOverdue} is required
         *                                (as in {@link Debtor#fromFields(Map)} and in JSON): call
         *                                {@link #daysOverdue(int)}, also with 0
         */
        public Debtor build() {
            if (daysOverdue == null && id != null && !id.isBlank()) {
                throw daysOverdueRequired();
            }
            return new Debtor(id, name, daysOverdue == null ? 0 : daysOverdue, amountOverdue, currency, debtorKind, lateInstalments,
                    promisesMade, promisesBroken, contactAttempts, contactsReached, daysSinceLastContact,
                    statedReason, behaviours, circumstances, hasGuarantor, hasCollateral, dueDate, lastInterruption,
                    jurisdiction, contactHistory, lastInterruptionKind, region, timeZone, judgmentDate, guaranteeEnds,
                    guarantorDemandServed, actions, promises, payments);
        }
    }
}
