package io.collectionstrategy.check;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Finds the numbers in rules' conditions that the scenario tables do not test on both sides.
 *
 * <p>The conditions are read on parsed structure, as the sandbox reads them: Drools' DRL parser for the rules and
 * patterns, its expression parser for each constraint. A threshold is a comparison ({@code < <= > >=}) of a numeric
 * debtor field ({@code daysOverdue} in a {@code Debtor} pattern, {@code debtor.daysOverdue} in a {@code Treatment})
 * with a number, in a pattern that must hold for the rule to fire (not under {@code not} or {@code or}, not joined
 * by {@code ||}). The side where the condition holds is tested when the rule fires in some scenario; the other side
 * when some scenario that does not fire the rule has a value there and fires it once only that value is moved to
 * the boundary: a row far from the rule (another type, a closed case) does not count.
 */
final class Thresholds {

    /** At most this many extra assessments per check, however large the tables. */
    static final int MAX_TRIES = 20_000;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,4})?");
    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=");

    /** The numeric fields of the debtor, and whether each holds whole numbers. */
    static final Map<String, Boolean> NUMERIC_FIELDS = numericFields();

    /** A comparison found in a rule. */
    record Comparison(String ruleId, String file, int line, String property, String operator, BigDecimal value) {
    }

    private Thresholds() {
    }

    private static Map<String, Boolean> numericFields() {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (RecordComponent c : Debtor.class.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
                fields.put(c.getName(), true);
            } else if (t == BigDecimal.class) {
                fields.put(c.getName(), false);
            }
        }
        return Map.copyOf(fields);
    }

    /**
     * The number on the right-hand side of a comparison, or empty when it is not a number.
     *
     * <p>The one place that says what a threshold's value is: today a literal ({@code 31}, {@code 500000.00}).
     *
     * @param expression the operand as written in the rule
     * @return its value
     */
    static Optional<BigDecimal> number(String expression) {
        String text = expression == null ? "" : expression.trim();
        if (NUMBER.matcher(text).matches()) {
            return Optional.of(new BigDecimal(text));
        }
        return Optional.empty();
    }

    /**
     * @param rulebook the rulebook whose {@code .drl} files to read
     * @return every threshold on a numeric debtor field, in file and line order; files that do not parse are skipped
     *     (building the rulebook reports them)
     */
    static List<Comparison> find(Rulebook rulebook) {
        LanguageLevelOption level = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration()
                .getOption(LanguageLevelOption.KEY);
        List<Comparison> found = new ArrayList<>();
        for (String path : rulebook.paths(".drl")) {
            PackageDescr pkg;
            try {
                DrlParser parser = new DrlParser(level);
                pkg = parser.parse(false, rulebook.files().get(path));
                if (parser.hasErrors() || pkg == null) {
                    continue;
                }
            } catch (Exception e) {
                continue;
            }
            for (RuleDescr rule : pkg.getRules()) {
                AnnotationDescr id = rule.getAnnotation("id");
                if (id == null || id.getSingleValue() == null) {
                    continue;
                }
                String ruleId = id.getSingleValue().toString().replace("\"", "").trim();
                lhs(rule.getLhs(), ruleId, path, rule.getLine(), level, found);
            }
        }
        return found;
    }

    /** Only what must hold for the rule to fire: {@code and} and {@code exists}, not {@code not} or {@code or}. */
    private static void lhs(BaseDescr d, String ruleId, String file, int ruleLine, LanguageLevelOption level,
                            List<Comparison> found) {
        if (d instanceof AndDescr || d instanceof ExistsDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                lhs(child, ruleId, file, ruleLine, level, found);
            }
        } else if (d instanceof PatternDescr p && p.getSource() == null) {
            String prefix = switch (p.getObjectType()) {
                case "Debtor", "io.collectionstrategy.Debtor" -> "";
                case "Treatment", "io.collectionstrategy.facts.Treatment" -> "debtor.";
                default -> null;
            };
            if (prefix == null) {
                return;
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    int line = e.getLine() > 0 ? e.getLine() : p.getLine() > 0 ? p.getLine() : ruleLine;
                    constraint(e.getExpression(), prefix, ruleId, file, line, level, found);
                }
            }
        }
    }

    private static void constraint(String text, String prefix, String ruleId, String file, int line,
                                   LanguageLevelOption level, List<Comparison> found) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(level);
        ConstraintConnectiveDescr tree;
        try {
            tree = parser.parse(text);
        } catch (RuntimeException e) {
            return;
        }
        if (parser.hasErrors() || tree == null) {
            return;
        }
        conjunction(tree, prefix, ruleId, file, line, found);
    }

    private static void conjunction(BaseDescr d, String prefix, String ruleId, String file, int line,
                                    List<Comparison> found) {
        if (d instanceof ConstraintConnectiveDescr c) {
            if (c.getConnective() != ConnectiveType.AND && c.getDescrs().size() > 1) {
                return; // || or ^^: either side may be what made the rule fire
            }
            for (BaseDescr child : c.getDescrs()) {
                conjunction(child, prefix, ruleId, file, line, found);
            }
        } else if (d instanceof RelationalExprDescr r && OPERATORS.contains(r.getOperator())
                && (r.getParameters() == null || r.getParameters().isEmpty())
                && r.getLeft() instanceof AtomicExprDescr left && r.getRight() instanceof AtomicExprDescr right) {
            String op = r.getOperator();
            Optional<String> field = field(left.getExpression(), prefix);
            Optional<BigDecimal> value = number(right.getExpression());
            if (field.isEmpty()) { // 31 <= daysOverdue
                field = field(right.getExpression(), prefix);
                value = number(left.getExpression());
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    default -> "<=";
                };
            }
            if (field.isPresent() && value.isPresent()) {
                found.add(new Comparison(ruleId, file, line, field.get(), op, value.get()));
            }
        }
    }

    private static Optional<String> field(String expression, String prefix) {
        String text = expression == null ? "" : expression.trim();
        if (!text.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = text.substring(prefix.length());
        return NUMERIC_FIELDS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * The thresholds the scenario tables do not test on both sides.
     *
     * @param strategy the strategy whose rulebook and tables to read
     * @param report   its scenarios' results
     * @return one hint per untested threshold, in file and line order
     */
    static List<ThresholdHint> hints(CollectionStrategy strategy, ScenarioReport report) {
        List<Comparison> comparisons = find(strategy.authoring().source());
        if (comparisons.isEmpty()) {
            return List.of();
        }
        Map<String, ScenarioResult> results = new HashMap<>();
        for (ScenarioResult r : report.results()) {
            results.put(r.file() + ":" + r.line(), r);
        }
        List<Assessed> rows = new ArrayList<>();
        for (ScenarioTables.Table table : ScenarioTables.read(strategy)) {
            for (ScenarioTables.Row row : table.rows()) {
                ScenarioResult r = results.get(table.file() + ":" + row.line());
                if (r != null && r.assessment() != null) {
                    rows.add(new Assessed(table.file(), row, r.firedRules()));
                }
            }
        }
        int[] tries = {0};
        List<ThresholdHint> hints = new ArrayList<>();
        for (Comparison c : comparisons) {
            boolean integer = NUMERIC_FIELDS.get(c.property());
            ThresholdHint probe = new ThresholdHint(c.ruleId(), c.file(), c.line(), c.property(), c.operator(), c.value(),
                    integer, false, false);
            boolean matched = rows.stream().anyMatch(a -> a.fired().contains(c.ruleId()));
            boolean other = false;
            for (Assessed a : rows) {
                if (a.fired().contains(c.ruleId())) {
                    continue;
                }
                BigDecimal v = value(a.row().cells(), c.property());
                if (v == null || holds(v, c.operator(), c.value()) || tries[0] >= MAX_TRIES) {
                    continue;
                }
                tries[0]++;
                Map<String, String> moved = new LinkedHashMap<>(a.row().cells());
                moved.put(c.property(), probe.matchedBoundary().toPlainString());
                ScenarioResult r = ScenarioTables.runRow(strategy, a.file(), a.row().line(), moved);
                if (r.firedRules().contains(c.ruleId())) {
                    other = true;
                    break;
                }
            }
            if (!matched || !other) {
                hints.add(new ThresholdHint(c.ruleId(), c.file(), c.line(), c.property(), c.operator(), c.value(),
                        integer, matched, other));
            }
        }
        return hints;
    }

    private record Assessed(String file, ScenarioTables.Row row, List<String> fired) {
    }

    static boolean holds(BigDecimal v, String op, BigDecimal threshold) {
        int cmp = v.compareTo(threshold);
        return switch (op) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    /** The row's value of a field as the engine reads it; null when it cannot be told from the row alone. */
    private static BigDecimal value(Map<String, String> cells, String field) {
        String cell = cells.get(field);
        if (cell == null || cell.isBlank()) {
            boolean counted = (field.equals("promisesMade") || field.equals("promisesBroken"))
                    && cells.get("promises") != null && !cells.get("promises").isBlank();
            return counted || !NUMERIC_FIELDS.get(field) || field.equals("daysSinceLastContact") ? null : BigDecimal.ZERO;
        }
        return number(cell).orElse(null);
    }
}
