package io.collectionstrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rulebook of some {@link RulebookKind} compiled by the engine and run one case at a time: the parser, sandbox and
 * knowledge builder that {@link CollectionStrategy} uses, pooled sessions, and the same bounds per case (a firing
 * limit, a wall-clock deadline enforced between firings and by the watchdog thread). It is the engine under the
 * kinds other than the collection rulebook, such as the incentive policy of {@code io.collectionstrategy.incentives}.
 * No Drools type appears in its signatures.
 *
 * <pre>{@code
 * CompiledRules rules = CompiledRules.compile(rulebook, kind, false, 10_000, Duration.ofSeconds(1));
 * List<FiredRule> fired = rules.run("R-1", recorder, List.of(fact));   // recorder implements kind.outcome()
 * }</pre>
 *
 * <p>Thread-safe: each run takes an empty session from a pool (or makes one) and gives it back emptied; a session
 * that failed or could not be emptied is thrown away.
 */
public final class CompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);

    /**
     * What a run's outcome may also be: told of each rule before it fires, so that what the rule writes can be
     * attributed to it.
     */
    @FunctionalInterface
    public interface FiringListener {

        /**
         * A rule is about to fire.
         *
         * @param rule its id and name
         */
        void firing(FiredRule rule);
    }

    private final Rulebook source;
    private final RulebookKind kind;
    private final CompiledRulebook.Built built;
    private final List<RuleInfo> rules;
    private final List<RuleParameter> parameters;
    private final int maxRuleFirings;
    private final long maxNanos;
    private final long graceNanos;
    private final boolean usesOutcome;
    private final Map<Class<?>, Boolean> matched = new ConcurrentHashMap<>();
    private final Map<String, FiredRule> firedRuleByName = new HashMap<>();
    private final Map<Rule, FiredRule> firedRuleByRule = new ConcurrentHashMap<>();
    private final Queue<Slot> sessions = new ConcurrentLinkedQueue<>();

    private CompiledRules(Rulebook source, RulebookKind kind, CompiledRulebook.Built built, int maxRuleFirings,
                          Duration maxRunTime, List<RuleParameter> parameters) {
        this.source = source;
        this.parameters = parameters;
        this.kind = kind;
        this.built = built;
        this.rules = built.rules().stream().map(d -> new RuleInfo(d.id(), d.name(), d.file(), d.line())).toList();
        this.maxRuleFirings = maxRuleFirings;
        this.maxNanos = maxRunTime.toNanos();
        this.graceNanos = Math.max(maxNanos, TimeUnit.SECONDS.toNanos(1));
        this.usesOutcome = built.usesOutcome();
        for (CompiledRulebook.RuleDef def : built.rules()) {
            firedRuleByName.put(def.name(), new FiredRule(def.id(), def.name()));
        }
    }

    /**
     * Compiles a rulebook of a kind: its kind must match ({@code kind:} in {@code rulebook.yaml}), every {@code .drl}
     * file is parsed once, checked by the sandbox (unless {@code allowUnsafeRules}), the fairness lint and the checks
     * of supported constructs, and compiled; every rule needs a unique {@code @id}.
     *
     * @param written          the source files, as written (parameters not yet put in)
     * @param kind             what its rules may read and write
     * @param allowUnsafeRules true to skip the sandbox: for rulebooks trusted as one's own code only
     * @param maxRuleFirings   how many rule firings one run may take, at least 1
     * @param maxRunTime       the wall-clock time one run may take, positive
     * @return the compiled rules
     * @throws RulebookException listing every problem as {@code file:line: message}
     */
    public static CompiledRules compile(Rulebook written, RulebookKind kind, boolean allowUnsafeRules,
                                        int maxRuleFirings, Duration maxRunTime) {
        Objects.requireNonNull(written, "rulebook");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        if (maxRuleFirings <= 0) {
            throw new IllegalArgumentException("maxRuleFirings must be positive: " + maxRuleFirings);
        }
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("maxRunTime must be positive: " + maxRunTime);
        }
        long start = System.nanoTime();
        List<RulebookProblem> problems = new ArrayList<>();
        RuleParameters.Resolved parameters = RuleParameters.resolve(written, problems);
        Rulebook rulebook = parameters.rulebook();
        var parsed = CompiledRulebook.check(rulebook, kind, allowUnsafeRules, problems);
        CompiledRulebook.throwIfAny(rulebook, problems);
        CompiledRulebook.Built built = CompiledRulebook.build(rulebook, kind, parsed, problems);
        LOG.info("compiled {} rulebook {} version {}: {} rules in {} ms", kind.name(), rulebook.name(),
                rulebook.version(), built.rules().size(), (System.nanoTime() - start) / 1_000_000);
        return new CompiledRules(rulebook, kind, built, maxRuleFirings, maxRunTime, parameters.describe(built.rules()));
    }

    /** @return the source files, as compiled */
    public Rulebook source() {
        return source;
    }

    /** @return the kind the rules were compiled as */
    public RulebookKind kind() {
        return kind;
    }

    /** @return the numbers the rules read by name ({@code parameters:} of {@code rulebook.yaml}), in file order */
    public List<RuleParameter> parameters() {
        return parameters;
    }

    /** @return each parameter that no rule reads, at its line of {@code rulebook.yaml}; empty when all are read */
    public List<RulebookProblem> unreadParameters() {
        return RuleParameters.unread(parameters, source);
    }

    /** @return the rules, by file and line */
    public List<RuleInfo> rules() {
        return rules;
    }

    /**
     * @param factType a fact type of the kind
     * @return whether some rule matches facts of this type; {@link #run} inserts only those
     */
    public boolean matches(Class<?> factType) {
        return matched.computeIfAbsent(factType, built::matches);
    }

    /**
     * Runs one case: inserts the facts some rule matches, fires the rules, and empties the session again.
     *
     * @param caseId  the case, named in failures and in the log (nothing else about it is logged)
     * @param outcome the global {@code outcome} for this run, an instance of the kind's outcome interface; told of
     *                each firing when it is also a {@link FiringListener}
     * @param facts   the case's facts
     * @return the rules that fired, each once, in the order they first fired
     * @throws AssessmentException when a rule fails, keeps firing past the limit or takes longer than allowed
     */
    public List<FiredRule> run(String caseId, Object outcome, List<?> facts) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(facts, "facts");
        if (!kind.outcome().isInstance(outcome)) {
            throw new IllegalArgumentException("the outcome of a " + kind.name() + " rulebook must be a "
                    + kind.outcome().getName() + ", was " + outcome.getClass().getName());
        }
        Slot slot = sessions.poll();
        if (slot == null) {
            slot = new Slot();
        }
        boolean reusable = false;
        slot.deadline = System.nanoTime() + maxNanos;
        slot.listener = outcome instanceof FiringListener l ? l : null;
        Watchdog.Run watch = Watchdog.start(slot.deadline, graceNanos, slot.session);
        slot.watch = watch;
        try {
            if (usesOutcome) {
                slot.session.setGlobal(CompiledRulebook.OUTCOME, outcome);
            }
            for (Object fact : facts) {
                if (fact != null && matches(fact.getClass())) {
                    slot.handles.add(slot.session.insert(fact));
                }
            }
            int fired = slot.session.fireAllRules(maxRuleFirings + 1);
            if (slot.timedOut || watch.expired) {
                throw timeout(caseId, slot);
            }
            if (fired > maxRuleFirings) {
                throw loop(caseId, slot);
            }
            List<FiredRule> result = List.copyOf(slot.fired);
            reusable = slot.clean();
            return result;
        } catch (AssessmentException e) {
            throw e;
        } catch (Throwable e) {
            watch.inConsequence = false;
            throw failure(caseId, slot, e);
        } finally {
            watch.inConsequence = false;
            boolean touched = Watchdog.end(watch);
            slot.watch = null;
            slot.listener = null;
            if (reusable && !touched) {
                sessions.offer(slot);
            } else {
                try {
                    slot.session.dispose();
                } catch (Throwable e) { // a session in a broken state: dropped anyway
                    LOG.debug("disposing a failed session: {}", e.toString());
                }
            }
        }
    }

    private RuntimeException failure(String caseId, Slot slot, Throwable e) {
        if (e instanceof InternalError || e instanceof UnknownError) {
            throw (Error) e;
        }
        if (slot.timedOut || slot.watch != null && slot.watch.expired) {
            return timeout(caseId, slot);
        }
        Throwable cause = e;
        Rule rule = null;
        if (e instanceof ConsequenceException ce) {
            rule = ce.getMatch() == null ? null : ce.getMatch().getRule();
            cause = ce.getCause() == null ? ce : ce.getCause();
        }
        FiredRule culprit = rule != null ? firedRule(rule) : e instanceof Error ? slot.current : null;
        String id = culprit == null ? null : culprit.id();
        String message;
        if (cause instanceof StackOverflowError) {
            message = who(culprit) + " recursed too deeply for case " + caseId + " (StackOverflowError) and was stopped";
        } else if (cause instanceof Error) {
            message = who(culprit) + " failed for case " + caseId + " with " + cause;
        } else if (culprit != null) {
            message = "rule " + id + " failed for case " + caseId + ": " + cause;
        } else {
            message = "the rules failed for case " + caseId + ": " + cause.getMessage();
        }
        if (cause instanceof Error || culprit == null) {
            LOG.warn("case {}: {}", caseId, message);
        }
        return new AssessmentException(caseId, id, message, cause);
    }

    private static String who(FiredRule rule) {
        return rule == null ? "the rules" : "rule " + rule.id() + " \"" + rule.name() + "\"";
    }

    private AssessmentException timeout(String caseId, Slot slot) {
        FiredRule rule = slot.current;
        String message = "the rules took longer than " + maxNanos / 1_000_000 + " ms for case " + caseId
                + " and were stopped" + (rule == null ? "" : ", in rule " + rule.id() + " \"" + rule.name() + "\"");
        LOG.warn(message);
        return new AssessmentException(caseId, rule == null ? null : rule.id(), message, null);
    }

    private AssessmentException loop(String caseId, Slot slot) {
        FiredRule rule = slot.fired.stream().max(Comparator.comparingInt(r -> slot.counts.getOrDefault(r, 0)))
                .orElse(new FiredRule("?", "?"));
        String message = "rule " + rule.id() + " \"" + rule.name() + "\" fired " + slot.counts.getOrDefault(rule, 0)
                + " times for case " + caseId + " and was stopped at the limit of " + maxRuleFirings
                + " rule firings (maxRuleFirings)";
        LOG.warn(message);
        return new AssessmentException(caseId, rule.id(), message, null);
    }

    private FiredRule firedRule(Rule rule) {
        FiredRule known = firedRuleByName.get(rule.getName());
        if (known != null) {
            return known;
        }
        Object id = rule.getMetaData().get("id");
        return new FiredRule(id == null ? rule.getName() : id.toString(), rule.getName());
    }

    /** A session with its listeners, used by one run at a time. */
    private final class Slot {
        final KieSession session = built.kieBase().newKieSession();
        final List<FiredRule> fired = new ArrayList<>();
        final Map<FiredRule, Integer> counts = new IdentityHashMap<>();
        final List<FactHandle> handles = new ArrayList<>();
        FiredRule current;
        long deadline;
        boolean timedOut;
        Watchdog.Run watch;
        FiringListener listener;

        Slot() {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    Rule rule = event.getMatch().getRule();
                    FiredRule known = firedRuleByRule.get(rule);
                    if (known == null) {
                        known = firedRuleByRule.computeIfAbsent(rule, CompiledRules.this::firedRule);
                    }
                    current = known;
                    if (counts.merge(known, 1, Integer::sum) == 1) {
                        fired.add(known);
                    }
                    if (listener != null) {
                        listener.firing(known);
                    }
                    if (System.nanoTime() - deadline > 0) {
                        timedOut = true;
                        session.halt();
                    }
                    Watchdog.Run w = watch;
                    if (w != null) {
                        w.inConsequence = true;
                    }
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Watchdog.Run w = watch;
                    if (w != null) {
                        w.inConsequence = false;
                    }
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        handles.add(event.getFactHandle()); // inserted by a rule: deleted with the run's facts
                    }
                }
            });
        }

        /** @return whether the session is empty again and can be reused */
        boolean clean() {
            for (int i = handles.size() - 1; i >= 0; i--) {
                FactHandle h = handles.get(i);
                if (((InternalFactHandle) h).isValid()) {
                    session.delete(h);
                }
            }
            handles.clear();
            counts.clear();
            fired.clear();
            current = null;
            timedOut = false;
            return session.getFactCount() == 0;
        }
    }
}
