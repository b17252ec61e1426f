package io.collectionstrategy.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation of an experiment: per arm the cases and four rates with their 95% intervals, and each challenger
 * against the champion with a test and the minimum detectable effect. The definitions:
 *
 * <ul>
 *   <li><b>recovery rate</b>: the sum of {@code paidAmount} over the sum of {@code amountOverdue} of the arm's cases
 *       (amount-weighted, as a collections ledger counts it); interval and test from the delta method's standard
 *       error ({@link Stats#ratio}, {@link Stats#ratios});</li>
 *   <li><b>cure rate</b>: the share of cases that owed something and paid at least all of it;</li>
 *   <li><b>promise-kept rate</b>: of the cases with a promise that fell due ({@code promiseKept} not null), the share
 *       kept;</li>
 *   <li><b>complaint rate</b>: the share of cases with a complaint.</li>
 * </ul>
 *
 * <p>The three proportions have Wilson intervals and are compared with the two-proportion z-test
 * ({@link Stats#proportions}). Every assessed case with an outcome counts in its arm (intention to treat: whatever
 * the arm's steps then did or did not do); cases without an outcome are counted per arm and left out.
 *
 * @param experiment   the experiment's name
 * @param champion     the champion arm's name
 * @param arms         the arms, champion first
 * @param comparisons  each challenger against the champion, in the order of {@code arms}
 * @param unmatched    outcomes whose id is not among the assessments (ignored)
 * @param errorRecords rows of the assessments file that could not be assessed (not in the experiment)
 */
record Evaluation(String experiment, String champion, List<Arm> arms, List<Comparison> comparisons, long unmatched,
                  long errorRecords) {

    /**
     * One arm.
     *
     * @param name          the arm's name
     * @param rulebooks     the rulebook versions that assessed its cases ({@code name version}), more than one when
     *                      it was reloaded during the run
     * @param assessed      its assessed cases
     * @param evaluated     of those, the cases with an outcome
     * @param amountOverdue the sum of their amounts overdue
     * @param paidAmount    the sum of their payments
     * @param recovery      the recovery rate with its interval, or null when nothing was owed
     * @param recoveryRatio the recovery rate with its standard error, or null
     * @param owing         cases that owed something
     * @param cured         of those, cases that paid all of it
     * @param cure          the cure rate, or null when no case owed anything
     * @param promises      cases with a promise that fell due
     * @param kept          of those, promises kept
     * @param promiseKept   the promise-kept rate, or null when no promise fell due
     * @param complaints    cases with a complaint
     * @param complaint     the complaint rate, or null when no case has an outcome
     */
    record Arm(String name, List<String> rulebooks, long assessed, long evaluated, double amountOverdue,
               double paidAmount, Stats.Interval recovery, Stats.Ratio recoveryRatio, long owing, long cured,
               Stats.Interval cure, long promises, long kept, Stats.Interval promiseKept, long complaints,
               Stats.Interval complaint) {

        /** @return the cases assessed but without an outcome */
        long missing() {
            return assessed - evaluated;
        }
    }

    /**
     * One challenger against the champion; a difference is null when either arm lacks the cases for it.
     *
     * @param challenger  the challenger arm
     * @param recovery    recovery rate, challenger minus champion (Welch z-test on the delta-method errors)
     * @param cure        cure rate (two-proportion z-test)
     * @param promiseKept promise-kept rate (two-proportion z-test)
     * @param complaint   complaint rate (two-proportion z-test)
     */
    record Comparison(String challenger, Stats.Difference recovery, Stats.Difference cure,
                      Stats.Difference promiseKept, Stats.Difference complaint) {
    }

    /** The name of the test of the recovery rate, as reports print it. */
    static final String RECOVERY_TEST = "Welch z-test on the ratio of sums (delta-method standard errors)";
    /** The name of the test of the proportions, as reports print it. */
    static final String PROPORTION_TEST = "two-proportion z-test (pooled), Newcombe interval";

    /**
     * Joins assessments, outcomes and amounts and computes the evaluation.
     *
     * @param assessments the assessed cases of one experiment
     * @param outcomes    the outcomes by case id
     * @param portfolio   the cases' facts by id, for amounts missing from the outcomes; may be empty
     * @param champion    the champion arm's name
     * @return the evaluation
     * @throws StartupException when the champion is not an arm, or an outcome has no amount overdue from either source
     */
    static Evaluation of(ExperimentCases.Assessments assessments, Map<String, CaseOutcome> outcomes,
                         Map<String, ExperimentCases.CaseFacts> portfolio, String champion) {
        List<String> names = new ArrayList<>();
        if (!assessments.arms().contains(champion)) {
            throw new StartupException("the assessments have no arm " + champion + " (their arms are "
                    + assessments.arms() + "): name the champion with --champion NAME");
        }
        names.add(champion);
        assessments.arms().stream().filter(a -> !a.equals(champion)).sorted().forEach(names::add);

        Map<String, List<Joined>> byArm = new LinkedHashMap<>();
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        Map<String, Long> assessed = new LinkedHashMap<>();
        for (String n : names) {
            byArm.put(n, new ArrayList<>());
            versions.put(n, new LinkedHashSet<>());
            assessed.put(n, 0L);
        }
        ExperimentCases.Problems problems = new ExperimentCases.Problems("");
        Set<String> ids = new java.util.HashSet<>();
        for (ExperimentCases.AssessedCase c : assessments.cases()) {
            ids.add(c.id());
            assessed.merge(c.arm(), 1L, Long::sum);
            versions.get(c.arm()).add(c.rulebook() + " " + c.version());
            CaseOutcome o = outcomes.get(c.id());
            if (o == null) {
                continue;
            }
            BigDecimal overdue = o.amountOverdue();
            if (overdue == null && portfolio.containsKey(c.id())) {
                overdue = portfolio.get(c.id()).amountOverdue();
            }
            if (overdue == null) {
                problems.add("the outcome of case " + c.id() + " has no amountOverdue and "
                        + (portfolio.isEmpty() ? "no --portfolio was given" : "the portfolio has no valid row for it")
                        + ": the recovery and cure rates need every case's amount overdue");
                continue;
            }
            byArm.get(c.arm()).add(new Joined(o, overdue));
        }
        problems.throwIfAny();
        long unmatched = outcomes.keySet().stream().filter(id -> !ids.contains(id)).count();

        List<Arm> arms = new ArrayList<>();
        for (String n : names) {
            arms.add(arm(n, List.copyOf(versions.get(n)), assessed.get(n), byArm.get(n)));
        }
        Arm base = arms.get(0);
        List<Comparison> comparisons = new ArrayList<>();
        for (Arm a : arms.subList(1, arms.size())) {
            comparisons.add(new Comparison(a.name(), Stats.ratios(base.recoveryRatio(), a.recoveryRatio()),
                    Stats.proportions(base.cured(), base.owing(), a.cured(), a.owing()),
                    Stats.proportions(base.kept(), base.promises(), a.kept(), a.promises()),
                    Stats.proportions(base.complaints(), base.evaluated(), a.complaints(), a.evaluated())));
        }
        return new Evaluation(assessments.experiment(), champion, arms, comparisons, unmatched,
                assessments.errorRecords());
    }

    private record Joined(CaseOutcome outcome, BigDecimal overdue) {
    }

    private static Arm arm(String name, List<String> rulebooks, long assessed, List<Joined> cases) {
        int n = cases.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long owing = 0;
        long cured = 0;
        long promises = 0;
        long kept = 0;
        long complaints = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            Joined j = cases.get(i);
            x[i] = j.overdue().doubleValue();
            y[i] = j.outcome().paidAmount().doubleValue();
            sumX += x[i];
            sumY += y[i];
            if (j.overdue().signum() > 0) {
                owing++;
                if (j.outcome().cured(j.overdue())) {
                    cured++;
                }
            }
            if (j.outcome().promiseKept() != null) {
                promises++;
                if (j.outcome().promiseKept()) {
                    kept++;
                }
            }
            if (j.outcome().complaint()) {
                complaints++;
            }
        }
        Stats.Ratio ratio = Stats.ratio(x, y);
        return new Arm(name, rulebooks, assessed, n, sumX, sumY, ratio == null ? null : ratio.interval(), ratio,
                owing, cured, owing == 0 ? null : Stats.wilson(cured, owing), promises, kept,
                promises == 0 ? null : Stats.wilson(kept, promises), complaints,
                n == 0 ? null : Stats.wilson(complaints, n));
    }
}
