package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.collectionstrategy.json.AssessmentJson;
import java.util.List;
import java.util.Optional;

/**
 * The decision for one debtor: behavioural type, special situation, script and escalation steps, each explained
 * by the rules that produced it. Immutable.
 *
 * <p>Its JSON form is the data contract's ({@code docs/contract.md}); Jackson serialises it through
 * {@link AssessmentJson}, so every {@code ObjectMapper} gives that one shape.
 *
 * @param id          the debtor's case id
 * @param debtorType  the behavioural type, e.g. {@code EVASIVE}, or {@code UNCLASSIFIED}; see {@link DebtorTypes}
 * @param situation   the special situation that overrides normal treatment, e.g. {@code DECEASED}, or {@code null};
 *                    see {@link Situations}
 * @param script      the recommended script, or {@code null} when the rulebook chose none
 * @param escalation  recommended steps ordered by {@code inDays}; steps due the same day in the order first proposed
 * @param warnings    what the collector must know before acting
 * @param blocked     steps a rule proposed that the compliance guard removed
 * @param firedRules  the rules that fired, each once, in the order they first fired
 * @param rulebook    the rulebook's name and version
 * @param evidence    the evidence for each type that the classification weighed
 * @param nextAction  the first step that is due, with its date, or {@code null} when there is none
 * @param strategy    the experiment and arm that assessed the case, or {@code null} when the strategy is not in an
 *                    experiment; see {@link io.collectionstrategy.experiment.ExperimentStrategy}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(using = AssessmentJson.Serializer.class)
public record Assessment(
        String id,
        String debtorType,
        String situation,
        Script script,
        List<EscalationStep> escalation,
        List<Warning> warnings,
        List<BlockedStep> blocked,
        List<FiredRule> firedRules,
        RulebookInfo rulebook,
        List<Evidence> evidence,
        NextAction nextAction,
        StrategyInfo strategy) {

    /** Copies the lists. */
    public Assessment {
        escalation = List.copyOf(escalation);
        warnings = List.copyOf(warnings);
        blocked = List.copyOf(blocked);
        firedRules = List.copyOf(firedRules);
        evidence = List.copyOf(evidence);
    }

    /**
     * An assessment of a strategy that is not in an experiment ({@code strategy} is {@code null}).
     *
     * @param id         the debtor's case id
     * @param debtorType the behavioural type
     * @param situation  the special situation, or {@code null}
     * @param script     the script, or {@code null}
     * @param escalation the steps, ordered by {@code inDays}
     * @param warnings   the warnings
     * @param blocked    the blocked steps
     * @param firedRules the fired rules
     * @param rulebook   the rulebook's name and version
     * @param evidence   the evidence
     * @param nextAction the first step that is due, or {@code null}
     */
    public Assessment(String id, String debtorType, String situation, Script script, List<EscalationStep> escalation,
                      List<Warning> warnings, List<BlockedStep> blocked, List<FiredRule> firedRules,
                      RulebookInfo rulebook, List<Evidence> evidence, NextAction nextAction) {
        this(id, debtorType, situation, script, escalation, warnings, blocked, firedRules, rulebook, evidence,
                nextAction, null);
    }

    /**
     * An assessment without a next action (as assessments were before {@code nextAction} was added).
     *
     * @param id         the debtor's case id
     * @param debtorType the behavioural type
     * @param situation  the special situation, or {@code null}
     * @param script     the script, or {@code null}
     * @param escalation the steps, ordered by {@code inDays}
     * @param warnings   the warnings
     * @param blocked    the blocked steps
     * @param firedRules the fired rules
     * @param rulebook   the rulebook's name and version
     * @param evidence   the evidence
     */
    public Assessment(String id, String debtorType, String situation, Script script, List<EscalationStep> escalation,
                      List<Warning> warnings, List<BlockedStep> blocked, List<FiredRule> firedRules,
                      RulebookInfo rulebook, List<Evidence> evidence) {
        this(id, debtorType, situation, script, escalation, warnings, blocked, firedRules, rulebook, evidence, null,
                null);
    }

    /**
     * This assessment as one arm of an experiment assessed it.
     *
     * @param strategy the experiment, arm and rulebook; {@code null} for none
     * @return a copy with that {@code strategy}, every other component the same
     */
    public Assessment withStrategy(StrategyInfo strategy) {
        return new Assessment(id, debtorType, situation, script, escalation, warnings, blocked, firedRules, rulebook,
                evidence, nextAction, strategy);
    }

    /**
     * An assessment whose next action is its first step, on the day it is due.
     *
     * @param id         the debtor's case id
     * @param debtorType the behavioural type
     * @param situation  the special situation, or {@code null}
     * @param script     the script, or {@code null}
     * @param escalation the steps, ordered by {@code inDays}
     * @param warnings   the warnings
     * @param blocked    the blocked steps
     * @param firedRules the fired rules
     * @param rulebook   the rulebook's name and version
     * @param evidence   the evidence
     * @param asOf       the evaluation date, from which {@code inDays} counts
     * @return the assessment
     */
    public static Assessment of(String id, String debtorType, String situation, Script script,
                                List<EscalationStep> escalation, List<Warning> warnings, List<BlockedStep> blocked,
                                List<FiredRule> firedRules, RulebookInfo rulebook, List<Evidence> evidence,
                                java.time.LocalDate asOf) {
        EscalationStep first = escalation.isEmpty() ? null : escalation.get(0);
        return new Assessment(id, debtorType, situation, script, escalation, warnings, blocked, firedRules, rulebook,
                evidence, first == null ? null
                        : new NextAction(first.step(), asOf.plusDays(first.inDays()), first.reason(), first.rule()));
    }

    /** @return the first recommended step, if any */
    public Optional<EscalationStep> firstStep() {
        return escalation.isEmpty() ? Optional.empty() : Optional.of(escalation.get(0));
    }

    /** @return the ids of the fired rules, in firing order */
    public List<String> firedRuleIds() {
        return firedRules.stream().map(FiredRule::id).toList();
    }

    /** @return the names of the recommended steps, in order */
    public List<String> stepNames() {
        return escalation.stream().map(EscalationStep::step).toList();
    }

    /** @return the codes of the warnings, in order */
    public List<String> warningCodes() {
        return warnings.stream().map(Warning::code).toList();
    }
}
