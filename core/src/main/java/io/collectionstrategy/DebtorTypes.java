package io.collectionstrategy;

/**
 * The built-in debtor types of docs/contract.md. The set is open: a rulebook may add its own.
 */
public final class DebtorTypes {
    /** Aggressive, complains of being pestered, objects to fees; the easiest to resolve. */
    public static final String PROVOCATIVE = "PROVOCATIVE";
    /** Hard to reach, never explains, promised dates long passed. */
    public static final String EVASIVE = "EVASIVE";
    /** Great distress, exaggerates hardship, humble but has paid nothing. */
    public static final String VICTIM = "VICTIM";
    /** Forceful, blames the lender, dismisses legal action. */
    public static final String CONFIDENT = "CONFIDENT";
    /** Repeats that they cannot or will not pay, insists on their own terms. */
    public static final String STUBBORN = "STUBBORN";
    /** Articulate, uses jargon, cites connections or assets, offers a deferred lump sum. */
    public static final String SOPHISTICATED = "SOPHISTICATED";
    /** Friendly, always promises, does not keep promises. */
    public static final String SERIAL_PROMISER = "SERIAL_PROMISER";
    /** Not enough evidence for a type, for example no contact yet. */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    private DebtorTypes() {
    }
}
