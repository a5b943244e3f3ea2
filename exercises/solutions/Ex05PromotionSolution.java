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
class Ex05PromotionSolution implements Ex05Checks.Tasks {
    public static void main(String... args) {
        Ex05Checks.main(args, Ex05PromotionSolution::new);
    }

    /** Task 1: part / whole as a fraction, such as the share of samples classified right. */
    @Override
    public double share(int part, int whole) {
        return (double) part / whole;
    }

    /** Task 1: what Java gives for Math.pow(9, 1 / 2). Predict it, then check your prediction. */
    @Override
    public double powOfNineToOneHalf() {
        // 1 / 2 is the int 0, and anything to the power 0 is 1.
        return 1.0;
    }

    /** Task 2: the slope (f(x + h) - f(x)) / h, every step in float32. */
    @Override
    public float slope32(Ex05Checks.FloatFunction f, float x, float h) {
        return (f.apply(x + h) - f.apply(x)) / h;
    }

    /** Task 2: the same slope in float64. */
    @Override
    public double slope64(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    // Task 3: the warm-up f(x) = 3x^2 - 4x + 5 has the slope 14 at x = 3. Of the steps 1e-1, 1e-2, ..., 1e-12,
    // which one gives the slope closest to 14 in float32, and which in float64? Find out with your slopes.

    @Override
    public double bestStep32() {
        return best(true);
    }

    @Override
    public double bestStep64() {
        return best(false);
    }

    /** Tries every step and keeps the one whose slope is closest to 14. */
    private double best(boolean float32) {
        double bestStep = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 12; k++) {
            double h = Double.parseDouble("1e-" + k);
            double slope = float32 ? slope32(x -> 3f * x * x - 4f * x + 5f, 3f, (float) h)
                    : slope64(x -> 3 * x * x - 4 * x + 5, 3, h);
            if (Math.abs(slope - 14) < bestError) {
                bestError = Math.abs(slope - 14);
                bestStep = h;
            }
        }
        return bestStep;
    }

    /** Task 4: how far apart two gradients are, relative to their size: 0 when they agree. */
    @Override
    public double relativeError(double a, double b) {
        double size = Math.max(Math.abs(a), Math.abs(b));
        return size == 0 ? 0 : Math.abs(a - b) / size;
    }
}
