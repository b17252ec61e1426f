package io.collectionstrategy.spark;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.RowResult;
import io.collectionstrategy.Script;
import io.collectionstrategy.Warning;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * The rows the job produces: one per input record, either an assessment or an error (from core's
 * {@link io.collectionstrategy.RowResult}), in one schema so that the assessing pass runs once; the writer then splits
 * them into the two outputs.
 */
public final class OutputRows {

    /** Error kind: a field value is not acceptable ({@link io.collectionstrategy.InvalidDebtorException}). */
    public static final String INVALID_DEBTOR = RowResult.Kind.INVALID_DEBTOR.name();
    /** Error kind: the rules failed on the debtor ({@link io.collectionstrategy.AssessmentException}). */
    public static final String ASSESSMENT_FAILED = RowResult.Kind.ASSESSMENT_FAILED.name();
    /** Error kind: the record could not be read at all (bad JSON, wrong CSV shape). */
    public static final String MALFORMED_RECORD = RowResult.Kind.MALFORMED_RECORD.name();

    /** The script: id, locale, title, verify, text, do, avoid. */
    public static final StructType SCRIPT = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("locale", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("verify", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, true)
            .add("do", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("avoid", DataTypes.createArrayType(DataTypes.StringType, true), true);

    /** One escalation step: step, inDays, reason, rule. */
    public static final StructType STEP = new StructType()
            .add("step", DataTypes.StringType, false)
            .add("inDays", DataTypes.IntegerType, false)
            .add("reason", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** One warning: code, message, rule. */
    public static final StructType WARNING = new StructType()
            .add("code", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** One blocked step: step, reason, rule. */
    public static final StructType BLOCKED = new StructType()
            .add("step", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** One fired rule: id, name. */
    public static final StructType FIRED_RULE = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("name", DataTypes.StringType, true);

    /** The rulebook: name, version. */
    public static final StructType RULEBOOK = new StructType()
            .add("name", DataTypes.StringType, true)
            .add("version", DataTypes.StringType, true);

    /** One piece of evidence: type, points, cue, rule. */
    public static final StructType EVIDENCE = new StructType()
            .add("type", DataTypes.StringType, true)
            .add("points", DataTypes.IntegerType, false)
            .add("cue", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** The next action: step, on (ISO date), reason, rule. */
    public static final StructType NEXT_ACTION = new StructType()
            .add("step", DataTypes.StringType, false)
            .add("on", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, true);

    /** The experiment and arm that assessed the case: experiment, arm, rulebook, version; null outside one. */
    public static final StructType STRATEGY = new StructType()
            .add("experiment", DataTypes.StringType, true)
            .add("arm", DataTypes.StringType, true)
            .add("rulebook", DataTypes.StringType, true)
            .add("version", DataTypes.StringType, true);

    /**
     * The columns of the assessments output: {@code source} and {@code row} (where the debtor was read), then the
     * fields of an assessment in the shape of docs/contract.md, nested as they are in its JSON.
     */
    public static final StructType ASSESSMENT = new StructType()
            .add("source", DataTypes.StringType, true)
            .add("row", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true)
            .add("debtorType", DataTypes.StringType, true)
            .add("situation", DataTypes.StringType, true)
            .add("script", SCRIPT, true)
            .add("escalation", DataTypes.createArrayType(STEP, false), true)
            .add("warnings", DataTypes.createArrayType(WARNING, false), true)
            .add("blocked", DataTypes.createArrayType(BLOCKED, false), true)
            .add("firedRules", DataTypes.createArrayType(FIRED_RULE, false), true)
            .add("rulebook", RULEBOOK, true)
            .add("evidence", DataTypes.createArrayType(EVIDENCE, false), true)
            .add("nextAction", NEXT_ACTION, true)
            .add("strategy", STRATEGY, true);

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

    private OutputRows() {
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

    // Spark's row encoder takes arrays (or Scala sequences) for array columns, not java.util.List.
    static Row assessed(PortfolioRow record, Assessment a) {
        Script s = a.script();
        Row script = s == null ? null : RowFactory.create(s.id(), s.locale(), s.title(), s.verify(), s.text(),
                s.doPoints().toArray(String[]::new), s.avoid().toArray(String[]::new));
        Row[] escalation = new Row[a.escalation().size()];
        for (int i = 0; i < escalation.length; i++) {
            EscalationStep e = a.escalation().get(i);
            escalation[i] = RowFactory.create(e.step(), e.inDays(), e.reason(), e.rule());
        }
        Row[] warnings = new Row[a.warnings().size()];
        for (int i = 0; i < warnings.length; i++) {
            Warning w = a.warnings().get(i);
            warnings[i] = RowFactory.create(w.code(), w.message(), w.rule());
        }
        Row[] blocked = new Row[a.blocked().size()];
        for (int i = 0; i < blocked.length; i++) {
            BlockedStep b = a.blocked().get(i);
            blocked[i] = RowFactory.create(b.step(), b.reason(), b.rule());
        }
        Row[] fired = new Row[a.firedRules().size()];
        for (int i = 0; i < fired.length; i++) {
            FiredRule f = a.firedRules().get(i);
            fired[i] = RowFactory.create(f.id(), f.name());
        }
        Row rulebook = a.rulebook() == null ? null : RowFactory.create(a.rulebook().name(), a.rulebook().version());
        Row[] evidence = new Row[a.evidence().size()];
        for (int i = 0; i < evidence.length; i++) {
            Evidence e = a.evidence().get(i);
            evidence[i] = RowFactory.create(e.type(), e.points(), e.cue(), e.rule());
        }
        Row next = a.nextAction() == null ? null : RowFactory.create(a.nextAction().step(),
                a.nextAction().on().toString(), a.nextAction().reason(), a.nextAction().rule());
        Row strategy = a.strategy() == null ? null : RowFactory.create(a.strategy().experiment(), a.strategy().arm(),
                a.strategy().rulebook(), a.strategy().version());
        return RowFactory.create(true, record.source(), record.row(), a.id(), a.debtorType(), a.situation(), script,
                escalation, warnings, blocked, fired, rulebook, evidence, next, strategy,
                null, null, null, null);
    }

    static Row failed(PortfolioRow record, String kind, String field, String rule, String message) {
        return RowFactory.create(false, record.source(), record.row(), record.id(),
                null, null, null, null, null, null, null, null, null, null, null,
                kind, field, rule, message == null ? kind : message);
    }
}
