package io.collectionstrategy.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated outcomes of {@code generate-outcomes}: what a case pays in the period after its assessment, and
 * whether it keeps a promise or complains, drawn from a simple model of a consumer and small-business portfolio.
 *
 * <p>The baseline, per case:
 * <ul>
 *   <li>the chance that it pays anything is a rate per debtor type (confident debtors pay most, evasive and provocative
 *       ones least), lower for a special situation (deceased, bankrupt, fraud, breathing space: hardly anything) and
 *       falling with the days overdue ({@code 0.3 + 0.7 e^(-days/150)}; without the portfolio the factor is 0.6),
 *       at most 0.9;</li>
 *   <li>a payer pays in full with a chance that falls with the amount (0.85 at 1,000 or less, 0.55 at 10,000, 0.25 at
 *       100,000 and above); otherwise a part, uniform between 10% and 70%;</li>
 *   <li>a promise falls due for 30% of the cases (60% of serial promisers) and is kept when the case paid at least half;
 *       1% of the cases complain (4% of provocative debtors, 12% of those already complaining, 6% of disputes).</li>
 * </ul>
 *
 * <p><b>The planted effect.</b> For the cases of the treated arms the chance of paying is raised by
 * {@code effect / m}, where {@code m} is the case's expected share paid when it pays: each case's expected recovery
 * then rises by exactly {@code effect}, so the arm's amount-weighted recovery rate rises by {@code effect} too (less
 * only where the chance of paying reaches its bounds, which {@link Planted} reports).
 *
 * <p>Each case draws from a random stream of its own, seeded by the seed and its id (FNV-1a of the UTF-8 id), so its
 * outcome depends neither on the order of the file nor on the other cases, and the same seed with and without an
 * effect gives the same draws (common random numbers).
 */
final class OutcomeModel {

    /** The chance of paying anything in the period, per built-in debtor type; other types get {@link #OTHER_TYPE}. */
    private static final Map<String, Double> PAY_BY_TYPE = Map.of(
            "CONFIDENT", 0.60, "VICTIM", 0.50, "SOPHISTICATED", 0.45, "SERIAL_PROMISER", 0.40, "UNCLASSIFIED", 0.40,
            "STUBBORN", 0.30, "EVASIVE", 0.25, "PROVOCATIVE", 0.25);
    private static final double OTHER_TYPE = 0.40;
    /** Factors for the built-in situations. */
    private static final Map<String, Double> PAY_BY_SITUATION = Map.of(
            "DECEASED", 0.10, "BANKRUPTCY", 0.05, "FRAUD", 0.05, "BREATHING_SPACE", 0.10, "LITIGATION", 0.50,
            "DISPUTE", 0.40, "COMPLAINT", 0.50, "VULNERABLE", 0.60);
    static final double MAX_PAY = 0.9;
    /** The mean share paid by a partial payer: uniform between 0.1 and 0.7. */
    static final double PARTIAL_MEAN = 0.4;

    private static final Pattern EFFECT = Pattern.compile("([+-]?[0-9]{1,2}(?:\\.[0-9]{1,4})?)\\s*pp");

    private final long seed;
    private final LocalDate asOf;
    private final int window;

    /**
     * @param seed   the seed
     * @param asOf   the evaluation date of the assessments: payments fall in the {@code window} days after it
     * @param window the length of the period in days
     */
    OutcomeModel(long seed, LocalDate asOf, int window) {
        this.seed = seed;
        this.asOf = asOf;
        this.window = window;
    }

