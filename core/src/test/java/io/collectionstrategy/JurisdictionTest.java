package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    @Test
    void of_builtInCode_isTheConstant() {
        assertThat(Jurisdiction.of("CN")).isSameAs(Jurisdiction.CN);
        assertThat(Jurisdiction.of("SG")).isEqualTo(Jurisdiction.of("SG")).hasToString("SG");
    }

    @Test
    void of_badCode_isRefusedSayingTheForm() {
        assertThatThrownBy(() -> Jurisdiction.of("cn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper-case");
        assertThatThrownBy(() -> Debtor.fromFields(Map.of("id", "C-1", "daysOverdue", 1, "jurisdiction", "u s")))
                .isInstanceOf(InvalidDebtorException.class).hasMessageContaining("jurisdiction");
    }

    @Test
    void load_rulebookOverride_changesOnlyTheKeysItGives() {
        Rulebook book = TestRulebooks.with("jurisdictions.yaml", """
                CN:
                  limitation: {warnDays: 400}
                """);
        Map<Jurisdiction, JurisdictionProfile> profiles = JurisdictionProfile.load(book, new java.util.ArrayList<>());

        JurisdictionProfile cn = profiles.get(Jurisdiction.CN);
        assertThat(cn.limitationWarnDays()).isEqualTo(400);
        assertThat(cn.limitationYears()).isEqualTo(3);
        assertThat(cn.guaranteeMonths()).isEqualTo(6);
        assertThat(cn.caps()).hasSize(1);
        assertThat(profiles).containsKeys(Jurisdiction.US, Jurisdiction.UK);
        assertThat(profiles.get(Jurisdiction.UK).regions()).containsKeys("ENGLAND_WALES", "SCOTLAND", "NORTHERN_IRELAND");
    }

    @Test
    void assess_overriddenWarnDays_warnsEarlier() {
        Debtor d = Debtor.builder("C-LIM").daysOverdue(800).build();   // CN: due 800 days ago, ends in ~295 days
        Map<String, String> files = TestRulebooks.files();
        files.put("rules/lim.drl", TestRulebooks.HEADER + LIMITATION_RULE);
        CollectionStrategy plain = CollectionStrategy.builder().rulebook(Rulebook.of("plain", files)).build();
        files.put("jurisdictions.yaml", "CN:\n  limitation: {warnDays: 400}\n");
        CollectionStrategy early = CollectionStrategy.builder().rulebook(Rulebook.of("early", files)).build();

        assertThat(plain.assess(d, AS_OF).warningCodes()).doesNotContain("LIMITATION_EXPIRING");
        assertThat(early.assess(d, AS_OF).warningCodes()).contains("LIMITATION_EXPIRING");
    }

    @Test
    void load_newJurisdiction_needsAWholeProfileAndThenServes() {
        Rulebook partial = TestRulebooks.with("jurisdictions.yaml", "SG:\n  limitation: {warnDays: 30}\n");
        assertThatThrownBy(() -> CollectionStrategy.builder().rulebook(partial).build())
                .isInstanceOf(RulebookException.class).hasMessageContaining("jurisdictions.yaml:1")
                .hasMessageContaining("SG");

        Rulebook whole = TestRulebooks.with("jurisdictions.yaml", """
                SG:
                  limitation: {years: 6, warnDays: 90}
                  contactHours: {from: "08:00", to: "21:00"}
                  zone: Asia/Singapore
                """);
        CollectionStrategy s = CollectionStrategy.builder().rulebook(whole).build();
        Assessment a = s.assess(Debtor.builder("C-SG").daysOverdue(10).jurisdiction(Jurisdiction.of("SG")).build(), AS_OF);
        assertThat(a.id()).isEqualTo("C-SG");
    }

    private static final String LIMITATION_RULE = """
            // Warns ahead of the end of the limitation period.
            rule "Limitation expiring"
                @id("L-001")
            when
                LimitationClock( expiring )
            then
                outcome.warning( "LIMITATION_EXPIRING", "soon" );
            end
            """;
}
