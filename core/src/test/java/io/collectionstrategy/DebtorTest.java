package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebtorTest {

    @Test
    void build_onlyRequiredFields_appliesContractDefaults() {
        Debtor d = Debtor.builder("C-1").daysOverdue(5).build();

        assertThat(d.amountOverdue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(d.currency()).isEqualTo("CNY");
        assertThat(d.debtorKind()).isEqualTo(DebtorKind.CONSUMER);
        assertThat(d.statedReason()).isEqualTo(StatedReason.NONE);
        assertThat(d.jurisdiction()).isEqualTo(Jurisdiction.CN);
        assertThat(d.behaviours()).isEmpty();
        assertThat(d.effectiveDueDate(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void build_morePromisesBrokenThanMade_namesFieldValueAndLimit() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).promisesMade(2).promisesBroken(3).build())
                .isInstanceOf(InvalidDebtorException.class)
                .hasMessage("promisesBroken must be between 0 and promisesMade (2), was 3")
                .extracting(e -> ((InvalidDebtorException) e).field()).isEqualTo("promisesBroken");
    }

    @Test
    void build_negativeDaysOverdue_namesRange() {
        assertThatThrownBy(() -> Debtor.builder("C-17").daysOverdue(-3).build())
                .hasMessage("daysOverdue must be between 0 and 36500, was -3");
    }

    @Test
    void build_daysOverdueAboveHundredYears_isRejected() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(36_501).build())
                .hasMessage("daysOverdue must be between 0 and 36500, was 36501");
    }

    @Test
    void build_moreContactsReachedThanAttempted_isRejected() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).contactAttempts(1).contactsReached(2).build())
                .hasMessage("contactsReached must be between 0 and contactAttempts (1), was 2");
    }

    @Test
    void build_negativeAmount_isRejected() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).amountOverdue("-0.01").build())
                .hasMessage("amountOverdue must be a decimal number from 0 to 1000000000000000 (10^15) with at most"
                        + " 4 decimal places, was -0.01");
    }

    @Test
    void build_amountAtTheBounds_accepted() {
        assertThat(Debtor.builder("C-1").daysOverdue(1).amountOverdue("1000000000000000").build().amountOverdue())
                .isEqualByComparingTo(Debtor.MAX_AMOUNT);
        assertThat(Debtor.builder("C-1").daysOverdue(1).amountOverdue("999999999999999.9999").build().amountOverdue())
                .isEqualByComparingTo("999999999999999.9999");
        assertThat(Debtor.builder("C-1").daysOverdue(1).amountOverdue("1200.500000").build().amountOverdue())
                .isEqualTo(new BigDecimal("1200.5"));
        assertThat(Debtor.builder("C-1").daysOverdue(1).amountOverdue("0E+99999999").build().amountOverdue()).isZero();
    }

    @Test
    void build_amountBeyondTheBounds_rejectedNamingTheRange() {
        for (String amount : List.of("1000000000000000.0001", "1e99999999", "1e-99999999", "0.00001", "1.23456",
                "-1e99999999", "1E+16")) {
            assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).amountOverdue(amount).build()).as(amount)
                    .isInstanceOf(InvalidDebtorException.class)
                    .hasMessageStartingWith("amountOverdue must be a decimal number from 0 to 1000000000000000 (10^15)"
                            + " with at most 4 decimal places, was ");
        }
    }

    @Test
    void fromFields_hugeExponentAsJsonNumberOrText_rejectedWithTheValueInShortForm() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "amountOverdue", new BigDecimal("1e99999999"))))
                .hasMessageEndingWith("was 1E+99999999")
                .extracting(e -> ((InvalidDebtorException) e).field()).isEqualTo("amountOverdue");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", new BigDecimal("1e99999999"))))
                .hasMessage("daysOverdue must be a whole number, was 1E+99999999");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "amountOverdue", "1".repeat(100_000))))
                .hasMessageContaining("amountOverdue must be a decimal number from 0").hasMessageEndingWith("(100000 characters)");
    }

    @Test
    void build_idTooLongOrWithControlCharacters_rejected() {
        assertThatThrownBy(() -> Debtor.builder("x".repeat(201)).daysOverdue(1).build())
                .hasMessage("id must be at most 200 characters, was 201 characters");
        assertThat(Debtor.builder("x".repeat(200)).daysOverdue(1).build().id()).hasSize(200);
        assertThatThrownBy(() -> Debtor.builder("C-1\nERROR all debts paid").daysOverdue(1).build())
                .hasMessage("id must be text without control characters (line breaks, tabs, escapes), was"
                        + " \"C-1\\nERROR all debts paid\"");
        assertThatThrownBy(() -> Debtor.builder("C-1\u001B[31m").daysOverdue(1).build()).hasMessageContaining("\\u001B[31m")
                .hasMessageNotContaining("\u001B");
    }

    @Test
    void build_nameTooLongOrWithControlCharacters_rejectedWithoutShowingIt() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).name("Wang ".repeat(200_000)).build())
                .hasMessage("name must be at most 500 characters, was 1000000 characters");
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).name("Wang\u001B]0;Fang").build())
                .hasMessageStartingWith("name must be text without control characters").hasMessageNotContaining("Wang");
    }

    @Test
    void build_tooManyContacts_rejectedWithTheCount() {
        Contact c = new Contact(java.time.OffsetDateTime.parse("2026-11-27T10:00:00+08:00"), Channel.CALL, false);

        assertThat(Debtor.builder("C-1").daysOverdue(1).contactHistory(java.util.Collections.nCopies(1000, c)).build()
                .contactHistory()).hasSize(1000);
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).contactHistory(java.util.Collections.nCopies(1001, c)).build())
                .hasMessage("contactHistory must have at most 1000 entries, was 1001 entries");
    }

    @Test
    void fromFields_tooManyItemsInAList_rejectedWithTheCount() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "behaviours", java.util.Collections.nCopies(101, "FRIENDLY"))))
                .hasMessage("behaviours must have at most 100 items, was 101 items");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "circumstances", String.join("|", java.util.Collections.nCopies(101, "VULNERABLE")))))
                .hasMessage("circumstances must have at most 100 items, was 101 items");
        assertThat(Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "behaviours", java.util.Collections.nCopies(100, "FRIENDLY"))).behaviours()).containsExactly(Behaviour.FRIENDLY);
    }

    @Test
    void fromFields_idTrueOrDecimalOrList_rejectedAsNotText() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", true, "daysOverdue", 1)))
                .hasMessage("id must be text, was true")
                .extracting(e -> ((InvalidDebtorException) e).field()).isEqualTo("id");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", new BigDecimal("1.5"), "daysOverdue", 1)))
                .hasMessage("id must be text, was 1.5");
        assertThat(Debtor.fromFields(Map.of("id", 6222020200112345678L, "daysOverdue", 1)).id())
                .isEqualTo("6222020200112345678");
    }

    @Test
    void fromFields_nameOfTheWrongType_neverEchoesIt() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "name", List.of("Wang Fang", "13800138000"))))
                .hasMessage("name must be text, was a list");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1, "name", Map.of("a", "b"))))
                .hasMessage("name must be text, was an object");
    }

    @Test
    void fromFields_longOrPhoneLikeValues_cutAndMasked() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "Wang Fang, 13800138000, Beijing"
                + " Chaoyang district, building 7")))
                .hasMessage("daysOverdue must be a whole number, was \"Wang Fang, ***********, Beijing Chaoyang…\""
                        + " (61 characters)");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1,
                "behaviours", List.of("FRIENDLY", List.of("138 0013 8000")))))
                .hasMessage("behaviours must be one of " + java.util.Arrays.toString(Behaviour.values())
                        + ", was [*** **** ****] (1 item)");
    }

    @Test
    void fromFields_unknownFieldWithALongOrControlName_shownShortAndEscaped() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1, "x\n".repeat(1000), 1)))
                .hasMessageStartingWith("unknown field \"x\\nx\\n").hasMessageContaining("…\" (2000 characters)")
                .hasMessageNotContaining("\n")
                .extracting(e -> ((InvalidDebtorException) e).field().length()).isEqualTo(41);
    }

    @Test
    void build_unknownCurrency_namesExpectation() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).currency("XYZ1").build())
                .hasMessage("currency must be an ISO 4217 code such as CNY, USD or GBP, was \"XYZ1\"");
    }

    @Test
    void build_blankId_isRejected() {
        assertThatThrownBy(() -> Debtor.builder(" ").build()).hasMessage("id must not be blank");
        assertThatThrownBy(() -> Debtor.builder(null).build()).hasMessage("id is required");
    }

    @Test
    void build_interruptionBeforeDueDate_isRejected() {
        assertThatThrownBy(() -> Debtor.builder("C-1").daysOverdue(1).dueDate(LocalDate.of(2026, 5, 1))
                .lastInterruption(LocalDate.of(2026, 4, 1)).build())
                .hasMessage("lastInterruption must be on or after dueDate (2026-05-01), was \"2026-04-01\"");
    }

    @Test
    void toString_withName_neverShowsTheName() {
        Debtor d = Debtor.builder("C-1").name("Zhang Wei").daysOverdue(3).build();

        assertThat(d.toString()).contains("C-1").doesNotContain("Zhang");
    }

    @Test
    void fromFields_csvText_parsesEveryKind() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "C-9");
        row.put("daysOverdue", "27");
        row.put("amountOverdue", "1200.50");
        row.put("behaviours", "AVOIDS_CONTACT|FRIENDLY");
        row.put("circumstances", "");
        row.put("hasGuarantor", "true");
        row.put("dueDate", "2026-11-01");
        row.put("debtorKind", "BUSINESS");
        row.put("contactHistory", "[{\"at\":\"2026-11-27T21:59:00+08:00\",\"channel\":\"CALL\",\"reached\":true}]");

        Debtor d = Debtor.fromFields(row);

        assertThat(d.daysOverdue()).isEqualTo(27);
        assertThat(d.amountOverdue()).isEqualByComparingTo("1200.50");
        assertThat(d.behaviours()).containsExactlyInAnyOrder(Behaviour.AVOIDS_CONTACT, Behaviour.FRIENDLY);
        assertThat(d.circumstances()).isEmpty();
        assertThat(d.hasGuarantor()).isTrue();
        assertThat(d.debtorKind()).isEqualTo(DebtorKind.BUSINESS);
        assertThat(d.contactHistory()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(Channel.CALL);
            assertThat(c.reached()).isTrue();
        });
    }

    @Test
    void fromFields_jsonValues_parsesTypedValues() {
        Debtor d = Debtor.fromFields(Map.of("id", "C-2", "daysOverdue", 40, "amountOverdue", 99.5,
                "behaviours", List.of("AGGRESSIVE"), "hasCollateral", true));

        assertThat(d.daysOverdue()).isEqualTo(40);
        assertThat(d.amountOverdue()).isEqualByComparingTo("99.5");
        assertThat(d.behaviours()).containsExactly(Behaviour.AGGRESSIVE);
        assertThat(d.hasCollateral()).isTrue();
    }

    @Test
    void fromFields_unknownEnumValue_listsAllowedValues() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "3", "statedReason", "BROKE")))
                .hasMessageStartingWith("statedReason must be one of [NONE, NO_FUNDS, BUSINESS_DOWNTURN")
                .hasMessageEndingWith("was \"BROKE\"");
    }

    @Test
    void fromFields_unknownBehaviourInSet_namesFieldAndValue() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "3", "behaviours", "FRIENDLY|RUDE")))
                .hasMessageStartingWith("behaviours must be one of [AGGRESSIVE")
                .hasMessageEndingWith("was \"RUDE\"");
    }

    @Test
    void fromFields_textInNumberField_namesField() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "ten")))
                .hasMessage("daysOverdue must be a whole number, was \"ten\"");
    }

    @Test
    void fromFields_fractionInIntegerField_isRejected() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 2.5)))
                .hasMessage("daysOverdue must be a whole number, was 2.5");
    }

    @Test
    void fromFields_missingDaysOverdue_saysRequired() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1")))
                .hasMessage("daysOverdue is required")
                .extracting(e -> ((InvalidDebtorException) e).field()).isEqualTo("daysOverdue");
    }

    @Test
    void fromFields_unknownField_listsKnownFields() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "1", "daysOverdu", "2")))
                .hasMessageStartingWith("unknown field \"daysOverdu\"; expected one of [id, name, daysOverdue");
    }

    @Test
    void fromFields_badBoolean_namesExpectation() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "1", "hasGuarantor", "yes")))
                .hasMessage("hasGuarantor must be true or false, was \"yes\"");
    }

    @Test
    void fromFields_badDate_namesExpectation() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "1", "dueDate", "31/10/2026")))
                .hasMessage("dueDate must be an ISO date such as 2026-10-31, was \"31/10/2026\"");
    }

    @Test
    void fromFields_contactWithoutChannel_namesTheElement() {
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", "1",
                "contactHistory", List.of(Map.of("at", "2026-11-27T10:00:00+08:00")))))
                .hasMessage("contactHistory[0].channel is required");
    }

    @Test
    void build_withoutDaysOverdue_isRejectedAsInFromFields() {
        assertThatThrownBy(() -> Debtor.builder("C-1").amountOverdue("10").build())
                .isInstanceOfSatisfying(InvalidDebtorException.class, e -> {
                    assertThat(e.field()).isEqualTo("daysOverdue");
                    assertThat(e.value()).isNull();
                    assertThat(e.expected()).contains("0 to 36500", "required");
                })
                .hasMessage("daysOverdue is required");
        assertThatThrownBy(() -> Debtor.fromFields(java.util.Map.of("id", "C-1")))
                .hasMessage("daysOverdue is required");
        assertThat(Debtor.builder("C-1").daysOverdue(0).build().daysOverdue()).isZero();
    }

    @Test
    void build_withoutIdOrDaysOverdue_namesTheIdFirst() {
        assertThatThrownBy(() -> Debtor.builder(" ").build())
                .isInstanceOfSatisfying(InvalidDebtorException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void expected_ofEachKindOfProblem_saysWhatWouldBeAccepted() {
        assertThatThrownBy(() -> Debtor.fromFields(java.util.Map.of("id", "C-1", "daysOverdue", -3)))
                .isInstanceOfSatisfying(InvalidDebtorException.class,
                        e -> assertThat(e.expected()).isEqualTo("between 0 and 36500"));
        assertThatThrownBy(() -> Debtor.fromFields(java.util.Map.of("id", "C-1", "daysOverdue", 1, "nick", "x")))
                .isInstanceOfSatisfying(InvalidDebtorException.class, e -> {
                    assertThat(e.field()).isEqualTo("nick");
                    assertThat(e.expected()).startsWith("one of [id, name, daysOverdue");
                });
        assertThatThrownBy(() -> Debtor.fromFields(java.util.Map.of("id", "C-1", "daysOverdue", 1,
                "contactHistory", java.util.List.of(java.util.Map.of("channel", "CALL")))))
                .isInstanceOfSatisfying(InvalidDebtorException.class, e -> {
                    assertThat(e.field()).isEqualTo("contactHistory[0].at");
                    assertThat(e.expected()).contains("required");
                });
    }

    @Test
    void readValue_plainObjectMapper_readsThroughFromFieldsWithoutJsr310() throws Exception {
        String json = "{\"id\": \"C-1\", \"daysOverdue\": 27, \"amountOverdue\": 0.10, \"dueDate\": \"2026-10-31\","
                + " \"timeZone\": \"Asia/Shanghai\", \"behaviours\": [\"AVOIDS_CONTACT\"],"
                + " \"contactHistory\": [{\"at\": \"2026-11-27T10:00:00+08:00\", \"channel\": \"CALL\", \"reached\": false}]}";
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
        Debtor read = plain.readValue(json, Debtor.class);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fields = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readValue(json, java.util.Map.class);
        assertThat(read).isEqualTo(Debtor.fromFields(fields));
        assertThat(read.amountOverdue()).hasToString("0.10");
        assertThat(read.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(read.contactHistory()).hasSize(1);
    }

    @Test
    void readValue_missingDaysOverdueOrBadValue_failsWithTheInvalidDebtorExceptionAsCause() {
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThatThrownBy(() -> plain.readValue("{\"id\": \"C-1\"}", Debtor.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .cause().isInstanceOfSatisfying(InvalidDebtorException.class,
                        e -> assertThat(e.field()).isEqualTo("daysOverdue"));
        assertThatThrownBy(() -> plain.readValue("{\"id\": \"C-1\", \"daysOverdue\": 1, \"id\": \"C-2\"}", Debtor.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .hasMessageContaining("duplicate field \"id\"");
        assertThatThrownBy(() -> plain.readValue("[1]", Debtor.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void readValue_listOfDebtors_eachThroughFromFields() throws Exception {
        java.util.List<Debtor> debtors = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                "[{\"id\": \"A\", \"daysOverdue\": 1}, {\"id\": \"B\", \"daysOverdue\": 2}]",
                new com.fasterxml.jackson.core.type.TypeReference<java.util.List<Debtor>>() { });
        assertThat(debtors).extracting(Debtor::id, Debtor::daysOverdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 1), org.assertj.core.groups.Tuple.tuple("B", 2));
    }
}
