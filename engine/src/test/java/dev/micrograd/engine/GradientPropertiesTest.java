package dev.micrograd.engine;

import static dev.micrograd.engine.FiniteDifference.assertGradients;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every op's gradient, and a few composite expressions, against central finite differences. */
class GradientPropertiesTest {

    // ---- primitives ---------------------------------------------------------------------------

    @Property
    void add(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @DoubleRange(min = -10, max = 10) double y) {
        assertGradients(v -> v[0].add(v[1]), x, y);
    }

    @Property
    void mul(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @DoubleRange(min = -10, max = 10) double y) {
        assertGradients(v -> v[0].mul(v[1]), x, y);
    }

    @Property
    void powOfPositiveBase(@ForAll @DoubleRange(min = 0.2, max = 5) double x,
            @ForAll @DoubleRange(min = -3, max = 3) double p) {
        assertGradients(v -> v[0].pow(p), x);
    }

    @Property
    void powWithWholeExponentOfAnyBase(@ForAll @DoubleRange(min = -5, max = 5) double x,
            @ForAll @IntRange(min = 0, max = 4) int p) {
        assertGradients(v -> v[0].pow(p), x);
    }

    @Property
    void exp(@ForAll @DoubleRange(min = -5, max = 5) double x) {
        assertGradients(v -> v[0].exp(), x);
    }

    @Property
    void log(@ForAll @DoubleRange(min = 0.05, max = 20) double x) {
        assertGradients(v -> v[0].log(), x);
    }

    @Property
    void tanh(@ForAll @DoubleRange(min = -4, max = 4) double x) {
        assertGradients(v -> v[0].tanh(), x);
    }

    @Property
    void sigmoid(@ForAll @DoubleRange(min = -8, max = 8) double x) {
        assertGradients(v -> v[0].sigmoid(), x);
    }

    @Property
    void reluAwayFromItsKink(@ForAll @DoubleRange(min = -5, max = 5) double x) {
        Assume.that(Math.abs(x) > 1e-3);
        assertGradients(v -> v[0].relu(), x);
    }

    // ---- composites ---------------------------------------------------------------------------

    @Property
    void neg(@ForAll @DoubleRange(min = -10, max = 10) double x) {
        assertGradients(v -> v[0].neg(), x);
    }

    @Property
    void sub(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @DoubleRange(min = -10, max = 10) double y) {
        assertGradients(v -> v[0].sub(v[1]), x, y);
    }

    @Property
    void div(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @DoubleRange(min = 0.5, max = 10) double y,
            @ForAll boolean negative) {
        assertGradients(v -> v[0].div(v[1]), x, negative ? -y : y);
    }

    @Property
    void neuron(@ForAll @DoubleRange(min = -2, max = 2) double x1, @ForAll @DoubleRange(min = -2, max = 2) double x2,
            @ForAll @DoubleRange(min = -2, max = 2) double w1, @ForAll @DoubleRange(min = -2, max = 2) double w2,
            @ForAll @DoubleRange(min = -2, max = 2) double b) {
        assertGradients(v -> v[0].mul(v[2]).add(v[1].mul(v[3])).add(v[4]).tanh(), x1, x2, w1, w2, b);
    }

    @Property
    void tanhViaExp(@ForAll @DoubleRange(min = -3, max = 3) double n) {
        assertGradients(v -> {
            Value e = v[0].mul(2).exp();
            return e.sub(1).div(e.add(1));
        }, n);
    }

    @Property
    void productPlusQuotient(@ForAll @DoubleRange(min = -5, max = 5) double a, @ForAll @DoubleRange(min = -5, max = 5) double b,
            @ForAll @DoubleRange(min = -5, max = 5) double c, @ForAll @DoubleRange(min = 0.5, max = 5) double d) {
        assertGradients(v -> v[0].mul(v[1]).add(v[2].div(v[3])), a, b, c, d);
    }

    @Property
    void sharedSubexpressions(@ForAll @DoubleRange(min = -3, max = 3) double x) {
        Assume.that(Math.abs(x) > 1e-3);
        assertGradients(v -> {
            Value square = v[0].mul(v[0]);
            return square.add(v[0]).mul(square.add(1).log()).add(v[0].sigmoid().mul(v[0].relu()));
        }, x);
    }

    // ---- a Value with a Java number: the gradient reaches the Value and the number's leaf --------

    @Property
    void withDouble(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @DoubleRange(min = 0.5, max = 10) double k) {
        assertGradients(v -> v[0].add(k), x);
        assertGradients(v -> v[0].sub(k), x);
        assertGradients(v -> v[0].mul(k), x);
        assertGradients(v -> v[0].div(k), x);
        assertNumberLeafGradient(x, Value.of(x).mul(k));
    }

    @Property
    void withFloat(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @FloatRange(min = 0.5f, max = 10) float k) {
        assertGradients(v -> v[0].add(k), x);
        assertGradients(v -> v[0].sub(k), x);
        assertGradients(v -> v[0].mul(k), x);
        assertGradients(v -> v[0].div(k), x);
        assertNumberLeafGradient(x, Value.of(x).mul(k));
    }

    @Property
    void withLong(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @LongRange(min = 1, max = 1000) long k) {
        assertGradients(v -> v[0].add(k), x);
        assertGradients(v -> v[0].sub(k), x);
        assertGradients(v -> v[0].mul(k), x);
        assertGradients(v -> v[0].div(k), x);
        assertNumberLeafGradient(x, Value.of(x).mul(k));
    }

    @Property
    void withInt(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll @IntRange(min = 1, max = 1000) int k) {
        assertGradients(v -> v[0].add(k), x);
        assertGradients(v -> v[0].sub(k), x);
        assertGradients(v -> v[0].mul(k), x);
        assertGradients(v -> v[0].div(k), x);
        assertNumberLeafGradient(x, Value.of(x).mul(k));
    }

    /** In x * k the number k is a leaf of its own, and d(x * k)/dk is x. */
    private static void assertNumberLeafGradient(double x, Value product) {
        product.backward();
        assertEquals(x, product.children().get(1).grad(), 0);
    }
}
