package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Function;

/** Checks the gradients backward() computes against central finite differences. */
final class FiniteDifference {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-5;

    private FiniteDifference() {
    }

    /**
     * Builds {@code f} over float64 leaves holding {@code x}, back-propagates, and compares each
     * leaf's gradient with (f(x + h) - f(x - h)) / 2h, relative to the size of the derivative.
     */
    static void assertGradients(Function<Value[], Value> f, double... x) {
        Value[] leaves = leaves(x);
        Value out = f.apply(leaves);
        out.backward();
        for (int i = 0; i < x.length; i++) {
            double numeric = (eval(f, x, i, H) - eval(f, x, i, -H)) / (2 * H);
            assertEquals(numeric, leaves[i].grad(), TOLERANCE * Math.max(1, Math.abs(numeric)),
                    "d out / d x" + i + " at x = " + Arrays.toString(x));
        }
    }

    private static double eval(Function<Value[], Value> f, double[] x, int i, double h) {
        double[] shifted = x.clone();
        shifted[i] += h;
        return f.apply(leaves(shifted)).data();
    }

    private static Value[] leaves(double[] x) {
        Value[] leaves = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            leaves[i] = Value.of(x[i], "x" + i);
        }
        return leaves;
    }
}
