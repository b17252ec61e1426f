package io.collectionstrategy.incentives;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Turns loosely typed named fields (CSV text, JSON values) into a validated {@link Receivable}. */
final class ReceivableReader {

    private static final Set<String> KNOWN = new HashSet<>(Receivable.FIELDS);
    private static final String DECIMAL = "a decimal number of at least 0 such as 1200.50";

    private ReceivableReader() {
    }

    static Receivable read(Map<String, ?> fields) {
        if (fields == null) {
            throw InvalidReceivableException.withMessage("id", null, "a receivable record is required, was null");
        }
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                throw InvalidReceivableException.withMessage(key, fields.get(key),
                        "unknown field \"" + key + "\"; expected one of " + Receivable.FIELDS);
            }
        }
        String id = text(fields, "id");
        String unit = text(fields, "unit");
        String owner = text(fields, "owner");
        Category category = category(required(fields, "category"));
        BigDecimal amountDue = decimal("amountDue", required(fields, "amountDue"));
        BigDecimal recovered = decimal("recovered", required(fields, "recovered"));
        BigDecimal offset = optionalDecimal(fields, "offsetOrRestructured");
        BigDecimal rewardPaid = optionalDecimal(fields, "rewardPaid");
        boolean eligible = optionalBool(fields, "writeOffEligible");
        Object age = value(fields, "ageDays");
        if (age == null && eligible) {
            throw InvalidReceivableException.withMessage("ageDays", null, "ageDays is required when writeOffEligible"
                    + " is true: the write-off rules apply to receivables over one year old");
        }
        int ageDays = age == null ? 0 : integer("ageDays", age);
        return new Receivable(id, unit, owner, category, amountDue, recovered, offset, ageDays, eligible,
                optionalBool(fields, "writtenOff"), optionalBool(fields, "termEnded"), rewardPaid);
    }

    /** A missing key, a null and an empty or blank text all mean "not given". */
    private static Object value(Map<String, ?> fields, String field) {
        Object v = fields.get(field);
        if (v instanceof CharSequence s && s.toString().isBlank()) {
            return null;
        }
        return v;
    }

    private static Object required(Map<String, ?> fields, String field) {
        Object v = value(fields, field);
        if (v == null) {
            throw InvalidReceivableException.withMessage(field, null, field + " is required");
        }
        return v;
    }

    private static String text(Map<String, ?> fields, String field) {
        Object v = required(fields, field);
        if (v instanceof CharSequence || v instanceof Number) {
            return v.toString().trim();
        }
        throw new InvalidReceivableException(field, v, "text");
    }

    private static Category category(Object v) {
        if (v instanceof Category c) {
            return c;
        }
        if (v instanceof CharSequence s) {
            String t = s.toString().trim();
            for (Category c : Category.values()) {
                if (c.name().equals(t)) {
                    return c;
                }
            }
        }
        throw new InvalidReceivableException("category", v, "one of " + Arrays.toString(Category.values()));
    }

    private static BigDecimal optionalDecimal(Map<String, ?> fields, String field) {
        Object v = value(fields, field);
        return v == null ? BigDecimal.ZERO : decimal(field, v);
    }

    static BigDecimal decimal(String field, Object v) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Number || v instanceof CharSequence) {
            try {
                d = new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidReceivableException(field, v, DECIMAL);
            }
        } else {
            throw new InvalidReceivableException(field, v, DECIMAL);
        }
        if (d.signum() < 0) {
            throw new InvalidReceivableException(field, v, DECIMAL);
        }
        return d;
    }

    static int integer(String field, Object v) {
        long l;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            l = ((Number) v).longValue();
        } else if (v instanceof Number || v instanceof CharSequence) {
            try {
                l = new BigDecimal(v.toString().trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidReceivableException(field, v, "a whole number between 0 and " + Receivable.MAX_AGE_DAYS);
            }
        } else {
            throw new InvalidReceivableException(field, v, "a whole number between 0 and " + Receivable.MAX_AGE_DAYS);
        }
        if (l < 0 || l > Receivable.MAX_AGE_DAYS) {
            throw new InvalidReceivableException(field, v, "a whole number between 0 and " + Receivable.MAX_AGE_DAYS);
        }
        return (int) l;
    }

    private static boolean optionalBool(Map<String, ?> fields, String field) {
        Object v = value(fields, field);
        if (v == null) {
            return false;
        }
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
        throw new InvalidReceivableException(field, v, "true or false");
    }
}
