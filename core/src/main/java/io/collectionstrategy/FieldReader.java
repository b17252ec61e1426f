package io.collectionstrategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns loosely typed named fields (CSV text, JSON values) into a validated {@link Debtor}. */
final class FieldReader {

    private static final Set<String> KNOWN = new HashSet<>(Debtor.FIELDS);

    private FieldReader() {
    }

    static Debtor read(Map<String, ?> fields) {
        if (fields == null) {
            throw InvalidDebtorException.withMessage("id", null, "a debtor record (a JSON object)",
                    "a debtor record is required, was null");
        }
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                throw InvalidDebtorException.withMessage(SafeText.excerpt(key), fields.get(key), "one of " + Debtor.FIELDS,
                        "unknown field " + InvalidDebtorException.show(key) + "; expected one of " + Debtor.FIELDS);
            }
        }
        Object id = value(fields, "id");
        Debtor.Builder b = Debtor.builder(id == null ? null : text("id", id));
        Object days = value(fields, "daysOverdue");
        if (days == null) {
            throw Debtor.daysOverdueRequired();
        }
        b.daysOverdue(integer("daysOverdue", days));
        ifPresent(fields, "name", v -> b.name(text("name", v)));
        ifPresent(fields, "amountOverdue", v -> b.amountOverdue(decimal("amountOverdue", v)));
        ifPresent(fields, "currency", v -> b.currency(text("currency", v).trim()));
        ifPresent(fields, "debtorKind", v -> b.debtorKind(enumValue("debtorKind", v, DebtorKind.class)));
        ifPresent(fields, "lateInstalments", v -> b.lateInstalments(integer("lateInstalments", v)));
        ifPresent(fields, "promisesMade", v -> b.promisesMade(integer("promisesMade", v)));
        ifPresent(fields, "promisesBroken", v -> b.promisesBroken(integer("promisesBroken", v)));
        ifPresent(fields, "contactAttempts", v -> b.contactAttempts(integer("contactAttempts", v)));
        ifPresent(fields, "contactsReached", v -> b.contactsReached(integer("contactsReached", v)));
        ifPresent(fields, "daysSinceLastContact", v -> b.daysSinceLastContact(integer("daysSinceLastContact", v)));
        ifPresent(fields, "statedReason", v -> b.statedReason(enumValue("statedReason", v, StatedReason.class)));
        ifPresent(fields, "behaviours", v -> b.behaviours(enumSet("behaviours", v, Behaviour.class)));
        ifPresent(fields, "circumstances", v -> b.circumstances(enumSet("circumstances", v, Circumstance.class)));
        ifPresent(fields, "hasGuarantor", v -> b.hasGuarantor(bool("hasGuarantor", v)));
        ifPresent(fields, "hasCollateral", v -> b.hasCollateral(bool("hasCollateral", v)));
        ifPresent(fields, "dueDate", v -> b.dueDate(date("dueDate", v)));
        ifPresent(fields, "lastInterruption", v -> b.lastInterruption(date("lastInterruption", v)));
        ifPresent(fields, "jurisdiction", v -> b.jurisdiction(jurisdiction(v)));
        ifPresent(fields, "contactHistory", v -> b.contactHistory(contacts(v)));
        ifPresent(fields, "actions", v -> b.actions(actions(v)));
        ifPresent(fields, "promises", v -> b.promises(promises(v)));
        ifPresent(fields, "payments", v -> b.payments(payments(v)));
        ifPresent(fields, "region", v -> b.region(text("region", v).trim()));
        ifPresent(fields, "timeZone", v -> b.timeZone(zone(v)));
        ifPresent(fields, "judgmentDate", v -> b.judgmentDate(date("judgmentDate", v)));
        ifPresent(fields, "guaranteeEnds", v -> b.guaranteeEnds(date("guaranteeEnds", v)));
        ifPresent(fields, "guarantorDemandServed", v -> b.guarantorDemandServed(date("guarantorDemandServed", v)));
        Object kind = value(fields, "lastInterruptionKind");
        if (kind != null) {
            Object date = value(fields, "lastInterruption");
            b.lastInterruption(date == null ? null : date("lastInterruption", date),
                    enumValue("lastInterruptionKind", kind, InterruptionKind.class));
        }
        return b.build();
    }

    private interface Setter {
        void set(Object value);
    }

    private static void ifPresent(Map<String, ?> fields, String field, Setter setter) {
        Object v = value(fields, field);
        if (v != null) {
            setter.set(v);
        }
    }

    /** A missing key, a null and an empty or blank text all mean "not given". */
    private static Object value(Map<String, ?> fields, String field) {
        Object v = fields.get(field);
        if (v instanceof CharSequence s && s.toString().isBlank()) {
            return null;
        }
        return v;
    }

    /** Text, or a whole number written as text (ids are often numbers); not true/false, decimals, lists, objects. */
    static String text(String field, Object v) {
        if (v instanceof CharSequence || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        throw new InvalidDebtorException(field, v, "text");
    }

    static int integer(String field, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new InvalidDebtorException(field, v, "a whole number");
            }
            return (int) l;
        }
        if (v instanceof CharSequence s) {
            try {
                return Integer.parseInt(s.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidDebtorException(field, v, "a whole number");
            }
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidDebtorException(field, v, "a whole number");
            }
        }
        throw new InvalidDebtorException(field, v, "a whole number");
    }

    /** Longest text read as a decimal number: far more than any valid amount, short enough to parse in no time. */
    private static final int MAX_DECIMAL_TEXT = 64;

    /** A decimal number; its bounds are checked by {@link Debtor}, cheaply whatever its exponent. */
    static BigDecimal decimal(String field, Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof CharSequence s && s.toString().trim().length() > MAX_DECIMAL_TEXT) {
            throw new InvalidDebtorException(field, v, Debtor.AMOUNT_RANGE);
        }
        if (v instanceof Number || v instanceof CharSequence) {
            try {
                return new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidDebtorException(field, v, "a decimal number such as 1200.50");
            }
        }
        throw new InvalidDebtorException(field, v, "a decimal number such as 1200.50");
    }

    static boolean bool(String field, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence s) {
            String t = s.toString().trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new InvalidDebtorException(field, v, "true or false");
    }

    static LocalDate date(String field, Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof CharSequence s) {
            try {
                return LocalDate.parse(s.toString().trim());
            } catch (DateTimeParseException e) {
                throw new InvalidDebtorException(field, v, "an ISO date such as 2026-10-31");
            }
        }
        throw new InvalidDebtorException(field, v, "an ISO date such as 2026-10-31");
    }

    static OffsetDateTime dateTime(String field, Object v) {
        if (v instanceof OffsetDateTime d) {
            return d;
        }
        if (v instanceof CharSequence s) {
            try {
                return OffsetDateTime.parse(s.toString().trim());
            } catch (DateTimeParseException e) {
                throw new InvalidDebtorException(field, v, "an ISO date-time with offset such as 2026-11-28T09:30:00+08:00");
            }
        }
        throw new InvalidDebtorException(field, v, "an ISO date-time with offset such as 2026-11-28T09:30:00+08:00");
    }

    static java.time.ZoneId zone(Object v) {
        if (v instanceof java.time.ZoneId z) {
            return z;
        }
        if (v instanceof CharSequence s && s.toString().trim().contains("/")) {
            try {
                return java.time.ZoneId.of(s.toString().trim());
            } catch (java.time.DateTimeException e) {
                // reported below
            }
        }
        throw new InvalidDebtorException("timeZone", v, "an IANA time zone such as America/New_York or Asia/Shanghai");
    }

    static Jurisdiction jurisdiction(Object v) {
        if (v instanceof Jurisdiction j) {
            return j;
        }
        if (v instanceof CharSequence s) {
            try {
                return Jurisdiction.of(s.toString().trim());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new InvalidDebtorException("jurisdiction", v, "a jurisdiction code such as CN, US, UK or UK_SCOTLAND");
    }

    static <E extends Enum<E>> E enumValue(String field, Object v, Class<E> type) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof CharSequence s) {
            String t = s.toString().trim();
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(t)) {
                    return e;
                }
            }
        }
        throw new InvalidDebtorException(field, v, "one of " + Arrays.toString(type.getEnumConstants()));
    }

    static <E extends Enum<E>> Set<E> enumSet(String field, Object v, Class<E> type) {
        Collection<?> items;
        if (v instanceof CharSequence s) {
            items = Arrays.stream(s.toString().split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        } else if (v instanceof Collection<?> c) {
            items = c;
        } else {
            throw new InvalidDebtorException(field, v, "a list of values separated by | such as A|B");
        }
        if (items.size() > Debtor.MAX_LIST_ITEMS) {
            throw InvalidDebtorException.withMessage(field, null, field + " must have at most " + Debtor.MAX_LIST_ITEMS
                    + " items, was " + items.size() + " items");
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        for (Object item : items) {
            if (item == null) {
                throw new InvalidDebtorException(field, null, "a list without empty values");
            }
            set.add(enumValue(field, item, type));
        }
        return set;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<Contact> contacts(Object v) {
        if (v instanceof CharSequence s && s.toString().trim().startsWith("[")) {
            try {
                v = JSON.readValue(s.toString(), List.class);
            } catch (java.io.IOException e) {
                throw new InvalidDebtorException("contactHistory", v, "a JSON list of {\"at\", \"channel\", \"reached\"} objects");
            }
        }
        if (!(v instanceof Collection<?> c)) {
            throw new InvalidDebtorException("contactHistory", v instanceof CharSequence ? v : String.valueOf(v),
                    "a JSON list of {\"at\", \"channel\", \"reached\"} objects");
        }
        if (c.size() > Debtor.MAX_CONTACTS) {
            throw InvalidDebtorException.withMessage("contactHistory", null, "contactHistory must have at most "
                    + Debtor.MAX_CONTACTS + " entries, was " + c.size() + " entries");
        }
        List<Contact> out = new ArrayList<>(c.size());
        int i = 0;
        for (Object item : c) {
            String prefix = "contactHistory[" + i++ + "]";
            if (!(item instanceof Map<?, ?> m)) {
                throw new InvalidDebtorException(prefix, item, "an object with \"at\", \"channel\" and \"reached\"");
            }
            for (Object key : m.keySet()) {
                if (!Set.of("at", "channel", "reached").contains(String.valueOf(key))) {
                    String shown = InvalidDebtorException.show(String.valueOf(key));
                    throw InvalidDebtorException.withMessage(prefix + "." + SafeText.excerpt(String.valueOf(key)),
                            m.get(key), "one of [at, channel, reached]",
                            "unknown field " + shown + " in " + prefix + "; expected one of [at, channel, reached]");
                }
            }
            Object at = m.get("at");
            Object channel = m.get("channel");
            if (at == null) {
                throw InvalidDebtorException.withMessage(prefix + ".at", null, prefix + ".at is required");
            }
            if (channel == null) {
                throw InvalidDebtorException.withMessage(prefix + ".channel", null, prefix + ".channel is required");
            }
            Object reached = m.get("reached");
            out.add(new Contact(dateTime(prefix + ".at", at), enumValue(prefix + ".channel", channel, Channel.class),
                    reached != null && bool(prefix + ".reached", reached)));
        }
        return out;
    }

    /** A list of objects with these keys only, read from JSON values or from JSON text (a CSV cell). */
    private static List<Map<?, ?>> objects(String field, Object v, Set<String> keys, String shape) {
        if (v instanceof CharSequence s && s.toString().trim().startsWith("[")) {
            try {
                v = JSON.readValue(s.toString(), List.class);
            } catch (java.io.IOException e) {
                throw new InvalidDebtorException(field, v, "a JSON list of " + shape + " objects");
            }
        }
        if (!(v instanceof Collection<?> c)) {
            throw new InvalidDebtorException(field, v instanceof CharSequence ? v : String.valueOf(v),
                    "a JSON list of " + shape + " objects");
        }
        if (c.size() > Debtor.MAX_CONTACTS) {
            throw InvalidDebtorException.withMessage(field, null, field + " must have at most " + Debtor.MAX_CONTACTS
                    + " entries, was " + c.size() + " entries");
        }
        List<Map<?, ?>> out = new ArrayList<>(c.size());
        int i = 0;
        for (Object item : c) {
            String prefix = field + "[" + i++ + "]";
            if (!(item instanceof Map<?, ?> m)) {
                throw new InvalidDebtorException(prefix, item, "an object " + shape);
            }
            for (Object key : m.keySet()) {
                if (!keys.contains(String.valueOf(key))) {
                    throw InvalidDebtorException.withMessage(prefix + "." + key, m.get(key),
                            "one of " + new java.util.TreeSet<>(keys), "unknown field \"" + key
                            + "\" in " + prefix + "; expected one of " + new java.util.TreeSet<>(keys));
                }
            }
            out.add(m);
        }
        return out;
    }

    private static Object required(Map<?, ?> m, String prefix, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof CharSequence s && s.toString().isBlank()) {
            throw InvalidDebtorException.withMessage(prefix + "." + key, null, prefix + "." + key + " is required");
        }
        return v;
    }

    private static List<Action> actions(Object v) {
        List<Map<?, ?>> items = objects("actions", v, Set.of("step", "on", "served"), "{\"step\", \"on\", \"served\"}");
        List<Action> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> m = items.get(i);
            String prefix = "actions[" + i + "]";
            String step = text(prefix + ".step", required(m, prefix, "step")).trim();
            if (!step.matches("[A-Z][A-Z0-9_]*")) {
                throw new InvalidDebtorException(prefix + ".step", step, "a step name in capitals such as WRITTEN_DEMAND");
            }
            Object served = m.get("served");
            out.add(new Action(step, date(prefix + ".on", required(m, prefix, "on")),
                    served != null && bool(prefix + ".served", served)));
        }
        return out;
    }

    private static List<Promise> promises(Object v) {
        List<Map<?, ?>> items = objects("promises", v, Set.of("made", "due", "amount", "status"),
                "{\"made\", \"due\", \"amount\", \"status\"}");
        List<Promise> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> m = items.get(i);
            String prefix = "promises[" + i + "]";
            LocalDate made = date(prefix + ".made", required(m, prefix, "made"));
            LocalDate due = date(prefix + ".due", required(m, prefix, "due"));
            if (due.isBefore(made)) {
                throw new InvalidDebtorException(prefix + ".due", due.toString(), "on or after " + prefix + ".made (" + made + ")");
            }
            Object amount = m.get("amount");
            BigDecimal a = amount == null ? null : decimal(prefix + ".amount", amount);
            if (a != null && a.signum() < 0) {
                throw new InvalidDebtorException(prefix + ".amount", a.toPlainString(), "at least 0");
            }
            Object status = m.get("status");
            out.add(new Promise(made, due, a, status == null ? null
                    : enumValue(prefix + ".status", status, Promise.Status.class)));
        }
        return out;
    }

    private static List<Payment> payments(Object v) {
        List<Map<?, ?>> items = objects("payments", v, Set.of("on", "amount"), "{\"on\", \"amount\"}");
        List<Payment> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> m = items.get(i);
            String prefix = "payments[" + i + "]";
            BigDecimal amount = decimal(prefix + ".amount", required(m, prefix, "amount"));
            if (amount.signum() <= 0) {
                throw new InvalidDebtorException(prefix + ".amount", amount.toPlainString(), "more than 0");
            }
            out.add(new Payment(date(prefix + ".on", required(m, prefix, "on")), amount));
        }
        return out;
    }
}
