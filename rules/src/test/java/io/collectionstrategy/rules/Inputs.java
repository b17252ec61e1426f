package io.collectionstrategy.rules;

import io.collectionstrategy.Behaviour;
import io.collectionstrategy.Circumstance;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.DebtorKind;
import io.collectionstrategy.StatedReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/** A deterministic variety of debtors for tests. */
final class Inputs {

    private Inputs() {
    }

    static List<Debtor> variety(int count) {
        Random random = new Random(42);
        Behaviour[] behaviours = Behaviour.values();
        StatedReason[] reasons = StatedReason.values();
        Circumstance[] circumstances = Circumstance.values();
        List<Debtor> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EnumSet<Behaviour> b = EnumSet.noneOf(Behaviour.class);
            for (int k = random.nextInt(4); k > 0; k--) {
                b.add(behaviours[random.nextInt(behaviours.length)]);
            }
            EnumSet<Circumstance> c = EnumSet.noneOf(Circumstance.class);
            if (random.nextInt(10) == 0) {
                c.add(circumstances[random.nextInt(circumstances.length)]);
            }
            int attempts = random.nextInt(10);
            int made = random.nextInt(5);
            out.add(Debtor.builder("V-" + i).daysOverdue(random.nextInt(900)).amountOverdue(BigDecimal.valueOf(random.nextInt(100_000), 2))
                    .contactAttempts(attempts).contactsReached(attempts == 0 ? 0 : random.nextInt(attempts + 1))
                    .promisesMade(made).promisesBroken(made == 0 ? 0 : random.nextInt(made + 1))
                    .daysSinceLastContact(random.nextInt(40)).statedReason(reasons[random.nextInt(reasons.length)])
                    .behaviours(b).circumstances(c).hasGuarantor(random.nextBoolean()).hasCollateral(random.nextInt(4) == 0)
                    .debtorKind(random.nextInt(5) == 0 ? DebtorKind.BUSINESS : DebtorKind.CONSUMER).build());
        }
        return out;
    }
}
