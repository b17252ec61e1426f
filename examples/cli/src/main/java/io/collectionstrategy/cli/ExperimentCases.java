package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.examples.portfolio.UnreadablePortfolioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of an experiment as {@code evaluate} and {@code generate-outcomes} read them: the assessments (JSON Lines
 * as {@code assess} or the Spark job's JSON output writes them; each names its arm in {@code strategy}) and, when
 * given, the portfolio the cases came from (their amounts and days overdue).
 */
final class ExperimentCases {

    /** How many problems a file may have before the rest are only counted. */
    static final int MAX_PROBLEMS = 20;

    /**
     * One assessed case of the experiment.
     *
     * @param row        the line of the assessments file
     * @param id         the case id
     * @param arm        its arm
     * @param rulebook   the arm's rulebook name
     * @param version    the arm's rulebook version
     * @param debtorType the debtor type the arm gave it
     * @param situation  the situation, or null
     */
    record AssessedCase(long row, String id, String arm, String rulebook, String version, String debtorType,
                        String situation) {
    }

    /**
     * What the portfolio says of a case.
     *
     * @param amountOverdue the amount overdue
     * @param daysOverdue   the days overdue
     */
    record CaseFacts(BigDecimal amountOverdue, int daysOverdue) {
    }

    /**
     * The assessments of one experiment.
     *
     * @param experiment   the experiment's name
     * @param cases        the assessed cases, in file order
     * @param errorRecords how many rows of the file are error records (rows that could not be assessed)
     */
    record Assessments(String experiment, List<AssessedCase> cases, long errorRecords) {

        /** @return the arms, in alphabetical order */
        List<String> arms() {
            return cases.stream().map(AssessedCase::arm).distinct().sorted().toList();
        }
    }

    private ExperimentCases() {
    }

    /**
     * Reads an assessments file.
     *
     * @param file the JSON Lines file
     * @return the assessments
     * @throws StartupException listing every problem (up to {@value #MAX_PROBLEMS}) with its line, field and value
     */
    static Assessments readAssessments(Path file) {
        Problems problems = new Problems(file + ": ");
        List<AssessedCase> cases = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        String experiment = null;
        long errors = 0;
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = RowReader.JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    problems.add("line " + line + ": not JSON: " + io.collectionstrategy.SafeText.escape(e.getOriginalMessage()));
                    continue;
                }
                if (node == null || !node.isObject()) {
                    problems.add("line " + line + ": expected a JSON object (an assessment), was " + cut(text));
                    continue;
                }
                if (node.has("error") && !node.has("debtorType")) {
                    errors++;
                    continue;
                }
                String id = textOrNull(node.get("id"));
                if (id == null) {
                    problems.add("line " + line + ": id is required (a text), was " + node.get("id"));
                    continue;
                }
                JsonNode strategy = node.get("strategy");
                if (strategy == null || !strategy.isObject()) {
                    problems.add("line " + line + " (id " + id + "): strategy is " + (strategy == null ? "missing"
                            : strategy.isNull() ? "null" : strategy.toString())
                            + ": the assessment is not from an experiment; assess with --challenger DIR --share"
                            + " PERCENT --experiment NAME or --experiment-file FILE");
                    continue;
                }
                String name = textOrNull(strategy.get("experiment"));
                String arm = textOrNull(strategy.get("arm"));
                if (name == null || arm == null) {
                    problems.add("line " + line + " (id " + id + "): strategy.experiment and strategy.arm are required,"
                            + " were " + strategy.get("experiment") + " and " + strategy.get("arm"));
                    continue;
                }
                if (experiment == null) {
                    experiment = name;
                } else if (!experiment.equals(name)) {
                    problems.add("line " + line + " (id " + id + "): strategy.experiment is " + name + ", earlier lines"
                            + " are of experiment " + experiment + ": evaluate one experiment at a time");
                    continue;
                }
                Long first = seen.putIfAbsent(id, line);
                if (first != null) {
                    problems.add("line " + line + ": id " + id + " was assessed twice (first on line " + first + ")");
                    continue;
                }
                cases.add(new AssessedCase(line, id, arm, textOrNull(strategy.get("rulebook")),
                        textOrNull(strategy.get("version")), textOrNull(node.get("debtorType")),
                        textOrNull(node.get("situation"))));
            }
        } catch (NoSuchFileException e) {
            throw new StartupException("assessments file not found: " + file);
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e);
        }
        problems.throwIfAny();
        if (cases.isEmpty()) {
            throw new StartupException(file + ": no assessment of an experiment in the file");
        }
        return new Assessments(experiment, cases, errors);
    }

    /**
     * Reads the amounts and days overdue of a portfolio's valid rows (rows the assessment refused are left out: they
     * have no assessment).
     *
     * @param file the portfolio, in any format {@code assess} reads
     * @return the facts by case id
     */
    static Map<String, CaseFacts> readPortfolio(Path file) {
        Map<String, CaseFacts> facts = new LinkedHashMap<>();
        try (RowReader reader = RowReader.open(file, null)) {
            while (reader.hasNext()) {
                PortfolioRow row = reader.next().parsed();
                if (!row.readable()) {
                    continue;
                }
                try {
                    Map<String, Object> known = new LinkedHashMap<>(row.fields());
                    known.keySet().retainAll(Debtor.FIELDS);
                    Debtor d = Debtor.fromFields(known);
                    facts.putIfAbsent(d.id(), new CaseFacts(d.amountOverdue(), d.daysOverdue()));
                } catch (InvalidDebtorException e) {
                    // not assessed either: the assessments file has its error record
                }
            }
        } catch (UnreadablePortfolioException e) {
            throw new StartupException(e.getMessage());
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e);
        }
        return facts;
    }

    static String textOrNull(JsonNode node) {
        if (node == null || node.isNull() || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String s = node.asText();
        return s.isBlank() ? null : s;
    }

    static String cut(String text) {
        String shown = io.collectionstrategy.SafeText.escape(text); // a line break or escape never reaches the output
        return shown.length() <= 60 ? shown : shown.substring(0, 59) + "…";
    }

    /** Problems of one input file: each on a line of its own, the first {@value #MAX_PROBLEMS}, then a count. */
    static final class Problems {
        private final String prefix;
        private final List<String> lines = new ArrayList<>();
        private long count;

        Problems(String prefix) {
            this.prefix = prefix;
        }

        void add(String problem) {
            count++;
            if (lines.size() < MAX_PROBLEMS) {
                lines.add(prefix + problem);
            }
        }

        boolean any() {
            return count > 0;
        }

        void throwIfAny() {
            if (count == 0) {
                return;
            }
            List<String> out = new ArrayList<>(lines);
            if (count > lines.size()) {
                out.add("... and " + (count - lines.size()) + " more problems");
            }
            throw new StartupException(out);
        }
    }
}
