package io.collectionstrategy.examples.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rows of a {@link SyntheticPortfolio}, drawn one at a time from one random sequence: see there for the
 * distribution. Inside the limitation period, days overdue stop below
 * {@link SyntheticPortfolio#INSIDE_LIMITATION_MAX_DAYS} (a shorter tail) and no row has a limitation interruption or
 * a contact history; everything else is drawn alike.
 */
final class SyntheticRows implements Iterator<GeneratedRow> {

    private enum Profile {
        PROVOCATIVE(9), EVASIVE(17), VICTIM(11), CONFIDENT(7), STUBBORN(13), SOPHISTICATED(6), SERIAL_PROMISER(17),
        NOT_REACHED(12), OVERSIGHT(8);

        final int weight;

        Profile(int weight) {
            this.weight = weight;
        }
    }

    private static final String[] CN_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] CN_GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "勇", "军", "杰",
        "娟", "涛", "明", "超", "霞", "平", "刚", "桂", "英", "华", "建", "文", "玲", "鹏", "宇", "浩"};
    private static final String[] EN_FIRST = {"Alex", "Sam", "Jordan", "Taylor", "Chris", "Morgan", "Jamie", "Casey",
        "Riley", "Drew", "Robin", "Avery", "Quinn", "Rowan", "Emery", "Reese"};
    private static final String[] EN_LAST = {"Hill", "Carter", "Reed", "Brooks", "Ellis", "Hayes", "Fox", "Grant",
        "Lane", "Walsh", "Marsh", "Dale", "Pike", "Rowe", "Stone", "Vale"};

    private final SplittableRandom random;
    private final long count;
    private final double badRows;
    private final LocalDate reference;
    private final boolean jsonLines;
    private final boolean insideLimitation;
    private long index;

    /**
     * @param portfolio what to draw
     * @param jsonLines true when the rows become JSON Lines (bad rows may then be malformed JSON text)
     */
    SyntheticRows(SyntheticPortfolio portfolio, boolean jsonLines) {
        this.random = new SplittableRandom(portfolio.seed());
        this.count = portfolio.count();
        this.badRows = portfolio.badRows();
        this.reference = portfolio.referenceDate();
        this.jsonLines = jsonLines;
        this.insideLimitation = portfolio.insideLimitation();
    }

    @Override
    public boolean hasNext() {
        return index < count;
    }

    @Override
    public GeneratedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long i = index++;
        Map<String, Object> fields = debtor(i);
        if (badRows > 0 && random.nextDouble() < badRows) {
            return spoil(i, fields);
        }
        return new GeneratedRow(i, fields, null, false);
    }

    private Map<String, Object> debtor(long i) {
        Map<String, Object> f = new LinkedHashMap<>();
        int days = daysOverdue();
        Profile profile = profile(days);
        String jurisdiction = pick(new String[] {"CN", "US", "UK"}, new int[] {88, 6, 6});
        boolean business = random.nextDouble() < 0.2;

        f.put("id", String.format("C-%07d", 1_000_000 + i));
        f.put("name", name(jurisdiction));
        f.put("daysOverdue", days);
        double median = business ? 40_000 : 3_000;
        double amount = median * Math.exp(gaussian() * 0.9) * (1 + Math.min(days, 720) / 360.0);
        f.put("amountOverdue", BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP));
        f.put("currency", switch (jurisdiction) {
            case "US" -> "USD";
            case "UK" -> "GBP";
            default -> "CNY";
        });
        f.put("debtorKind", business ? "BUSINESS" : "CONSUMER");
        f.put("lateInstalments", Math.min(12, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2)));

        // contacts
        int attempts;
        int reached;
        int maxAttempts = Math.max(1, Math.min(40, days / 3 + 1));
        if (profile == Profile.NOT_REACHED) {
            attempts = random.nextInt(Math.min(4, maxAttempts) + 1);
            reached = 0;
        } else if (profile == Profile.EVASIVE) {
            attempts = Math.max(3, 2 + random.nextInt(maxAttempts + 1));
            reached = (int) Math.floor(attempts * random.nextDouble() * 0.25);
            reached = Math.max(1, reached);
        } else {
            attempts = 1 + random.nextInt(Math.min(maxAttempts, 12));
            reached = Math.max(1, (int) Math.round(attempts * (0.4 + 0.6 * random.nextDouble())));
        }
        f.put("contactAttempts", attempts);
        f.put("contactsReached", Math.min(reached, attempts));

        // promises
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
                    if (broken >= 2 && random.nextDouble() < 0.7) {
                        broken = 1;
                    }
                }
            }
        }
        f.put("promisesMade", made);
        f.put("promisesBroken", broken);
        if (reached > 0) {
            int since = profile == Profile.EVASIVE ? 14 + random.nextInt(50) : random.nextInt(Math.max(1, Math.min(days, 21)) + 1);
            f.put("daysSinceLastContact", Math.min(since, Math.max(days, 0)));
        }

        f.put("statedReason", reason(profile, business));
        f.put("behaviours", behaviours(profile));
        if (random.nextDouble() < 0.04) {
            f.put("circumstances", List.of(pick(new String[] {"DISPUTE_OPEN", "COMPLAINT_OPEN", "IN_LITIGATION",
                "BANKRUPTCY", "FRAUD_SUSPECTED", "DECEASED_REPORTED", "JUDGMENT_OBTAINED"},
                    new int[] {25, 25, 15, 10, 10, 8, 7})));
        } else {
            f.put("circumstances", List.of());
        }
        f.put("hasGuarantor", random.nextDouble() < (business ? 0.35 : 0.12));
        f.put("hasCollateral", random.nextDouble() < (business ? 0.3 : 0.08));
        // an interruption of the limitation clock (a written demand, an acknowledgement) on some old debts
        if (!insideLimitation && days > 400 && random.nextDouble() < 0.35) {
            int ago = 30 + random.nextInt(Math.max(1, days - 400));
            f.put("lastInterruption", reference.minusDays(ago).toString());
        }
        f.put("jurisdiction", jurisdiction);
        if (!insideLimitation && reached > 0 && random.nextDouble() < 0.05) {
            f.put("contactHistory", contactHistory(attempts, reached));
        }
        return f;
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
        // over 90: a long tail, most within a year, a few past the three-year limitation period (unless inside it)
        if (insideLimitation) {
            double tail = -Math.log(1 - random.nextDouble()) * 200;
            return 91 + (int) Math.min(tail, SyntheticPortfolio.INSIDE_LIMITATION_MAX_DAYS - 92);
        }
        double tail = -Math.log(1 - random.nextDouble()) * 260;
        return 91 + (int) Math.min(tail, 2_500);
    }

    private Profile profile(int days) {
        Profile[] all = Profile.values();
        int[] weights = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            int w = all[i].weight;
            if (days > 90 && all[i] == Profile.EVASIVE) {
                w *= 2;
            }
            if (days > 90 && all[i] == Profile.OVERSIGHT) {
                w = 1;
            }
            if (days <= 30 && (all[i] == Profile.SERIAL_PROMISER || all[i] == Profile.OVERSIGHT)) {
                w += w / 2;
            }
            weights[i] = w;
        }
        return all[pickIndex(weights)];
    }

    private String reason(Profile p, boolean business) {
        return switch (p) {
            case PROVOCATIVE -> pick(new String[] {"NONE", "OVERSIGHT", "DISSATISFIED"}, new int[] {60, 30, 10});
            case EVASIVE -> pick(new String[] {"NONE", "NO_FUNDS"}, new int[] {80, 20});
            case VICTIM -> pick(new String[] {"THEFT_OR_DISASTER", "FAMILY_HARDSHIP", "ILLNESS", "JOB_LOSS"},
                    new int[] {25, 30, 25, 20});
            case CONFIDENT -> pick(new String[] {"DISSATISFIED", "DISPUTES_DEBT", "NONE"}, new int[] {60, 15, 25});
            case STUBBORN -> business ? pick(new String[] {"BUSINESS_DOWNTURN", "NO_FUNDS", "REFUSES"}, new int[] {60, 25, 15})
                    : pick(new String[] {"NO_FUNDS", "REFUSES", "JOB_LOSS"}, new int[] {65, 20, 15});
            case SOPHISTICATED -> pick(new String[] {"CASH_FLOW_TIMING", "BUSINESS_DOWNTURN", "NONE"}, new int[] {70, 15, 15});
            case SERIAL_PROMISER -> pick(new String[] {"COUNTERPARTY_NOT_PAID", "CASH_FLOW_TIMING", "NO_FUNDS", "NONE"},
                    new int[] {35, 25, 25, 15});
            case NOT_REACHED -> "NONE";
            case OVERSIGHT -> pick(new String[] {"OVERSIGHT", "NONE"}, new int[] {85, 15});
        };
    }

    private List<String> behaviours(Profile p) {
        String[] cues = switch (p) {
            case PROVOCATIVE -> new String[] {"AGGRESSIVE", "COMPLAINS_OF_PRESSURE", "COMPARES_OTHER_LENDERS", "DISPUTES_FEES"};
            case EVASIVE -> new String[] {"AVOIDS_CONTACT"};
            case VICTIM -> new String[] {"EMOTIONAL_DISTRESS", "EXAGGERATES_HARDSHIP", "APOLOGETIC"};
            case CONFIDENT -> new String[] {"BLAMES_LENDER", "DISMISSES_LEGAL_ACTION", "AGGRESSIVE"};
            case STUBBORN -> new String[] {"REPEATS_CANNOT_PAY", "INSISTS_OWN_TERMS"};
            case SOPHISTICATED -> new String[] {"USES_JARGON", "CITES_CONNECTIONS_OR_ASSETS", "OFFERS_DEFERRED_LUMP_SUM", "FRIENDLY"};
            case SERIAL_PROMISER -> new String[] {"FRIENDLY"};
            case NOT_REACHED, OVERSIGHT -> new String[0];
        };
        Set<String> chosen = new LinkedHashSet<>();
        if (cues.length > 0) {
            int n = 1 + random.nextInt(Math.min(3, cues.length));
            if (p == Profile.EVASIVE && random.nextDouble() < 0.25) {
                n = 0; // evasive by record only: unanswered calls, a broken promise
            }
            for (int k = 0; k < n; k++) {
                chosen.add(cues[random.nextInt(cues.length)]);
            }
        }
        if (p == Profile.OVERSIGHT && random.nextDouble() < 0.3) {
            chosen.add("APOLOGETIC");
        }
        // a little noise: one cue of another type
        if (p != Profile.NOT_REACHED && random.nextDouble() < 0.12) {
            String[] any = {"AGGRESSIVE", "FRIENDLY", "APOLOGETIC", "DISPUTES_FEES", "COMPLAINS_OF_PRESSURE",
                "REPEATS_CANNOT_PAY", "USES_JARGON", "EMOTIONAL_DISTRESS"};
            chosen.add(any[random.nextInt(any.length)]);
        }
        return new ArrayList<>(chosen);
    }

    private List<Map<String, Object>> contactHistory(int attempts, int reached) {
        int n = Math.min(attempts, 1 + random.nextInt(3));
        List<Map<String, Object>> list = new ArrayList<>(n);
        int reachedLeft = Math.min(reached, n);
        for (int k = 0; k < n; k++) {
            LocalDate day = reference.minusDays((long) (n - k) * (1 + random.nextInt(5)));
            LocalTime time = LocalTime.of(8 + random.nextInt(13), random.nextInt(60));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("at", OffsetDateTime.of(day, time, ZoneOffset.ofHours(8)).toString());
            c.put("channel", pick(new String[] {"CALL", "SMS", "VISIT", "LETTER"}, new int[] {60, 20, 15, 5}));
            boolean r = reachedLeft > 0 && random.nextBoolean();
            if (r) {
                reachedLeft--;
            }
            c.put("reached", r);
            list.add(c);
        }
        return list;
    }

    private GeneratedRow spoil(long i, Map<String, Object> f) {
        int kind = random.nextInt(8);
        switch (kind) {
            case 0 -> f.put("daysOverdue", -1 - random.nextInt(30));
            case 1 -> f.put("behaviours", List.of("FRIENDLY", "SHOUTS"));
            case 2 -> {
                f.put("promisesMade", 1);
                f.put("promisesBroken", 3);
            }
            case 3 -> f.remove("id");
            case 4 -> f.put("daysOverdue", "ten");
            case 5 -> {
                if (jsonLines) {
                    f.put("nickname", "x");
                } else {
                    f.put("statedReason", "BROKE");
                }
            }
            case 6 -> {
                if (jsonLines) {
                    String text = "{\"id\": \"" + f.get("id") + "\", \"daysOverdue\": " + f.get("daysOverdue")
                            + ", \"behaviours\": [\"FRIENDLY\"";
                    return new GeneratedRow(i, f, text, true);
                }
                f.put("debtorKind", "PARTNERSHIP");
            }
            default -> f.remove("daysOverdue");
        }
        return new GeneratedRow(i, f, null, true);
    }

    private String name(String jurisdiction) {
        if (!"CN".equals(jurisdiction)) {
            return EN_FIRST[random.nextInt(EN_FIRST.length)] + " " + EN_LAST[random.nextInt(EN_LAST.length)];
        }
        String given = CN_GIVEN[random.nextInt(CN_GIVEN.length)];
        if (random.nextBoolean()) {
            given += CN_GIVEN[random.nextInt(CN_GIVEN.length)];
        }
        return CN_SURNAMES[random.nextInt(CN_SURNAMES.length)] + given;
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private String pick(String[] values, int[] weights) {
        return values[pickIndex(weights)];
    }

    private int pickIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
