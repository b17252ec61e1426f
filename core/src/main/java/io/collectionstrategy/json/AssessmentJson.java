package io.collectionstrategy.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.BlockedStep;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Evidence;
import io.collectionstrategy.NextAction;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.Script;
import io.collectionstrategy.StrategyInfo;
import io.collectionstrategy.Warning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an {@link Assessment} as JSON with Jackson's streaming API: no tree, no reflection, one pass.
 *
 * <p>The shape is the data contract's ({@code docs/contract.md}, {@code docs/schema/assessment.schema.json}), fields in
 * this order: {@code id, debtorType, situation, script {id, locale, title, verify, text, do, avoid}, escalation [{step, inDays,
 * reason, rule}], warnings [{code, message, rule}], blocked [{step, reason, rule}], firedRules [{id, name}], rulebook
 * {name, version}, evidence [{type, points, cue, rule}], nextAction {step, on, reason, rule}, strategy {experiment, arm, rulebook,
 * version}}. Nulls are written, never left out: {@code situation}, {@code script} and {@code nextAction} are
 * {@code null} when there is none, {@code strategy} when the strategy is not in an experiment, a {@code rule} is {@code null} when no rule produced the entry.
 * Lists are always present, empty when there is nothing in them.
 *
 * <p>{@code Assessment} is annotated with {@code @JsonSerialize(using = AssessmentJson.Serializer.class)}, so
 * {@code new ObjectMapper().writeValueAsString(assessment)} gives the same text as {@link #write}, whatever naming
 * strategy or null inclusion the mapper is configured with.
 */
public final class AssessmentJson {

    private AssessmentJson() {
    }

    /**
     * Writes one assessment as a JSON object at the generator's current position (a root value, an array element or
     * the value of a field already named).
     *
     * @param g the generator
     * @param a the assessment
     * @throws IOException when the generator cannot write
     */
    public static void write(JsonGenerator g, Assessment a) throws IOException {
        g.writeStartObject();
        writeFields(g, a);
        g.writeEndObject();
    }

    private static void writeFields(JsonGenerator g, Assessment a) throws IOException {
        writeFields(g, a, Fields.ALL);
    }

    /**
     * Writes one assessment with only some of its fields, in the contract's order whatever the order they were named
     * in: {@code fields} from {@link Fields#of}. With {@link Fields#ALL} it is {@link #write(JsonGenerator, Assessment)}.
     *
     * @param g      the generator
     * @param a      the assessment
     * @param fields the fields to write
     * @throws IOException when the generator cannot write
     */
    public static void write(JsonGenerator g, Assessment a, Fields fields) throws IOException {
        if (fields == null) {
            throw new IllegalArgumentException("fields must not be null; Fields.ALL writes every field");
        }
        g.writeStartObject();
        writeFields(g, a, fields);
        g.writeEndObject();
    }

    // Field names encoded once (Jackson then copies their quoted bytes or chars).
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString DEBTOR_TYPE = new SerializedString("debtorType");
    private static final SerializedString SITUATION = new SerializedString("situation");
    private static final SerializedString SCRIPT = new SerializedString("script");
    private static final SerializedString LOCALE = new SerializedString("locale");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString VERIFY = new SerializedString("verify");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString DO = new SerializedString("do");
    private static final SerializedString AVOID = new SerializedString("avoid");
    private static final SerializedString ESCALATION = new SerializedString("escalation");
    private static final SerializedString STEP = new SerializedString("step");
    private static final SerializedString IN_DAYS = new SerializedString("inDays");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString WARNINGS = new SerializedString("warnings");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString BLOCKED = new SerializedString("blocked");
    private static final SerializedString FIRED_RULES = new SerializedString("firedRules");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString RULEBOOK = new SerializedString("rulebook");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString POINTS = new SerializedString("points");
    private static final SerializedString CUE = new SerializedString("cue");
    private static final SerializedString NEXT_ACTION = new SerializedString("nextAction");
    private static final SerializedString ON = new SerializedString("on");
    private static final SerializedString STRATEGY = new SerializedString("strategy");
    private static final SerializedString EXPERIMENT = new SerializedString("experiment");
    private static final SerializedString ARM = new SerializedString("arm");

    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void writeFields(JsonGenerator g, Assessment a, Fields f) throws IOException {
        if (f.has(Fields.ID)) {
            string(g, ID, a.id());
        }
        if (f.has(Fields.DEBTOR_TYPE)) {
            string(g, DEBTOR_TYPE, a.debtorType());
        }
        if (f.has(Fields.SITUATION)) {
            string(g, SITUATION, a.situation());
        }
        if (f.hasAny(Fields.SCRIPT_ANY)) {
            g.writeFieldName(SCRIPT);
            Script s = a.script();
            if (s == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                if (f.has(Fields.SCRIPT_ID)) {
                    string(g, ID, s.id());
                }
                if (f.has(Fields.SCRIPT_LOCALE)) {
                    string(g, LOCALE, s.locale());
                }
                if (f.has(Fields.SCRIPT_TITLE)) {
                    string(g, TITLE, s.title());
                }
                if (f.has(Fields.SCRIPT_VERIFY)) {
                    string(g, VERIFY, s.verify());
                }
                if (f.has(Fields.SCRIPT_TEXT)) {
                    string(g, TEXT, s.text());
                }
                if (f.has(Fields.SCRIPT_DO)) {
                    writeStrings(g, DO, s.doPoints());
                }
                if (f.has(Fields.SCRIPT_AVOID)) {
                    writeStrings(g, AVOID, s.avoid());
                }
                g.writeEndObject();
            }
        }
        if (f.has(Fields.ESCALATION)) {
            g.writeFieldName(ESCALATION);
            g.writeStartArray();
            for (EscalationStep e : a.escalation()) {
                g.writeStartObject();
                string(g, STEP, e.step());
                g.writeFieldName(IN_DAYS);
                g.writeNumber(e.inDays());
                string(g, REASON, e.reason());
                string(g, RULE, e.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.has(Fields.WARNINGS)) {
            g.writeFieldName(WARNINGS);
            g.writeStartArray();
            for (Warning w : a.warnings()) {
                g.writeStartObject();
                string(g, CODE, w.code());
                string(g, MESSAGE, w.message());
                string(g, RULE, w.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.has(Fields.BLOCKED)) {
            g.writeFieldName(BLOCKED);
            g.writeStartArray();
            for (BlockedStep b : a.blocked()) {
                g.writeStartObject();
                string(g, STEP, b.step());
                string(g, REASON, b.reason());
                string(g, RULE, b.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.has(Fields.FIRED_RULES)) {
            g.writeFieldName(FIRED_RULES);
            g.writeStartArray();
            for (FiredRule r : a.firedRules()) {
                g.writeStartObject();
                string(g, ID, r.id());
                string(g, NAME, r.name());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.hasAny(Fields.RULEBOOK_ANY)) {
            g.writeFieldName(RULEBOOK);
            if (a.rulebook() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                if (f.has(Fields.RULEBOOK_NAME)) {
                    string(g, NAME, a.rulebook().name());
                }
                if (f.has(Fields.RULEBOOK_VERSION)) {
                    string(g, VERSION, a.rulebook().version());
                }
                g.writeEndObject();
            }
        }
        if (f.has(Fields.EVIDENCE)) {
            g.writeFieldName(EVIDENCE);
            g.writeStartArray();
            for (Evidence e : a.evidence()) {
                g.writeStartObject();
                string(g, TYPE, e.type());
                g.writeFieldName(POINTS);
                g.writeNumber(e.points());
                string(g, CUE, e.cue());
                string(g, RULE, e.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.hasAny(Fields.NEXT_ACTION_ANY)) {
            g.writeFieldName(NEXT_ACTION);
            NextAction next = a.nextAction();
            if (next == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                if (f.has(Fields.NEXT_ACTION_STEP)) {
                    string(g, STEP, next.step());
                }
                if (f.has(Fields.NEXT_ACTION_ON)) {
                    string(g, ON, next.on().toString());
                }
                if (f.has(Fields.NEXT_ACTION_REASON)) {
                    string(g, REASON, next.reason());
                }
                if (f.has(Fields.NEXT_ACTION_RULE)) {
                    string(g, RULE, next.rule());
                }
                g.writeEndObject();
            }
        }
        if (f.hasAny(Fields.STRATEGY_ANY)) {
            g.writeFieldName(STRATEGY);
            StrategyInfo strategy = a.strategy();
            if (strategy == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                if (f.has(Fields.STRATEGY_EXPERIMENT)) {
                    string(g, EXPERIMENT, strategy.experiment());
                }
                if (f.has(Fields.STRATEGY_ARM)) {
                    string(g, ARM, strategy.arm());
                }
                if (f.has(Fields.STRATEGY_RULEBOOK)) {
                    string(g, RULEBOOK, strategy.rulebook());
                }
                if (f.has(Fields.STRATEGY_VERSION)) {
                    string(g, VERSION, strategy.version());
                }
                g.writeEndObject();
            }
        }
        // An optional list added to the assessment is written here, after the fields above, with its own
        // entry in Fields.NAMES (and, when it is optional, only when it is not empty).
    }

    private static void writeStrings(JsonGenerator g, SerializedString field, List<String> values) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /**
     * Which fields of an assessment {@link #write(JsonGenerator, Assessment, Fields)} writes: top-level names
     * ({@code escalation}, {@code script}) and dotted paths into the objects ({@code script.id},
     * {@code rulebook.version}); a name of an object stands for all of it. Lists are written whole. Immutable.
     */
    public static final class Fields {

        /**
         * Every name {@link #of} accepts, in the order they are written (the data contract's): each top-level
         * field, then, after an object, its dotted fields.
         */
        public static final List<String> NAMES = List.of("id", "debtorType", "situation", "script", "script.id",
                "script.locale", "script.title", "script.verify", "script.text", "script.do", "script.avoid",
                "escalation", "warnings", "blocked", "firedRules", "rulebook", "rulebook.name", "rulebook.version",
                "evidence", "nextAction", "nextAction.step", "nextAction.on", "nextAction.reason", "nextAction.rule",
                "strategy", "strategy.experiment", "strategy.arm", "strategy.rulebook", "strategy.version");

        static final int ID = bit("id");
        static final int DEBTOR_TYPE = bit("debtorType");
        static final int SITUATION = bit("situation");
        static final int SCRIPT_ID = bit("script.id");
        static final int SCRIPT_LOCALE = bit("script.locale");
        static final int SCRIPT_TITLE = bit("script.title");
        static final int SCRIPT_VERIFY = bit("script.verify");
        static final int SCRIPT_TEXT = bit("script.text");
        static final int SCRIPT_DO = bit("script.do");
        static final int SCRIPT_AVOID = bit("script.avoid");
        static final int SCRIPT_ANY = SCRIPT_ID | SCRIPT_LOCALE | SCRIPT_TITLE | SCRIPT_VERIFY | SCRIPT_TEXT | SCRIPT_DO
                | SCRIPT_AVOID;
        static final int ESCALATION = bit("escalation");
        static final int WARNINGS = bit("warnings");
        static final int BLOCKED = bit("blocked");
        static final int FIRED_RULES = bit("firedRules");
        static final int RULEBOOK_NAME = bit("rulebook.name");
        static final int RULEBOOK_VERSION = bit("rulebook.version");
        static final int RULEBOOK_ANY = RULEBOOK_NAME | RULEBOOK_VERSION;
        static final int EVIDENCE = bit("evidence");
        static final int NEXT_ACTION_STEP = bit("nextAction.step");
        static final int NEXT_ACTION_ON = bit("nextAction.on");
        static final int NEXT_ACTION_REASON = bit("nextAction.reason");
        static final int NEXT_ACTION_RULE = bit("nextAction.rule");
        static final int NEXT_ACTION_ANY = NEXT_ACTION_STEP | NEXT_ACTION_ON | NEXT_ACTION_REASON | NEXT_ACTION_RULE;
        static final int STRATEGY_EXPERIMENT = bit("strategy.experiment");
        static final int STRATEGY_ARM = bit("strategy.arm");
        static final int STRATEGY_RULEBOOK = bit("strategy.rulebook");
        static final int STRATEGY_VERSION = bit("strategy.version");
        static final int STRATEGY_ANY = STRATEGY_EXPERIMENT | STRATEGY_ARM | STRATEGY_RULEBOOK | STRATEGY_VERSION;

        /** Every field: the contract's whole record. */
        public static final Fields ALL = new Fields(-1, NAMES);

        private final int mask;
        private final List<String> names;

        private Fields(int mask, List<String> names) {
            this.mask = mask;
            this.names = names;
        }

        private static int bit(String name) {
            return 1 << NAMES.indexOf(name);
        }

        /** The bits of a name: its own, and for an object those of all its dotted fields. */
        private static int bits(String name) {
            int own = NAMES.indexOf(name);
            if (own < 0) {
                return 0;
            }
            int bits = 1 << own;
            for (int i = own + 1; i < NAMES.size() && NAMES.get(i).startsWith(name + "."); i++) {
                bits |= 1 << i;
            }
            return bits;
        }

        /**
         * @param names the fields to write, each one of {@link #NAMES}; their order does not matter, a name given
         *              twice counts once
         * @return the selection
         * @throws IllegalArgumentException naming every unknown field and listing the known ones, or when no field is
         *                                  named
         */
        public static Fields of(Collection<String> names) {
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("name at least one field; the fields are " + NAMES);
            }
            int mask = 0;
            List<String> unknown = new ArrayList<>();
            Set<String> given = new LinkedHashSet<>();
            for (String name : names) {
                String n = name == null ? "" : name.trim();
                int bits = bits(n);
                if (bits == 0) {
                    unknown.add("\"" + n + "\"");
                } else {
                    mask |= bits;
                    given.add(n);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException((unknown.size() == 1 ? "unknown field " : "unknown fields ")
                        + String.join(", ", unknown) + "; the fields are " + NAMES);
            }
            return new Fields(mask, List.copyOf(given));
        }

        /** @return the names as given (each once), or {@link #NAMES} for {@link #ALL} */
        public List<String> names() {
            return names;
        }

        /**
         * @param name one of {@link #NAMES}
         * @return true when that field, or a part of it, is written
         */
        public boolean includes(String name) {
            return (mask & bits(name)) != 0;
        }

        boolean has(int bit) {
            return (mask & bit) != 0;
        }

        boolean hasAny(int bits) {
            return (mask & bits) != 0;
        }

        @Override
        public String toString() {
            return "Fields" + names;
        }
    }

    /**
     * The Jackson serializer of {@link Assessment}: {@link AssessmentJson#write}, so that every {@code ObjectMapper}
     * gives the contract's shape. Registered on {@code Assessment} with {@code @JsonSerialize}; nothing to configure.
     */
    public static final class Serializer extends StdSerializer<Assessment> {

        private static final long serialVersionUID = 1L;

        /** Jackson creates it from the annotation. */
        public Serializer() {
            super(Assessment.class);
        }

        @Override
        public void serialize(Assessment value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(gen, value);
        }

        /** With polymorphic typing enabled on the mapper: the type id around the same fields. */
        @Override
        public void serializeWithType(Assessment value, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer typeSer) throws IOException {
            WritableTypeId typeId = typeSer.writeTypePrefix(gen, typeSer.typeId(value, JsonToken.START_OBJECT));
            writeFields(gen, value);
            typeSer.writeTypeSuffix(gen, typeId);
        }
    }
}
