package io.collectionstrategy.experiment;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An experiment: its name and its arms with their shares of the cases. The first arm is the champion (the strategy
 * in use), the others are challengers. Immutable and serialisable (the Spark job ships it to its executors).
 *
 * <pre>{@code
 * Experiment e = Experiment.of("q4-softer-tone", Experiment.Arm.percent("champion", 80),
 *         Experiment.Arm.percent("softer", 20));
 * e.armOf("C-1001").name();   // the same arm for this id on every run and machine
 * }</pre>
 *
 * <p><b>Assignment.</b> A case's bucket is {@link #bucketOf(String)}: the first 8 bytes of the SHA-256 digest of the
 * UTF-8 bytes of {@code name + ":" + caseId}, read as an unsigned big-endian 64-bit number, modulo
 * {@value #BASIS_POINTS}. The arms take consecutive ranges of buckets in their order, each as many buckets as its
 * share in basis points: with 80/20 the champion has buckets 0 to 7,999 and the challenger 8,000 to 9,999. The bucket
 * depends only on the two strings, never on the JVM, the machine, the order of the cases or the rulebooks, so a case
 * stays in its arm for as long as the experiment's name and the arms' order and shares stay the same. Different
 * experiments split the same cases independently.
 *
 * @param name the experiment's name: letters, digits, {@code .}, {@code _} and {@code -}, at most 64, starting with a
 *             letter or digit
 * @param arms the champion, then the challengers; at least two, with distinct names and shares that add up to 100%
 */
public record Experiment(String name, List<Arm> arms) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The whole of the cases, in basis points (hundredths of a percent): the shares add up to this. */
    public static final int BASIS_POINTS = 10_000;

    /** The form of experiment and arm names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * One arm: its name and its share of the cases.
     *
     * @param name        the arm's name, in the form of an experiment's name, e.g. {@code champion}
     * @param basisPoints its share in hundredths of a percent, 1 to 9,999 (20% is 2,000)
     */
    public record Arm(String name, int basisPoints) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Checks the name and the share. */
        public Arm {
            checkName("arm name", name);
            if (basisPoints <= 0 || basisPoints >= BASIS_POINTS) {
                throw new IllegalArgumentException("the share of arm " + name + " must be more than 0% and less than"
                        + " 100%, was " + format(basisPoints) + "%");
            }
        }

        /**
         * @param name    the arm's name
         * @param percent its share in percent, more than 0 and less than 100, in steps of 0.01 (e.g. 20 or 12.5)
         * @return the arm
         * @throws IllegalArgumentException when the share is out of range or finer than 0.01%
         */
        public static Arm percent(String name, double percent) {
            double bp = percent * 100;
            if (!Double.isFinite(bp) || Math.abs(bp - Math.rint(bp)) > 1e-6) {
                throw new IllegalArgumentException("the share of arm " + name
                        + " must be a percentage in steps of 0.01, was " + percent);
            }
            if (bp <= 0 || bp >= BASIS_POINTS) {
                throw new IllegalArgumentException("the share of arm " + name + " must be more than 0% and less than"
                        + " 100%, was " + percent + "%");
            }
            return new Arm(name, (int) Math.rint(bp));
        }

        /** @return the share in percent, e.g. {@code 20.0} */
        public double percent() {
            return basisPoints / 100.0;
        }
    }

    /** Checks the name and the arms. */
    public Experiment {
        checkName("experiment name", name);
        Objects.requireNonNull(arms, "arms");
        arms = List.copyOf(arms);
        if (arms.size() < 2) {
            throw new IllegalArgumentException("experiment " + name + " needs a champion and at least one challenger,"
                    + " has " + arms.size() + (arms.size() == 1 ? " arm" : " arms"));
        }
        Set<String> names = new HashSet<>();
        int total = 0;
        for (Arm arm : arms) {
            if (!names.add(arm.name())) {
                throw new IllegalArgumentException("experiment " + name + " has two arms named " + arm.name()
                        + ": arm names must be unique");
            }
            total += arm.basisPoints();
        }
        if (total != BASIS_POINTS) {
            throw new IllegalArgumentException("the shares of experiment " + name + " must add up to 100%, they add up"
                    + " to " + format(total) + "% (" + describe(arms) + ")");
        }
    }

    /**
     * @param name        the experiment's name
     * @param champion    the champion arm
     * @param challengers the challenger arms
     * @return the experiment
     */
    public static Experiment of(String name, Arm champion, Arm... challengers) {
        List<Arm> arms = new ArrayList<>();
        arms.add(champion);
        arms.addAll(List.of(challengers));
        return new Experiment(name, arms);
    }

    /**
     * An experiment of two arms: the champion takes what the challenger does not.
     *
     * @param name              the experiment's name
     * @param champion          the champion arm's name
     * @param challenger        the challenger arm's name
     * @param challengerPercent the challenger's share in percent, e.g. 20
     * @return the experiment
     */
    public static Experiment championChallenger(String name, String champion, String challenger,
                                                double challengerPercent) {
        Arm c = Arm.percent(challenger, challengerPercent);
        return of(name, new Arm(champion, BASIS_POINTS - c.basisPoints()), c);
    }

    /** @return the first arm, the strategy in use */
    public Arm champion() {
        return arms.get(0);
    }

    /** @return the arms after the first */
    public List<Arm> challengers() {
        return arms.subList(1, arms.size());
    }

    /**
     * @param armName an arm's name
     * @return the arm of that name
     * @throws IllegalArgumentException when the experiment has none
     */
    public Arm arm(String armName) {
        for (Arm a : arms) {
            if (a.name().equals(armName)) {
                return a;
            }
        }
        throw new IllegalArgumentException("experiment " + name + " has no arm " + armName + "; its arms are "
                + arms.stream().map(Arm::name).toList());
    }

    /**
     * The case's bucket, 0 to 9,999: see the class comment for the exact definition.
     *
     * @param caseId the case id (the debtor's {@code id})
     * @return the bucket
     */
    public int bucketOf(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        byte[] digest = sha256().digest((name + ":" + caseId).getBytes(StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first, BASIS_POINTS);
    }

    /**
     * @param caseId the case id
     * @return the arm the case is assigned to
     */
    public Arm armOf(String caseId) {
        int bucket = bucketOf(caseId);
        int upTo = 0;
        for (Arm arm : arms) {
            upTo += arm.basisPoints();
            if (bucket < upTo) {
                return arm;
            }
        }
        throw new IllegalStateException("unreachable: the shares add up to " + BASIS_POINTS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256"); // every Java platform has it
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit, was " + (value == null ? "null" : "\"" + value + "\""));
        }
    }

    private static String describe(List<Arm> arms) {
        StringBuilder sb = new StringBuilder();
        for (Arm a : arms) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.name()).append(' ').append(format(a.basisPoints()))
                    .append('%');
        }
        return sb.toString();
    }

    private static String format(int basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }
}
