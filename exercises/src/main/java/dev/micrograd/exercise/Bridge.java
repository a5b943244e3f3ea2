package dev.micrograd.exercise;

import java.util.List;

/**
 * How the checks reach the {@code Value} class you write in your exercise file: they build
 * expressions and read them back through these one-liners, since the checker cannot name a class
 * inside your file. Each set's file writes the methods its {@code Value} has so far; the checks
 * of that set call no others.
 *
 * @param <V> your {@code Value} class
 */
public interface Bridge<V> {
    /** A leaf holding {@code data}, named {@code label}. */
    V leaf(double data, String label);

    V add(V a, V b);

    V mul(V a, V b);

    double data(V v);

    String op(V v);

    String label(V v);

    void setLabel(V v, String label);

    /** The values {@code v} was made from, in operand order; empty for a leaf. */
    List<V> children(V v);

    default V tanh(V v) {
        throw missing("tanh()");
    }

    default double grad(V v) {
        throw missing("grad");
    }

    default void setGrad(V v, double grad) {
        throw missing("grad");
    }

    /** Runs the local backward step of {@code v} once. */
    default void backwardStep(V v) {
        throw missing("the backward step");
    }

    default void backward(V v) {
        throw missing("backward()");
    }

    default V exp(V v) {
        throw missing("exp()");
    }

    default V pow(V v, double exponent) {
        throw missing("pow()");
    }

    default V neg(V v) {
        throw missing("neg()");
    }

    default V sub(V a, V b) {
        throw missing("sub()");
    }

    default V div(V a, V b) {
        throw missing("div()");
    }

    default V log(V v) {
        throw missing("log()");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(what + " is not part of this set's Value");
    }
}
