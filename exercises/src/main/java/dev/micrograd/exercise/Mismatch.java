package dev.micrograd.exercise;

/** Thrown by a check whose answer is not the expected one; the checker prints both. */
public final class Mismatch extends RuntimeException {
    private final String expected;
    private final String actual;

    public Mismatch(String expected, String actual) {
        super("expected " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
