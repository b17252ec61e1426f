package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.examples.portfolio.RowReader;
import io.collectionstrategy.json.ContractSchemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code incentives}: the bundled receivables (examples/data/receivables.jsonl) settled at both settlements compute
 * to the figures worked out by hand from the policy; bad rows get error records in place; the totals, the output
 * formats, the statements and stdin.
 */
class IncentivesCommandTest {

    static final Path RECEIVABLES = Cli.DATA.resolve("receivables.jsonl");
    static final Path BAD_ROWS = Cli.DATA.resolve("receivables-bad-rows.jsonl");
    private static final ObjectMapper JSON = RowReader.JSON;

    @TempDir
    Path tmp;

    /** id -> "reward penalty net expenseFreeze", worked by hand (see the rules module's DefaultIncentivesTest). */
    static final Map<String, String> FINAL = new LinkedHashMap<>();
    static final Map<String, String> INTERIM = new LinkedHashMap<>();

    static {
        // 5% x 15000 = 750 - 400 paid; 0.5% x 105000 = 525 (over a year, eligible, not written off)
        FINAL.put("R-01", "350.00 525.00 -175.00 false");
        // 3% x 2345.67 = 70.3701 -> 70.37; written off: no penalty
        FINAL.put("R-02", "70.37 0.00 70.37 false");
        // 3% x 12000 + 1.5% x 8000 = 480 - 300 paid; 1% x 30000
        FINAL.put("R-03", "180.00 300.00 -120.00 false");
        FINAL.put("R-04", "0.00 0.00 0.00 false");
        // 1.5% x 30000 = 450 - 450 paid
        FINAL.put("R-05", "0.00 0.00 0.00 true");
        FINAL.put("R-06", "30.00 30.00 0.00 true");
        // 1% x 24999.99 = 249.9999 -> 250.00; 1% x 0.01 = 0.0001 -> 0.00
        FINAL.put("R-07", "250.00 0.00 250.00 true");
        // 1% x 2345.50 = 23.455 -> 23.46; short contract freezes South
        FINAL.put("R-08", "0.00 23.46 -23.46 true");
        FINAL.put("R-09", "40.00 0.00 40.00 true");
        FINAL.put("R-10", "0.00 0.00 0.00 true");
        FINAL.put("R-11", "0.00 35.00 -35.00 true");
        // 1% x (7000 - 6000): offsets do not count for contracts; short contract freezes North
        FINAL.put("R-12", "0.00 10.00 -10.00 true");
        FINAL.put("R-13", "0.00 0.00 0.00 false");
        FINAL.put("R-14", "10.00 0.00 10.00 false");

        INTERIM.put("R-01", "750.00 0.00 750.00 true");
        INTERIM.put("R-02", "70.37 0.00 70.37 true");
        // unrecovered 30000 freezes East at the interim
        INTERIM.put("R-03", "480.00 0.00 480.00 true");
        INTERIM.put("R-04", "0.00 0.00 0.00 true");
        INTERIM.put("R-05", "450.00 0.00 450.00 true");
        INTERIM.put("R-06", "30.00 0.00 30.00 true");
        INTERIM.put("R-07", "250.00 0.00 250.00 true");
        INTERIM.put("R-08", "0.00 0.00 0.00 true");
        // rewardPaid is not deducted at the interim; the deposit past its term freezes North
        INTERIM.put("R-09", "90.00 0.00 90.00 true");
        INTERIM.put("R-10", "0.00 0.00 0.00 true");
        INTERIM.put("R-11", "0.00 0.00 0.00 true");
        INTERIM.put("R-12", "0.00 0.00 0.00 true");
        INTERIM.put("R-13", "0.00 0.00 0.00 false");
        INTERIM.put("R-14", "10.00 0.00 10.00 false");
    }

