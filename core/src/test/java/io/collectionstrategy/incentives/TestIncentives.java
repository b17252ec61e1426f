package io.collectionstrategy.incentives;

import io.collectionstrategy.Rulebook;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small incentive rulebooks for the engine's own tests; the default incentive policy is tested in the rules module. */
public final class TestIncentives {

    public static final String HEADER = """
            package test;
            import io.collectionstrategy.incentives.Category;
            import io.collectionstrategy.incentives.SettlementPeriod;
            import io.collectionstrategy.incentives.facts.Basis;
            import io.collectionstrategy.incentives.facts.Settlement;
            global io.collectionstrategy.incentives.facts.IncentiveOutcome outcome;
            """;

    public static final String RULES = HEADER + """

            // Two rules of half a percent each: the engine adds them before it rounds.
            rule "Recoverable: half a percent of what was recovered"
                @id("T-1")
            when
                Settlement( receivable.category == Category.RECOVERABLE )
            then
                outcome.reward( Basis.RECOVERED, 0.5 );
            end

            // The second half percent.
            rule "Recoverable: another half percent of what was recovered"
                @id("T-2")
            when
                Settlement( receivable.category == Category.RECOVERABLE )
            then
                outcome.reward( Basis.RECOVERED, 0.5 );
            end

            // Penalties at the final settlement only.
            rule "Final settlement: 1% of what is unrecovered"
                @id("T-3")
            when
                Settlement( period == SettlementPeriod.FINAL, unrecovered > 0 )
            then
                outcome.penalty( Basis.UNRECOVERED, 1 );
            end

            // A short contract receivable freezes its unit's expense claims.
            rule "A short contract receivable freezes its unit"
                @id("T-4")
            when
                Settlement( receivable.category == Category.CONTRACT_NORMAL, shortfall > 0 )
            then
                outcome.freezeExpenses( "contract receivable short" );
            end

            // Deposits get a note and nothing else.
            rule "Deposits earn and cost nothing"
                @id("T-5")
            when
                Settlement( receivable.category == Category.DEPOSIT )
            then
                outcome.note( "deposit: nothing" );
            end
            """;

    private TestIncentives() {
    }

    /** @return the texts of a language, with a text for the rules T-1 to T-5 */
    public static String texts(String locale) {
        StringBuilder sb = new StringBuilder("locale: " + locale + "\nlabels:\n");
        for (String label : IncentiveTexts.LABELS) {
            String text = switch (label) {
                case "colon" -> locale.startsWith("zh") ? "：" : ": ";
                case "comma" -> locale.startsWith("zh") ? "，" : ", ";
                case "title" -> locale.startsWith("zh") ? "结算单" : "Statement";
                case "frozen" -> locale.startsWith("zh") ? "暂停" : "frozen";
                default -> label.toUpperCase(java.util.Locale.ROOT);
            };
            sb.append("  ").append(label).append(": \"").append(text).append("\"\n");
        }
        sb.append("periods:\n  INTERIM: \"interim\"\n  FINAL: \"final\"\ncategories:\n");
        for (Category c : Category.values()) {
            sb.append("  ").append(c.name()).append(": \"").append(c.name().toLowerCase(java.util.Locale.ROOT)).append("\"\n");
        }
        sb.append("bases:\n  RECOVERED: \"recovered\"\n  OFFSET_OR_RESTRUCTURED: \"offset\"\n  UNRECOVERED: \"unrecovered\"\n"
                + "  SHORTFALL: \"shortfall\"\nrules:\n");
        for (int i = 1; i <= 5; i++) {
            sb.append("  T-").append(i).append(": \"").append(locale.startsWith("zh") ? "规则 " : "rule ").append(i)
                    .append("\"\n");
        }
        return sb.toString();
    }

    /** @return the test rulebook: {@link #RULES}, texts in en and zh-CN, kind incentives */
    public static Rulebook basic() {
        return with("rules/test.drl", RULES);
    }

    /** @return the basic rulebook's settings and texts with one DRL file */
    public static Rulebook with(String path, String drl) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rulebook.yaml", "name: test-incentives\nkind: incentives\n");
        files.put("texts/en.yaml", texts("en"));
        files.put("texts/zh-CN.yaml", texts("zh-CN"));
        files.put(path, drl);
        return Rulebook.of("test-incentives", files);
    }

    /** @return the test policy, statements in English */
    public static IncentivePolicy policy() {
        return IncentivePolicy.builder().rulebook(basic()).locale(java.util.Locale.ENGLISH).build();
    }

    /** @return a receivable builder with unit, owner and category filled in */
    public static Receivable.Builder receivable(String id, String unit, Category category) {
        return Receivable.builder(id).unit(unit).owner("Owner of " + id).category(category);
    }
}
