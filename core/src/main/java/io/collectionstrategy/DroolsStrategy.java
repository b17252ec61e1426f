package io.collectionstrategy;

import io.collectionstrategy.facts.Classification;
import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.ScriptChoice;
import io.collectionstrategy.facts.Situation;
import io.collectionstrategy.facts.TypeEvidence;
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
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: runs one debtor at a time through a compiled rulebook in a clean Drools session. Sessions come from a
 * pool and are reset (facts, agenda, truth maintenance, listeners) when they go back, so each assessment starts from
 * the same state as in a new session without paying for building one.
 */
final class DroolsStrategy implements CollectionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsStrategy.class);
    private static final String TIME_BARRED = "TIME_BARRED";

    private final CompiledRulebook book;
    private final Locale locale;
    private final String localeTag;
    private final int maxRuleFirings;
    private final Map<String, FiredRule> firedRuleByName = new HashMap<>();
    /** Reset sessions ready for reuse; grows to the number of threads assessing at once. */
    private final KieSessionsPool sessions;

    DroolsStrategy(CompiledRulebook book, Locale locale, int maxRuleFirings) {
        this.book = book;
        this.maxRuleFirings = maxRuleFirings;
        this.localeTag = resolve(book, locale);
        this.locale = Locale.forLanguageTag(localeTag);
        for (CompiledRulebook.RuleDef def : book.rules) {
            firedRuleByName.put(def.name(), new FiredRule(def.id(), def.name()));
        }
        this.sessions = book.kieBase.newKieSessionsPool(1);
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
        return run(debtor, asOf, null, localeTag);
    }

    @Override
    public Assessment assess(Debtor debtor, LocalDate asOf, Locale locale) {
        return run(debtor, asOf, null, resolve(book, locale));
    }

    @Override
    public Assessment assess(Debtor debtor, OffsetDateTime at, Locale locale) {
        Objects.requireNonNull(at, "at");
        return run(debtor, at.toLocalDate(), at, resolve(book, locale));
    }

    private Assessment run(Debtor debtor, LocalDate asOf, OffsetDateTime at, String tag) {
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(asOf, "asOf");
        if (debtor.lastInterruption() != null && debtor.lastInterruption().isAfter(asOf)) {
            throw new InvalidDebtorException("lastInterruption", debtor.lastInterruption().toString(),
                    "on or before asOf (" + asOf + ")");
        }
        if (debtor.dueDate() != null && debtor.dueDate().isAfter(asOf)) {
            throw new InvalidDebtorException("dueDate", debtor.dueDate().toString(), "on or before asOf (" + asOf + ")");
        }
        long start = System.nanoTime();
        Tracker tracker = new Tracker();
        // dispose() resets the session (facts, agenda, truth maintenance, event listeners) and returns it to the pool
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener(tracker.agenda);
            session.addEventListener(tracker.runtime);
            LocalDate dueDate = debtor.effectiveDueDate(asOf);
            JurisdictionProfile profile = book.profiles.get(debtor.jurisdiction());
            boolean inProceedings = debtor.has(Circumstance.IN_LITIGATION) || debtor.has(Circumstance.JUDGMENT_OBTAINED);
            LimitationClock limitation = profile.limitation(dueDate, debtor.lastInterruption(), asOf, inProceedings);
            GuaranteePeriod guarantee = debtor.hasGuarantor() ? profile.guarantee(dueDate, asOf) : null;
            session.insert(debtor);
            session.insert(new Evaluation(asOf, at, dueDate));
            session.insert(limitation);
            if (guarantee != null) {
                session.insert(guarantee);
            }
            int fired = session.fireAllRules(maxRuleFirings + 1);
            if (fired > maxRuleFirings) {
                throw loop(debtor, tracker);
            }
            Assessment assessment = collect(debtor, asOf, at, tag, session, tracker, profile, limitation, guarantee);
            if (LOG.isDebugEnabled()) {
                LOG.debug("case {}: {} / {} in {} us, {} rules fired", debtor.id(), assessment.debtorType(),
                        assessment.situation(), (System.nanoTime() - start) / 1000, assessment.firedRules().size());
            }
            return assessment;
        } catch (AssessmentException | InvalidDebtorException e) {
            throw e;
        } catch (ConsequenceException e) {
            Rule rule = e.getMatch() == null ? null : e.getMatch().getRule();
            String id = rule == null ? null : firedRule(rule).id();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssessmentException(debtor.id(), id, "rule " + id + " failed for case " + debtor.id() + ": "
                    + cause, cause);
        } catch (RuntimeException e) {
            LOG.warn("case {}: the rules failed: {}", debtor.id(), e.toString());
            throw new AssessmentException(debtor.id(), null, "the rules failed for case " + debtor.id() + ": "
                    + e.getMessage(), e);
        } finally {
            session.dispose();
        }
    }

    private AssessmentException loop(Debtor debtor, Tracker tracker) {
        Map.Entry<String, Integer> worst = tracker.counts.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(Map.entry("?", 0));
        FiredRule rule = firedRuleByName.getOrDefault(worst.getKey(), new FiredRule(worst.getKey(), worst.getKey()));
        String message = "rule " + rule.id() + " \"" + rule.name() + "\" fired " + worst.getValue() + " times for case "
                + debtor.id() + " and was stopped at the limit of " + maxRuleFirings
                + " rule firings (maxRuleFirings): it probably keeps re-activating itself";
        LOG.warn(message);
        return new AssessmentException(debtor.id(), rule.id(), message, null);
    }

    private Assessment collect(Debtor debtor, LocalDate asOf, OffsetDateTime at, String tag, KieSession session,
                               Tracker tracker, JurisdictionProfile profile, LimitationClock limitation,
                               GuaranteePeriod guarantee) {
        String type = null;
        String situation = null;
        String scriptId = null;
        Map<String, EscalationStep> steps = new LinkedHashMap<>();
        Map<String, Warning> warnings = new LinkedHashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Object fact : tracker.inserted) {
            if (tracker.deleted.containsKey(fact)) {
                continue; // retracted, e.g. a logical fact whose reason went away
            }
            String rule = tracker.insertedBy.get(fact);
            if (fact instanceof EscalationStep s) {
                EscalationStep earlier = steps.get(s.step());
                if (earlier == null || s.inDays() < earlier.inDays()) {
                    steps.put(s.step(), new EscalationStep(s.step(), s.inDays(), s.reason(), rule));
                }
            } else if (fact instanceof Warning w) {
                warnings.putIfAbsent(w.code(), new Warning(w.code(), w.message(), rule));
            } else if (fact instanceof TypeEvidence t) {
                evidence.add(new Evidence(t.type(), t.points(), t.cue(), rule));
            } else if (fact instanceof Classification c && type == null) {
                type = c.type();
            } else if (fact instanceof Situation s && situation == null) {
                situation = s.name();
            } else if (fact instanceof ScriptChoice c && scriptId == null) {
                scriptId = c.scriptId();
            }
        }
        List<EscalationStep> escalation = new ArrayList<>(steps.values());
        escalation.sort(Comparator.comparingInt(EscalationStep::inDays));
        translateReasons(escalation, warnings, tag, debtor, asOf, limitation, guarantee);
        ComplianceGuard.Outcome guarded = ComplianceGuard.apply(debtor, asOf, at, profile, situation, limitation,
                guarantee, escalation);
        for (Warning w : guarded.warnings()) {
            warnings.putIfAbsent(w.code(), w);
        }
        if (limitation.expired() && scriptId != null && !scriptId.contains(TIME_BARRED)
                && situation == null && book.scripts.template(TIME_BARRED, tag) != null) {
            warnings.putIfAbsent(WarningCodes.SCRIPT_REPLACED, new Warning(WarningCodes.SCRIPT_REPLACED, "script "
                    + scriptId + " was replaced by " + TIME_BARRED + ": the debt is time-barred", ComplianceGuard.RULE));
            scriptId = TIME_BARRED;
        }
        if (limitation.expired()) {
            warnings.putIfAbsent(WarningCodes.TIME_BARRED, new Warning(WarningCodes.TIME_BARRED, "the limitation period ended on "
                    + limitation.ends() + ": no legal step may be recommended or threatened", ComplianceGuard.RULE));
        }
        Script script = null;
        if (scriptId != null) {
            ScriptCatalogue.Template t = book.scripts.template(scriptId, tag);
            if (t == null) {
                String id = scriptId;
                t = book.scripts.locales().stream().map(l -> book.scripts.template(id, l)).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                warnings.putIfAbsent(WarningCodes.SCRIPT_MISSING, new Warning(WarningCodes.SCRIPT_MISSING,
                        "script " + scriptId + " has no text in " + tag + (t == null ? " nor in any other locale" : "; showing " + t.locale()),
                        null));
            }
            if (t != null) {
                script = book.scripts.render(t, debtor, asOf);
            }
        }
        return new Assessment(debtor.id(), type == null ? DebtorTypes.UNCLASSIFIED : type, situation, script,
                guarded.steps(), new ArrayList<>(warnings.values()), guarded.blocked(), tracker.fired, book.source.info(),
                evidence);
    }

    /**
     * Replaces the rules' own reasons and warning messages by the catalogue's translation for the locale, where it has
     * one ({@code reasons:} in {@code scripts/<locale>.yaml}, keyed {@code RULE-ID/STEP} or {@code RULE-ID/CODE}).
     */
    private void translateReasons(List<EscalationStep> steps, Map<String, Warning> warnings, String tag, Debtor debtor,
                                  LocalDate asOf, LimitationClock limitation, GuaranteePeriod guarantee) {
        if (!book.scripts.hasReasons(tag)) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", debtor.name() == null ? "" : debtor.name());
        values.put("caseId", debtor.id());
        values.put("amount", debtor.amountOverdue().toPlainString());
        values.put("currency", debtor.currency());
        values.put("daysOverdue", Integer.toString(debtor.daysOverdue()));
        values.put("dueDate", debtor.effectiveDueDate(asOf).toString());
        values.put("asOf", asOf.toString());
        values.put("limitationEnds", limitation.ends().toString());
        values.put("limitationDaysLeft", Long.toString(limitation.daysLeft()));
        if (guarantee != null) {
            values.put("guaranteeEnds", guarantee.ends().toString());
            values.put("guaranteeDaysLeft", Long.toString(guarantee.daysLeft()));
        }
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

    /** Records, for one session, which rules fired and which rule inserted each fact. */
    private final class Tracker {
        /** Each rule once, in the order it first fired. */
        final List<FiredRule> fired = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        /** Facts in insertion order, and the id of the rule that inserted each (null: inserted by the engine). */
        final List<Object> inserted = new ArrayList<>();
        final IdentityHashMap<Object, String> insertedBy = new IdentityHashMap<>();
        /** Facts retracted since (their fact handles are gone). */
        final IdentityHashMap<Object, Boolean> deleted = new IdentityHashMap<>();

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                if (counts.merge(rule.getName(), 1, Integer::sum) == 1) {
                    fired.add(firedRule(rule));
                }
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Rule rule = event.getRule();
                Object fact = event.getObject();
                if (!insertedBy.containsKey(fact)) {
                    inserted.add(fact);
                    insertedBy.put(fact, rule == null ? null : firedRule(rule).id());
                }
                deleted.remove(fact);
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                deleted.put(event.getOldObject(), Boolean.TRUE);
            }
        };
    }

    @Override
    public RulebookInfo rulebook() {
        return book.source.info();
    }

    @Override
    public List<RuleInfo> rules() {
        return book.rules.stream().map(d -> new RuleInfo(d.id(), d.name(), d.file(), d.line())).toList();
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
    public List<RulebookProblem> lint() {
        return RulebookLint.lint(book);
    }

    @Override
    public ScenarioReport runScenarios() {
        return ScenarioTables.run(this, book.source);
    }

    @Override
    public ScenarioReport runScenarios(Path fileOrDirectory) {
        return ScenarioTables.run(this, fileOrDirectory);
    }
}