    /**
     * @param text an effect on the recovery rate in percentage points: {@code +3pp}, {@code -1.5pp}, {@code 0pp}, or
     *             {@code 0}
     * @return the effect as a fraction, {@code 0.03} for {@code +3pp}
     * @throws IllegalArgumentException naming the value and the expected form
     */
    static double parseEffect(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("0")) {
            return 0;
        }
        Matcher m = EFFECT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("--effect must be percentage points such as +3pp, -1.5pp or 0pp (at most"
                    + " 99pp either way), was \"" + text + "\"");
        }
        return Double.parseDouble(m.group(1)) / 100;
    }

    /** @return the chance that the case pays anything, before any effect */
    static double payProbability(String debtorType, String situation, Integer daysOverdue) {
        double p = PAY_BY_TYPE.getOrDefault(debtorType, OTHER_TYPE);
        if (situation != null) {
            p *= PAY_BY_SITUATION.getOrDefault(situation, 0.5);
        }
        p *= daysOverdue == null ? 0.6 : 0.3 + 0.7 * Math.exp(-daysOverdue / 150.0);
        return Math.min(MAX_PAY, p);
    }

    /** @return the chance that a payer pays all it owes */
    static double fullPaymentProbability(double amountOverdue) {
        double tens = Math.log10(Math.max(amountOverdue, 1) / 1000);
        return Math.max(0.25, Math.min(0.85, 0.85 - 0.3 * Math.max(0, tens)));
    }

    /** @return the expected share paid by a payer */
    static double expectedShareWhenPaying(double amountOverdue) {
        double full = fullPaymentProbability(amountOverdue);
        return full + (1 - full) * PARTIAL_MEAN;
    }

    /**
     * The expected recovery a case has with and without the effect.
     *
     * @param base    the case's expected share recovered without the effect
     * @param treated with it
     */
    record Planted(double base, double treated) {
    }

    /**
     * Draws one case's outcome.
     *
     * @param c      the assessed case
     * @param amount its amount overdue, or null to draw one as the synthetic portfolio does
     * @param days   its days overdue, or null when not known
     * @param effect the effect on its expected recovery (0 for an untreated arm)
     * @param planted where the case's expected recovery with and without the effect is reported; may be null
     * @return the outcome, with {@code amountOverdue}
     */
    CaseOutcome simulate(ExperimentCases.AssessedCase c, BigDecimal amount, Integer days, double effect,
                         java.util.function.Consumer<Planted> planted) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv1a(c.id()));
        SplittableRandom amounts = random.split();
        if (amount == null) {
            double median = amounts.nextDouble() < 0.2 ? 40_000 : 3_000;
            amount = BigDecimal.valueOf(median * Math.exp(gaussian(amounts) * 0.9) * 1.3)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        double owed = amount.doubleValue();
        double share = expectedShareWhenPaying(owed);
        double p = payProbability(c.debtorType(), c.situation(), days);
        double treated = Math.max(0, Math.min(0.98, p + effect / share));
        if (planted != null) {
            planted.accept(new Planted(owed * p * share, owed * treated * share));
        }
        boolean pays = random.nextDouble() < treated;
        boolean full = random.nextDouble() < fullPaymentProbability(owed);
        double part = 0.1 + 0.6 * random.nextDouble();
        int day = 1 + random.nextInt(window);
        boolean promise = random.nextDouble() < ("SERIAL_PROMISER".equals(c.debtorType()) ? 0.6 : 0.3);
        double complaintRate = "PROVOCATIVE".equals(c.debtorType()) ? 0.04 : 0.01;
        if ("COMPLAINT".equals(c.situation())) {
            complaintRate = 0.12;
        } else if ("DISPUTE".equals(c.situation())) {
            complaintRate = 0.06;
        }
        boolean complaint = random.nextDouble() < complaintRate;

        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        if (pays && owed > 0) {
            paid = full ? amount : amount.multiply(BigDecimal.valueOf(part)).setScale(2, RoundingMode.HALF_UP);
        }
        double paidShare = owed > 0 ? paid.doubleValue() / owed : 0;
        return new CaseOutcome(c.id(), paid, paid.signum() > 0 ? asOf.plusDays(day) : null,
                promise ? paidShare >= 0.5 : null, complaint, amount);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** FNV-1a, 64 bits, of the UTF-8 bytes. */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
