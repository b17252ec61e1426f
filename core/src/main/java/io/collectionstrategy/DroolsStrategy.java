package io.collectionstrategy;

import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.JudgmentClock;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.Timeline;
import io.collectionstrategy.facts.Treatment;
import io.collectionstrategy.check.ScenarioReport;
import io.collectionstrategy.check.ScenarioTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: runs one debtor at a time through a compiled rulebook, in two stages (see
 * {@link io.collectionstrategy.facts}), in an empty Drools session. Sessions are kept for reuse; after each assessment
 * the facts it inserted are deleted, so the next one starts from the same state as in a new session without paying
 * for building or resetting one. A session that cannot be emptied (a rule loop, a failure) is thrown away.
 */
final class DroolsStrategy implements CollectionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsStrategy.class);

    private final CompiledRulebook book;
    private final Locale locale;
    private final String localeTag;
    private final int maxRuleFirings;
    /** The wall-clock time one assessment may take, in nanoseconds. */
    private final long maxNanos;
    /** How long past the deadline a consequence may still run before its thread is stopped, in nanoseconds. */
    private final long graceNanos;
    private final Map<String, FiredRule> firedRuleByName = new HashMap<>();
    /** The same by Drools' rule object, filled as rules fire: a lookup by identity on every firing. */
    private final Map<Rule, FiredRule> firedRuleByRule = new java.util.concurrent.ConcurrentHashMap<>();
    /** Empty sessions ready for reuse; grows to the number of threads assessing at once. */
    private final Queue<Slot> sessions = new ConcurrentLinkedQueue<>();
    private final Authoring authoring = new DroolsAuthoring();
    /**
     * Whether {@code maxAssessmentTime} is the default: then the first {@value #COLD_ASSESSMENTS} assessments of this
     * strategy get at least {@link #COLD_NANOS}, because a cold JVM (class loading, the JIT) can take longer than
     * the default on a busy machine. A deadline the caller set is always kept exactly.
     */
    private final boolean defaultDeadline;
    /** Assessments that completed, counted until the strategy is warm. */
    private final java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean warm;
    static final int COLD_ASSESSMENTS = 16;
    static final long COLD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    /** The collector's and the firm's names for {@code {agent}} and {@code {company}}, or {@code null} for the fallbacks. */
    private final String agent;
    private final String company;

    DroolsStrategy(CompiledRulebook book, Locale locale, int maxRuleFirings, java.time.Duration maxAssessmentTime,
                   String agent, String company) {
        this.book = book;
        this.agent = agent;
        this.company = company;
        this.maxRuleFirings = maxRuleFirings;
        this.maxNanos = maxAssessmentTime.toNanos();
        this.graceNanos = Math.max(maxNanos, java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        this.defaultDeadline = maxAssessmentTime.toMillis() == CollectionStrategy.Builder.DEFAULT_MAX_ASSESSMENT_MILLIS;
        this.localeTag = resolve(book, locale);
        this.locale = Locale.forLanguageTag(localeTag);
        for (CompiledRulebook.RuleDef def : book.rules) {
            firedRuleByName.put(def.name(), new FiredRule(def.id(), def.name()));
        }
    }

    private static String resolve(CompiledRulebook book, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String tag = book.scripts.resolve(locale);
        if (tag == null) {
            throw new IllegalArgumentException("locale must be one of " + book.scripts.locales()
                    + " (the script catalogue's locales), was " + locale.toLanguageTag());
        }
        return tag;
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf) {
        return run(debtor, asOf, null, localeTag, null);
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
        return run(debtor, asOf, null, resolve(book, locale), null);
    }

    @Override
    public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
        Objects.requireNonNull(at, "at");
        return run(debtor, at.toLocalDate(), at, resolve(book, locale), null);
    }

    /**
     * @param merged where the step proposals that lost a merge go ({@link Authoring#trace}), or {@code null} when
     *               nobody asked: the path of {@code assess} then does nothing more
     */
    private Assessment run(Debtor debtor, LocalDate asOf, OffsetDateTime at, String tag, List<MergedStep> merged) {
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(asOf, "asOf");
        if (debtor.lastInterruption() != null && debtor.lastInterruption().isAfter(asOf)) {
            throw new InvalidDebtorException("lastInterruption", debtor.lastInterruption().toString(),
                    "on or before asOf (" + asOf + ")");
        }
        if (debtor.dueDate() != null && debtor.dueDate().isAfter(asOf)) {
            throw new InvalidDebtorException("dueDate", debtor.dueDate().toString(), "on or before asOf (" + asOf + ")");
        }
        notAfter("judgmentDate", debtor.judgmentDate(), asOf);
        notAfter("guarantorDemandServed", debtor.guarantorDemandServed(), asOf);
        JurisdictionProfile jurisdiction = book.profiles.get(debtor.jurisdiction());
        if (jurisdiction == null) {
            throw new InvalidDebtorException("jurisdiction", debtor.jurisdiction().code(), "one of "
                    + new java.util.TreeSet<>(book.profiles.keySet()) + " (the jurisdictions of rulebook "
                    + book.source.name() + ")");
        }
        JurisdictionProfile profile = jurisdiction.forRegion(debtor.region());
        Timeline timeline = Timelines.derive(debtor, asOf, book.timeline);
        debtor = Timelines.withCounters(debtor, timeline);
        long start = System.nanoTime();
        Slot slot = sessions.poll();
        if (slot == null) {
            slot = new Slot();
        }
        boolean reusable = false;
        long limit = warm || !defaultDeadline ? maxNanos : Math.max(maxNanos, COLD_NANOS);
        slot.limit = limit;
        slot.deadline = start + limit;
        Watchdog.Run watch = Watchdog.start(slot.deadline, Math.max(graceNanos, limit), slot.session);
        slot.watch = watch;
        try {
            LocalDate dueDate = debtor.effectiveDueDate(asOf);
            boolean inProceedings = debtor.has(Circumstance.IN_LITIGATION) || debtor.has(Circumstance.JUDGMENT_OBTAINED)
                    || debtor.judgmentDate() != null;
            LimitationClock limitation = profile.limitation(dueDate,
                    Timelines.interruptions(debtor, timeline, profile.promisesAcknowledge()), asOf, inProceedings);
            GuaranteePeriod guarantee = debtor.hasGuarantor() ? profile.guarantee(dueDate, debtor.guaranteeEnds(),
                    debtor.guarantorDemandServed(), asOf) : null;
            JudgmentClock judgment = profile.judgment(debtor.judgmentDate(), asOf);
            Evaluation evaluation = new Evaluation(asOf, at, dueDate);
            Recorder out = slot.recorder;
            // Stage one: the rules on the debtor and the clocks give evidence, situations and warnings.
            slot.insert(debtor, book.stage.debtor());
            slot.insert(evaluation, book.stage.evaluation());
            slot.insert(limitation, book.stage.limitation());
            if (guarantee != null) {
                slot.insert(guarantee, book.stage.guarantee());
            }
            if (judgment != null) {
                slot.insert(judgment, book.stage.judgment());
            }
            if (timeline != Timeline.EMPTY) {
                slot.insert(timeline, book.stage.timeline());
            }
            int fired = slot.session.fireAllRules(maxRuleFirings + 1);
            if (slot.timedOut || watch.expired) {
                throw timeout(debtor, slot);
            }
            // Between the stages the engine decides the type and the situation; stage two chooses the treatment.
            String type = out.type(book.minimumPoints, book.tieOrder);
            String situation = out.situation();
            if (book.stage.treatment() && fired <= maxRuleFirings) {
                boolean large = book.largeExposure != null && debtor.amountOverdue().compareTo(book.largeExposure) >= 0;
                slot.insert(new Treatment(debtor, type, situation, limitation, guarantee, evaluation, judgment, large,
                        timeline), true);
                fired += slot.session.fireAllRules(maxRuleFirings + 1 - fired);
            }
            if (slot.timedOut || watch.expired) {
                throw timeout(debtor, slot);
            }
            if (fired > maxRuleFirings) {
                throw loop(debtor, slot);
            }
            Assessment assessment = collect(debtor, asOf, at, tag, out, type, situation, slot.fired, profile,
                    limitation, guarantee, judgment, timeline);
            if (merged != null) {
                merged(out, merged, tag, debtor, asOf, limitation, guarantee);
            }
            reusable = slot.clean();
            if (!warm && completed.incrementAndGet() >= COLD_ASSESSMENTS) {
                warm = true;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("case {}: {} / {} in {} us, {} rules fired", debtor.id(), assessment.debtorType(),
                        assessment.situation(), (System.nanoTime() - start) / 1000, assessment.firedRules().size());
            }
            return assessment;
        } catch (AssessmentException | InvalidDebtorException e) {
            throw e;
        } catch (Throwable e) {
            watch.inConsequence = false; // a consequence that threw never reaches afterMatchFired
            throw failure(debtor, slot, e);
        } finally {
            watch.inConsequence = false;
            boolean touched = Watchdog.end(watch);
            slot.watch = null;
            if (reusable && !touched) {
                sessions.offer(slot);
            } else {
                discard(slot);
            }
        }
    }

    private static void notAfter(String field, LocalDate date, LocalDate asOf) {
        if (date != null && date.isAfter(asOf)) {
            throw new InvalidDebtorException(field, date.toString(), "on or before asOf (" + asOf + ")");
        }
    }

    /** Disposes of a session that failed or could not be emptied; nothing of it is used again. */
    private static void discard(Slot slot) {
        try {
            slot.session.dispose();
        } catch (Throwable e) { // a session in a broken state: it is dropped anyway
            LOG.debug("disposing a failed session: {}", e.toString());
        }
    }

    /**
     * Turns what a rule threw into the failure of this one assessment: a rule's exception, an {@code Error} the JVM
     * survives ({@code StackOverflowError}, {@code OutOfMemoryError} of a rule allocating, {@code ThreadDeath} of the
     * watchdog), or the interrupt of the deadline. Errors that mean the JVM itself is broken are rethrown.
     */
    private RuntimeException failure(Debtor debtor, Slot slot, Throwable e) {
        if (e instanceof InternalError || e instanceof UnknownError) {
            throw (Error) e;
        }
        if (slot.timedOut || slot.watch != null && slot.watch.expired) {
            return timeout(debtor, slot);
        }
        Throwable cause = e;
        Rule rule = null;
        if (e instanceof ConsequenceException ce) {
            rule = ce.getMatch() == null ? null : ce.getMatch().getRule();
            cause = ce.getCause() == null ? ce : ce.getCause();
        }
        FiredRule culprit = rule != null ? firedRule(rule) : e instanceof Error ? slot.current : null;
        String id = culprit == null ? null : culprit.id();
        String who = culprit == null ? "the rules" : "rule " + id + " \"" + culprit.name() + "\"";
        String message;
        if (cause instanceof StackOverflowError) {
            message = who + " recursed too deeply for case " + debtor.id() + " (StackOverflowError) and was stopped";
        } else if (cause instanceof OutOfMemoryError) {
            message = who + " ran out of memory for case " + debtor.id() + " (" + cause + ") and was stopped";
        } else if (cause instanceof Error) {
            message = who + " failed for case " + debtor.id() + " with " + cause;
        } else if (culprit != null) {
            message = "rule " + id + " failed for case " + debtor.id() + ": " + cause;
        } else {
            message = "the rules failed for case " + debtor.id() + ": " + cause.getMessage();
        }
        if (cause instanceof Error || culprit == null) {
            LOG.warn("case {}: {}", debtor.id(), SafeText.escape(message));
        }
        return new AssessmentException(debtor.id(), id, message, cause);
    }

    private AssessmentException timeout(Debtor debtor, Slot slot) {
        FiredRule rule = slot.current;
        long ms = (System.nanoTime() - (slot.deadline - slot.limit)) / 1_000_000;
        String message = "the rules took longer than " + slot.limit / 1_000_000 + " ms (maxAssessmentTime) for case "
                + debtor.id() + " and were stopped after " + ms + " ms"
                + (rule == null ? "" : ", in rule " + rule.id() + " \"" + rule.name() + "\" (it had fired "
                + slot.counts.getOrDefault(rule, 0) + " times)");
        LOG.warn(SafeText.escape(message));
        return new AssessmentException(debtor.id(), rule == null ? null : rule.id(), message, null);
    }

    /**
     * The firing limit was reached. The rule to blame is the one that keeps re-activating rules: of the rules that
     * changed facts (insert, update, delete) while firing, the one that did so most often; a rule that only fired as
     * often because the culprit's changes woke it up is not blamed. Without such a rule, the one that fired most.
     */
    private AssessmentException loop(Debtor debtor, Slot slot) {
        java.util.function.ToIntFunction<FiredRule> writes = r -> slot.writes.getOrDefault(r, 0);
        java.util.function.ToIntFunction<FiredRule> firings = r -> slot.counts.getOrDefault(r, 0);
        Comparator<FiredRule> blame = Comparator.comparingInt(writes).thenComparingInt(firings);
        FiredRule rule = slot.fired.stream().max(blame).orElse(new FiredRule("?", "?"));
        List<String> alike = slot.fired.stream().filter(r -> r != rule && blame.compare(r, rule) == 0)
                .map(FiredRule::id).toList();
        String message = "rule " + rule.id() + " \"" + rule.name() + "\" fired " + firings.applyAsInt(rule)
                + " times for case " + debtor.id() + " and was stopped at the limit of " + maxRuleFirings
                + " rule firings (maxRuleFirings): "
                + (writes.applyAsInt(rule) > 0 ? "it changed facts " + writes.applyAsInt(rule) + " times, which makes"
                        + " rules fire again" : "it probably keeps re-activating itself")
                + (alike.isEmpty() ? "" : "; " + String.join(", ", alike) + " did the same as often");
        LOG.warn(SafeText.escape(message));
        return new AssessmentException(debtor.id(), rule.id(), message, null);
    }

    private Assessment collect(Debtor debtor, LocalDate asOf, OffsetDateTime at, String tag, Recorder out, String type,
                               String situation, List<FiredRule> fired, JurisdictionProfile profile,
                               LimitationClock limitation, GuaranteePeriod guarantee, JudgmentClock judgment,
                               Timeline timeline) {
        Map<String, Warning> warnings = new LinkedHashMap<>(out.warnings);
        List<EscalationStep> escalation = new ArrayList<>(out.steps.values());
        escalation.sort(Comparator.comparingInt(EscalationStep::inDays));
        translateReasons(escalation, warnings, tag, debtor, asOf, limitation, guarantee);
        Messages.Bound texts = Messages.of(tag).in(debtor.jurisdiction().code());
        if (!out.adjustments.isEmpty()) {
            escalation = adjusted(escalation, out.adjustments, warnings, texts);
        }
        Timelines.Held held = Timelines.hold(escalation, timeline, asOf, book.timeline, limitation, guarantee, judgment);
        escalation = held.steps();
        for (Warning w : held.warnings()) {
            warnings.putIfAbsent(w.code(), w);
        }
        ComplianceGuard.Case guardCase = new ComplianceGuard.Case(debtor, asOf, at, profile, situation, limitation,
                guarantee, judgment, texts, book.declaredContactSteps);
        ComplianceGuard.Verdict guarded = ComplianceGuard.apply(guardCase, escalation, out.scriptId,
                id -> book.scripts.template(id, tag) != null);
        for (Warning w : guarded.warnings()) {
            warnings.putIfAbsent(w.code(), w);
        }
        String scriptId = guarded.scriptId();
        Script script = null;
        if (scriptId != null) {
            ScriptCatalogue.Template t = book.scripts.template(scriptId, tag);
            if (t == null) {
                String id = scriptId;
                t = book.scripts.locales().stream().map(l -> book.scripts.template(id, l)).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                warnings.putIfAbsent(WarningCodes.SCRIPT_MISSING, new Warning(WarningCodes.SCRIPT_MISSING, t == null
                        ? texts.text("engine.scriptMissingEverywhere", "script", scriptId, "locale", tag)
                        : texts.text("engine.scriptMissing", "script", scriptId, "locale", tag, "shown", t.locale()),
                        null));
            }
            if (t != null) {
                t = book.scripts.forJurisdiction(t, debtor.jurisdiction().code(), debtor.region());
                EscalationStep legal = guarded.firstLegalStep(guardCase);
                script = book.scripts.render(t, new Placeholder.Values(debtor, asOf, null, null, agent, company,
                        legal == null ? null : ScriptCatalogue.term(t, legal.step()),
                        legal == null ? null : asOf.plusDays(legal.inDays())));
            }
        }
        return Assessment.of(debtor.id(), type, situation, script, guarded.steps(), new ArrayList<>(warnings.values()),
                guarded.blocked(), fired, book.source.info(), out.evidence, asOf);
    }

    /**
     * Replaces the rules' own reasons and warning messages by the catalogue's translation for the locale, where it has
     * one ({@code reasons:} in {@code scripts/<locale>.yaml}, keyed {@code RULE-ID/STEP} or {@code RULE-ID/CODE}).
     */
    /**
     * The proposed steps after the rules' delays (the longest per step; its reason says by how much, by which rule and
     * why) and withdrawals (the first per step, told in the warning {@code STEP_WITHDRAWN}). Only later or gone: the
     * timeline, the contact limits and the legal vetoes apply afterwards.
     */
    private static List<EscalationStep> adjusted(List<EscalationStep> steps, List<Recorder.Adjustment> adjustments,
                                                 Map<String, Warning> warnings, Messages.Bound m) {
        Map<String, Recorder.Adjustment> delays = new LinkedHashMap<>();
        Map<String, Recorder.Adjustment> withdrawals = new LinkedHashMap<>();
        for (Recorder.Adjustment a : adjustments) {
            if (a.days() == 0) {
                withdrawals.putIfAbsent(a.step(), a);
            } else {
                delays.merge(a.step(), a, (x, y) -> y.days() > x.days() ? y : x);
            }
        }
        List<EscalationStep> kept = new ArrayList<>(steps.size());
        List<String> told = new ArrayList<>();
        String firstRule = null;
        for (EscalationStep s : steps) {
            Recorder.Adjustment w = withdrawals.get(s.step());
            if (w != null) {
                told.add(m.text("warning.withdrawn", "step", s.step(), "rule", String.valueOf(w.rule()), "why", w.reason()));
                firstRule = firstRule == null ? w.rule() : firstRule;
                continue;
            }
            Recorder.Adjustment d = delays.get(s.step());
            if (d == null) {
                kept.add(s);
                continue;
            }
            int later = (int) Math.min((long) s.inDays() + d.days(), Integer.MAX_VALUE); // never wraps to earlier
            kept.add(new EscalationStep(s.step(), later, m.text("step.delayed", "reason", s.reason(), "days", d.days(),
                    "rule", String.valueOf(d.rule()), "why", d.reason()), s.rule()));
        }
        if (!told.isEmpty()) {
            warnings.putIfAbsent(WarningCodes.STEP_WITHDRAWN, new Warning(WarningCodes.STEP_WITHDRAWN,
                    String.join("; ", told), firstRule));
        }
        kept.sort(Comparator.comparingInt(EscalationStep::inDays));
        return kept;
    }

    /**
     * The proposals that lost a merge, each with the proposal it lost to for good: the one the rules left in
     * {@code out.steps} at the end of the stages, before delays, withdrawals, the timeline and the guard. Reasons are
     * translated as the kept steps' are.
     */
    private void merged(Recorder out, List<MergedStep> sink, String tag, Debtor debtor, LocalDate asOf,
                        LimitationClock limitation, GuaranteePeriod guarantee) {
        if (out.merged.isEmpty()) {
            return;
        }
        Placeholder.Values values = book.scripts.hasReasons(tag)
                ? new Placeholder.Values(debtor, asOf, limitation, guarantee) : null;
        for (EscalationStep lost : out.merged) {
            EscalationStep kept = out.steps.get(lost.step());
            String text = values == null ? null : book.scripts.reason(tag, lost.rule(), lost.step(), values);
            sink.add(new MergedStep(lost.step(), lost.inDays(), text == null ? lost.reason() : text, lost.rule(),
                    kept.inDays(), kept.rule()));
        }
    }

    private void translateReasons(List<EscalationStep> steps, Map<String, Warning> warnings, String tag, Debtor debtor,
                                  LocalDate asOf, LimitationClock limitation, GuaranteePeriod guarantee) {
        if (!book.scripts.hasReasons(tag)) {
            return;
        }
        Placeholder.Values values = new Placeholder.Values(debtor, asOf, limitation, guarantee);
        steps.replaceAll(s -> {
            String text = book.scripts.reason(tag, s.rule(), s.step(), values);
            return text == null ? s : new EscalationStep(s.step(), s.inDays(), text, s.rule());
        });
        warnings.replaceAll((code, w) -> {
            String text = book.scripts.reason(tag, w.rule(), w.code(), values);
            return text == null ? w : new Warning(w.code(), text, w.rule());
        });
    }

    private FiredRule firedRule(Rule rule) {
        FiredRule known = firedRuleByName.get(rule.getName());
        if (known != null) {
            return known;
        }
        Object id = rule.getMetaData().get("id");
        return new FiredRule(id == null ? rule.getName() : id.toString(), rule.getName());
    }

    /**
     * A session with its recorder and listeners, used by one assessment at a time. After an assessment every fact it
     * inserted is deleted again, which is much cheaper than resetting the session.
     */
    private final class Slot {
        final KieSession session = book.kieBase.newKieSession();
        final Recorder recorder = new Recorder();
        /** Each rule once, in the order it first fired (the assessment keeps a copy). */
        final List<FiredRule> fired = new ArrayList<>();
        final Map<FiredRule, Integer> counts = new IdentityHashMap<>();
        /** How often each rule changed facts (insert, update, delete) while firing: what makes rules fire again. */
        final Map<FiredRule, Integer> writes = new IdentityHashMap<>();
        /** The rule firing now (or last), for the messages of failures and deadlines. */
        FiredRule current;
        /** {@link System#nanoTime()} by which this assessment must be over. */
        long deadline;
        /** The time this assessment may take, in nanoseconds. */
        long limit;
        /** Set when the listener found the deadline passed between two firings. */
        boolean timedOut;
        /** The watchdog's view of this assessment, while it runs. */
        Watchdog.Run watch;
        /** Every fact handle inserted during this assessment, by the engine or by rules. */
        final List<FactHandle> handles = new ArrayList<>();

        Slot() {
            if (book.usesOutcome) {
                session.setGlobal(CompiledRulebook.OUTCOME, recorder);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    Rule rule = event.getMatch().getRule();
                    FiredRule known = firedRuleByRule.get(rule); // a plain read: no lock shared between threads
                    if (known == null) {
                        known = firedRuleByRule.computeIfAbsent(rule, DroolsStrategy.this::firedRule);
                    }
                    recorder.rule = known.id();
                    current = known;
                    if (counts.merge(known, 1, Integer::sum) == 1) {
                        fired.add(known);
                    }
                    if (System.nanoTime() - deadline > 0) {
                        timedOut = true;
                        session.halt(); // after this firing; the assessment then fails with the deadline's message
                    }
                    Watchdog.Run w = watch;
                    if (w != null) {
                        w.inConsequence = true;
                    }
                }

                @Override
                public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                    Watchdog.Run w = watch;
                    if (w != null) {
                        w.inConsequence = false;
                    }
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() == null) {
                        return; // inserted by the engine: already in handles
                    }
                    handles.add(event.getFactHandle());
                    wrote();
                    // steps and warnings inserted as facts count like outcome.step(...) and outcome.warning(...)
                    if (event.getObject() instanceof EscalationStep s) {
                        recorder.add(s.withRule(recorder.rule));
                    } else if (event.getObject() instanceof Warning w) {
                        recorder.add(w.withRule(recorder.rule));
                    }
                }

                @Override
                public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                    if (event.getRule() != null) {
                        wrote();
                    }
                }

                @Override
                public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
                    if (event.getRule() != null) {
                        wrote();
                    }
                }
            });
        }

        private void wrote() {
            if (current != null) {
                writes.merge(current, 1, Integer::sum);
            }
        }

        void insert(Object fact, boolean used) {
            if (used) {
                handles.add(session.insert(fact));
            }
        }

        /**
         * Deletes every fact of the assessment and makes the slot ready for the next one.
         *
         * @return whether the session is empty again and can be reused
         */
        boolean clean() {
            for (int i = handles.size() - 1; i >= 0; i--) {
                FactHandle h = handles.get(i);
                if (((InternalFactHandle) h).isValid()) {
                    session.delete(h);
                }
            }
            handles.clear(); // the deletions propagate at the next fireAllRules, before anything the next debtor adds
            recorder.clear();
            counts.clear();
            writes.clear();
            fired.clear();
            current = null;
            timedOut = false;
            return session.getFactCount() == 0;
        }
    }

    @Override
    public RulebookInfo rulebook() {
        return book.source.info();
    }

    @Override
    public List<Locale> locales() {
        return book.scripts.locales().stream().map(Locale::forLanguageTag).toList();
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Authoring authoring() {
        return authoring;
    }

    /**
     * The authoring view: the rules by file and line, the lint of the compiled rulebook, its scenario tables, and the
     * trace of one assessment.
     */
    private final class DroolsAuthoring implements Authoring {
        @Override
        public Rulebook source() {
            return book.source;
        }

        @Override
        public List<RuleInfo> rules() {
            return book.rules.stream().map(d -> new RuleInfo(d.id(), d.name(), d.file(), d.line())).toList();
        }

        @Override
        public java.util.OptionalInt minimumPoints() {
            return java.util.OptionalInt.of(book.minimumPoints);
        }

        @Override
        public List<RuleParameter> parameters() {
            return book.parameters;
        }

        @Override
        public List<RulebookProblem> lint() {
            return PostCompileLint.lint(book);
        }

        @Override
        public ScenarioReport runScenarios() {
            return ScenarioTables.run(DroolsStrategy.this);
        }

        @Override
        public ScenarioReport runScenarios(Path fileOrDirectory) {
            return ScenarioTables.run(DroolsStrategy.this, fileOrDirectory);
        }

        @Override
        public AssessmentTrace trace(Debtor debtor, LocalDate asOf, Locale locale) {
            Objects.requireNonNull(debtor, "debtor");
            Objects.requireNonNull(asOf, "asOf");
            List<MergedStep> merged = new ArrayList<>();
            Assessment a = run(debtor, asOf, null, resolve(book, locale), merged);
            return new AssessmentTrace(a, merged);
        }

        @Override
        public AssessmentTrace trace(Debtor debtor, OffsetDateTime at, Locale locale) {
            Objects.requireNonNull(debtor, "debtor");
            Objects.requireNonNull(at, "at");
            List<MergedStep> merged = new ArrayList<>();
            Assessment a = run(debtor, at.toLocalDate(), at, resolve(book, locale), merged);
            return new AssessmentTrace(a, merged);
        }
    }
}
