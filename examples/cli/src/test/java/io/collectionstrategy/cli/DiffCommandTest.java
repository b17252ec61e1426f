package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** diff: every difference per debtor, the report's forms, --show. */
class DiffCommandTest {

    private static final Path SAMPLE = Cli.DATA.resolve("sample-portfolio.jsonl");
    private static final String EVASIVE_VISIT = "Treatment( normal, type == \"EVASIVE\", debtor.daysOverdue >= 8 )";

    @TempDir
    Path tmp;

    /** A copy of the default rulebook whose evasive debtors get a field visit from day 15 instead of day 8. */
    private Path copyWithEvasiveVisitFrom15() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("copy"));
        Path drl = rules.resolve("collection/escalation.drl");
        String text = Files.readString(drl);
        String changed = text.replace(EVASIVE_VISIT, EVASIVE_VISIT.replace(">= 8", ">= 15"));
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(drl, changed);
        return rules;
    }

    private static Optional<Integer> fieldVisit(Assessment a) {
        return a.escalation().stream().filter(s -> s.step().equals("FIELD_VISIT")).map(EscalationStep::inDays)
                .min(Integer::compare);
    }

    /** The sample debtors whose FIELD_VISIT the candidate removes or moves, found through the public API. */
    private static List<String> fieldVisitRemovedOrMoved(Path candidate) throws Exception {
        CollectionStrategy base = CollectionStrategy.builder().defaultRulebook().build();
        CollectionStrategy cand = CollectionStrategy.builder().rulebookDirectory(candidate).build();
        LocalDate asOf = LocalDate.parse(Cli.AS_OF);
        List<String> affected = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE)) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = RowReader.JSON.readValue(line, Map.class);
            Debtor d = Debtor.fromFields(fields);
            Optional<Integer> before = fieldVisit(base.assess(d, asOf));
            Optional<Integer> after = fieldVisit(cand.assess(d, asOf));
            if (before.isPresent() && !Objects.equals(before, after)) {
                affected.add(d.id());
            }
        }
        return affected;
    }

    @Test
    void diff_evasiveVisitThresholdMoved_showsDebtorsWhoseFieldVisitIsRemovedOrMoved() throws Exception {
        Path copy = copyWithEvasiveVisitFrom15();
        List<String> affected = fieldVisitRemovedOrMoved(copy);
        assertThat(affected).as("the edit must affect some sample debtors").isNotEmpty();

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), SAMPLE.toString(), "--as-of", Cli.AS_OF, "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = RowReader.JSON.readTree(r.out());
        assertThat(report.get("changed").get("any").asLong()).isGreaterThanOrEqualTo(affected.size()).isPositive();
        JsonNode visit = null;
        for (JsonNode s : report.get("steps")) {
            if (s.get("step").asText().equals("FIELD_VISIT")) {
                visit = s;
            }
        }
        assertThat(visit).as("FIELD_VISIT among the changed steps").isNotNull();
        long lost = visit.get("lost").get("debtors").asLong();
        long moved = visit.get("moved").get("debtors").asLong();
        assertThat(lost + moved).isEqualTo(affected.size());
        List<String> samples = new ArrayList<>();
        visit.get("lost").get("samples").forEach(n -> samples.add(n.asText()));
        visit.get("moved").get("samples").forEach(n -> samples.add(n.asText()));
        assertThat(samples).isNotEmpty().allMatch(affected::contains);
        assertThat(report.get("kinds").get(lost > 0 ? "stepRemoved" : "stepMoved").get("debtors").asLong()).isPositive();
        assertThat(report.get("sameName").asBoolean()).isTrue();
    }

    @Test
    void diff_evasiveVisitThresholdMoved_textNamesTheStepAndWarnsOfTheSameName() throws Exception {
        Path copy = copyWithEvasiveVisitFrom15();
        String sample = fieldVisitRemovedOrMoved(copy).get(0);

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), SAMPLE.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("changed: 0 debtors").containsPattern("changed: [1-9]\\d* debtors")
                .containsPattern("(?m)^  FIELD_VISIT( +\\d+){5} +(lost|moved) ")
                .contains("the candidate is still named 'default' like the baseline: rename it in rulebook.yaml")
                .contains("baseline:  'default' from default, version ")
                .contains("candidate: 'default' from " + copy.toAbsolutePath().normalize())
                .contains("ESC-020").contains(sample);
    }

    @Test
    void diff_sameRulebook_noChangeNoRuleDeltasNoWarning() {
        Cli.Result r = Cli.run("diff", "--rules", "default", SAMPLE.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("rows: 1000, compared: 1000, errors: 0").contains("changed: 0 debtors (0.0%)")
                .doesNotContain("warning").doesNotContain("Rules that fire");
    }

    @Test
    void diff_badRows_countedWithRowNumbersAndNotCompared() {
        Path p = Cli.write(tmp, "p.jsonl", String.join("\n",
                "{\"id\":\"A-1\",\"daysOverdue\":10}",
                "not json",
                "{\"id\":\"A-3\",\"daysOverdue\":\"ten\"}",
                "{\"id\":\"A-4\",\"daysOverdue\":40}"));

        Cli.Result r = Cli.run("diff", "--rules", "default", p.toString(), "--as-of", Cli.AS_OF);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("rows: 4, compared: 2, errors: 2").contains("row 2").contains("row 3 (A-3)")
                .contains("daysOverdue");
    }

    @Test
    void diff_html_wellFormedSelfContainedPageWithTheCountsAndEscapedIds() throws Exception {
        Path rules = Cli.copyOfDefaultRulebook(tmp.resolve("stubborn"));
        Path drl = rules.resolve("collection/classification.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("outcome.evidence( \"EVASIVE\", 3, \"behaviour AVOIDS_CONTACT\" )",
                "outcome.evidence( \"STUBBORN\", 20, \"behaviour AVOIDS_CONTACT\" )"));
        Cli.write(rules, "rulebook.yaml", Files.readString(rules.resolve("rulebook.yaml"))
                .replace("name: default", "name: avoiders-stubborn"));
        String evasive = Files.readAllLines(Cli.DATA.resolve("worked-examples.jsonl")).stream()
                .filter(l -> l.contains("WX-EVASIVE")).findFirst().orElseThrow();
        Path p = Cli.write(tmp, "p.jsonl", evasive.replace("WX-EVASIVE", "E<b>&\\\"'1") + "\n");
        Path html = tmp.resolve("out/diff.html");
        Files.createDirectories(html.getParent());

        Cli.Result r = Cli.run("diff", "--rules", rules.toString(), p.toString(), "--as-of", Cli.AS_OF,
                "--html", html.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("changed: 1 debtors (100.0%)").doesNotContain("warning");
        String page = Files.readString(html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                page.replace("<!DOCTYPE html>", ""))));   // throws unless well-formed
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isGreaterThanOrEqualTo(2);
        assertThat(doc.getDocumentElement().getTextContent())
                .contains("Changed: 1 debtors (100.0%)").contains("E<b>&\"'1").contains("EVASIVE")
                .contains("STUBBORN").contains("avoiders-stubborn");
        assertThat(page).doesNotContain("E<b>").contains("E&lt;b&gt;&amp;&quot;&#39;1").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("src=");
        assertThat(page.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http");
    }

    @Test
    void diffShow_wideTerminal_twoColumnsWithTheDifferingLinesMarked() throws Exception {
        Path copy = copyWithEvasiveVisitFrom15();
        String id = fieldVisitRemovedOrMoved(copy).get(0);

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), SAMPLE.toString(), "--as-of", Cli.AS_OF,
                "--show", id, "--width", "200");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Debtor " + id).containsPattern("stepRemoved +- FIELD_VISIT|stepMoved +FIELD_VISIT")
                .contains("* Steps:").contains("  Type:").containsPattern("(?m)^\\* .*FIELD_VISIT \\[ESC-020\\]")
                .containsPattern("(?m)^  baseline +candidate$");
    }

    @Test
    void diffShow_narrowTerminal_oneAfterTheOtherWithMinusAndPlus() throws Exception {
        Path copy = copyWithEvasiveVisitFrom15();
        String id = fieldVisitRemovedOrMoved(copy).get(0);

        Cli.Result r = Cli.run("diff", "--rules", copy.toString(), SAMPLE.toString(), "--as-of", Cli.AS_OF,
                "--show", id, "--width", "80");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Baseline (- only in the baseline):").contains("Candidate (+ only in the candidate):")
                .containsPattern("(?m)^-   in 0 days FIELD_VISIT \\[ESC-020\\]");
    }

    @Test
    void diffShow_unknownId_cannotStart() {
        Cli.Result r = Cli.run("diff", "--rules", "default", SAMPLE.toString(), "--show", "NO-SUCH-ID");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("no debtor with id NO-SUCH-ID");
    }
}
