package dev.micrograd.engine;

/**
 * The number type a {@link Value} holds, ordered so that the wider type comes later.
 *
 * <p>Mixing two types gives the later one, which is Java's binary numeric promotion (JLS 5.6.2)
 * and, for these four types, also Julia's {@code promote_type}.
 */
public enum DType {
    INT32("int32"),
    INT64("int64"),
    FLOAT32("float32"),
    FLOAT64("float64");

    /** The largest integer a double holds exactly, so the largest int64 a Value holds. */
    public static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

    private final String name;

    DType(String name) {
        this.name = name;
    }

    /** The type of a result that mixes {@code a} and {@code b}. */
    public static DType promote(DType a, DType b) {
        // Ordinals rather than compareTo, whose class check is slow once compiled to JavaScript.
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** The type of a result that leaves the integers (exp, log, division): integers give float64. */
    DType floating() {
        return isInteger() ? FLOAT64 : this;
    }

    // tag::holds-round[]
    /** Whether this type holds {@code exact}: floats hold any number, integers only their range. */
    boolean holds(double exact) {
        switch (this) {
            case INT32:
                return exact >= Integer.MIN_VALUE && exact <= Integer.MAX_VALUE;
            case INT64:
                return Math.abs(exact) <= MAX_EXACT_INTEGER;
            default:
                return true;
        }
    }

    /** The number this type stores for {@code exact}; float32 rounds to the nearest float. */
    double round(double exact) {
        if (this == FLOAT32) {
            return (float) exact;
        }
        // Integers have no negative zero: 0 * -5 is 0, so 1 / (0 * -5) is +Infinity as in Julia.
        return isInteger() ? exact + 0.0 : exact;
    }
    // end::holds-round[]

    /** The range an integer type holds, for error messages. */
    String range() {
        return this == INT32
                ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : -MAX_EXACT_INTEGER + " to " + MAX_EXACT_INTEGER;
    }

    @Override
    public String toString() {
        return name;
    }
}
