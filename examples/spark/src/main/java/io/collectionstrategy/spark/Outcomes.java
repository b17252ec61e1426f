package io.collectionstrategy.spark;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * The rows the job produces: one outcome per input record, either an assessment or an error, in one schema so
 * that the assessing pass runs once; the writer then splits them into the two outputs.
 */
public final class Outcomes {

    /** Error kind: a field value is not acceptable ({@link io.collectionstrategy.InvalidDebtorException}). */
    public static final String INVALID_DEBTOR = "INVALID_DEBTOR";
    /** Error kind: the rules failed on the debtor ({@link io.collectionstrategy.AssessmentException}). */
    public static final String ASSESSMENT_FAILED = "ASSESSMENT_FAILED";
    /** Error kind: the record could not be read at all (bad JSON, wrong CSV shape). */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";

    /** One escalation step: step, inDays, reason. */
    public static final StructType STEP = new StructType()
            .add("step", DataTypes.StringType, false)
            .add("inDays", DataTypes.IntegerType, false)
            .add("reason", DataTypes.StringType, true);

    /** One blocked step: step, reason, rule. */
    public static final StructType BLOCKED = new StructType()
            .add("step", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** The columns of the assessments output. */
    public static final StructType ASSESSMENT = new StructType()
            .add("source", DataTypes.StringType, true)
            .add("row", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true)
            .add("debtorType", DataTypes.StringType, true)
            .add("situation", DataTypes.StringType, true)
            .add("scriptId", DataTypes.StringType, true)
            .add("steps", DataTypes.createArrayType(STEP, false), true)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("blocked", DataTypes.createArrayType(BLOCKED, false), true)
            .add("firedRuleIds", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("rulebookName", DataTypes.StringType, true)
            .add("rulebookVersion", DataTypes.StringType, true);

    /** The columns of the errors output. */
    public static final StructType ERROR = new StructType()
            .add("source", DataTypes.StringType, true)
            .add("row", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true)
            .add("kind", DataTypes.StringType, false)
            .add("field", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, false);

    /** Both, with the flag {@code assessed}: the assessment columns, then the error-only columns. */
    public static final StructType OUTCOME = outcome();

    private Outcomes() {
    }

    private static StructType outcome() {
        StructType s = new StructType().add("assessed", DataTypes.BooleanType, false);
        for (var f : ASSESSMENT.fields()) {
            s = s.add(f.name(), f.dataType(), f.nullable());
        }
        return s.add("kind", DataTypes.StringType, true)
                .add("field", DataTypes.StringType, true)
                .add("rule", DataTypes.StringType, true)
                .add("error", DataTypes.StringType, true);
    }

    /** @return the outcome columns that make up the assessments output */
    public static Column[] assessmentColumns() {
        return columns(ASSESSMENT);
    }

    /** @return the outcome columns that make up the errors output */
    public static Column[] errorColumns() {
        return columns(ERROR);
    }

    private static Column[] columns(StructType type) {
        return java.util.Arrays.stream(type.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
    }

    static Row assessed(PortfolioRow record, Assessment a) {
        List<Row> steps = new ArrayList<>(a.escalation().size());
        for (EscalationStep s : a.escalation()) {
            steps.add(RowFactory.create(s.step(), s.inDays(), s.reason()));
        }
        List<Row> blocked = new ArrayList<>(a.blocked().size());
        for (BlockedStep b : a.blocked()) {
            blocked.add(RowFactory.create(b.step(), b.reason(), b.rule()));
        }
        // Spark's row encoder takes arrays (or Scala sequences), not java.util.List
        return RowFactory.create(true, record.source(), record.row(), a.id(), a.debtorType(), a.situation(),
                a.script() == null ? null : a.script().id(), steps.toArray(Row[]::new),
                a.warningCodes().toArray(String[]::new), blocked.toArray(Row[]::new),
                a.firedRuleIds().toArray(String[]::new),
                a.rulebook().name(), a.rulebook().version(),
                null, null, null, null);
    }

    static Row failed(PortfolioRow record, String kind, String field, String rule, String message) {
        return RowFactory.create(false, record.source(), record.row(), record.id(), null, null, null, null, null,
                null, null, null, null,
                kind, field, rule, message == null ? kind : message);
    }
}
