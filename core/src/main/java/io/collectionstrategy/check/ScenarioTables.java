package io.collectionstrategy.check;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.RowAssessor;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.Rulebook;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs scenario tables: CSV files with one debtor per row, or YAML files with one entry per case ({@link ScenarioYaml}),
 * the input fields named as in {@code docs/contract.md} and the expected outcome in {@code expect.*} columns. An empty cell means "not checked".
 * Uses only the public API: any {@link CollectionStrategy} can be checked, also one that reloads.
 *
 * <p>Other kinds of rulebook (the incentive policy of {@code io.collectionstrategy.incentives}) run their tables
 * through the same reader with a {@link Subject} of their own: its input columns, its expectations and how it runs
 * the rows of one table.
 */
public final class ScenarioTables {

    /**
     * What the rows of a kind of scenario table are checked against: which columns a table may have and how its
     * rows are run. The collection rulebook's subject runs each row as one debtor; the incentive policy's settles
     * a table's receivables together, because a unit's expense freeze depends on all of them.
     */
    public interface Subject {

        /** @return every column a table may have: input fields, settings and expectations */
        java.util.Set<String> columns();

        /** @return the columns as a message names them, e.g. {@code debtor fields [...], settings [...] or [...]} */
        String describeColumns();

        /**
         * Runs the rows of one table.
         *
         * @param file the table, as results name it
         * @param rows its rows, in file order
         * @return one result per row, in the same order
         */
        List<ScenarioResult> run(String file, List<Row> rows);
    }

    /**
     * One row of a scenario table.
     *
     * @param line  the 1-based line of the row in its file
     * @param cells the row's cells by column
     */
    public record Row(int line, Map<String, String> cells) {
    }

