package io.collectionstrategy.facts;

/**
 * The debtor's behavioural type, decided by the rulebook. Treatment rules match on it:
 * {@code Classification( type == "EVASIVE" )}.
 *
 * @param type the debtor type, e.g. {@code "EVASIVE"} or {@code "UNCLASSIFIED"}
 */
public record Classification(String type) {
}
