package io.collectionstrategy.facts;

/**
 * The script the rulebook recommends, by its id in the script catalogue.
 *
 * @param scriptId the id, e.g. {@code "TYPE_EVASIVE"}
 */
public record ScriptChoice(String scriptId) {
}
