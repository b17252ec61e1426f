package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The legal system whose limitation periods and contact limits apply (input field {@code jurisdiction}), by its code.
 * Jurisdictions are data: each code names a profile in {@code jurisdictions.yaml} (the built-in file, or entries a
 * rulebook adds), so a new one needs no Java change. A code without a profile in the rulebook is refused when the
 * debtor is assessed, naming the codes it has.
 *
 * <p>The built-in profiles are {@link #CN} (the default), {@link #US}, {@link #UK} and {@link #UK_SCOTLAND}. Compare
 * with {@link #equals}; the constants are also what {@link #of} returns for their codes.
 */
public final class Jurisdiction implements Comparable<Jurisdiction>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** People's Republic of China (the default). */
    public static final Jurisdiction CN = new Jurisdiction("CN");
    /** United States. */
    public static final Jurisdiction US = new Jurisdiction("US");
    /** {@code UK}: England, Wales and Northern Ireland. */
    public static final Jurisdiction UK = new Jurisdiction("UK");
    /** {@code UK_SCOTLAND}: Scotland, with its 5-year prescription period. */
    public static final Jurisdiction UK_SCOTLAND = new Jurisdiction("UK_SCOTLAND");

    private static final Map<String, Jurisdiction> BUILT_IN = Map.of(CN.code, CN, US.code, US, UK.code, UK,
            UK_SCOTLAND.code, UK_SCOTLAND);

    private final String code;

    private Jurisdiction(String code) {
        this.code = code;
    }

    /**
     * @param code upper-case letters, digits and {@code _}, starting with a letter, at most 32 characters, e.g.
     *             {@code CN}
     * @return the jurisdiction of that code
     * @throws IllegalArgumentException when the code is not of that form
     */
    @JsonCreator
    public static Jurisdiction of(String code) {
        Objects.requireNonNull(code, "code");
        Jurisdiction known = BUILT_IN.get(code);
        if (known != null) {
            return known;
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a jurisdiction code is upper-case letters, digits and _, starting with a"
                    + " letter, at most 32 characters (e.g. CN, US, UK, UK_SCOTLAND), was " + InvalidDebtorException.show(code));
        }
        return new Jurisdiction(code);
    }

    /** @return the code, e.g. {@code CN} */
    @JsonValue
    public String code() {
        return code;
    }

    /** @return the code, e.g. {@code CN} (the name it had when jurisdictions were an enum) */
    public String name() {
        return code;
    }

    @Override
    public int compareTo(Jurisdiction other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jurisdiction j && j.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }

    private Object readResolve() {
        return of(code);
    }
}