    /** Default evaluation date of a row without {@code asOf}. */
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);

    static final List<String> SETTINGS = List.of("scenario", "asOf", "at", "locale", "note");
    static final List<String> EXPECTATIONS = List.of("expect.type", "expect.situation", "expect.script",
            "expect.firstStep", "expect.steps", "expect.notSteps", "expect.warnings", "expect.notWarnings",
            "expect.rules", "expect.notRules", "expect.blocked", "expect.error", "expect.nextAction");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    private ScenarioTables() {
    }

    /**
     * Runs the scenario tables shipped in the strategy's rulebook ({@code scenarios/*.csv}, {@code *.yaml}, {@code *.yml}).
     *
     * @param strategy the strategy to check
     * @return the results, one per scenario row
     */
    public static ScenarioReport run(CollectionStrategy strategy) {
        return run(strategy.authoring().source(), new Debtors(strategy));
    }

    /**
     * Runs the scenario tables shipped in a rulebook ({@code scenarios/*.csv}) against a subject.
     *
     * @param rulebook the rulebook whose tables to run
     * @param subject  what the rows are checked against
     * @return the results, one per scenario row
     */
    public static ScenarioReport run(Rulebook rulebook, Subject subject) {
        return run(subject, tableFiles(rulebook));
    }

    /** @return the scenario tables of a rulebook ({@code scenarios/*.csv}, {@code *.yaml}, {@code *.yml}) by path */
    static Map<String, String> tableFiles(Rulebook rulebook) {
        Map<String, String> tables = new TreeMap<>();
        for (Map.Entry<String, String> file : rulebook.files().entrySet()) {
            if (file.getKey().startsWith("scenarios/") && isTable(file.getKey())) {
                tables.put(file.getKey(), file.getValue());
            }
        }
        return tables;
    }

    /** @return whether the file name is that of a scenario table: {@code .csv}, {@code .yaml} or {@code .yml} */
    static boolean isTable(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || isYaml(lower);
    }

    private static boolean isYaml(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /**
     * Runs the scenario tables of a file or directory.
     *
     * @param strategy        the strategy to check
     * @param fileOrDirectory a {@code .csv} or {@code .yaml} table, or a directory whose tables (at any depth) to run
     * @return the results, one per scenario row
     * @throws UncheckedIOException when the files cannot be read
     */
    public static ScenarioReport run(CollectionStrategy strategy, Path fileOrDirectory) {
        return run(fileOrDirectory, new Debtors(strategy));
    }

    /**
     * Runs the scenario tables of a file or directory against a subject.
     *
     * @param fileOrDirectory a {@code .csv} or {@code .yaml} table, or a directory whose tables (at any depth) to run
     * @param subject         what the rows are checked against
     * @return the results, one per scenario row
     * @throws UncheckedIOException when the files cannot be read
     */
    public static ScenarioReport run(Path fileOrDirectory, Subject subject) {
        Map<String, String> tables = new TreeMap<>();
        try {
            if (Files.isDirectory(fileOrDirectory)) {
                try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        if (Files.isRegularFile(p) && isTable(p.getFileName().toString())) {
                            tables.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                }
            } else {
                tables.put(fileOrDirectory.toString(), Files.readString(fileOrDirectory, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios at " + fileOrDirectory, e);
        }
        return run(subject, tables);
    }

    private static ScenarioReport run(Subject subject, Map<String, String> tables) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Table table : read(subject, tables)) {
            results.addAll(table.problems());
            results.addAll(subject.run(table.file(), table.rows()));
        }
        results.sort(java.util.Comparator.comparing(ScenarioResult::file).thenComparingInt(ScenarioResult::line));
        return new ScenarioReport(results);
    }

    /**
     * One scenario table as read: its rows, and a result for each row (or header, or the file) that could not be read.
     *
     * @param file     the table, as results name it
     * @param rows     the rows that could be read, in file order
     * @param problems the rows, the header or the file that could not be read, each a failing result
     */
    record Table(String file, List<Row> rows, List<ScenarioResult> problems) {
    }

    /** Reads every table, CSV or YAML, into rows: the one path both forms take. */
    static List<Table> read(Subject subject, Map<String, String> tables) {
        List<Table> read = new ArrayList<>();
        for (Map.Entry<String, String> table : tables.entrySet()) {
            read.add(isYaml(table.getKey()) ? readYaml(subject, table.getKey(), table.getValue())
                    : readCsv(subject, table.getKey(), table.getValue()));
        }
        return read;
    }

    /** @return the tables of a rulebook read as rows for the collection rulebook's debtors */
    static List<Table> read(CollectionStrategy strategy) {
        return read(new Debtors(strategy), tableFiles(strategy.authoring().source()));
    }

    private static Table readYaml(Subject subject, String file, String text) {
        boolean debtor = subject instanceof Debtors;
        List<String> inputs = debtor ? Debtor.FIELDS : subject.columns().stream()
                .filter(c -> !c.startsWith("expect.") && !SETTINGS.contains(c)).sorted().toList();
        ScenarioYaml.Read yaml = ScenarioYaml.read(file, text, subject.columns(), debtor, inputs);
        return new Table(file, yaml.cases(), yaml.problems());
    }

    private static Table readCsv(Subject subject, String file, String csv) {
        List<ScenarioResult> results = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            java.util.Set<String> known = subject.columns();
            List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
            if (!unknown.isEmpty()) {
                results.add(new ScenarioResult(file, 1, "(header)", List.of("unknown columns " + unknown
                        + "; expected " + subject.describeColumns()), null));
                return new Table(file, List.of(), results);
            }
            for (CSVRecord record : parser) {
                rows.add(new Row((int) parser.getCurrentLineNumber(), record.toMap()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            results.add(new ScenarioResult(file, 0, "(file)", List.of("not a readable CSV scenario table: " + e.getMessage()), null));
            return new Table(file, List.of(), results);
        }
        return new Table(file, rows, results);
    }

    /** The collection rulebook's rows: one debtor each, assessed by a strategy. */
    record Debtors(CollectionStrategy strategy) implements Subject {

        @Override
        public java.util.Set<String> columns() {
            java.util.Set<String> all = new java.util.HashSet<>(Debtor.FIELDS);
            all.addAll(SETTINGS);
            all.addAll(EXPECTATIONS);
            return all;
        }

        @Override
        public String describeColumns() {
            return "debtor fields " + Debtor.FIELDS + ", settings " + SETTINGS + " or " + EXPECTATIONS;
        }

        @Override
        public List<ScenarioResult> run(String file, List<Row> rows) {
            List<ScenarioResult> results = new ArrayList<>(rows.size());
            for (Row row : rows) {
                results.add(runRow(strategy, file, row.line(), row.cells()));
            }
            return results;
        }
    }

    static ScenarioResult runRow(CollectionStrategy strategy, String file, int line, Map<String, String> row) {
        String name = blankToNull(row.get("scenario"));
        name = name == null ? "row at line " + line : name;
        List<String> failures = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        LocalDate rowDate = rowDate(row);
        for (String field : Debtor.FIELDS) {
            if (row.containsKey(field)) {
                facts.put(field, TIMELINE_FIELDS.contains(field) ? timeline(field, row.get(field), rowDate)
                        : row.get(field));
            }
        }
        String expectedError = blankToNull(row.get("expect.error"));
        RowResult result;
        try {
            String asOf = blankToNull(row.get("asOf"));
            RowAssessor rows = RowAssessor.of(strategy, asOf == null ? DEFAULT_AS_OF : LocalDate.parse(asOf.trim()));
            String locale = blankToNull(row.get("locale"));
            if (locale != null) {
                rows = rows.locale(Locale.forLanguageTag(locale.trim()));
            }
            String at = blankToNull(row.get("at"));
            if (at != null) {
                rows = rows.at(OffsetDateTime.parse(at.trim()));
            }
            result = rows.assess(facts);
        } catch (DateTimeParseException e) {
            result = RowResult.failed(RowResult.Kind.INVALID_DEBTOR, null, null, e.getMessage());
        }
        if (!result.ok()) {
            String message = result.failure().message();
            if (expectedError == null) {
                failures.add("unexpected error: " + message);
            } else if (!message.contains(expectedError)) {
                failures.add("expected an error containing \"" + expectedError + "\", got \"" + message + "\"");
            }
            return new ScenarioResult(file, line, name, failures, null);
        }
        Assessment a = result.assessment();
        if (expectedError != null) {
            failures.add("expected an error containing \"" + expectedError + "\", got an assessment");
        }
        check(failures, row, "expect.type", "type", a.debtorType());
        String situation = blankToNull(row.get("expect.situation"));
        if (situation != null) {
            boolean none = situation.equalsIgnoreCase("none") || situation.equals("-");
            String actual = a.situation() == null ? "none" : a.situation();
            if (none ? a.situation() != null : !situation.equals(a.situation())) {
                failures.add("expected situation " + (none ? "none" : situation) + ", got " + actual);
            }
        }
        check(failures, row, "expect.script", "script", a.script() == null ? "none" : a.script().id());
        check(failures, row, "expect.firstStep", "first step",
                a.firstStep().map(s -> s.step()).orElse("none"));
        List<String> stepsWithDays = a.escalation().stream().map(s -> s.step() + "@" + s.inDays()).toList();
        for (String step : list(row.get("expect.steps"))) {
            boolean found = step.contains("@") ? stepsWithDays.contains(step) : a.stepNames().contains(step);
            if (!found) {
                failures.add("expected step " + step + ", got steps " + stepsWithDays);
            }
        }
        for (String step : list(row.get("expect.notSteps"))) {
            if (a.stepNames().contains(step)) {
                failures.add("expected no step " + step + ", got steps " + stepsWithDays);
            }
        }
        includes(failures, "warning", list(row.get("expect.warnings")), a.warningCodes(), true);
        includes(failures, "warning", list(row.get("expect.notWarnings")), a.warningCodes(), false);
        includes(failures, "fired rule", list(row.get("expect.rules")), a.firedRuleIds(), true);
        includes(failures, "fired rule", list(row.get("expect.notRules")), a.firedRuleIds(), false);
        includes(failures, "blocked step", list(row.get("expect.blocked")),
                a.blocked().stream().map(BlockedStep::step).toList(), true);
        String next = blankToNull(row.get("expect.nextAction"));
        if (next != null) {
            String actual = a.nextAction() == null ? "none" : a.nextAction().step() + "@"
                    + java.time.temporal.ChronoUnit.DAYS.between(rowDate, a.nextAction().on());
            String wanted = next.trim();
            boolean ok = wanted.contains("@") || wanted.equals("none") ? actual.equals(wanted)
                    : actual.startsWith(wanted + "@");
            if (!ok) {
                failures.add("expected next action " + wanted + ", got " + actual);
            }
        }
        if (!failures.isEmpty()) {
            failures.add("(fired: " + String.join(", ", a.firedRuleIds()) + ")");
        }
        return new ScenarioResult(file, line, name, failures, a);
    }

    /** The fields whose cells may use relative dates ({@code asOf-20}) and, for actions, the short form. */
    private static final java.util.Set<String> TIMELINE_FIELDS = java.util.Set.of("actions", "promises", "payments",
            "contactHistory");
    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("asOf([+-][0-9]{1,5})");
    private static final java.util.regex.Pattern SHORT_ACTION = java.util.regex.Pattern.compile(
            "([A-Z][A-Z0-9_]*)@(-?[0-9]{1,5})(!?)");

    /** The evaluation date of a row, for its relative dates: {@code asOf}, the date of {@code at}, or the default. */
    private static LocalDate rowDate(Map<String, String> row) {
        try {
            String at = blankToNull(row.get("at"));
            if (at != null) {
                return OffsetDateTime.parse(at.trim()).toLocalDate();
            }
            String asOf = blankToNull(row.get("asOf"));
            return asOf == null ? DEFAULT_AS_OF : LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            return DEFAULT_AS_OF; // reported when the row is assessed
        }
    }

    /**
     * A timeline cell as the library reads it: JSON, where {@code asOf-20} stands for the date 20 days before the row's
     * evaluation date; for {@code actions} also the short form {@code WRITTEN_DEMAND@-20!|FIELD_VISIT@-3} (step, days
     * from the evaluation date, {@code !} for served).
     */
    static String timeline(String field, String cell, LocalDate asOf) {
        if (cell == null || cell.isBlank()) {
            return cell;
        }
        String text = cell.trim();
        if (field.equals("actions") && !text.startsWith("[")) {
            StringBuilder json = new StringBuilder("[");
            for (String part : text.split("\\|")) {
                java.util.regex.Matcher m = SHORT_ACTION.matcher(part.trim());
                if (!m.matches()) {
                    return cell; // not the short form: the library reports it
                }
                json.append(json.length() > 1 ? "," : "").append("{\"step\":\"").append(m.group(1)).append("\",\"on\":\"")
                        .append(asOf.plusDays(Integer.parseInt(m.group(2)))).append("\",\"served\":")
                        .append(!m.group(3).isEmpty()).append('}');
            }
            return json.append(']').toString();
        }
        java.util.regex.Matcher m = RELATIVE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, asOf.plusDays(Integer.parseInt(m.group(1))).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void check(List<String> failures, Map<String, String> row, String column, String what, String actual) {
        String expected = blankToNull(row.get(column));
        if (expected != null && !expected.trim().equals(actual)) {
            failures.add("expected " + what + " " + expected.trim() + ", got " + actual);
        }
    }

    private static void includes(List<String> failures, String what, List<String> expected, List<String> actual, boolean present) {
        for (String e : expected) {
            if (actual.contains(e) != present) {
                failures.add("expected " + (present ? "" : "no ") + what + " " + e + ", got " + actual);
            }
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
