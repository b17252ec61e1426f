package io.collectionstrategy.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.FiredRule;
import io.collectionstrategy.incentives.IncentiveLine;
import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.OwnerTotals;
import io.collectionstrategy.incentives.RuleNote;
import io.collectionstrategy.incentives.UnitTotals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the incentive policy's results and totals as JSON with Jackson's streaming API, in the shape of the data
 * contract ({@code docs/contract.md}, {@code docs/schema/incentive.schema.json}). Amounts are JSON numbers written
 * exactly as their decimal value ({@code 617.28}, never in exponent form); nulls are written, lists are always
 * present.
 *
 * <ul>
 *   <li>a result: {@code id, unit, owner, category, period, year, reward, penalty, net, expenseFreeze,
 *       freezesExpenses, freezeReasons [{rule, text}], breakdown [{type, basis, base, percent, amount, rule}],
 *       notes [{rule, text}], firedRules [{id, name}], rulebook {name, version}};</li>
 *   <li>a unit's totals: {@code unit, receivables, reward, penalty, net, expenseFreeze,
 *       freezing [{receivable, rule, reason}]};</li>
 *   <li>a person's totals: {@code owner, receivables, reward, penalty, net}.</li>
 * </ul>
 */
public final class IncentiveJson {

    private IncentiveJson() {
    }

    /**
     * Writes one receivable's result as a JSON object at the generator's current position.
     *
     * @param g the generator
     * @param r the result
     * @throws IOException when the generator cannot write
     */
    public static void write(JsonGenerator g, IncentiveResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("unit", r.unit());
        g.writeStringField("owner", r.owner());
        g.writeStringField("category", r.category().name());
        g.writeStringField("period", r.period().label());
        g.writeNumberField("year", r.year());
        amount(g, "reward", r.reward());
        amount(g, "penalty", r.penalty());
        amount(g, "net", r.net());
        g.writeBooleanField("expenseFreeze", r.expenseFreeze());
        g.writeBooleanField("freezesExpenses", r.freezesExpenses());
        notes(g, "freezeReasons", r.freezeReasons());
        g.writeArrayFieldStart("breakdown");
        for (IncentiveLine l : r.breakdown()) {
            g.writeStartObject();
            g.writeStringField("type", l.type().name());
            g.writeStringField("basis", l.basis() == null ? null : l.basis().name());
            amount(g, "base", l.base());
            g.writeFieldName("percent");
            if (l.percent() == null) {
                g.writeNull();
            } else {
                g.writeNumber(l.percent().toPlainString());
            }
            amount(g, "amount", l.amount());
            g.writeStringField("rule", l.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        notes(g, "notes", r.notes());
        g.writeArrayFieldStart("firedRules");
        for (FiredRule f : r.firedRules()) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("name", f.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("rulebook");
        g.writeStringField("name", r.rulebook().name());
        g.writeStringField("version", r.rulebook().version());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Writes one business unit's totals as a JSON object.
     *
     * @param g the generator
     * @param u the totals
     * @throws IOException when the generator cannot write
     */
    public static void write(JsonGenerator g, UnitTotals u) throws IOException {
        g.writeStartObject();
        g.writeStringField("unit", u.unit());
        g.writeNumberField("receivables", u.receivables());
        amount(g, "reward", u.reward());
        amount(g, "penalty", u.penalty());
        amount(g, "net", u.net());
        g.writeBooleanField("expenseFreeze", u.expenseFreeze());
        g.writeArrayFieldStart("freezing");
        for (UnitTotals.Freezing f : u.freezing()) {
            g.writeStartObject();
            g.writeStringField("receivable", f.receivable());
            g.writeStringField("rule", f.rule());
            g.writeStringField("reason", f.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Writes one person's totals as a JSON object.
     *
     * @param g the generator
     * @param o the totals
     * @throws IOException when the generator cannot write
     */
    public static void write(JsonGenerator g, OwnerTotals o) throws IOException {
        g.writeStartObject();
        g.writeStringField("owner", o.owner());
        g.writeNumberField("receivables", o.receivables());
        amount(g, "reward", o.reward());
        amount(g, "penalty", o.penalty());
        amount(g, "net", o.net());
        g.writeEndObject();
    }

    private static void amount(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(value.toPlainString());
    }

    private static void notes(JsonGenerator g, String field, List<RuleNote> notes) throws IOException {
        g.writeArrayFieldStart(field);
        for (RuleNote n : notes) {
            g.writeStartObject();
            g.writeStringField("rule", n.rule());
            g.writeStringField("text", n.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
