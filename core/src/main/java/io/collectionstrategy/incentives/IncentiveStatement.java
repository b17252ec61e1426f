package io.collectionstrategy.incentives;

import io.collectionstrategy.RulebookInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes business units' statements of one settlement, in one language, as Markdown: a header with the unit's
 * totals and expense freeze, one table row per receivable with the rules behind its figures, and a footer with the
 * totals per person responsible. Made by {@link IncentivePolicy#statements}; immutable and thread-safe.
 *
 * <p>For a stream of receivables: {@link #header} once per unit (its totals come from a first pass, see
 * {@link IncentiveTotals}), {@link #line} for each of its receivables as they come, {@link #footer} at the end.
 * {@link #render} does all three for receivables in memory.
 */
public final class IncentiveStatement {

    private final IncentiveTexts.Catalogue texts;
    private final SettlementPeriod period;
    private final int year;
    private final LocalDate date;
    private final RulebookInfo rulebook;

    IncentiveStatement(IncentiveTexts.Catalogue texts, SettlementPeriod period, int year, LocalDate date,
                       RulebookInfo rulebook) {
        this.texts = texts;
        this.period = period;
        this.year = year;
        this.date = date;
        this.rulebook = rulebook;
    }

    /** @return the language of the statements, e.g. {@code zh-CN} */
    public String locale() {
        return texts.locale();
    }

    /**
     * A unit's whole statement.
     *
     * @param unit    the unit's totals
     * @param results its receivables' results, in the order they should be listed
     * @return the statement
     */
    public String render(UnitTotals unit, List<IncentiveResult> results) {
        StringBuilder sb = new StringBuilder(header(unit));
        for (IncentiveResult r : results) {
            sb.append(line(r));
        }
        return sb.append(footer(unit)).toString();
    }

    /**
     * @param unit the unit's totals over all its receivables of the settlement
     * @return the statement's beginning, up to the header of the table of receivables
     */
    public String header(UnitTotals unit) {
        String colon = label("colon");
        String comma = label("comma");
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(label("title")).append(colon).append(unit.unit()).append("\n\n");
        sb.append("- ").append(label("settlement")).append(colon).append(texts.periods().get(period)).append(' ')
                .append(year).append('\n');
        sb.append("- ").append(label("date")).append(colon).append(date).append('\n');
        sb.append("- ").append(label("rulebook")).append(colon).append(rulebook.name()).append(" (")
                .append(rulebook.version()).append(")\n");
        sb.append("- ").append(label("expenses")).append(colon).append("**")
                .append(unit.expenseFreeze() ? label("frozen") : label("notFrozen")).append("**\n");
        sb.append("- ").append(label("totals")).append(colon).append(label("receivables")).append(' ')
                .append(unit.receivables()).append(comma).append(label("reward")).append(' ').append(money(unit.reward()))
                .append(comma).append(label("penalty")).append(' ').append(money(unit.penalty())).append(comma)
                .append(label("net")).append(' ').append(money(unit.net())).append('\n');
        if (unit.expenseFreeze()) {
            sb.append("\n## ").append(label("frozenBy")).append("\n\n");
            for (UnitTotals.Freezing f : unit.freezing()) {
                sb.append("- ").append(f.receivable()).append(" (").append(f.rule()).append(")").append(label("colon"))
                        .append(texts.rule(f.rule(), f.reason())).append('\n');
            }
        }
        sb.append("\n## ").append(label("receivables")).append("\n\n");
        sb.append("| ").append(label("receivable")).append(" | ").append(label("owner")).append(" | ")
                .append(label("category")).append(" | ").append(label("reward")).append(" | ").append(label("penalty"))
                .append(" | ").append(label("net")).append(" | ").append(label("details")).append(" |\n");
        sb.append("|---|---|---|---:|---:|---:|---|\n");
        return sb.toString();
    }

    /**
     * @param r one receivable's result
     * @return its row of the table
     */
    public String line(IncentiveResult r) {
        List<String> details = new ArrayList<>();
        for (IncentiveLine l : r.breakdown()) {
            if (l.type() == IncentiveLine.Type.REWARD_PAID) {
                details.add("− " + label("rewardPaid") + " " + money(l.base()));
            } else {
                details.add(l.rule() + " " + label(l.type() == IncentiveLine.Type.REWARD ? "reward" : "penalty") + " "
                        + l.percent().toPlainString() + "% × " + texts.bases().get(l.basis()) + " " + money(l.base())
                        + " = " + exact(l.amount()));
            }
        }
        for (RuleNote n : r.notes()) {
            details.add(n.rule() + " " + texts.rule(n.rule(), n.text()));
        }
        return "| " + cell(r.id()) + " | " + cell(r.owner()) + " | " + cell(texts.categories().get(r.category()))
                + " | " + money(r.reward()) + " | " + money(r.penalty()) + " | " + money(r.net()) + " | "
                + cell(String.join("; ", details)) + " |\n";
    }

    /**
     * @param unit the unit's totals
     * @return the statement's end: the totals per person responsible within the unit
     */
    public String footer(UnitTotals unit) {
        StringBuilder sb = new StringBuilder("\n## ").append(label("byOwner")).append("\n\n");
        sb.append("| ").append(label("owner")).append(" | ").append(label("receivables")).append(" | ")
                .append(label("reward")).append(" | ").append(label("penalty")).append(" | ").append(label("net"))
                .append(" |\n|---|---:|---:|---:|---:|\n");
        for (OwnerTotals o : unit.owners()) {
            sb.append("| ").append(cell(o.owner())).append(" | ").append(o.receivables()).append(" | ")
                    .append(money(o.reward())).append(" | ").append(money(o.penalty())).append(" | ")
                    .append(money(o.net())).append(" |\n");
        }
        return sb.toString();
    }

    private String label(String key) {
        return texts.label(key);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** {@code 12,000.00}: grouped, two decimals. */
    static String money(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** An exact amount, grouped, with at least two decimals: {@code 600.00}, {@code 112.5375}. */
    static String exact(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
        return f.format(amount);
    }
}
