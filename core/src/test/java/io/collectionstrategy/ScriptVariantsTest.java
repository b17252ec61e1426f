package io.collectionstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The parts of a script ({@code verify}, {@code text}, {@code legal}), its variants per jurisdiction and region, the
 * catalogue's {@code defaults}, and {@code {agent}} and {@code {company}}.
 */
class ScriptVariantsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /** Calls everyone; sues those over 90 days; a script for everyone. */
    private static final String RULES = TestRulebooks.HEADER + """

            // Everyone gets the one script.
            rule "One script"
                @id("V-001")
            when
                Treatment()
            then
                outcome.script( "HELLO" );
                outcome.step( "PHONE_CALL", 0, "call" );
            end

            // Old debts go to court.
            rule "Court for old debts"
                @id("V-002")
            when
                Treatment( debtor.daysOverdue > 90 )
            then
                outcome.step( "LITIGATION", 20, "court" );
            end
            """;

    private static final String SCRIPTS = """
            locale: en
            fallbacks:
              name: "customer"
              company: "the firm"
            defaults:
              verify: "Hi, {agent} of {company} here. Is that {name}?"
              terms:
                LITIGATION: "a claim in court"
              jurisdictions:
                US:
                  verify: "Hi, this is {agent}. Is that {name}?"
                  terms:
                    LITIGATION: "a claim in the state court"
            scripts:
              HELLO:
                title: "Hello"
                text: "{name}, {amount} is overdue."
                legal: "It may be considered for {legalStep} from {legalStepDate}."
                jurisdictions:
                  UK:
                    text: "{name}, {amount} is overdue (UK)."
                  UK/SCOTLAND:
                    text: "{name}, {amount} is overdue (Scotland)."
                    verify: "Scotland check for {name}."
                do: ["Be clear"]
            """;

    private static CollectionStrategy strategy(String scripts) {
        return strategy(scripts, null, null);
    }

    private static CollectionStrategy strategy(String scripts, String agent, String company) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("rules/v.drl", RULES);
        files.put("scripts/en.yaml", scripts);
        return CollectionStrategy.builder().rulebook(Rulebook.of("variants", files)).locale(Locale.ENGLISH)
                .agent(agent).company(company).build();
    }

    private static Debtor.Builder debtor(Jurisdiction j) {
        return Debtor.builder("C-1").name("Ann").daysOverdue(30).amountOverdue("100").currency("GBP").jurisdiction(j);
    }

    @Test
    void verify_fromDefaults_fillsAgentAndCompanyFromTheBuilderOrTheFallbacks() {
        Script neutral = strategy(SCRIPTS).assess(debtor(Jurisdiction.CN).build(), AS_OF).script();
        Script named = strategy(SCRIPTS, "Li Na", "Acme").assess(debtor(Jurisdiction.CN).build(), AS_OF).script();

        assertThat(neutral.verify()).isEqualTo("Hi, a customer adviser of the firm here. Is that Ann?");
        assertThat(named.verify()).isEqualTo("Hi, Li Na of Acme here. Is that Ann?");
    }

    @Test
    void variant_regionThenJurisdictionThenScript_isChosenForTheDebtor() {
        CollectionStrategy s = strategy(SCRIPTS);

        assertThat(s.assess(debtor(Jurisdiction.UK).region("SCOTLAND").build(), AS_OF).script())
                .satisfies(x -> assertThat(x.text()).isEqualTo("Ann, £100.00 is overdue (Scotland)."))
                .satisfies(x -> assertThat(x.verify()).isEqualTo("Scotland check for Ann."));
        assertThat(s.assess(debtor(Jurisdiction.UK).region("ENGLAND_WALES").build(), AS_OF).script().text())
                .isEqualTo("Ann, £100.00 is overdue (UK).");
        assertThat(s.assess(debtor(Jurisdiction.UK).build(), AS_OF).script().text())
                .isEqualTo("Ann, £100.00 is overdue (UK).");
        assertThat(s.assess(debtor(Jurisdiction.US).build(), AS_OF).script())
                .satisfies(x -> assertThat(x.text()).isEqualTo("Ann, £100.00 is overdue."))
                .satisfies(x -> assertThat(x.verify()).isEqualTo("Hi, this is a customer adviser. Is that Ann?"));
        assertThat(s.assess(debtor(Jurisdiction.CN).build(), AS_OF).script().text()).isEqualTo("Ann, £100.00 is overdue.");
    }

    @Test
    void legal_onlyWhenTheEscalationHoldsALegalStep_namedInTheJurisdictionsTerms() {
        CollectionStrategy s = strategy(SCRIPTS);

        assertThat(s.assess(debtor(Jurisdiction.CN).build(), AS_OF).script().text()).doesNotContain("considered");
        assertThat(s.assess(debtor(Jurisdiction.CN).daysOverdue(120).build(), AS_OF).script().text())
                .isEqualTo("Ann, £100.00 is overdue. It may be considered for a claim in court from 18 December 2026.");
        assertThat(s.assess(debtor(Jurisdiction.US).daysOverdue(120).build(), AS_OF).script().text())
                .endsWith("It may be considered for a claim in the state court from December 18, 2026.");
    }

    @Test
    void legal_stepTheGuardBlocks_isNotMentioned() {
        // time-barred: the guard removes LITIGATION, so the legal part is not said
        Debtor old = debtor(Jurisdiction.CN).daysOverdue(1500).dueDate(LocalDate.of(2022, 10, 20)).build();

        Assessment a = strategy(SCRIPTS).assess(old, AS_OF);

        assertThat(a.blocked()).extracting(BlockedStep::step).contains("LITIGATION");
        assertThat(a.script().text()).isEqualTo("Ann, £100.00 is overdue.");
    }

    @Test
    void verify_noneAnywhere_isTheBuiltInOneOfTheLanguage() {
        Script s = strategy(SCRIPTS.replaceAll("(?m)^ {2}verify: .*$", "").replace("    verify: \"Scotland check for {name}.\"\n", ""))
                .assess(debtor(Jurisdiction.CN).build(), AS_OF).script();

        assertThat(s.verify()).startsWith("Hello, this is a customer adviser from the firm. May I speak with Ann, please?");
    }

    @Test
    void build_verifyNamingTheAmount_isRefused() {
        assertThatThrownBy(() -> strategy(SCRIPTS.replace("Is that {name}?\"\n  terms", "Is that {name}? You owe {amount}.\"\n  terms")))
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("defaults uses placeholder {amount} in verify: the right-party check is said before"
                        + " anything about the debt and may use only {agent}, {company} and {name}");
    }

    @Test
    void build_verifyWithADebtWord_isRefusedByTheLint() {
        assertThatThrownBy(() -> strategy(SCRIPTS.replace("Scotland check for {name}.", "Scotland check about your debt, {name}.")))
                .isInstanceOf(RulebookException.class)
                .hasMessageContaining("script HELLO (en, UK/SCOTLAND) contains forbidden phrase \"debt\" (verifyDisclosure)"
                        + " in its verify");
    }

    @Test
    void build_misspelledKeyOrBadVariant_isRefusedWithFileAndLine() {
        assertThatThrownBy(() -> strategy(SCRIPTS.replace("    do: [\"Be clear\"]", "    dont: [\"Be clear\"]")))
                .hasMessageContaining("scripts/en.yaml:15: script HELLO: unknown key dont; known keys: [avoid, do,"
                        + " jurisdictions, legal, text, title, verify]");
        assertThatThrownBy(() -> strategy(SCRIPTS.replace("      UK:\n", "      uk:\n")))
                .hasMessageContaining("script HELLO: jurisdictions.uk must be a jurisdiction code, or code/region");
        assertThatThrownBy(() -> strategy(SCRIPTS.replace("text: \"{name}, {amount} is overdue.\"",
                "text: \"{name}, {amount} is overdue from {legalStepDate}.\"")))
                .hasMessageContaining("script HELLO uses unknown placeholder {legalStepDate}")
                .hasMessageContaining("only in the legal part");
    }

    @Test
    void lint_amountNextToCurrency_isReported() {
        CollectionStrategy s = strategy(SCRIPTS.replace("{name}, {amount} is overdue.\"", "{name}, {amount} {currency} is overdue.\""));

        assertThat(s.authoring().lint()).extracting(RulebookProblem::message)
                .contains("script HELLO (en) writes {amount} next to {currency}: {amount} already says the currency as the"
                        + " locale does (5,046.53元, $5,046.53); drop {currency}");
    }
}
