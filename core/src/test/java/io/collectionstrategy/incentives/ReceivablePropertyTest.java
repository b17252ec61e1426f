package io.collectionstrategy.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of reading receivables from user-fed fields. */
class ReceivablePropertyTest {

    private static final String[] FIELDS = Receivable.FIELDS.toArray(String[]::new);

    /** Any text, number, boolean or null a CSV cell or JSON value could hold. */
    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.integers(),
                Arbitraries.bigDecimals().ofScale(3), Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.of(Category.values()).map(Category::name), Arbitraries.just(null),
                Arbitraries.of("1e3", "-0", "NaN", " 12.50 ", "true", "", "01"));
    }

    @Provide
    Arbitrary<Map<String, Object>> rows() {
        return Arbitraries.maps(Arbitraries.of(FIELDS).injectDuplicates(0.0), values()).ofMaxSize(FIELDS.length);
    }

    @Property(tries = 1000)
    void fromFields_anyFields_receivableOrAnErrorNamingAKnownField(@ForAll("rows") Map<String, Object> fields) {
        try {
            Receivable r = Receivable.fromFields(fields);
            assertThat(r.amountDue().signum()).isNotNegative();
            assertThat(r.recovered().signum()).isNotNegative();
            assertThat(r.id()).isNotBlank();
        } catch (InvalidReceivableException e) {
            assertThat(Receivable.FIELDS).contains(e.field());
            assertThat(e.getMessage()).startsWith(e.field() + " ");
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000000")).ofScale(2);
    }

    @Property(tries = 500)
    void fromFields_validAmountsAsText_readExactly(@ForAll("amounts") BigDecimal due, @ForAll("amounts") BigDecimal got,
                                                   @ForAll("categories") Category category) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "R-1");
        fields.put("unit", "U");
        fields.put("owner", "O");
        fields.put("category", category.name());
        fields.put("amountDue", due.toPlainString());
        fields.put("recovered", got);

        Receivable r = Receivable.fromFields(fields);

        assertThat(r.amountDue()).isEqualTo(due);
        assertThat(r.recovered()).isEqualTo(got);
        assertThat(r.category()).isEqualTo(category);
    }

    @Provide
    Arbitrary<Category> categories() {
        return Arbitraries.of(Category.values());
    }

    @Property(tries = 300)
    void settlementOf_anyAmounts_openAmountsNeverNegative(@ForAll("amounts") BigDecimal due,
                                                          @ForAll("amounts") BigDecimal got,
                                                          @ForAll("amounts") BigDecimal offset) {
        Receivable r = Receivable.builder("R").unit("U").owner("O").category(Category.DISPUTED)
                .amountDue(due.toPlainString()).recovered(got.toPlainString())
                .offsetOrRestructured(offset.toPlainString()).build();

        var s = io.collectionstrategy.incentives.facts.Settlement.of(r, SettlementPeriod.FINAL, 2026);

        assertThat(s.unrecovered()).isEqualByComparingTo(due.subtract(got).subtract(offset).max(BigDecimal.ZERO));
        assertThat(s.shortfall()).isEqualByComparingTo(due.subtract(got).max(BigDecimal.ZERO));
    }
}
