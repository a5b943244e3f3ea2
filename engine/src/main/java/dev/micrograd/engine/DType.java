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
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** The type of a result that leaves the integers (exp, log, division): integers give float64. */
    DType floating() {
        return isInteger() ? FLOAT64 : this;
    }

    /**
     * Rounds an exact result to this type, or throws when an integer type cannot hold it.
     *
     * @param what names the operation and its operands for the error message
     */
    double round(double exact, String what) {
        switch (this) {
            case FLOAT32:
                return (float) exact;
            case FLOAT64:
                return exact;
            default:
                long limit = this == INT32 ? Integer.MAX_VALUE : MAX_EXACT_INTEGER;
                long low = this == INT32 ? Integer.MIN_VALUE : -MAX_EXACT_INTEGER;
                if (Double.isNaN(exact) || exact > limit || exact < low) {
                    throw new ArithmeticException(what + " overflows " + name
                            + " (range " + low + " to " + limit + ")");
                }
                return exact;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
