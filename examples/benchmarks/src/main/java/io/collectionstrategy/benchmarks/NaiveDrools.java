package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.facts.Evaluation;
import io.collectionstrategy.facts.GuaranteePeriod;
import io.collectionstrategy.facts.LimitationClock;
import io.collectionstrategy.facts.Outcome;
import io.collectionstrategy.facts.Treatment;
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
 * {@link KieSession} per call that gets the debtor and the evaluation date, fires, gets the
 * {@link Treatment} and fires again, and is read back from a plain {@link Outcome}. No listeners, no script, no explanation, no compliance guard. Like the engine it
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

    /**
     * @param rulebook the rulebook whose {@code .drl} files are compiled, as compiled (a strategy's
     *                 {@code authoring().source()}, which has the rulebook's parameters written in)
     */
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
            Collected out = new Collected();
            session.setGlobal("outcome", out);
            session.insert(debtor);
            LocalDate due = debtor.effectiveDueDate(asOf);
            Evaluation evaluation = new Evaluation(asOf, null, due);
            LimitationClock limitation = limitation(debtor, due, asOf);
            GuaranteePeriod guarantee = null;
            session.insert(evaluation);
            session.insert(limitation);
            if (debtor.hasGuarantor() && debtor.jurisdiction() == io.collectionstrategy.Jurisdiction.CN) {
                LocalDate ends = due.plusMonths(6);
                long left = ChronoUnit.DAYS.between(asOf, ends);
                guarantee = new GuaranteePeriod(ends, left, left >= 0 && left <= 30, left < 0, false);
                session.insert(guarantee);
            }
            session.fireAllRules();
            String type = out.type();
            String situation = out.situation();
            boolean large = debtor.amountOverdue().compareTo(LARGE_EXPOSURE) >= 0;
            session.insert(new Treatment(debtor, type, situation, limitation, guarantee, evaluation, null, large));
            session.fireAllRules();
            return new Result(type, situation, out.scriptId, out.steps);
        } finally {
            session.dispose();
        }
    }

    /** The outcome of one naive call: everything the rules wrote, resolved the way the engine resolves it. */
    private static final class Collected implements Outcome {
        final Map<String, Integer> scores = new HashMap<>();
        final Map<String, Integer> situations = new HashMap<>();
        final Map<String, Integer> steps = new HashMap<>();
        String scriptId;

        @Override
        public void evidence(String type, int points, String cue) {
            scores.merge(type, points, Integer::sum);
        }

        @Override
        public void situation(String name, int precedence, String cue) {
            situations.merge(name, precedence, Math::min);
        }

        @Override
        public void script(String id) {
            if (scriptId == null) {
                scriptId = id;
            }
        }

        @Override
        public void step(String step, int inDays, String reason) {
            steps.merge(step, inDays, Math::min);
        }

        @Override
        public void delay(String step, int days, String reason) { // the default rulebook delays no step
        }

        @Override
        public void withdraw(String step, String reason) { // nor withdraws one
        }

        @Override
        public void warning(String code, String message) {
        }

        String type() {
            return scores.entrySet().stream().filter(e -> e.getValue() >= 3)
                    .min(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(e -> tieRank(e.getKey())).thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse("UNCLASSIFIED");
        }

        String situation() {
            return situations.entrySet().stream()
                    .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    /** {@code classification.tieOrder} and {@code escalation.largeExposure} of the default {@code rulebook.yaml}. */
    static final java.util.List<String> TIE_ORDER = java.util.List.of("VICTIM", "SOPHISTICATED", "PROVOCATIVE",
            "CONFIDENT", "EVASIVE", "STUBBORN", "SERIAL_PROMISER");
    static final java.math.BigDecimal LARGE_EXPOSURE = new java.math.BigDecimal("500000");

    static int tieRank(String type) {
        int i = TIE_ORDER.indexOf(type);
        return i < 0 ? TIE_ORDER.size() : i;
    }

    private static LimitationClock limitation(Debtor debtor, LocalDate due, LocalDate asOf) {
        int years = switch (debtor.jurisdiction().code()) {
            case "UK" -> 5; // no nation known: the Scottish five years
            default -> 3;   // CN; US without a state: the shortest state period
        };
        LocalDate start = debtor.lastInterruption() != null && debtor.lastInterruption().isAfter(due)
                ? debtor.lastInterruption() : due;
        LocalDate ends = start.plusYears(years);
        long left = ChronoUnit.DAYS.between(asOf, ends);
        boolean inCourt = debtor.has(io.collectionstrategy.Circumstance.IN_LITIGATION)
                || debtor.has(io.collectionstrategy.Circumstance.JUDGMENT_OBTAINED);
        boolean expired = left < 0 && !inCourt;
        return new LimitationClock(debtor.jurisdiction().name(), start, ends, left, !expired && !inCourt && left <= 90,
                expired, debtor.jurisdiction() == io.collectionstrategy.Jurisdiction.CN, null,
                expired && debtor.jurisdiction().code().equals("UK"));
    }
}
