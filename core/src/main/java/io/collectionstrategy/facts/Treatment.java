package io.collectionstrategy.facts;

import io.collectionstrategy.Debtor;
import java.util.Objects;

/**
 * What the first stage of the rules found, for the rules that choose the treatment: scripts, escalation steps and
 * compliance. The engine inserts it once every rule on the {@link Debtor} and the clocks has fired and the debtor
 * type and the special situation are decided, so a rule on {@code Treatment} always sees the final type and
 * situation. Rules on it need no joins: {@code Treatment( normal, type == "EVASIVE", debtor.daysOverdue >= 8 )}.
 *
 * @param debtor     the debtor
 * @param type       the debtor type: the type with the most evidence points, if it has at least the rulebook's
 *                   {@code classification.minimumPoints} (ties: alphabetically first), else {@code UNCLASSIFIED}
 * @param situation  the special situation that drives the treatment (lowest precedence first, ties alphabetically),
 *                   or {@code null} when there is none
 * @param limitation the limitation clock of the debt
 * @param guarantee  the guarantee period, or {@code null} when the debtor has no guarantor or the jurisdiction has
 *                   no guarantee period
 * @param evaluation the evaluation moment
 * @param judgment   the judgment's enforcement clock, or {@code null} when there is no judgment date or the
 *                   jurisdiction has no such period
 * @param largeExposure the amount overdue is at least the rulebook's {@code escalation.largeExposure} threshold
 *                   ({@code rulebook.yaml}): a supervisor reviews the case at once
 * @param timeline   what already happened on the case (actions, promises, payments); empty when none was given
 */
public record Treatment(Debtor debtor, String type, String situation, LimitationClock limitation,
                        GuaranteePeriod guarantee, Evaluation evaluation, JudgmentClock judgment,
                        boolean largeExposure, Timeline timeline) {

    /** Checks that the parts the rules always read are there. */
    public Treatment {
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitation, "limitation");
        Objects.requireNonNull(evaluation, "evaluation");
        timeline = timeline == null ? Timeline.EMPTY : timeline;
    }

    /**
     * A treatment with no timeline.
     *
     * @param debtor        the debtor
     * @param type          the debtor type
     * @param situation     the special situation, or {@code null}
     * @param limitation    the limitation clock
     * @param guarantee     the guarantee period, or {@code null}
     * @param evaluation    the evaluation moment
     * @param judgment      the judgment's enforcement clock, or {@code null}
     * @param largeExposure whether the amount is a large exposure
     */
    public Treatment(Debtor debtor, String type, String situation, LimitationClock limitation,
                     GuaranteePeriod guarantee, Evaluation evaluation, JudgmentClock judgment, boolean largeExposure) {
        this(debtor, type, situation, limitation, guarantee, evaluation, judgment, largeExposure, Timeline.EMPTY);
    }

    /**
     * A treatment without a judgment clock and below the large-exposure threshold.
     *
     * @param debtor     the debtor
     * @param type       the debtor type
     * @param situation  the special situation, or {@code null}
     * @param limitation the limitation clock
     * @param guarantee  the guarantee period, or {@code null}
     * @param evaluation the evaluation moment
     */
    public Treatment(Debtor debtor, String type, String situation, LimitationClock limitation,
                     GuaranteePeriod guarantee, Evaluation evaluation) {
        this(debtor, type, situation, limitation, guarantee, evaluation, null, false, Timeline.EMPTY);
    }

    /** @return {@code true} when no special situation applies: the normal ladder and the type's script */
    public boolean isNormal() {
        return situation == null;
    }

    /** @return {@code true} when the debt is extinguished by prescription (Scotland): nothing may be asked for */
    public boolean isExtinguished() {
        return limitation.extinguished();
    }

    /** @return {@code true} when the limitation period has ended: no legal step may be recommended */
    public boolean isTimeBarred() {
        return limitation.expired();
    }

    /** @return {@code true} when the debtor has a guarantor who can still be asked to pay: the guarantee period, where the
     *     jurisdiction has one, has not ended */
    public boolean isGuarantorLiable() {
        return debtor.hasGuarantor() && (guarantee == null || !guarantee.expired());
    }
}