    private static Map<String, String> figures(List<String> lines) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            out.put(n.get("id").asText(), cents(n.get("reward")) + " " + cents(n.get("penalty")) + " "
                    + cents(n.get("net")) + " " + n.get("expenseFreeze").asBoolean());
        }
        return out;
    }

    /** An amount the output wrote with two decimals, as text with two decimals (exact: it throws otherwise). */
    private static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void incentives_final_everyReceivableToTheCentAndTheTotals() throws IOException {
        Cli.Result r = Cli.run("incentives", RECEIVABLES.toString(), "--period", "final", "--year", "2026");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(figures(r.lines())).containsExactlyEntriesOf(FINAL);
        List<JsonNode> totals = jsonLines(r.err());
        assertThat(r.lines().get(0)).contains("\"reward\":350.00,\"penalty\":525.00,\"net\":-175.00,"
                + "\"expenseFreeze\":false");
        assertThat(totals).filteredOn(n -> n.has("unit")).extracting(n -> n.get("unit").asText() + " "
                + cents(n.get("reward")) + " " + cents(n.get("penalty")) + " " + cents(n.get("net"))
                + " " + n.get("expenseFreeze").asBoolean()).containsExactly(
                "East 600.37 825.00 -224.63 false", "North 40.00 45.00 -5.00 true", "South 280.00 53.46 226.54 true",
                "West 10.00 0.00 10.00 false");
        assertThat(totals).filteredOn(n -> n.has("owner")).extracting(n -> n.get("owner").asText() + " "
                + cents(n.get("net"))).containsExactly("Chen Jie 226.54", "Gao Yu 10.00", "Li Na -120.00",
                "Sun Li -45.00", "Wang Fang 0.00", "Zhang Wei -104.63", "Zhao Lei 40.00");
        assertThat(totals.get(totals.size() - 1).get("settled").asInt()).isEqualTo(14);
    }

    @Test
    void incentives_interim_rewardsOnlyAndTheInterimFreeze() throws IOException {
        Cli.Result r = Cli.run("incentives", RECEIVABLES.toString(), "--period", "interim", "--year", "2026");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(figures(r.lines())).containsExactlyEntriesOf(INTERIM);
        JsonNode first = JSON.readTree(r.lines().get(0));
        assertThat(first.get("period").asText()).isEqualTo("interim");
        assertThat(first.get("firedRules").get(0).get("id").asText()).isEqualTo("INC-101");
    }

    @Test
    void incentives_everyRecordAndTotal_validAgainstTheIncentiveSchema() throws IOException {
        JsonSchema record = ContractSchemas.strict("incentive.schema.json", "/$defs/outputRecord");
        JsonSchema unit = ContractSchemas.strict("incentive.schema.json", "/$defs/unitTotals");
        JsonSchema owner = ContractSchemas.strict("incentive.schema.json", "/$defs/ownerTotals");
        for (String file : List.of(RECEIVABLES.toString(), BAD_ROWS.toString())) {
            for (String period : List.of("interim", "final")) {
                Cli.Result r = Cli.run("incentives", file, "--period", period, "--year", "2026");
                for (String line : r.lines()) {
                    assertThat(ContractSchemas.problems(record, line)).as(line).isEmpty();
                }
                for (JsonNode n : jsonLines(r.err())) {
                    JsonSchema schema = n.has("unit") ? unit : n.has("owner") ? owner : null;
                    if (schema != null) {
                        assertThat(ContractSchemas.problems(schema, n)).as(n.toString()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void incentives_badRows_everyRowAnsweredInOrderAndExit1() throws IOException {
        Cli.Result r = Cli.run("incentives", BAD_ROWS.toString(), "--period", "final", "--year", "2026");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> lines = jsonLines(r.out());
        assertThat(lines).extracting(n -> n.get(n.has("error") ? "row" : "id").asText()).containsExactly(
                "B-01", "2", "3", "4", "6", "7", "8", "B-09");
        assertThat(lines.get(1).get("error").asText()).startsWith("category must be one of [BANKRUPTCY");
        assertThat(lines.get(1).get("id").asText()).isEqualTo("B-02");
        assertThat(lines.get(2).get("error").asText())
                .isEqualTo("recovered must be a decimal number of at least 0 such as 1200.50, was -5");
        assertThat(lines.get(3).get("error").asText()).isEqualTo("owner is required");
        assertThat(lines.get(4).get("error").asText()).startsWith("ageDays is required when writeOffEligible is true");
        assertThat(lines.get(5).get("error").asText()).startsWith("malformed JSON");
        assertThat(lines.get(5).get("id").asText()).isEqualTo("B-07");
        assertThat(lines.get(6).get("error").asText()).startsWith("unknown field \"region\"");
        // B-01: 1% x (1000 - 400) = 6.00, 1% x 400 = 4.00; B-09: 1% x 400 = 4.00 and West frozen
        assertThat(lines.get(0).get("penalty").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(lines.get(0).get("reward").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(lines.get(7).get("penalty").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(lines.get(7).get("expenseFreeze").asBoolean()).isTrue();
        JsonNode summary = jsonLines(r.err()).get(jsonLines(r.err()).size() - 1);
        assertThat(summary.get("rows").asInt()).isEqualTo(8);
        assertThat(summary.get("errors").asInt()).isEqualTo(6);
    }

    @Test
    void incentives_ignoreUnknown_settlesTheRowWithAnExtraField() throws IOException {
        Cli.Result r = Cli.run("incentives", BAD_ROWS.toString(), "--period", "final", "--year", "2026",
                "--ignore-unknown");

        assertThat(jsonLines(r.out()).get(6).get("id").asText()).isEqualTo("B-08");
        assertThat(jsonLines(r.out()).get(6).has("error")).isFalse();
    }

    @Test
    void incentives_csvAndTable_recordsOnStdoutTotalsOnStderr() {
        Cli.Result csv = Cli.run("incentives", RECEIVABLES.toString(), "--period", "final", "--year", "2026",
                "--output-format", "csv");
        Cli.Result table = Cli.run("incentives", RECEIVABLES.toString(), "--period", "final", "--year", "2026",
                "--output-format", "table");

        assertThat(csv.exitCode()).isZero();
        assertThat(csv.lines().get(0)).isEqualTo("row,id,unit,owner,category,period,year,reward,penalty,net,expenseFreeze,"
                + "firedRules,error");
        assertThat(csv.lines()).contains("8,R-08,South,Chen Jie,CONTRACT_NORMAL,final,2026,0.00,23.46,-23.46,true,"
                + "INC-401|INC-402,");
        assertThat(csv.err()).contains("totals,name,receivables,reward,penalty,net,expenseFreeze",
                "unit,South,4,280.00,53.46,226.54,true", "owner,Zhang Wei,2,420.37,525.00,-104.63,",
                "summary: 14 rows, 14 settled, 0 errors; final 2026");
        assertThat(table.lines().get(0)).startsWith("ROW").contains("REWARD", "PENALTY", "NET", "FREEZE");
        assertThat(table.lines()).anySatisfy(l -> assertThat(l).startsWith("8 ").contains("R-08", "23.46", "-23.46", "yes"));
        assertThat(table.err()).contains("TOTALS", "South").contains("frozen").contains("Zhang Wei");
    }

    @Test
    void incentives_statement_oneFilePerUnitInTheChosenLanguage() throws IOException {
        Path zh = tmp.resolve("zh");
        Path en = tmp.resolve("en");

        Cli.Result r1 = Cli.run("incentives", RECEIVABLES.toString(), "--period", "final", "--year", "2026",
                "--statement", zh.toString());
        Cli.Result r2 = Cli.run("incentives", RECEIVABLES.toString(), "--period", "interim", "--year", "2026",
                "--statement", en.toString(), "--locale", "en");

        assertThat(r1.exitCode()).isZero();
        assertThat(r2.exitCode()).isZero();
        try (var files = Files.list(zh)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("East.md", "North.md", "South.md", "West.md");
        }
        String south = Files.readString(zh.resolve("South.md"), StandardCharsets.UTF_8);
        assertThat(south).startsWith("# 应收账款清收奖惩结算单：South")
                .contains("- 结算：年终结算 2026", "- 结算日：2026-12-31", "- 费用报销：**暂停**",
                        "奖励 280.00，罚款 53.46，净额 226.54", "- R-08 (INC-402)：",
                        "| R-08 | Chen Jie | 合同正常结算 | 0.00 | 23.46 | -23.46 |", "## 按责任人合计",
                        "| Chen Jie | 2 | 250.00 | 23.46 | 226.54 |");
        String west = Files.readString(en.resolve("West.md"), StandardCharsets.UTF_8);
        assertThat(west).contains("- Settlement: interim settlement 2026", "- Settlement date: 2026-09-30",
                "- Expense claims: **not frozen**", "| R-14 | Gao Yu | recoverable with effort | 10.00 | 0.00 | 10.00 |")
                .doesNotContain("frozen because of");
    }

    @Test
    void incentives_stdinAndCsvInput_sameFiguresAsTheFile() throws IOException {
        String jsonl = Files.readString(RECEIVABLES);
        StringBuilder csv = new StringBuilder("id,unit,owner,category,amountDue,recovered,offsetOrRestructured,ageDays,"
                + "writeOffEligible,writtenOff,termEnded,rewardPaid\n");
        for (JsonNode n : jsonLines(jsonl)) {
            List<String> cells = new ArrayList<>();
            for (String f : io.collectionstrategy.incentives.Receivable.FIELDS) {
                cells.add(n.has(f) ? n.get(f).asText() : "");
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Path csvFile = Files.writeString(tmp.resolve("receivables.csv"), csv.toString());

        Cli.Result fromStdin = Cli.runWithStdin(jsonl, "incentives", "-", "--period", "final", "--year", "2026");
        Cli.Result fromCsv = Cli.run("incentives", csvFile.toString(), "--period", "final", "--year", "2026");

        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(figures(fromStdin.lines())).containsExactlyEntriesOf(FINAL);
        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(figures(fromCsv.lines())).containsExactlyEntriesOf(FINAL);
    }

    @Test
    void incentives_missingOrBadPeriod_exit2() {
        Cli.Result missing = Cli.run("incentives", RECEIVABLES.toString(), "--year", "2026");
        Cli.Result bad = Cli.run("incentives", RECEIVABLES.toString(), "--period", "midyear", "--year", "2026");
        Cli.Result year = Cli.run("incentives", RECEIVABLES.toString(), "--period", "final", "--year", "26");
        Cli.Result file = Cli.run("incentives", "no-such-file.jsonl", "--period", "final");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(missing.err()).contains("--period");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(bad.err()).contains("expected interim or final, was \"midyear\"");
        assertThat(year.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(year.err()).contains("year must be between 1000 and 9999, was 26");
        assertThat(file.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(file.err()).contains("file not found");
    }

    /** Writes the default incentive policy into a directory, as a finance analyst's working copy. */
    static Path copyOfDefaultIncentives(Path dir) {
        Rulebook.defaultIncentives().files().forEach((name, text) -> Cli.write(dir, name, text));
        return dir;
    }

    @Test
    void checkAndTest_incentiveRulebook_passByItsKind() {
        Path copy = copyOfDefaultIncentives(tmp.resolve("incentives"));

        Cli.Result check = Cli.run("check", copy.toString());
        Cli.Result checkDefault = Cli.run("check", "default", "--kind", "incentives");
        Cli.Result test = Cli.run("test", copy.resolve("scenarios").toString(), "--rules", copy.toString());

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("compile: OK, incentives rulebook incentives", "lint: OK", "check: PASSED");
        assertThat(checkDefault.exitCode()).as(checkDefault.out()).isZero();
        assertThat(test.exitCode()).as(test.out()).isZero();
        assertThat(test.out()).contains("PASS").doesNotContain("FAIL ");
    }

    @Test
    void check_brokenIncentiveRulebook_fileLineAndExit1() throws IOException {
        Path copy = copyOfDefaultIncentives(tmp.resolve("incentives"));
        Path drl = copy.resolve("policy/equal.drl");
        Files.writeString(drl, Files.readString(drl).replace("outcome.reward( Basis.RECOVERED, 1 );",
                "java.lang.System.exit( 1 );"));

        Cli.Result r = Cli.run("check", copy.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("compile: FAILED").containsPattern("policy/equal\\.drl:[1-9][0-9]*: ");
    }

    @Test
    void test_wrongWorkedFigure_failsWithExpectedAndActual() {
        Path table = Cli.write(tmp, "wrong.csv", "scenario,period,id,unit,owner,category,amountDue,recovered,"
                + "expect.reward\nwrong,interim,W-1,East,Li,BANKRUPTCY,1000,100,5.01\n");

        Cli.Result r = Cli.run("test", table.toString(), "--kind", "incentives");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL", "expected reward 5.01, got 5.00");
    }

    @Test
    void diff_incentiveRulebooks_changedFiguresTotalsAndFreeze() throws IOException {
        Path copy = copyOfDefaultIncentives(tmp.resolve("incentives"));
        Path drl = copy.resolve("policy/penalty-only.drl");
        // a candidate without the year-end freeze of short contracts, and 2% instead of 1% on their shortfall
        Files.writeString(drl, Files.readString(drl).replace("outcome.penalty( Basis.SHORTFALL, 1 );",
                "outcome.penalty( Basis.SHORTFALL, 2 );").replace(
                "outcome.freezeExpenses( \"contract receivable not recovered at the final settlement\" );",
                "outcome.note( \"no freeze\" );"));

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), "--against", "default", RECEIVABLES.toString(),
                "--period", "final", "--year", "2026", "--json");

        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode report = RowReader.JSON.readTree(r.out());
        // 23.46 -> 2% x 2345.50 = 46.91; R-12: 10.00 -> 20.00
        assertThat(report.get("changed").get("penalty").asInt()).isEqualTo(2);
        assertThat(report.get("totals").get("penalty").get("baseline").decimalValue())
                .isEqualByComparingTo(new BigDecimal("923.46"));
        assertThat(report.get("totals").get("penalty").get("candidate").decimalValue())
                .isEqualByComparingTo(new BigDecimal("956.91"));
        assertThat(report.get("samples").get("penalty").toString()).contains("R-08: 23.46 -> 46.91",
                "R-12: 10.00 -> 20.00");
        assertThat(report.get("expenseFreeze")).extracting(n -> n.get("unit").asText() + " " + n.get("to").asBoolean())
                .containsExactly("North false", "South false");
    }

    @Test
    void assess_incentiveRulebook_refusedNamingItsKind() {
        Path copy = copyOfDefaultIncentives(tmp.resolve("incentives"));

        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--rules", copy.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("rulebook.yaml:", "of kind incentives");
    }
}
