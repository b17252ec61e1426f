package io.collectionstrategy;

/**
 * What kind of event {@code lastInterruption} was (input field {@code lastInterruptionKind}). The kind matters: each
 * jurisdiction's law says which events restart the limitation period before it ends, and which (if any) still count
 * after it ended ({@code interruptedBy} and {@code revivedBy} in {@code jurisdictions.yaml}).
 */
public enum InterruptionKind {
    /** The creditor's demand for payment, proven served (restarts the period in CN, PRC Civil Code art. 195). */
    DEMAND,
    /** The debtor acknowledged the debt (in writing and signed, in England and Wales: Limitation Act 1980 s.30). */
    ACKNOWLEDGEMENT,
    /** The debtor paid part of the debt. */
    PART_PAYMENT,
    /** A suit, payment order or arbitration was filed. */
    SUIT;
}
