package io.collectionstrategy.examples.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPortfolioTest {

    @TempDir
    Path tmp;

    private static String jsonLines(SyntheticPortfolio portfolio) throws IOException {
        StringWriter out = new StringWriter();
        portfolio.write(out, PortfolioFormat.JSONL);
        return out.toString();
    }

    private static List<GeneratedRow> rows(SyntheticPortfolio portfolio) {
        return portfolio.stream(PortfolioFormat.JSONL).toList();
    }

    @Test
    void write_sameSettings_sameText_otherSeed_otherText() throws IOException {
        SyntheticPortfolio p = new SyntheticPortfolio(3, 200).withBadRows(0.01);

        assertThat(jsonLines(p)).isEqualTo(jsonLines(p)).isEqualTo(jsonLines(new SyntheticPortfolio(3, 200).withBadRows(0.01)));
        assertThat(jsonLines(p)).isNotEqualTo(jsonLines(new SyntheticPortfolio(4, 200).withBadRows(0.01)));
    }

    @Test
    void write_seed1_firstRowAsTheCommandLineToolAlwaysWroteIt() throws IOException {
        String first = jsonLines(new SyntheticPortfolio(1, 2)).split("\n")[0];

        assertThat(first).isEqualTo("{\"id\":\"C-1000000\",\"name\":\"赵伟鹏\",\"daysOverdue\":43,\"amountOverdue\":898.65,"
                + "\"currency\":\"CNY\",\"debtorKind\":\"CONSUMER\",\"lateInstalments\":1,\"contactAttempts\":2,"
                + "\"contactsReached\":0,\"promisesMade\":0,\"promisesBroken\":0,\"statedReason\":\"NONE\","
                + "\"behaviours\":[],\"circumstances\":[],\"hasGuarantor\":false,\"hasCollateral\":false,"
                + "\"jurisdiction\":\"CN\"}");
    }

    @Test
    void rows_tenThousand_daysOverdueSkewedToEarlyBucketsWithATailPastTheLimitationPeriod() {
        int[] buckets = new int[4];
        int withCircumstance = 0;
        int withBehaviours = 0;
        int max = 0;
        for (GeneratedRow row : rows(new SyntheticPortfolio(1, 10_000))) {
            Debtor d = Debtor.fromFields(row.fields());
            max = Math.max(max, d.daysOverdue());
            buckets[d.daysOverdue() <= 30 ? 0 : d.daysOverdue() <= 60 ? 1 : d.daysOverdue() <= 90 ? 2 : 3]++;
            withCircumstance += d.circumstances().isEmpty() ? 0 : 1;
            withBehaviours += d.behaviours().isEmpty() ? 0 : 1;
        }
        assertThat(buckets[0]).isBetween(4200, 4800);
        assertThat(buckets[1]).isBetween(2200, 2800);
        assertThat(buckets[2]).isBetween(1000, 1400);
        assertThat(buckets[3]).isBetween(1500, 2100);
        assertThat(max).isGreaterThan(1095);
        assertThat(withCircumstance).isBetween(300, 500);
        assertThat(withBehaviours).isBetween(5_000, 9_000);
    }

    @Test
    void rows_withBadRows_badExactlyWhenTheRowCannotBeReadOrValidated() {
        int bad = 0;
        for (GeneratedRow row : rows(new SyntheticPortfolio(5, 4_000).withBadRows(0.05))) {
            String line = row.malformedJson() != null ? row.malformedJson() : RowReader.JSON.valueToTree(row.fields()).toString();
            PortfolioRow read = RowReader.parseLine("test", row.index() + 1, line);
            assertThat(valid(read)).as(line).isEqualTo(!row.bad());
            bad += row.bad() ? 1 : 0;
        }
        assertThat(bad).isBetween(120, 280);
    }

    /** @return true when the row was read and its fields make a valid debtor */
    static boolean valid(PortfolioRow row) {
        if (!row.readable()) {
            return false;
        }
        try {
            Debtor.fromFields(row.fields());
            return true;
        } catch (InvalidDebtorException e) {
            return false;
        }
    }

    @Test
    void write_jsonLinesWithBadRows_returnsTheBadCountAndSomeLinesAreMalformedJson() throws IOException {
        Path file = tmp.resolve("p.jsonl");
        SyntheticPortfolio p = new SyntheticPortfolio(9, 400).withBadRows(0.2);

        long bad = p.write(file, PortfolioFormat.JSONL);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        assertThat(bad).isEqualTo(rows(p).stream().filter(GeneratedRow::bad).count()).isBetween(40L, 120L);
        assertThat(lines).anyMatch(l -> !l.endsWith("}"));
    }

    @Test
    void write_csv_headerOfTheContractColumnsAndOneRecordPerRow() throws IOException {
        StringWriter out = new StringWriter();

        long bad = new SyntheticPortfolio(3, 500).withBadRows(0.1).write(out, PortfolioFormat.CSV);

        List<String> header = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).iterator().next().toList();
        assertThat(header).isEqualTo(SyntheticPortfolio.CSV_COLUMNS);
        assertThat(out.toString().split("\n")).hasSizeGreaterThanOrEqualTo(501);
        assertThat(bad).isBetween(25L, 80L);
        assertThat(out.toString()).doesNotContain("{\"id\"");
    }

    @Test
    void rows_referenceDate_datesLieBeforeIt() {
        LocalDate reference = LocalDate.of(2025, 1, 31);
        List<String> dates = new ArrayList<>();
        for (GeneratedRow row : rows(new SyntheticPortfolio(2, 5_000).withReferenceDate(reference))) {
            Debtor d = Debtor.fromFields(row.fields());
            if (d.lastInterruption() != null) {
                dates.add(d.lastInterruption().toString());
            }
            d.contactHistory().forEach(c -> dates.add(c.at().toLocalDate().toString()));
        }
        assertThat(dates).isNotEmpty().allSatisfy(date -> assertThat(LocalDate.parse(date)).isBefore(reference));
    }

    @Test
    void insideTheLimitationPeriod_manyRows_noDatesAndDaysBelowTheMaximum() {
        SyntheticPortfolio p = new SyntheticPortfolio(42, 20_000).insideTheLimitationPeriod();
        int over90 = 0;
        for (GeneratedRow row : rows(p)) {
            Map<String, Object> f = row.fields();
            assertThat(f).doesNotContainKeys("lastInterruption", "dueDate", "contactHistory");
            assertThat((Integer) f.get("daysOverdue")).isBetween(1, SyntheticPortfolio.INSIDE_LIMITATION_MAX_DAYS - 1);
            over90 += (Integer) f.get("daysOverdue") > 90 ? 1 : 0;
        }
        assertThat(over90).isBetween(3_000, 4_200);
    }

    @Test
    void debtors_noBadRows_everyRowAValidDebtor() {
        assertThat(new SyntheticPortfolio(11, 500).debtors().count()).isEqualTo(500);
    }

    @Test
    void debtors_withBadRows_onlyTheValidOnes() {
        SyntheticPortfolio p = new SyntheticPortfolio(11, 500).withBadRows(0.1);

        assertThat(p.debtors().count()).isEqualTo(rows(p).stream().filter(r -> !r.bad()).count()).isLessThan(500);
    }

    @Test
    void rows_iterated_endsAfterCount() {
        Iterator<GeneratedRow> rows = new SyntheticPortfolio(1, 2).rows(PortfolioFormat.CSV);

        assertThat(rows.next().index()).isZero();
        assertThat(rows.next().index()).isEqualTo(1);
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void rows_jsonArray_rejected() {
        SyntheticPortfolio p = new SyntheticPortfolio(1, 2);

        assertThatThrownBy(() -> p.rows(PortfolioFormat.JSON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_negativeCountOrBadRowsAboveOne_rejected() {
        assertThatThrownBy(() -> new SyntheticPortfolio(1, -1)).hasMessageContaining("count must be at least 0");
        assertThatThrownBy(() -> new SyntheticPortfolio(1, 5).withBadRows(1.5))
                .hasMessageContaining("bad-rows fraction must be between 0 and 1");
    }
}
