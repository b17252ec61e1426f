package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {

    static final String BROKEN_RULE = "\nrule \"A broken rule\"\n    @id(\"BRK-001\")\nwhen\n    Debtor( daysOverdue > )\nthen\nend\n";

    @TempDir
    Path tmp;

    private static List<JsonNode> records(String out) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(RowReader.JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void assess_workedExamples_givesTheSevenTypes() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> records = records(r.out());
        assertThat(records).extracting(n -> n.get("id").asText() + "=" + n.get("debtorType").asText())
                .containsExactly("WX-PROVOCATIVE=PROVOCATIVE", "WX-EVASIVE=EVASIVE", "WX-VICTIM=VICTIM",
                        "WX-CONFIDENT=CONFIDENT", "WX-STUBBORN=STUBBORN", "WX-SOPHISTICATED=SOPHISTICATED",
                        "WX-SERIAL_PROMISER=SERIAL_PROMISER");
        assertThat(r.err()).contains("summary: 7 rows, 7 assessed, 0 errors").contains("debtorType:")
                .contains("situation:").contains("firstStep:").contains("warnings:");
    }

    @Test
    void assess_anyRecord_hasTheContractShape() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF,
                "--locale", "en");

        JsonNode a = records(r.out()).get(1);
        assertThat(a.fieldNames()).toIterable().contains("id", "debtorType", "situation", "script", "escalation",
                "warnings", "blocked", "firedRules", "rulebook");
        assertThat(a.get("script").fieldNames()).toIterable().containsExactly("id", "locale", "title", "verify", "text",
                "do", "avoid");
        assertThat(a.get("script").get("locale").asText()).isEqualTo("en");
        assertThat(a.get("escalation").get(0).fieldNames()).toIterable().contains("step", "inDays", "reason");
        assertThat(a.get("firedRules").get(0).fieldNames()).toIterable().contains("id", "name");
        assertThat(a.get("rulebook").fieldNames()).toIterable().contains("name", "version");
        assertThat(a.get("situation").isNull()).isTrue();
    }

    @Test
    void assess_bundledSample_everyScriptVerifiesFirstWithoutAmountAndChineseHasNoIsoDateOrCurrencyCode()
            throws Exception {
        for (String locale : List.of("zh-CN", "en")) {
            Cli.Result r = Cli.run("assess", Cli.DATA.resolve("sample-portfolio.jsonl").toString(), "--as-of", Cli.AS_OF,
                    "--locale", locale);

            assertThat(r.exitCode()).as(r.err()).isZero();
            List<JsonNode> records = records(r.out());
            assertThat(records).hasSize(1000);
            int scripts = 0;
            for (JsonNode a : records) {
                JsonNode s = a.get("script");
                if (s.isNull()) {
                    continue;
                }
                scripts++;
                String verify = s.get("verify").asText();
                assertThat(verify).as(a.get("id").asText()).isNotBlank().doesNotContainPattern("\\d[\\d,]*\\.\\d\\d")
                        .doesNotContain(a.get("id").asText());
                if (locale.equals("zh-CN")) {
                    List<String> texts = new java.util.ArrayList<>(List.of(s.get("title").asText(), verify,
                            s.get("text").asText()));
                    s.get("do").forEach(n -> texts.add(n.asText()));
                    s.get("avoid").forEach(n -> texts.add(n.asText()));
                    for (String t : texts) {
                        assertThat(t).as(a.get("id").asText()).doesNotContain("CNY", "USD", "GBP")
                                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
                    }
                }
            }
            assertThat(scripts).isGreaterThan(990);
        }
    }

    @Test
    void assess_agentAndCompany_fillTheVerifyPart() throws Exception {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--as-of", Cli.AS_OF,
                "--locale", "en", "--agent", "Li Na", "--company", "Acme Finance");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(records(r.out())).allSatisfy(a -> assertThat(a.get("script").get("verify").asText())
                .contains("Li Na").contains("Acme Finance").doesNotContain("{agent}", "{company}"));
    }

    @Test
    void assess_mixedGoodAndBadRows_oneRecordPerRowInOrderAndExit1() throws Exception {
        Path file = Cli.write(tmp, "mixed.jsonl", String.join("\n",
                "{\"id\":\"G-1\",\"daysOverdue\":12,\"behaviours\":[\"FRIENDLY\"],\"promisesMade\":3,\"promisesBroken\":2,\"contactAttempts\":3,\"contactsReached\":3}",
                "{\"id\":\"B-2\",\"daysOverdue\":-3}",
                "{\"id\":\"B-3\",\"daysOverdue\":40,\"behaviours\":[\"SHOUTS\"]}",
                "",
                "{\"id\":\"B-5\",\"daysOverdue\":30, \"behaviours\":[\"FRIENDLY\"",
                "{\"name\":\"no id\",\"daysOverdue\":5}",
                "{\"id\":\"B-7\",\"daysOverdue\":\"ten\"}",
                "{\"id\":\"B-8\",\"daysOverdue\":9,\"nickname\":\"x\"}",
                "{\"id\":\"G-9\",\"daysOverdue\":27,\"behaviours\":[\"AVOIDS_CONTACT\"],\"contactAttempts\":8,\"contactsReached\":1}",
                ""));

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> records = records(r.out());
        assertThat(records).hasSize(8);
        assertThat(records.get(0).get("id").asText()).isEqualTo("G-1");
        assertThat(records.get(0).has("debtorType")).isTrue();
        assertThat(records.get(1).get("row").asLong()).isEqualTo(2);
        assertThat(records.get(1).get("id").asText()).isEqualTo("B-2");
        assertThat(records.get(1).get("error").asText()).contains("daysOverdue").contains("-3").contains("between 0 and 36500");
        assertThat(records.get(2).get("error").asText()).contains("behaviours").contains("SHOUTS").contains("AVOIDS_CONTACT");
        assertThat(records.get(3).get("row").asLong()).as("blank line 4 is skipped but counted").isEqualTo(5);
        assertThat(records.get(3).get("error").asText()).startsWith("malformed JSON at column");
        assertThat(records.get(3).get("id").asText()).isEqualTo("B-5");
        assertThat(records.get(4).get("row").asLong()).isEqualTo(6);
        assertThat(records.get(4).get("id").isNull()).isTrue();
        assertThat(records.get(4).get("error").asText()).contains("id is required");
        assertThat(records.get(5).get("error").asText()).contains("daysOverdue").contains("\"ten\"").contains("whole number");
        assertThat(records.get(6).get("error").asText()).contains("unknown field \"nickname\"");
        assertThat(records.get(7).get("id").asText()).isEqualTo("G-9");
        assertThat(records.get(7).get("debtorType").asText()).isEqualTo("EVASIVE");
        assertThat(r.err()).contains("summary: 8 rows, 2 assessed, 6 errors");
    }

    @Test
    void assess_bundledMixedBadRows_oneRecordPerRow() throws Exception {
        Cli.Result jsonl = Cli.run("assess", Cli.DATA.resolve("mixed-bad-rows.jsonl").toString(), "--as-of", Cli.AS_OF);
        Cli.Result csv = Cli.run("assess", Cli.DATA.resolve("mixed-bad-rows.csv").toString(), "--as-of", Cli.AS_OF);

        long jsonlRows = Files.readAllLines(Cli.DATA.resolve("mixed-bad-rows.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertThat(records(jsonl.out())).hasSize((int) jsonlRows);
        assertThat(jsonl.exitCode()).isEqualTo(ExitCodes.FAILED);
        long csvRows = Files.readAllLines(Cli.DATA.resolve("mixed-bad-rows.csv")).stream().filter(l -> !l.isBlank()).count() - 1;
        assertThat(records(csv.out())).hasSize((int) csvRows);
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void assess_missingFile_exits2() {
        Cli.Result r = Cli.run("assess", tmp.resolve("nope.jsonl").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("file not found").contains("nope.jsonl");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void assess_brokenRulebook_exits2WithFileAndLine() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("rules"));
        Path drl = rules.resolve("collection/classification.drl");
        Files.writeString(drl, Files.readString(drl) + BROKEN_RULE);

        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--rules", rules.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).containsPattern("collection/classification\\.drl:\\d+: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void assess_csvInCsvOut_oneRecordPerRowWithHeader() throws Exception {
        Path file = Cli.write(tmp, "p.csv", String.join("\n",
                "id,daysOverdue,behaviours,contactAttempts,contactsReached,statedReason",
                "K-1,27,AVOIDS_CONTACT,8,1,NONE",
                "K-2,abc,,0,0,NONE",
                "K-3,25,REPEATS_CANNOT_PAY|INSISTS_OWN_TERMS,4,4,BUSINESS_DOWNTURN",
                "K-4,10",
                ""));

        Cli.Result r = Cli.run("assess", file.toString(), "--output-format", "csv", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("row,id,debtorType,situation,script,firstStep");
        assertThat(lines.get(1)).startsWith("1,K-1,EVASIVE,");
        assertThat(lines.get(2)).startsWith("2,K-2,").contains("daysOverdue must be a whole number");
        assertThat(lines.get(3)).startsWith("3,K-3,STUBBORN,");
        assertThat(lines.get(4)).startsWith("4,K-4,").contains("missing column behaviours");
    }

    @Test
    void assess_jsonArray_numbersElementsAndKeepsOrder() throws Exception {
        Path file = Cli.write(tmp, "p.json", "[\n {\"id\":\"A-1\",\"daysOverdue\":27,\"behaviours\":[\"AVOIDS_CONTACT\"]},\n"
                + " {\"id\":\"A-2\",\"daysOverdue\":-1},\n 7,\n {\"id\":\"A-4\",\"daysOverdue\":3}\n]\n");

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        List<JsonNode> records = records(r.out());
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("id").asText()).isEqualTo("A-1");
        assertThat(records.get(1).get("row").asInt()).isEqualTo(2);
        assertThat(records.get(2).get("row").asInt()).isEqualTo(3);
        assertThat(records.get(2).get("error").asText()).contains("expected a JSON object");
        assertThat(records.get(3).get("id").asText()).isEqualTo("A-4");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void assess_malformedJsonArray_errorRecordThenStops() throws Exception {
        Path file = Cli.write(tmp, "p.json", "[{\"id\":\"A-1\",\"daysOverdue\":3}, {\"id\": oops}, {\"id\":\"A-3\",\"daysOverdue\":3}]");

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        List<JsonNode> records = records(r.out());
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("row").asInt()).isEqualTo(2);
        assertThat(records.get(1).get("error").asText()).startsWith("malformed JSON at line 1 column");
        assertThat(r.err()).contains("stopped reading at element 2");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void assess_stdin_readsJsonLines() throws Exception {
        Cli.Result r = Cli.runWithStdin("{\"id\":\"S-1\",\"daysOverdue\":27,\"behaviours\":[\"AVOIDS_CONTACT\"]}\n",
                "assess", "-", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(records(r.out())).singleElement().satisfies(n -> assertThat(n.get("debtorType").asText()).isEqualTo("EVASIVE"));
    }

    @Test
    void assess_atAfterTenAtNightInChina_warnsAndMovesTheCallToTomorrow() throws Exception {
        String debtor = "{\"id\":\"H-1\",\"daysOverdue\":20,\"contactAttempts\":1,\"contactsReached\":1}\n";

        Cli.Result late = Cli.runWithStdin(debtor, "assess", "-", "--at", "2026-11-28T22:30:00+08:00");
        Cli.Result day = Cli.runWithStdin(debtor, "assess", "-", "--at", "2026-11-28T21:59:00+08:00");

        assertThat(late.exitCode()).as(late.err()).isZero();
        assertThat(late.out()).contains("\"OUTSIDE_CONTACT_HOURS\"").contains("{\"step\":\"PHONE_CALL\",\"inDays\":1");
        assertThat(day.out()).doesNotContain("OUTSIDE_CONTACT_HOURS").contains("{\"step\":\"PHONE_CALL\",\"inDays\":0");
    }

    @Test
    void assess_extraField_isAnErrorUnlessIgnored() throws Exception {
        String debtor = "{\"id\":\"X-1\",\"daysOverdue\":20,\"branch\":\"Pudong\"}\n";

        Cli.Result strict = Cli.runWithStdin(debtor, "assess", "-", "--as-of", Cli.AS_OF);
        Cli.Result lenient = Cli.runWithStdin(debtor, "assess", "-", "--as-of", Cli.AS_OF, "--ignore-unknown");

        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(strict.out()).contains("\"row\":1").contains("unknown field \\\"branch\\\"");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(records(lenient.out())).singleElement().satisfies(n -> assertThat(n.get("id").asText()).isEqualTo("X-1"));
    }

    @Test
    void assess_tableOutput_showsHeaderAndOneLinePerRow() {
        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--output-format",
                "table", "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).startsWith("ROW").contains("TYPE").contains("FIRST STEP");
        assertThat(lines.get(2)).startsWith("2").contains("WX-EVASIVE").contains("EVASIVE");
    }

    @Test
    void assess_outOption_writesFileAndKeepsStdoutEmpty() throws Exception {
        Path out = tmp.resolve("out/result.jsonl");

        Cli.Result r = Cli.run("assess", Cli.DATA.resolve("worked-examples.jsonl").toString(), "--out", out.toString(),
                "--as-of", Cli.AS_OF, "--threads", "1");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(7);
    }

    @Test
    void assess_progressOption_drawsBarOnStderr_elseNone() {
        String file = Cli.DATA.resolve("worked-examples.jsonl").toString();

        Cli.Result with = Cli.run("assess", file, "--progress", "--as-of", Cli.AS_OF);
        Cli.Result without = Cli.run("assess", file, "--as-of", Cli.AS_OF);

        assertThat(with.err()).contains("assess").contains("7/7");
        assertThat(without.err()).doesNotContain("7/7").doesNotContain("\r");
    }

    @Test
    void assess_unknownOutputFormat_isUsageError() {
        Cli.Result r = Cli.run("assess", "x.jsonl", "--output-format", "xml");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("expected jsonl, csv or table");
    }

    @Test
    void assess_csvOutputOfFormulaLikeCells_neutralisedWithAQuote() throws Exception {
        Cli.Result r = Cli.runWithStdin("{\"id\":\"=HYPERLINK(\\\"http://x\\\")\",\"daysOverdue\":3}\n"
                + "{\"id\":\"@SUM(1)\",\"daysOverdue\":3}\n{\"id\":\"-2+3\",\"daysOverdue\":-1}\n"
                + "{\"id\":\"C-4\",\"daysOverdue\":3}\n", "assess", "-", "--output-format", "csv", "--as-of", Cli.AS_OF);

        List<String> lines = r.lines();
        assertThat(lines.get(1)).startsWith("1,\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(lines.get(2)).startsWith("2,'@SUM(1),");
        assertThat(lines.get(3)).startsWith("3,'-2+3,").endsWith(",\"daysOverdue must be between 0 and 36500, was -1\"");
        assertThat(lines.get(4)).startsWith("4,C-4,");
        assertThat(RecordWriter.Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(RecordWriter.Csv.cell("\rx")).isEqualTo("'\rx");
        assertThat(RecordWriter.Csv.cell("+1")).isEqualTo("'+1");
    }

    @Test
    void assess_idWithLineBreakOrTerminalEscapes_errorRecordWithTheIdEscaped() throws Exception {
        String rows = "{\"id\":\"C-1\\nERROR all debts paid\",\"daysOverdue\":3}\n"
                + "{\"id\":\"C-2\\u001b[2J\\u001b]0;x\\u0007\",\"daysOverdue\":3}\n{\"id\":\"C-3\",\"daysOverdue\":3}\n";

        Cli.Result jsonl = Cli.runWithStdin(rows, "assess", "-", "--as-of", Cli.AS_OF);
        Cli.Result table = Cli.runWithStdin(rows, "assess", "-", "--as-of", Cli.AS_OF, "--output-format", "table");

        assertThat(jsonl.exitCode()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> records = records(jsonl.out());
        assertThat(records.get(0).get("id").asText()).isEqualTo("C-1\\nERROR all debts paid");
        assertThat(records.get(0).get("error").asText()).startsWith("id must be text without control characters");
        assertThat(records.get(1).get("id").asText()).isEqualTo("C-2\\u001B[2J\\u001B]0;x\\u0007");
        assertThat(records.get(2).get("debtorType")).isNotNull();
        assertThat(table.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("C-2\\u001B[2J");
        assertThat(table.lines()).hasSize(4);
        assertThat(jsonl.err() + table.err()).doesNotContain("\u001b").doesNotContain("ERROR all debts paid");
    }

    @Test
    void assess_invalidUtf8FromStdinOrFile_sameErrorRecordAndTheRestAssessed() throws Exception {
        byte[] bytes = "{\"id\":\"U-1\",\"daysOverdue\":3}\n{\"id\":\"U-2\",\"name\":\"\u00ff\",\"daysOverdue\":3}\n{\"id\":\"U-3\",\"daysOverdue\":3}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes[bytes.length - 33] = (byte) 0xFF; // the second byte of ÿ: a lone continuation byte is no UTF-8
        Path file = Files.write(tmp.resolve("u.jsonl"), bytes);

        Cli.Result fromFile = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = CollectionStrategyCli.commandLine(new java.io.ByteArrayInputStream(bytes));
        cmd.setOut(new java.io.PrintWriter(out));
        cmd.setErr(new java.io.PrintWriter(err));
        int code = cmd.execute("assess", "-", "--as-of", Cli.AS_OF);
        cmd.getOut().flush();

        assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.FAILED).isEqualTo(code);
        assertThat(fromFile.out()).isEqualTo(out.toString());
        List<JsonNode> records = records(fromFile.out());
        assertThat(records).hasSize(3);
        assertThat(records.get(1).get("error").asText()).startsWith("not valid UTF-8 text: the bytes at byte ");
        assertThat(records.get(1).get("id").asText()).isEqualTo("U-2");
        assertThat(records.get(2).get("id").asText()).isEqualTo("U-3");
    }

    @Test
    void assess_csvWithDuplicateHeaderColumn_everyRowAnErrorNamingTheColumn() throws Exception {
        Path file = Cli.write(tmp, "dup.csv", "id,daysOverdue,daysOverdue\nD-1,3,4\nD-2,5,5\n");

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(records(r.out())).extracting(n -> n.get("row").asInt() + " " + n.get("error").asText())
                .containsExactly("1 column \"daysOverdue\" appears twice in the CSV header (columns 2 and 3); rename or"
                        + " remove one of them", "2 column \"daysOverdue\" appears twice in the CSV header (columns 2 and"
                        + " 3); rename or remove one of them");
        assertThat(r.err()).contains("errors:     duplicate column 2");
    }

    @Test
    void assess_csvWithABadQuote_thatRowAnErrorAndTheNextOnesAssessed() throws Exception {
        Path file = Cli.write(tmp, "q.csv", "id,daysOverdue,currency\nQ-1,3,CNY\nQ-2,4,\"CNY\nQ-3,5,USD\nQ-4,6,\"GB\"P\n"
                + "Q-5,7,GBP\n");

        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", Cli.AS_OF);

        List<JsonNode> records = records(r.out());
        assertThat(records).extracting(n -> n.get("id").asText()).containsExactly("Q-1", "Q-2", "Q-3", "Q-4", "Q-5");
        assertThat(records.get(1).get("error").asText()).startsWith("malformed CSV: a quoted value opened at character 7");
        assertThat(records.get(3).get("error").asText()).startsWith("malformed CSV: a quoted value (opened at character 7)"
                + " is followed by 'P'");
        assertThat(records).filteredOn(n -> n.has("debtorType")).hasSize(3);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void assess_amountWithAHugeExponent_errorRecordNamingTheRange() throws Exception {
        Cli.Result r = Cli.runWithStdin("{\"id\":\"E-1\",\"daysOverdue\":3,\"amountOverdue\":1e99999999}\n"
                + "{\"id\":\"E-2\",\"daysOverdue\":3,\"amountOverdue\":1e-99999999}\n"
                + "{\"id\":\"E-3\",\"daysOverdue\":3,\"amountOverdue\":999999999999999.9999}\n", "assess", "-", "--as-of", Cli.AS_OF);

        List<JsonNode> records = records(r.out());
        assertThat(records.get(0).get("error").asText()).isEqualTo("amountOverdue must be a decimal number from 0 to"
                + " 1000000000000000 (10^15) with at most 4 decimal places, was 1E+99999999");
        assertThat(records.get(1).get("error").asText()).endsWith("was 1E-99999999");
        assertThat(records.get(2).has("debtorType")).isTrue();
        assertThat(r.out().length()).isLessThan(20_000);
    }

    @Test
    void assess_errorRecords_neverEchoTheNameAndMaskPhoneNumbers() throws Exception {
        Cli.Result r = Cli.runWithStdin("{\"id\":\"N-1\",\"daysOverdue\":3,\"name\":[\"Wang Fang\",\"13800138000\"]}\n"
                + "{\"id\":\"N-2\",\"daysOverdue\":\"call 13800138000\"}\n"
                + "{\"id\":\"N-3\",\"daysOverdue\":3,\"name\":Wang13800138000}\n", "assess", "-", "--as-of", Cli.AS_OF);

        assertThat(r.out()).doesNotContain("Wang").doesNotContain("13800138000").contains("call ***********");
        assertThat(records(r.out()).get(0).get("error").asText()).isEqualTo("name must be text, was a list");
    }
}
