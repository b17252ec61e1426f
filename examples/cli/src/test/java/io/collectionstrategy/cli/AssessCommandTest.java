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
}
