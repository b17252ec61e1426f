package io.collectionstrategy.benchmarks;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.DebtorKind;
import io.collectionstrategy.Jurisdiction;
import io.collectionstrategy.StatedReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic portfolio for the benchmarks: days overdue skewed to the early buckets (about 45% 1-30,
 * 25% 31-60, 12% 61-90, the rest 91-699), behaviours consistent with the seven debtor types (plus debtors not yet
 * reached and plain oversights, and a little noise), promises and contacts, about 4% special circumstances, guarantor,
 * collateral and business flags.
 *
 * <p>Deliberately inside the limitation period: {@code daysOverdue} stays below {@link #MAX_DAYS}, there is no
 * {@code lastInterruption}, {@code dueDate} or {@code contactHistory}, so limitation-clock and contact-limit rules
 * have nothing to say and the hand-written baseline can mirror the decisions exactly.
 */
public final class Portfolio {

    /** The date the benchmarks assess on. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /** Days overdue stay below this (the shortest limitation period is three years). */
    public static final int MAX_DAYS = 700;

    private enum Profile {
        PROVOCATIVE(9), EVASIVE(17), VICTIM(11), CONFIDENT(7), STUBBORN(13), SOPHISTICATED(6), SERIAL_PROMISER(17),
        NOT_REACHED(12), OVERSIGHT(8);

        final int weight;

        Profile(int weight) {
            this.weight = weight;
        }
    }

    private static final String[] CN_SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu",
        "Zhou"};
    private static final String[] CN_GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yang", "Yan", "Jie"};

    private final SplittableRandom random;
    private long index;

    private Portfolio(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param seed  equal seeds give equal portfolios
     * @param count how many debtors
     * @return the debtors, ids {@code B-0000000} upwards
     */
    public static List<Debtor> debtors(long seed, int count) {
        Portfolio p = new Portfolio(seed);
        List<Debtor> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(p.next());
        }
        return out;
    }

    /** @return an endless source of debtors for a seed, for writing large files */
    static Portfolio stream(long seed) {
        return new Portfolio(seed);
    }

    Debtor next() {
        long i = index++;
        int days = daysOverdue();
        Profile profile = profile(days);
        Jurisdiction jurisdiction = pick(new Jurisdiction[] {Jurisdiction.CN, Jurisdiction.US, Jurisdiction.UK},
                new int[] {88, 6, 6});
        boolean business = random.nextDouble() < 0.2;
        double median = business ? 40_000 : 3_000;
        double amount = median * Math.exp(gaussian() * 0.9) * (1 + days / 360.0);

        int attempts;
        int reached;
        int maxAttempts = Math.max(1, Math.min(40, days / 3 + 1));
        if (profile == Profile.NOT_REACHED) {
            attempts = random.nextInt(Math.min(6, maxAttempts) + 1);
            reached = 0;
        } else if (profile == Profile.EVASIVE) {
            attempts = Math.max(3, 2 + random.nextInt(maxAttempts + 1));
            reached = Math.max(1, (int) Math.floor(attempts * random.nextDouble() * 0.25));
        } else {
            attempts = 1 + random.nextInt(Math.min(maxAttempts, 12));
            reached = Math.max(1, (int) Math.round(attempts * (0.4 + 0.6 * random.nextDouble())));
        }
        reached = Math.min(reached, attempts);

        int made = 0;
        int broken = 0;
        switch (profile) {
            case SERIAL_PROMISER -> {
                made = 2 + random.nextInt(4);
                broken = Math.max(2, made - random.nextInt(2));
            }
            case EVASIVE -> {
                made = random.nextInt(3);
                broken = made;
            }
            case NOT_REACHED -> {
            }
            default -> {
                if (random.nextDouble() < 0.3) {
                    made = 1 + random.nextInt(2);
                    broken = random.nextInt(made + 1);
                }
            }
        }
        Integer since = null;
        if (reached > 0) {
            int s = profile == Profile.EVASIVE ? 14 + random.nextInt(50) : random.nextInt(Math.max(1, Math.min(days, 21)) + 1);
            since = Math.min(s, days);
        }
        Set<Circumstance> circumstances = Set.of();
        if (random.nextDouble() < 0.04) {
            circumstances = EnumSet.of(pick(new Circumstance[] {Circumstance.DISPUTE_OPEN, Circumstance.COMPLAINT_OPEN,
                Circumstance.IN_LITIGATION, Circumstance.BANKRUPTCY, Circumstance.FRAUD_SUSPECTED,
                Circumstance.DECEASED_REPORTED, Circumstance.JUDGMENT_OBTAINED}, new int[] {25, 25, 15, 10, 10, 8, 7}));
            if (random.nextDouble() < 0.15) {
                circumstances.add(Circumstance.values()[random.nextInt(Circumstance.values().length)]);
            }
        }
        return Debtor.builder(String.format("B-%07d", i))
                .name(CN_SURNAMES[random.nextInt(CN_SURNAMES.length)] + " " + CN_GIVEN[random.nextInt(CN_GIVEN.length)])
                .daysOverdue(days)
                .amountOverdue(random.nextDouble() < 0.01 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP))
                .currency(switch (jurisdiction.code()) {
                    case "US" -> "USD";
                    case "UK" -> "GBP";
                    default -> "CNY";
                })
                .debtorKind(business ? DebtorKind.BUSINESS : DebtorKind.CONSUMER)
                .lateInstalments(Math.min(12, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2)))
                .contactAttempts(attempts)
                .contactsReached(reached)
                .promisesMade(made)
                .promisesBroken(broken)
                .daysSinceLastContact(since)
                .statedReason(reason(profile, business))
                .behaviours(behaviours(profile))
                .circumstances(circumstances)
                .hasGuarantor(random.nextDouble() < (business ? 0.35 : 0.12))
                .hasCollateral(random.nextDouble() < (business ? 0.3 : 0.08))
                .jurisdiction(jurisdiction)
                .build();
    }

    private int daysOverdue() {
        double u = random.nextDouble();
        if (u < 0.45) {
            return 1 + random.nextInt(30);
        }
        if (u < 0.70) {
            return 31 + random.nextInt(30);
        }
        if (u < 0.82) {
            return 61 + random.nextInt(30);
        }
        double tail = -Math.log(1 - random.nextDouble()) * 200;
        return 91 + (int) Math.min(tail, MAX_DAYS - 92);
    }

    private Profile profile(int days) {
        Profile[] all = Profile.values();
        int[] weights = new int[all.length];
        for (int k = 0; k < all.length; k++) {
            int w = all[k].weight;
            if (days > 90 && all[k] == Profile.EVASIVE) {
                w *= 2;
            }
            if (days > 90 && all[k] == Profile.OVERSIGHT) {
                w = 1;
            }
            weights[k] = w;
        }
        return all[pickIndex(weights)];
    }

    private StatedReason reason(Profile p, boolean business) {
        return switch (p) {
            case PROVOCATIVE -> pick(new StatedReason[] {StatedReason.NONE, StatedReason.OVERSIGHT, StatedReason.DISSATISFIED},
                    new int[] {60, 30, 10});
            case EVASIVE -> pick(new StatedReason[] {StatedReason.NONE, StatedReason.NO_FUNDS}, new int[] {80, 20});
            case VICTIM -> pick(new StatedReason[] {StatedReason.THEFT_OR_DISASTER, StatedReason.FAMILY_HARDSHIP,
                StatedReason.ILLNESS, StatedReason.JOB_LOSS}, new int[] {25, 30, 25, 20});
            case CONFIDENT -> pick(new StatedReason[] {StatedReason.DISSATISFIED, StatedReason.DISPUTES_DEBT, StatedReason.NONE},
                    new int[] {60, 15, 25});
            case STUBBORN -> business
                    ? pick(new StatedReason[] {StatedReason.BUSINESS_DOWNTURN, StatedReason.NO_FUNDS, StatedReason.REFUSES},
                            new int[] {60, 25, 15})
                    : pick(new StatedReason[] {StatedReason.NO_FUNDS, StatedReason.REFUSES, StatedReason.JOB_LOSS},
                            new int[] {65, 20, 15});
            case SOPHISTICATED -> pick(new StatedReason[] {StatedReason.CASH_FLOW_TIMING, StatedReason.BUSINESS_DOWNTURN,
                StatedReason.NONE}, new int[] {70, 15, 15});
            case SERIAL_PROMISER -> pick(new StatedReason[] {StatedReason.COUNTERPARTY_NOT_PAID, StatedReason.CASH_FLOW_TIMING,
                StatedReason.NO_FUNDS, StatedReason.NONE}, new int[] {35, 25, 25, 15});
            case NOT_REACHED -> StatedReason.NONE;
            case OVERSIGHT -> pick(new StatedReason[] {StatedReason.OVERSIGHT, StatedReason.NONE}, new int[] {85, 15});
        };
    }

    private List<Behaviour> behaviours(Profile p) {
        Behaviour[] cues = switch (p) {
            case PROVOCATIVE -> new Behaviour[] {Behaviour.AGGRESSIVE, Behaviour.COMPLAINS_OF_PRESSURE,
                Behaviour.COMPARES_OTHER_LENDERS, Behaviour.DISPUTES_FEES};
            case EVASIVE -> new Behaviour[] {Behaviour.AVOIDS_CONTACT};
            case VICTIM -> new Behaviour[] {Behaviour.EMOTIONAL_DISTRESS, Behaviour.EXAGGERATES_HARDSHIP, Behaviour.APOLOGETIC};
            case CONFIDENT -> new Behaviour[] {Behaviour.BLAMES_LENDER, Behaviour.DISMISSES_LEGAL_ACTION, Behaviour.AGGRESSIVE};
            case STUBBORN -> new Behaviour[] {Behaviour.REPEATS_CANNOT_PAY, Behaviour.INSISTS_OWN_TERMS};
            case SOPHISTICATED -> new Behaviour[] {Behaviour.USES_JARGON, Behaviour.CITES_CONNECTIONS_OR_ASSETS,
                Behaviour.OFFERS_DEFERRED_LUMP_SUM, Behaviour.FRIENDLY};
            case SERIAL_PROMISER -> new Behaviour[] {Behaviour.FRIENDLY};
            case NOT_REACHED, OVERSIGHT -> new Behaviour[0];
        };
        EnumSet<Behaviour> chosen = EnumSet.noneOf(Behaviour.class);
        if (cues.length > 0) {
            int n = 1 + random.nextInt(Math.min(3, cues.length));
            if (p == Profile.EVASIVE && random.nextDouble() < 0.25) {
                n = 0;
            }
            for (int k = 0; k < n; k++) {
                chosen.add(cues[random.nextInt(cues.length)]);
            }
        }
        if (p == Profile.OVERSIGHT && random.nextDouble() < 0.3) {
            chosen.add(Behaviour.APOLOGETIC);
        }
        if (p != Profile.NOT_REACHED && random.nextDouble() < 0.12) {
            chosen.add(Behaviour.values()[random.nextInt(Behaviour.values().length)]);
        }
        return new ArrayList<>(chosen);
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private <T> T pick(T[] values, int[] weights) {
        return values[pickIndex(weights)];
    }

    private int pickIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
