package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.RulebookInfo;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.IncentiveRowResult;
import io.collectionstrategy.incentives.IncentiveTotals;
import io.collectionstrategy.incentives.ReceivableRows;
import io.collectionstrategy.incentives.SettlementPeriod;
import io.collectionstrategy.incentives.UnitTotals;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code diff} of two incentive rulebooks over one receivables file and settlement: how many receivables change
 * reward, penalty or net (with sample ids and the totals before and after), and which units' expense freeze changes.
 * Streams: only counts, totals, samples and one entry per unit are kept.
 */
final class IncentiveDiff {

    static final List<String> DIMENSIONS = List.of("reward", "penalty", "net");

    /** One dimension's changes. */
    static final class Changes {
        long changed;
        BigDecimal before = BigDecimal.ZERO.setScale(2);
        BigDecimal after = BigDecimal.ZERO.setScale(2);
        final List<String> samples = new ArrayList<>(DiffCommand.SAMPLES);

        void add(String id, BigDecimal from, BigDecimal to) {
            before = before.add(from);
            after = after.add(to);
            if (from.compareTo(to) != 0) {
                changed++;
                if (samples.size() < DiffCommand.SAMPLES) {
                    samples.add(id + ": " + from.toPlainString() + " -> " + to.toPlainString());
                }
            }
        }
    }

    /** A unit whose expense freeze differs. */
    record FreezeChange(String unit, boolean from, boolean to, int receivables) {
    }

    private record Pair(IncentiveResult base, IncentiveResult cand, String error) {
    }

    private final ReceivableRows base;
    private final ReceivableRows cand;
    private final RulebookInfo baseInfo;
    private final RulebookInfo candInfo;
    private final Map<String, Changes> dims = new LinkedHashMap<>();
    private final IncentiveTotals baseTotals = new IncentiveTotals();
    private final IncentiveTotals candTotals = new IncentiveTotals();
    private final Map<String, Long> errorKinds = new LinkedHashMap<>();
    /** rows, compared, errors, any change. */
    private final long[] counts = new long[4];

    IncentiveDiff(ReceivableRows base, ReceivableRows cand, RulebookInfo baseInfo, RulebookInfo candInfo) {
        this.base = base;
        this.cand = cand;
        this.baseInfo = baseInfo;
        this.candInfo = candInfo;
        DIMENSIONS.forEach(d -> dims.put(d, new Changes()));
    }

    /** Reads every row, settles it with both rulebooks and counts the differences. */
    void run(RowReader reader, int threads, Progress bar) {
        OrderedPipeline.run(reader, this::compare, pair -> {
            counts[0]++;
            bar.step();
            if (pair.error() != null) {
                counts[2]++;
                errorKinds.merge(Summary.kind(pair.error()), 1L, Long::sum);
                return;
            }
            counts[1]++;
            baseTotals.add(pair.base());
            candTotals.add(pair.cand());
            boolean any = false;
            for (String d : DIMENSIONS) {
                Function<IncentiveResult, BigDecimal> value = value(d);
                BigDecimal from = value.apply(pair.base());
                BigDecimal to = value.apply(pair.cand());
                dims.get(d).add(pair.base().id(), from, to);
                any |= from.compareTo(to) != 0;
            }
            if (any) {
                counts[3]++;
            }
        }, Math.max(1, threads), PortfolioRow::textLength);
    }

    private Pair compare(PortfolioRow unparsed) {
        PortfolioRow row = unparsed.parsed();
        if (!row.readable()) {
            return new Pair(null, null, row.malformed());
        }
        IncentiveRowResult a = base.evaluate(row.fields());
        if (!a.ok()) {
            return new Pair(null, null, a.failure().describe());
        }
        IncentiveRowResult b = cand.evaluate(row.fields());
        if (!b.ok()) {
            return new Pair(null, null, b.failure().describe());
        }
        return new Pair(a.result(), b.result(), null);
    }

