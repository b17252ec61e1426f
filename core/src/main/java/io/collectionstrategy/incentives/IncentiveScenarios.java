package io.collectionstrategy.incentives;

import io.collectionstrategy.check.ScenarioResult;
import io.collectionstrategy.check.ScenarioTables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an incentive rulebook's scenario tables: one receivable per row (the columns of
 * {@link Receivable#FIELDS}), its settlement ({@code period}, {@code year}) and the expected figures in
 * {@code expect.*} columns; an empty cell is not checked. The rows of one table with the same settlement are settled
 * together, so a unit's expense freeze ({@code expect.expenseFreeze}) is decided over all the table's receivables of
 * that unit, as in a real settlement.
 */
final class IncentiveScenarios implements ScenarioTables.Subject {

    /** The year of a row without {@code year}. */
    static final int DEFAULT_YEAR = 2026;
    static final List<String> SETTINGS = List.of("scenario", "period", "year", "note");
    static final List<String> EXPECTATIONS = List.of("expect.reward", "expect.penalty", "expect.net",
            "expect.expenseFreeze", "expect.freezes", "expect.rules", "expect.notRules", "expect.error");

    private final IncentivePolicy policy;

    IncentiveScenarios(IncentivePolicy policy) {
        this.policy = policy;
    }

    @Override
    public Set<String> columns() {
        Set<String> all = new HashSet<>(Receivable.FIELDS);
        all.addAll(SETTINGS);
        all.addAll(EXPECTATIONS);
        return all;
    }

    @Override
    public String describeColumns() {
        return "receivable fields " + Receivable.FIELDS + ", settings " + SETTINGS + " or " + EXPECTATIONS;
    }

    /** A row read: its settlement and receivable, or why it could not be read. */
    private record Read(ScenarioTables.Row row, String name, SettlementPeriod period, int year, Receivable receivable,
                        String error) {
    }

    @Override
    public List<ScenarioResult> run(String file, List<ScenarioTables.Row> rows) {
        List<Read> read = new ArrayList<>(rows.size());
        for (ScenarioTables.Row row : rows) {
            read.add(read(row));
        }
        // settle each settlement's receivables together: the unit's freeze depends on all of them
        Map<String, IncentiveTotals> totals = new LinkedHashMap<>();
        Map<Read, Object> outcomes = new LinkedHashMap<>();
        for (Read r : read) {
            if (r.error() != null) {
                continue;
            }
            try {
                IncentiveResult result = policy.evaluate(r.receivable(), r.period(), r.year());
                totals.computeIfAbsent(r.period() + "/" + r.year(), k -> new IncentiveTotals()).add(result);
                outcomes.put(r, result);
            } catch (RuntimeException e) {
                outcomes.put(r, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        List<ScenarioResult> results = new ArrayList<>(rows.size());
        for (Read r : read) {
            Object outcome = r.error() != null ? r.error() : outcomes.get(r);
            if (outcome instanceof IncentiveResult result) {
                results.add(check(file, r, totals.get(r.period() + "/" + r.year()).withUnitFreeze(result)));
            } else {
                results.add(failed(file, r, (String) outcome));
            }
        }
        return results;
    }

    private static Read read(ScenarioTables.Row row) {
        Map<String, String> cells = row.cells();
        String name = blankToNull(cells.get("scenario"));
        name = name == null ? "row at line " + row.line() : name;
        SettlementPeriod period;
        int year;
        try {
            period = SettlementPeriod.parse(blankToNull(cells.get("period")));
            String y = blankToNull(cells.get("year"));
            year = y == null ? DEFAULT_YEAR : Integer.parseInt(y.trim());
            DroolsIncentivePolicy.checkYear(year);
        } catch (NumberFormatException e) {
            return new Read(row, name, null, 0, null, "year must be a whole number such as 2026, was \""
                    + cells.get("year") + "\"");
        } catch (IllegalArgumentException e) {
            return new Read(row, name, null, 0, null, e.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : Receivable.FIELDS) {
            if (cells.containsKey(field)) {
                fields.put(field, cells.get(field));
            }
        }
        try {
            return new Read(row, name, period, year, Receivable.fromFields(fields), null);
        } catch (InvalidReceivableException e) {
            return new Read(row, name, period, year, null, e.getMessage());
        }
    }

    private static ScenarioResult failed(String file, Read r, String message) {
        List<String> failures = new ArrayList<>();
        String expected = blankToNull(r.row().cells().get("expect.error"));
        if (expected == null) {
            failures.add("unexpected error: " + message);
        } else if (!message.contains(expected)) {
            failures.add("expected an error containing \"" + expected + "\", got \"" + message + "\"");
        }
        return new ScenarioResult(file, r.row().line(), r.name(), failures, null, List.of());
    }

    private static ScenarioResult check(String file, Read r, IncentiveResult result) {
        Map<String, String> cells = r.row().cells();
        List<String> failures = new ArrayList<>();
        if (blankToNull(cells.get("expect.error")) != null) {
            failures.add("expected an error containing \"" + cells.get("expect.error").trim() + "\", got a result");
        }
        amount(failures, cells, "expect.reward", "reward", result.reward());
        amount(failures, cells, "expect.penalty", "penalty", result.penalty());
        amount(failures, cells, "expect.net", "net", result.net());
        flag(failures, cells, "expect.expenseFreeze", "expense freeze of unit " + result.unit(), result.expenseFreeze());
        flag(failures, cells, "expect.freezes", "this receivable freezing its unit's expenses", result.freezesExpenses());
        List<String> fired = result.firedRuleIds();
        for (String id : list(cells.get("expect.rules"))) {
            if (!fired.contains(id)) {
                failures.add("expected fired rule " + id + ", got " + fired);
            }
        }
        for (String id : list(cells.get("expect.notRules"))) {
            if (fired.contains(id)) {
                failures.add("expected no fired rule " + id + ", got " + fired);
            }
        }
        if (!failures.isEmpty()) {
            failures.add("(fired: " + String.join(", ", fired) + ")");
        }
        return new ScenarioResult(file, r.row().line(), r.name(), failures, null, fired);
    }

    private static void amount(List<String> failures, Map<String, String> cells, String column, String what,
                               BigDecimal actual) {
        String expected = blankToNull(cells.get(column));
        if (expected == null) {
            return;
        }
        BigDecimal e;
        try {
            e = new BigDecimal(expected.trim());
        } catch (NumberFormatException ex) {
            failures.add(column + " must be an amount such as 600.00, was \"" + expected + "\"");
            return;
        }
        if (e.compareTo(actual) != 0) {
            failures.add("expected " + what + " " + e.toPlainString() + ", got " + actual.toPlainString());
        }
    }

    private static void flag(List<String> failures, Map<String, String> cells, String column, String what,
                             boolean actual) {
        String expected = blankToNull(cells.get(column));
        if (expected == null) {
            return;
        }
        String t = expected.trim();
        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            failures.add(column + " must be true or false, was \"" + expected + "\"");
        } else if (Boolean.parseBoolean(t) != actual) {
            failures.add("expected " + what + " " + t.toLowerCase(java.util.Locale.ROOT) + ", got " + actual);
        }
    }

    private static List<String> list(String cell) {
        if (blankToNull(cell) == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
