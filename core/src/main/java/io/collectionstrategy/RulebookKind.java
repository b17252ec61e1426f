package io.collectionstrategy;

import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.Timeline;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.Outcome;
import io.collectionstrategy.facts.Treatment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one kind of rulebook is made of, for the engine's shared compile path ({@link CompiledRules}): the facts its
 * rules match, the types reachable from those facts, the vocabularies whose constants rules may use, and the
 * interface of the one global, {@code outcome}, that its rules write to. The rulebook sandbox admits exactly these
 * types and nothing else, so a kind is also the sandbox's allowlist of classes.
 *
 * <p>Two kinds are built in: {@link #COLLECTION} (the collection rulebook of {@link CollectionStrategy}) and the
 * incentive policy of {@code io.collectionstrategy.incentives}. A rulebook says which kind it is with {@code kind:} in
 * its {@code rulebook.yaml} ({@link Rulebook#kind()}); without it, it is a collection rulebook.
 *
 * <p>A kind is trusted Java code: every type it names can be read by analysts' rules, so name only immutable
 * values whose accessors have no side effects.
 *
 * @param name       the kind's name, as {@code kind:} in {@code rulebook.yaml} writes it, e.g. {@code collection}
 * @param outcome    the interface of the global {@code outcome} that rules write to
 * @param facts      the types rules may match in patterns
 * @param values     further types whose properties rules may read when a fact leads to them
 * @param vocabulary types whose constants (enum constants, {@code public static final} fields) rules may use
 * @param questions  yes/no methods with one argument that a fact answers, by fact type, e.g. {@code Debtor.has}
 * @param insertable types a rule may insert as {@code insert( new T( ... ) )}, with their number of arguments; the
 *                   engine counts them like calls on {@code outcome}
 * @param calls      the methods of {@code outcome} as messages name them, e.g. {@code step(step, inDays, reason)}
 * @param examples   the examples the sandbox's messages give, in this kind's terms
 */
public record RulebookKind(String name, Class<?> outcome, List<Class<?>> facts, List<Class<?>> values,
                           List<Class<?>> vocabulary, Map<Class<?>, Set<String>> questions,
                           Map<Class<?>, Integer> insertable, List<String> calls, Examples examples) {

    /** The kind of a rulebook whose {@code rulebook.yaml} names none. */
    public static final String DEFAULT_NAME = "collection";

    /**
     * The examples the sandbox's messages give, in a kind's own terms.
     *
     * @param pattern    a whole pattern, e.g. {@code Treatment( normal, debtor.daysOverdue >= 31 )}
     * @param nested     a pattern reading a property behind its fact, e.g. {@code Treatment( debtor.daysOverdue > 30 )}
     * @param constraint one constraint, e.g. {@code daysOverdue >= 31}
     * @param property   a property name, e.g. {@code daysOverdue}
     * @param call       a call on outcome, e.g. {@code outcome.step( "PHONE_CALL", 0, "why" )}
     * @param constant   a constant of a vocabulary, e.g. {@code Behaviour.AVOIDS_CONTACT}
     * @param variable   a variable name, e.g. {@code $debtor}
     * @param insertHint what to add to the message refusing {@code insertLogical}, or empty
     */
    public record Examples(String pattern, String nested, String constraint, String property, String call,
                           String constant, String variable, String insertHint) {
    }

    /** The collection rulebook: debtors, their clocks and their treatment, written to {@link Outcome}. */
    public static final RulebookKind COLLECTION = new RulebookKind(DEFAULT_NAME, Outcome.class,
            List.of(Debtor.class, Evaluation.class, LimitationClock.class, GuaranteePeriod.class, JudgmentClock.class,
                    Timeline.class, Treatment.class),
            List.of(Contact.class, Jurisdiction.class, Action.class, Promise.class, Payment.class),
            List.of(Behaviour.class, StatedReason.class, Circumstance.class, Channel.class, DebtorKind.class,
                    DebtorTypes.class, Situations.class, Steps.class, WarningCodes.class, Jurisdiction.class,
                    InterruptionKind.class, Promise.Status.class),
            Map.of(Debtor.class, Set.of("showed", "has")),
            Map.of(EscalationStep.class, 3, Warning.class, 2),
            List.of("evidence(type, points, cue)", "situation(name, precedence, cue)", "script(id)",
                    "step(step, inDays, reason)", "delay(step, days, reason)", "withdraw(step, reason)",
                    "warning(code, message)"),
            new Examples("Treatment( normal, debtor.daysOverdue >= 31 )", "Treatment( debtor.daysOverdue > 30 )",
                    "daysOverdue >= 31", "daysOverdue", "outcome.step( \"PHONE_CALL\", 0, \"why\" )",
                    "Behaviour.AVOIDS_CONTACT", "$debtor", ", and match the decided type and situation on Treatment"));

    /** Checks the parts and copies the lists. */
    public RulebookKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(examples, "examples");
        if (!outcome.isInterface()) {
            throw new IllegalArgumentException("the outcome of a rulebook kind must be an interface, was " + outcome);
        }
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("a rulebook kind needs at least one fact type");
        }
        facts = List.copyOf(facts);
        values = List.copyOf(values);
        vocabulary = List.copyOf(vocabulary);
        questions = Map.copyOf(questions);
        insertable = Map.copyOf(insertable);
        calls = List.copyOf(calls);
    }

    /** @return every type a rulebook of this kind may import by name, by its qualified name */
    public Map<String, Class<?>> importable() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        List<Class<?>> all = new ArrayList<>(facts);
        all.addAll(values);
        all.addAll(vocabulary);
        all.addAll(insertable.keySet());
        all.add(outcome);
        for (Class<?> c : all) {
            out.put(c.getName(), c);
        }
        return out;
    }

    /** @return the packages a rulebook of this kind may import whole: those of its types, then java.time and java.math */
    public List<String> importablePackages() {
        Set<String> out = new LinkedHashSet<>();
        for (Class<?> c : importable().values()) {
            out.add(c.getPackageName());
        }
        out.add("java.time");
        out.add("java.math");
        return List.copyOf(out);
    }

    /** @return the calls of {@code outcome} as a message lists them: {@code outcome.a, outcome.b or outcome.c} */
    public String writes() {
        List<String> names = calls.stream().map(c -> CompiledRulebook.OUTCOME + "." + c.substring(0, c.indexOf('(')))
                .toList();
        return join(names);
    }

    /** @return the calls with their arguments: {@code a(x), b(y) and c(z)} */
    String signatures() {
        if (calls.size() <= 1) {
            return String.join("", calls);
        }
        return String.join(", ", calls.subList(0, calls.size() - 1)) + " and " + calls.get(calls.size() - 1);
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