    private static Function<IncentiveResult, BigDecimal> value(String dimension) {
        return switch (dimension) {
            case "reward" -> IncentiveResult::reward;
            case "penalty" -> IncentiveResult::penalty;
            case "net" -> IncentiveResult::net;
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** @return the units whose expense freeze differs, by unit */
    List<FreezeChange> freezeChanges() {
        List<FreezeChange> out = new ArrayList<>();
        for (UnitTotals u : baseTotals.units()) {
            boolean to = candTotals.frozen(u.unit());
            if (u.expenseFreeze() != to) {
                out.add(new FreezeChange(u.unit(), u.expenseFreeze(), to, u.receivables()));
            }
        }
        return out;
    }

    /** @return the error count */
    long errors() {
        return counts[2];
    }

    void printText(PrintWriter out, String file, String candidate, String baseline, SettlementPeriod period, int year) {
        out.printf("diff of %s (%s %d): candidate %s (%s, %s) against baseline %s (%s, %s)%n", file, period.label(), year,
                candidate, candInfo.name(), candInfo.version(), baseline, baseInfo.name(), baseInfo.version());
        out.printf("rows: %d, compared: %d, errors: %d%n", counts[0], counts[1], counts[2]);
        if (!errorKinds.isEmpty()) {
            out.printf("errors by field: %s%n", errorKinds);
        }
        out.printf("changed: %d receivables (%s)%n", counts[3], percent(counts[3], counts[1]));
        for (Map.Entry<String, Changes> d : dims.entrySet()) {
            Changes c = d.getValue();
            out.printf("%n%s: %d changed (%s), total %s -> %s (%s)%n", d.getKey(), c.changed, percent(c.changed, counts[1]),
                    c.before.toPlainString(), c.after.toPlainString(), signed(c.after.subtract(c.before)));
            for (String s : c.samples) {
                out.printf("  %s%n", s);
            }
        }
        List<FreezeChange> freezes = freezeChanges();
        out.printf("%nexpenseFreeze: %d units changed (%d receivables)%n", freezes.size(),
                freezes.stream().mapToInt(FreezeChange::receivables).sum());
        for (FreezeChange f : freezes) {
            out.printf("  %s: %s -> %s (%d receivables)%n", f.unit(), f.from() ? "frozen" : "not frozen",
                    f.to() ? "frozen" : "not frozen", f.receivables());
        }
    }

    void printJson(PrintWriter out, String file, String candidate, String baseline, SettlementPeriod period, int year)
            throws IOException {
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("period", period.label());
            g.writeNumberField("year", year);
            rulebook(g, "rules", candidate, candInfo);
            rulebook(g, "against", baseline, baseInfo);
            g.writeNumberField("rows", counts[0]);
            g.writeNumberField("compared", counts[1]);
            g.writeNumberField("errors", counts[2]);
            g.writeObjectFieldStart("errorsByField");
            for (Map.Entry<String, Long> e : errorKinds.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("changed");
            g.writeNumberField("any", counts[3]);
            for (Map.Entry<String, Changes> d : dims.entrySet()) {
                g.writeNumberField(d.getKey(), d.getValue().changed);
            }
            g.writeNumberField("expenseFreezeUnits", freezeChanges().size());
            g.writeEndObject();
            g.writeObjectFieldStart("totals");
            for (Map.Entry<String, Changes> d : dims.entrySet()) {
                g.writeObjectFieldStart(d.getKey());
                g.writeFieldName("baseline");
                g.writeNumber(d.getValue().before.toPlainString());
                g.writeFieldName("candidate");
                g.writeNumber(d.getValue().after.toPlainString());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("samples");
            for (Map.Entry<String, Changes> d : dims.entrySet()) {
                g.writeArrayFieldStart(d.getKey());
                for (String s : d.getValue().samples) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("expenseFreeze");
            for (FreezeChange f : freezeChanges()) {
                g.writeStartObject();
                g.writeStringField("unit", f.unit());
                g.writeBooleanField("from", f.from());
                g.writeBooleanField("to", f.to());
                g.writeNumberField("receivables", f.receivables());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private static void rulebook(JsonGenerator g, String field, String source, RulebookInfo info) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("source", source);
        g.writeStringField("name", info.name());
        g.writeStringField("version", info.version());
        g.writeEndObject();
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + amount.toPlainString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
