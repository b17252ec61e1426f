package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.EscalationStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The decisions the baselines and the engine are compared on: type, situation, script id and the escalation steps
 * with their days, steps ordered by days then name.
 *
 * @param type      the debtor type
 * @param situation the special situation, or null
 * @param scriptId  the script id, or null
 * @param steps     {@code STEP@inDays}, ordered by days then step name
 */
public record Decision(String type, String situation, String scriptId, List<String> steps) {

    /** Orders the steps. */
    public Decision {
        steps = sorted(steps);
    }

    /** @return the decisions of an engine assessment */
    public static Decision of(Assessment a) {
        List<String> steps = new ArrayList<>(a.escalation().size());
        for (EscalationStep s : a.escalation()) {
            steps.add(s.step() + "@" + s.inDays());
        }
        return new Decision(a.debtorType(), a.situation(), a.script() == null ? null : a.script().id(), steps);
    }

    private static List<String> sorted(List<String> steps) {
        List<String> out = new ArrayList<>(steps);
        out.sort(Comparator.<String>comparingInt(s -> Integer.parseInt(s.substring(s.indexOf('@') + 1)))
                .thenComparing(s -> s.substring(0, s.indexOf('@'))));
        return List.copyOf(out);
    }
}
