package io.collectionstrategy.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a receivable from fields: defaults, and an error naming field, value and expectation for each bad value. */
class ReceivableTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "R-1");
        fields.put("unit", "East");
        fields.put("owner", "Li Na");
        fields.put("category", "DISPUTED");
        fields.put("amountDue", "1000.00");
        fields.put("recovered", "250.50");
        return fields;
    }

    @Test
    void fromFields_requiredOnly_defaultsTheRest() {
        Receivable r = Receivable.fromFields(minimal());

        assertThat(r.category()).isEqualTo(Category.DISPUTED);
        assertThat(r.amountDue()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(r.recovered()).isEqualTo(new BigDecimal("250.50"));
        assertThat(r.offsetOrRestructured()).isEqualByComparingTo("0");
        assertThat(r.rewardPaid()).isEqualByComparingTo("0");
        assertThat(r.ageDays()).isZero();
        assertThat(r.writeOffEligible()).isFalse();
        assertThat(r.writtenOff()).isFalse();
        assertThat(r.termEnded()).isFalse();
    }

    @Test
    void fromFields_jsonValues_readExactly() {
        Map<String, Object> fields = minimal();
        fields.put("amountDue", new BigDecimal("80000.10"));
        fields.put("recovered", 12);
        fields.put("ageDays", 400);
        fields.put("writeOffEligible", true);
        fields.put("termEnded", "TRUE");
        fields.put("unit", "  East ");
        fields.put("rewardPaid", null);

        Receivable r = Receivable.fromFields(fields);

        assertThat(r.amountDue()).isEqualTo(new BigDecimal("80000.10"));
        assertThat(r.recovered()).isEqualByComparingTo("12");
        assertThat(r.ageDays()).isEqualTo(400);
        assertThat(r.writeOffEligible()).isTrue();
        assertThat(r.termEnded()).isTrue();
        assertThat(r.unit()).isEqualTo("East");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "id;'';id is required",
        "unit;' ';unit is required",
        "owner;'';owner is required",
        "category;LOST;category must be one of [BANKRUPTCY, JUDGMENT_UNENFORCEABLE, DISPUTED, DEBTOR_RESTRUCTURED, DEBTOR_MISSING, ABLE_BUT_REFUSING, RECOVERABLE, CONTRACT_NORMAL, DEPOSIT], was \"LOST\"",
        "category;disputed;category must be one of [BANKRUPTCY",
        "amountDue;'';amountDue is required",
        "amountDue;1.000,50;amountDue must be a decimal number of at least 0 such as 1200.50, was \"1.000,50\"",
        "recovered;-0.01;recovered must be a decimal number of at least 0 such as 1200.50, was \"-0.01\"",
        "offsetOrRestructured;x;offsetOrRestructured must be a decimal number of at least 0 such as 1200.50, was \"x\"",
        "rewardPaid;-5;rewardPaid must be a decimal number of at least 0 such as 1200.50, was \"-5\"",
        "ageDays;-1;ageDays must be a whole number between 0 and 36500, was \"-1\"",
        "ageDays;36501;ageDays must be a whole number between 0 and 36500, was \"36501\"",
        "ageDays;1.5;ageDays must be a whole number between 0 and 36500, was \"1.5\"",
        "writtenOff;yes;writtenOff must be true or false, was \"yes\"",
        "termEnded;1;termEnded must be true or false, was \"1\"",
        "region;north;unknown field \"region\"; expected one of [id, unit, owner, category, amountDue, recovered, offsetOrRestructured, ageDays, writeOffEligible, writtenOff, termEnded, rewardPaid]"})
    void fromFields_badValue_errorNamesFieldValueAndExpectation(String field, String value, String message) {
        Map<String, Object> fields = minimal();
        fields.put(field, value);

        InvalidReceivableException e = catchThrowableOfType(InvalidReceivableException.class,
                () -> Receivable.fromFields(fields));

        assertThat(e).as(field + "=" + value).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(message);
    }

    @Test
    void fromFields_writeOffEligibleWithoutAge_ageRequired() {
        Map<String, Object> fields = minimal();
        fields.put("writeOffEligible", "true");

        InvalidReceivableException e = catchThrowableOfType(InvalidReceivableException.class,
                () -> Receivable.fromFields(fields));

        assertThat(e.field()).isEqualTo("ageDays");
        assertThat(e.getMessage()).startsWith("ageDays is required when writeOffEligible is true");
    }

    @Test
    void fromFields_aValueOfTheWrongJsonType_refused() {
        Map<String, Object> fields = minimal();
        fields.put("owner", java.util.List.of("Li"));

        InvalidReceivableException e = catchThrowableOfType(InvalidReceivableException.class,
                () -> Receivable.fromFields(fields));

        assertThat(e.getMessage()).isEqualTo("owner must be text, was [Li]");
    }

    @Test
    void builder_negativeAmount_refusedNamingTheField() {
        InvalidReceivableException e = catchThrowableOfType(InvalidReceivableException.class, () -> Receivable
                .builder("R-1").unit("East").owner("Li").category(Category.DEPOSIT).amountDue("-1").recovered("0").build());

        assertThat(e.field()).isEqualTo("amountDue");
        assertThat(e.getMessage()).isEqualTo("amountDue must be at least 0, was \"-1\"");
    }
}
