package io.collectionstrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a compiled rulebook for mistakes the compiler does not see: script ids chosen by rules that have no text
 * in some locale, scripts that no rule can choose, reasons of rules that do not exist, and {@code {amount}} written
 * next to {@code {currency}} (the amount already names its currency).
 *
 * <p>Script ids are found in the DRL text: {@code outcome.script( "EARLY_REMINDER" )} uses one id;
 * {@code outcome.script( "TYPE_" + $type )} uses {@code TYPE_<type>} for every debtor type the rulebook names
 * (built-in types and every {@code "X"} in {@code outcome.evidence( "X"}), and {@code "SITUATION_" + $name} likewise
 * for every situation (built-in ones and every {@code "X"} in {@code outcome.situation( "X"}).
 */
final class PostCompileLint {

    private static final Pattern CHOICE = Pattern.compile("\\.script\\s*\\(\\s*\"([^\"]*)\"\\s*(\\+)?");
    private static final Pattern TYPE = Pattern.compile("\\.evidence\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern SITUATION = Pattern.compile("\\.situation\\s*\\(\\s*\"([^\"]+)\"");
    /** {@code {amount}} names its currency itself ({@code 5,046.53元}, {@code $5,046.53}): next to {@code {currency}} it says it twice. */
    private static final Pattern AMOUNT_AND_CURRENCY = Pattern.compile("\\{amount}\\s*\\{currency}|\\{currency}\\s*\\{amount}");
    private static final List<String> BUILT_IN_TYPES = List.of(DebtorTypes.PROVOCATIVE, DebtorTypes.EVASIVE,
            DebtorTypes.VICTIM, DebtorTypes.CONFIDENT, DebtorTypes.STUBBORN, DebtorTypes.SOPHISTICATED,
            DebtorTypes.SERIAL_PROMISER, DebtorTypes.UNCLASSIFIED);

    private PostCompileLint() {
    }

    /** A script id some rule can choose, and where. */
    record Use(String scriptId, String file, int line) {
    }

    static List<RulebookProblem> lint(CompiledRulebook book) {
        List<RulebookProblem> problems = new ArrayList<>();
        Map<String, Use> uses = usedScripts(book.source);
        for (Use use : uses.values()) {
            for (String locale : book.scripts.locales()) {
                if (book.scripts.template(use.scriptId(), locale) == null) {
                    problems.add(new RulebookProblem(use.file(), use.line(), "script " + use.scriptId()
                            + " is chosen here but has no text in locale " + locale));
                }
            }
            if (book.scripts.locales().isEmpty()) {
                problems.add(new RulebookProblem(use.file(), use.line(), "script " + use.scriptId()
                        + " is chosen here but the rulebook has no script catalogue"));
            }
        }
        for (ScriptCatalogue.Template t : book.scripts.templates()) {
            if (!uses.containsKey(t.id()) && !unusedReported(problems, t.id())) {
                problems.add(new RulebookProblem(t.file(), t.line(), "script " + t.id() + " is not chosen by any rule"));
            }
        }
        for (ScriptCatalogue.Template t : book.scripts.templates()) {
            if (AMOUNT_AND_CURRENCY.matcher(t.text()).find() || AMOUNT_AND_CURRENCY.matcher(t.legal()).find()) {
                String who = "script " + t.id() + " (" + t.locale() + (t.variant() == null ? "" : ", " + t.variant()) + ")";
                problems.add(new RulebookProblem(t.file(), t.line(), who + " writes {amount} next to {currency}: {amount}"
                        + " already says the currency as the locale does (5,046.53元, $5,046.53); drop {currency}"));
            }
        }
        java.util.Set<String> ruleIds = new java.util.HashSet<>();
        book.rules.forEach(r -> ruleIds.add(r.id()));
        for (ScriptCatalogue.Reason r : book.scripts.reasons()) {
            String rule = r.key().substring(0, r.key().indexOf('/'));
            if (!ruleIds.contains(rule)) {
                problems.add(new RulebookProblem(r.file(), r.line(), "reason " + r.key() + " names rule " + rule
                        + ", which the rulebook does not have"));
            }
        }
        problems.addAll(RuleParameters.unread(book.parameters, book.source));
        return problems;
    }

    private static boolean unusedReported(List<RulebookProblem> problems, String id) {
        return problems.stream().anyMatch(p -> p.message().equals("script " + id + " is not chosen by any rule"));
    }

    /** Every script id the rules can choose, with the place of the first rule that chooses it. */
    static Map<String, Use> usedScripts(Rulebook rulebook) {
        Set<String> types = new LinkedHashSet<>(BUILT_IN_TYPES);
        Set<String> situations = new TreeSet<>(List.of(Situations.DECEASED, Situations.FRAUD, Situations.BANKRUPTCY,
                Situations.DISPUTE, Situations.COMPLAINT, Situations.LITIGATION));
        for (String path : rulebook.paths(".drl")) {
            String text = rulebook.files().get(path);
            collect(TYPE, text, types);
            collect(SITUATION, text, situations);
        }
        Map<String, Use> uses = new LinkedHashMap<>();
        for (String path : rulebook.paths(".drl")) {
            String[] lines = rulebook.files().get(path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = CHOICE.matcher(lines[i]);
                while (m.find()) {
                    String id = m.group(1);
                    if (m.group(2) == null) {
                        uses.putIfAbsent(id, new Use(id, path, i + 1));
                    } else {
                        Set<String> names = id.startsWith("TYPE") ? types : id.startsWith("SITUATION") ? situations : Set.of();
                        for (String name : names) {
                            uses.putIfAbsent(id + name, new Use(id + name, path, i + 1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
