package io.collectionstrategy.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.List;

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
        g.writeStringField("id", a.id());
        g.writeStringField("debtorType", a.debtorType());
        g.writeStringField("situation", a.situation());
        g.writeFieldName("script");
        Script s = a.script();
        if (s == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("locale", s.locale());
            g.writeStringField("title", s.title());
            g.writeStringField("verify", s.verify());
            g.writeStringField("text", s.text());
            writeStrings(g, "do", s.doPoints());
            writeStrings(g, "avoid", s.avoid());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("escalation");
        for (EscalationStep e : a.escalation()) {
            g.writeStartObject();
            g.writeStringField("step", e.step());
            g.writeNumberField("inDays", e.inDays());
            g.writeStringField("reason", e.reason());
            g.writeStringField("rule", e.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        for (Warning w : a.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", w.code());
            g.writeStringField("message", w.message());
            g.writeStringField("rule", w.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("blocked");
        for (BlockedStep b : a.blocked()) {
            g.writeStartObject();
            g.writeStringField("step", b.step());
            g.writeStringField("reason", b.reason());
            g.writeStringField("rule", b.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("firedRules");
        for (FiredRule r : a.firedRules()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("name", r.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("rulebook");
        if (a.rulebook() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("name", a.rulebook().name());
            g.writeStringField("version", a.rulebook().version());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence e : a.evidence()) {
            g.writeStartObject();
            g.writeStringField("type", e.type());
            g.writeNumberField("points", e.points());
            g.writeStringField("cue", e.cue());
            g.writeStringField("rule", e.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("nextAction");
        NextAction next = a.nextAction();
        if (next == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("step", next.step());
            g.writeStringField("on", next.on().toString());
            g.writeStringField("reason", next.reason());
            g.writeStringField("rule", next.rule());
            g.writeEndObject();
        }
        g.writeFieldName("strategy");
        StrategyInfo strategy = a.strategy();
        if (strategy == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("experiment", strategy.experiment());
            g.writeStringField("arm", strategy.arm());
            g.writeStringField("rulebook", strategy.rulebook());
            g.writeStringField("version", strategy.version());
            g.writeEndObject();
        }
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
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
