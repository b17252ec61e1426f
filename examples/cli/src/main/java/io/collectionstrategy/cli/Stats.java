package io.collectionstrategy.cli;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The few statistics that {@code evaluate} reports, each with its formula. Confidence 95% and tests at the 5% level,
 * two-sided; power 80% for the minimum detectable effect. The normal distribution and the Wilson interval come from
 * Apache Commons Math.
 */
final class Stats {

    /** The confidence of every interval. */
    static final double CONFIDENCE = 0.95;
    /** The significance level of every test (two-sided). */
    static final double ALPHA = 1 - CONFIDENCE;
    /** The power the minimum detectable effect is computed for. */
    static final double POWER = 0.80;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** z for a two-sided 95% interval: 1.95996... */
    static final double Z_CONFIDENCE = NORMAL.inverseCumulativeProbability(1 - ALPHA / 2);
    /** z for 80% power: 0.84162... */
    static final double Z_POWER = NORMAL.inverseCumulativeProbability(POWER);

    private Stats() {
    }

    /**
     * An estimate with its 95% confidence interval.
     *
     * @param value the estimate
     * @param low   the interval's lower end
     * @param high  the interval's upper end
     */
    record Interval(double value, double low, double high) {
    }

    /**
     * A difference between two arms and its test.
     *
     * @param difference              challenger minus champion
     * @param low                     the 95% interval's lower end
     * @param high                    its upper end
     * @param statistic               the test statistic (z)
     * @param pValue                  the two-sided p-value
     * @param minimumDetectableEffect the smallest difference the test finds with 80% power at these sample sizes
     */
    record Difference(double difference, double low, double high, double statistic, double pValue,
                      double minimumDetectableEffect) {

        boolean significant() {
            return pValue < ALPHA;
        }
    }

    /** @return the two-sided p-value of a standard normal statistic */
    static double twoSidedP(double z) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /**
     * The Wilson score interval of a proportion: good coverage even for rates near 0 or 1 and small counts, where the
     * plain normal interval fails.
     *
     * @param successes the count
     * @param trials    the cases, at least 1
     * @return the rate and its interval
     */
    static Interval wilson(long successes, long trials) {
        double p = (double) successes / trials;
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) trials, (int) successes, CONFIDENCE);
        return new Interval(p, Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()));
    }

    /**
     * Challenger minus champion for a proportion. The test is the two-proportion z-test with the pooled rate
     * {@code z = (p1 - p0) / sqrt(p(1-p)(1/n0 + 1/n1))}; the interval is Newcombe's hybrid score interval built from
     * the two Wilson intervals (it keeps within [-1, 1] and works for rates of 0); the minimum detectable effect is
     * {@code (z_0.975 + z_0.80) * sqrt(p0(1-p0)(1/n0 + 1/n1))} at the champion's rate.
     *
     * @return the difference, or {@code null} when an arm has no cases
     */
    static Difference proportions(long x0, long n0, long x1, long n1) {
        if (n0 == 0 || n1 == 0) {
            return null;
        }
        Interval a = wilson(x0, n0);
        Interval b = wilson(x1, n1);
        double d = b.value() - a.value();
        double pooled = (double) (x0 + x1) / (n0 + n1);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n0 + 1.0 / n1));
        double z = se == 0 ? 0 : d / se;
        double p = se == 0 ? 1 : twoSidedP(z);
        double low = d - Math.sqrt(sq(b.value() - b.low()) + sq(a.high() - a.value()));
        double high = d + Math.sqrt(sq(b.high() - b.value()) + sq(a.value() - a.low()));
        double mde = (Z_CONFIDENCE + Z_POWER) * Math.sqrt(a.value() * (1 - a.value()) * (1.0 / n0 + 1.0 / n1));
        return new Difference(d, low, high, z, p, mde);
    }

    /**
     * A ratio of sums, {@code R = sum(y) / sum(x)} (paid over overdue), with the standard error of the delta method
     * (the linearisation of the ratio): {@code se(R) = sqrt(sum((y_i - R x_i)^2) / (n (n-1))) / mean(x)}.
     *
     * @param x the denominators (amounts overdue)
     * @param y the numerators (amounts paid), as many
     * @return R and its standard error, or {@code null} when there are fewer than 2 cases or nothing is owed
     */
    static Ratio ratio(double[] x, double[] y) {
        int n = x.length;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += x[i];
            sumY += y[i];
        }
        if (n < 2 || sumX <= 0) {
            return null;
        }
        double r = sumY / sumX;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            residuals += sq(y[i] - r * x[i]);
        }
        double se = Math.sqrt(residuals / ((double) n * (n - 1))) / (sumX / n);
        return new Ratio(r, se, n);
    }

    /**
     * A ratio of sums and its standard error.
     *
     * @param value the ratio
     * @param se    its standard error (delta method)
     * @param n     the cases
     */
    record Ratio(double value, double se, long n) {

        /** @return the ratio with its normal 95% interval */
        Interval interval() {
            return new Interval(value, value - Z_CONFIDENCE * se, value + Z_CONFIDENCE * se);
        }
    }

    /**
     * Challenger minus champion for a ratio of sums: a Welch-type z-test (unequal variances, each arm's own
     * delta-method standard error), {@code z = (R1 - R0) / sqrt(se0^2 + se1^2)}; the interval is the difference
     * {@code +- 1.96} standard errors; the minimum detectable effect {@code (z_0.975 + z_0.80) * sqrt(se0^2 + se1^2)}.
     *
     * @return the difference, or {@code null} when either ratio is missing
     */
    static Difference ratios(Ratio champion, Ratio challenger) {
        if (champion == null || challenger == null) {
            return null;
        }
        double d = challenger.value() - champion.value();
        double se = Math.sqrt(sq(champion.se()) + sq(challenger.se()));
        double z = se == 0 ? 0 : d / se;
        double p = se == 0 ? 1 : twoSidedP(z);
        return new Difference(d, d - Z_CONFIDENCE * se, d + Z_CONFIDENCE * se, z, p, (Z_CONFIDENCE + Z_POWER) * se);
    }

    private static double sq(double x) {
        return x * x;
    }
}
