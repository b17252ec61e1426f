/**
 * The collection-strategy API: describe a {@link io.collectionstrategy.Debtor}, build a
 * {@link io.collectionstrategy.CollectionStrategy} once from a {@link io.collectionstrategy.Rulebook}, and
 * {@link io.collectionstrategy.CollectionStrategy#assess assess} debtors into immutable
 * {@link io.collectionstrategy.Assessment}s: debtor type, situation, script, escalation steps and warnings, each
 * explained by the rules that fired.
 *
 * <p>Bad input throws {@link io.collectionstrategy.InvalidDebtorException} naming the field, the value and what was
 * expected; a broken rulebook throws {@link io.collectionstrategy.RulebookException} listing every problem as
 * {@code file:line: message}. No Drools type appears in this package's signatures.
 */
package io.collectionstrategy;
