package io.collectionstrategy;

/**
 * Whether the debtor is a consumer or a business (docs/contract.md `debtorKind`); a business may be on ongoing supply.
 */
public enum DebtorKind {
    /** A private person. */
    CONSUMER,
    /** A business customer, possibly on ongoing supply. */
    BUSINESS;
}
