///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex05Checks;
import java.util.function.DoubleUnaryOperator;

/**
 * Exercises 5: the number types behind gradients, from integer division to float32 rounding.
 * Run it with ./jbang ex05 to check your work.
 */
class Ex05Promotion implements Ex05Checks.Tasks {
    public static void main(String... args) {
        Ex05Checks.main(args, Ex05Promotion::new);
    }

    // tag::share[]
    /** Task 1: part / whole as a fraction, such as the share of samples classified right. */
    @Override
    public double share(int part, int whole) {
        // TODO(student): divide so that 1 of 2 gives 0.5, not 0
        throw new UnsupportedOperationException("TODO: task 1, the share");
    }

    /** Task 1: what Java gives for Math.pow(9, 1 / 2). Predict it, then check your prediction. */
    @Override
    public double powOfNineToOneHalf() {
        // TODO(student): your prediction, as a number
        throw new UnsupportedOperationException("TODO: task 1, the prediction");
    }
    // end::share[]

    // tag::slopes[]
    /** Task 2: the slope (f(x + h) - f(x)) / h, every step in float32. */
    @Override
    public float slope32(Ex05Checks.FloatFunction f, float x, float h) {
        // TODO(student): the lecture's nudge, with floats only
        throw new UnsupportedOperationException("TODO: task 2, the float32 slope");
    }

    /** Task 2: the same slope in float64. */
    @Override
    public double slope64(DoubleUnaryOperator f, double x, double h) {
        // TODO(student): the same formula with doubles
        throw new UnsupportedOperationException("TODO: task 2, the float64 slope");
    }
    // end::slopes[]

    // tag::best-steps[]
    // Task 3: the warm-up f(x) = 3x^2 - 4x + 5 has the slope 14 at x = 3. Of the steps 1e-1, 1e-2, ..., 1e-12,
    // which one gives the slope closest to 14 in float32, and which in float64? Find out with your slopes.

    @Override
    public double bestStep32() {
        // TODO(student): the best step for float32, such as 1e-5
        throw new UnsupportedOperationException("TODO: task 3, the best float32 step");
    }

    @Override
    public double bestStep64() {
        // TODO(student): the best step for float64
        throw new UnsupportedOperationException("TODO: task 3, the best float64 step");
    }
    // end::best-steps[]

    // tag::relative-error[]
    /** Task 4: how far apart two gradients are, relative to their size: 0 when they agree. */
    @Override
    public double relativeError(double a, double b) {
        // TODO(student): |a - b| divided by the larger of |a| and |b|; two zeros agree
        throw new UnsupportedOperationException("TODO: task 4, the relative error");
    }
    // end::relative-error[]
}
