package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one case after its assessment, over the period the experiment measures: one line of an outcomes
 * file (docs/contract.md, "Outcomes"; docs/schema/outcome.schema.json).
 *
 * @param id            the case id, as in the assessment
 * @param paidAmount    what the debtor paid in the period, at least 0
 * @param paidOn        the day of the last payment in the period, or null when nothing was paid
 * @param promiseKept   whether a promise to pay that fell due in the period was kept; null when none fell due
 * @param complaint     whether the debtor complained in the period
 * @param amountOverdue the amount overdue when the case was assessed, or null (then {@code evaluate --portfolio}
 *                      gives it)
 */
record CaseOutcome(String id, BigDecimal paidAmount, LocalDate paidOn, Boolean promiseKept, boolean complaint,
                   BigDecimal amountOverdue) {

    /** The fields of an outcome record, in the order they are written. */
    static final List<String> FIELDS = List.of("id", "paidAmount", "paidOn", "promiseKept", "complaint",
            "amountOverdue");

    /** @return true when the payment covers the whole amount overdue (and something was owed) */
    boolean cured(BigDecimal overdue) {
        return overdue.signum() > 0 && paidAmount.compareTo(overdue) >= 0;
    }

    /** Writes this outcome as one JSON object in the order of {@link #FIELDS}. */
    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeNumberField("paidAmount", paidAmount);
        g.writeStringField("paidOn", paidOn == null ? null : paidOn.toString());
        g.writeFieldName("promiseKept");
        if (promiseKept == null) {
            g.writeNull();
        } else {
            g.writeBoolean(promiseKept);
        }
        g.writeBooleanField("complaint", complaint);
        if (amountOverdue != null) {
            g.writeNumberField("amountOverdue", amountOverdue);
        }
        g.writeEndObject();
    }

    /**
     * Reads an outcomes file (JSON Lines, one outcome per line; blank lines are skipped).
     *
     * @param file the file
     * @return the outcomes by case id, in file order
     * @throws StartupException listing every bad line (up to {@value ExperimentCases#MAX_PROBLEMS}) with its field,
     *                          value and what was expected
     */
    static Map<String, CaseOutcome> read(Path file) {
        ExperimentCases.Problems problems = new ExperimentCases.Problems(file + ": ");
        Map<String, CaseOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    CaseOutcome o = parse(text);
                    Long first = lines.putIfAbsent(o.id(), line);
                    if (first != null) {
                        problems.add("line " + line + ": id " + o.id() + " has a second outcome (the first is on line "
                                + first + "); give one outcome per case");
                    } else {
                        outcomes.put(o.id(), o);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new StartupException("outcomes file not found: " + file);
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e);
        }
        problems.throwIfAny();
        return outcomes;
    }

    /**
     * Parses one line.
     *
     * @param text the JSON object
     * @return the outcome
     * @throws IllegalArgumentException whose message, after the line number, names the id, the field, the value and
     *                                  what was expected, e.g. {@code " (id C-1): paidAmount must be a number of at
     *                                  least 0, was \"ten\""}
     */
    static CaseOutcome parse(String text) {
        JsonNode node;
        try {
            node = RowReader.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(": not JSON: " + io.collectionstrategy.SafeText.escape(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(": expected a JSON object (an outcome), was "
                    + ExperimentCases.cut(text));
        }
        String id = ExperimentCases.textOrNull(node.get("id"));
        if (id == null) {
            throw new IllegalArgumentException(": id is required (a text), was " + ExperimentCases.cut(String.valueOf(node.get("id"))));
        }
        String where = " (id " + id + "): ";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + "unknown field " + field + "; expected one of " + FIELDS);
            }
        }
        BigDecimal paid = amount(node.get("paidAmount"), "paidAmount", where, true);
        LocalDate paidOn = null;
        JsonNode on = node.get("paidOn");
        if (on != null && !on.isNull()) {
            try {
                paidOn = LocalDate.parse(on.isTextual() ? on.asText() : "x");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + "paidOn must be an ISO date such as 2026-12-05, or null,"
                        + " was " + on);
            }
        }
        Boolean kept = null;
        JsonNode k = node.get("promiseKept");
        if (k != null && !k.isNull()) {
            if (!k.isBoolean()) {
                throw new IllegalArgumentException(where + "promiseKept must be true, false or null (no promise fell"
                        + " due), was " + k);
            }
            kept = k.asBoolean();
        }
        JsonNode c = node.get("complaint");
        if (c != null && !c.isNull() && !c.isBoolean()) {
            throw new IllegalArgumentException(where + "complaint must be true or false, was " + c);
        }
        boolean complaint = c != null && c.asBoolean(false);
        return new CaseOutcome(id, paid, paidOn, kept, complaint,
                amount(node.get("amountOverdue"), "amountOverdue", where, false));
    }

    private static BigDecimal amount(JsonNode value, String field, String where, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + field + " is required: a number of at least 0");
            }
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw new IllegalArgumentException(where + field + " must be a number of at least 0, was " + value);
        }
        return value.decimalValue();
    }
}
