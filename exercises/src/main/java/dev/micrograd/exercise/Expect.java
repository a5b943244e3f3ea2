package dev.micrograd.exercise;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/** The comparisons a check makes; each throws {@link Mismatch} when the answer is wrong. */
public final class Expect {
    private Expect() {
    }

    /** A number within {@code tolerance} of the expected one. */
    public static void near(double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new Mismatch(number(expected) + within(tolerance), number(actual));
        }
    }

    /** Several numbers, each within {@code tolerance}; both sides print as a list. */
    public static void near(double[] expected, double[] actual, double tolerance) {
        Objects.requireNonNull(actual, "your code returned null instead of numbers");
        boolean ok = expected.length == actual.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = Math.abs(expected[i] - actual[i]) <= tolerance;
        }
        if (!ok) {
            String each = tolerance == 0 ? "" : " (each " + within(tolerance).substring(2);
            throw new Mismatch(numbers(expected) + each, numbers(actual));
        }
    }

    /** Equal objects; when the types differ, both types are shown. */
    public static void equal(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            boolean sameType = expected != null && actual != null && expected.getClass() == actual.getClass();
            throw new Mismatch(describe(expected, !sameType), describe(actual, !sameType));
        }
    }

    /** A condition that must hold; {@code expected} and {@code actual} describe it for the student. */
    public static void that(boolean condition, String expected, Object actual) {
        if (!condition) {
            throw new Mismatch(expected, String.valueOf(actual));
        }
    }

    /** Fails with a clear message when the student's code returned null. */
    public static <T> T present(T value, String what) {
        if (value == null) {
            throw new Mismatch(what, "null");
        }
        return value;
    }

    /** Six decimals with a point in every locale, or scientific notation for very large or small numbers. */
    public static String number(double x) {
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-4 || a >= 1e7) && !Double.isInfinite(a)) {
            return String.format(Locale.ROOT, "%.6e", x);
        }
        return String.format(Locale.ROOT, "%.6f", x);
    }

    /** " (within 1e-9)", or nothing for an exact comparison. */
    static String within(double tolerance) {
        return tolerance == 0 ? "" : " (within " + BigDecimal.valueOf(tolerance).stripTrailingZeros().toString()
                .toLowerCase(Locale.ROOT) + ")";
    }

    static String numbers(double[] xs) {
        if (xs == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            s.append(i > 0 ? ", " : "").append(number(xs[i]));
        }
        return s.append(']').toString();
    }

    private static String describe(Object x, boolean withType) {
        if (x == null) {
            return "null";
        }
        String text = x instanceof String ? "\"" + x + "\"" : String.valueOf(x);
        return withType ? text + " (" + x.getClass().getSimpleName() + ")" : text;
    }
}
