package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.EscalationStep;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.facts.Classification;
import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.ScriptChoice;
import io.collectionstrategy.facts.Situation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;

/**
 * The naive way to use Drools, a baseline: the same {@code .drl} files compiled with the KIE API, and a new
 * {@link KieSession} per call that gets the debtor and the evaluation date, fires, and is read back with
 * {@link KieSession#getObjects()}. No listeners, no script, no explanation, no compliance guard. Like the engine it
 * inserts the limitation clock and the guarantee period, computed here with the default rulebook's periods
 * ({@code jurisdictions.yaml}: CN 3 years and a 6-month guarantee period, US 4 years, UK 6 years).
 */
public final class NaiveDrools {

    private final KieBase kieBase;

    /** The decisions read back from the session. */
    public record Result(String type, String situation, String scriptId, Map<String, Integer> steps) {

        /** @return the decisions in the comparable form */
        public Decision decision() {
            List<String> list = new ArrayList<>();
            steps.forEach((step, days) -> list.add(step + "@" + days));
            return new Decision(type == null ? "UNCLASSIFIED" : type, situation, scriptId, list);
        }
    }

    /** @param rulebook the rulebook whose {@code .drl} files are compiled */
    public NaiveDrools(Rulebook rulebook) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (String path : rulebook.paths(".drl")) {
            kfs.write("src/main/resources/" + path, rulebook.files().get(path));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the rulebook does not compile: " + builder.getResults().getMessages());
        }
        kieBase = ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).getKieBase();
    }

    /**
     * @param debtor the debtor
     * @param asOf   the evaluation date
     * @return its decisions
     */
    public Result assess(Debtor debtor, LocalDate asOf) {
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(debtor);
            LocalDate due = debtor.effectiveDueDate(asOf);
            session.insert(new Evaluation(asOf, null, due));
            session.insert(limitation(debtor, due, asOf));
            if (debtor.hasGuarantor() && debtor.jurisdiction() == io.collectionstrategy.Jurisdiction.CN) {
                LocalDate ends = due.plusMonths(6);
                long left = ChronoUnit.DAYS.between(asOf, ends);
                session.insert(new GuaranteePeriod(ends, left, left >= 0 && left <= 30, left < 0));
            }
            session.fireAllRules();
            String type = null;
            String situation = null;
            String scriptId = null;
            Map<String, Integer> steps = new HashMap<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof EscalationStep s) {
                    steps.merge(s.step(), s.inDays(), Math::min);
                } else if (fact instanceof Classification c) {
                    type = c.type();
                } else if (fact instanceof Situation s) {
                    situation = s.name();
                } else if (fact instanceof ScriptChoice c) {
                    scriptId = c.scriptId();
                }
            }
            return new Result(type, situation, scriptId, steps);
        } finally {
            session.dispose();
        }
    }

    private static LimitationClock limitation(Debtor debtor, LocalDate due, LocalDate asOf) {
        int years = switch (debtor.jurisdiction()) {
            case CN -> 3;
            case US -> 4;
            default -> 6;
        };
        LocalDate start = debtor.lastInterruption() != null && debtor.lastInterruption().isAfter(due)
                ? debtor.lastInterruption() : due;
        LocalDate ends = start.plusYears(years);
        long left = ChronoUnit.DAYS.between(asOf, ends);
        boolean inCourt = debtor.has(io.collectionstrategy.Circumstance.IN_LITIGATION)
                || debtor.has(io.collectionstrategy.Circumstance.JUDGMENT_OBTAINED);
        boolean expired = left < 0 && !inCourt;
        return new LimitationClock(debtor.jurisdiction().name(), start, ends, left, !expired && !inCourt && left <= 90,
                expired, debtor.jurisdiction() == io.collectionstrategy.Jurisdiction.CN);
    }
}
