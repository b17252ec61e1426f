package io.collectionstrategy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small rulebooks for the engine's own tests; the default rulebook is tested in the rules module. */
public final class TestRulebooks {

    public static final String HEADER = """
            package test;
            import io.collectionstrategy.*;
            import io.collectionstrategy.facts.*;
            global io.collectionstrategy.facts.Outcome outcome;
            """;

    public static final String RULES = HEADER + """

            // Long silence is evasive.
            rule "Avoiding contact is evasive"
                @id("T-001")
            when
                Debtor( behaviours contains Behaviour.AVOIDS_CONTACT )
            then
                outcome.evidence( "EVASIVE", 3, "behaviour AVOIDS_CONTACT" );
            end

            // Everyone overdue gets a call (a step inserted as a fact counts like outcome.step).
            rule "Overdue debtors are called"
                @id("T-002")
            when
                Debtor( daysOverdue > 0 )
            then
                insert( new EscalationStep( "PHONE_CALL", 2, "overdue" ) );
            end

            // A second rule proposes the same step earlier: the earliest wins.
            rule "Evasive debtors are called at once"
                @id("T-003")
            when
                Treatment( type == "EVASIVE" )
            then
                outcome.script( "HELLO" );
                outcome.step( "PHONE_CALL", 0, "evasive" );
                outcome.step( "SMS_FOLLOW_UP", 5, "a step the analyst invented" );
                outcome.warning( "CUSTOM_WARNING", "a warning the analyst invented" );
            end
            """;

    public static final String SCRIPTS_EN = """
            locale: en
            fallbacks:
              name: "customer"
            scripts:
              HELLO:
                title: "Hello"
                text: "Hello {name}, {amount} is {daysOverdue} days overdue since {dueDate} (case {caseId}, {currency}, {asOf})."
                do:
                  - "Be clear"
                avoid:
                  - "Be vague"
            """;

    public static final String SCRIPTS_ZH = """
            locale: zh-CN
            fallbacks:
              name: "客户"
            scripts:
              HELLO:
                title: "问候"
                text: "{name}您好，您的欠款{amount}已逾期{daysOverdue}天。"
            """;

    /** The steps of the test rulebooks' own, declared with the channel they contact the debtor by. */
    public static final String RULEBOOK_YAML = """
            steps:
              SMS_FOLLOW_UP: SMS
              EMPLOYER_CONTACT: CALL
              FRIENDLY_REMINDER: SMS
            """;

    private TestRulebooks() {
    }

    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/test.drl", RULES);
        files.put("scripts/en.yaml", SCRIPTS_EN);
        files.put("scripts/zh-CN.yaml", SCRIPTS_ZH);
        files.put("rulebook.yaml", RULEBOOK_YAML);
        return files;
    }

    public static Rulebook basic() {
        return Rulebook.of("test", files());
    }

    public static Rulebook with(String path, String content) {
        Map<String, String> files = files();
        files.put(path, content);
        return Rulebook.of("test", files);
    }
}
