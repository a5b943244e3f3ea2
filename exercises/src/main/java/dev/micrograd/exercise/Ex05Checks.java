package dev.micrograd.exercise;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/** The checks of exercises 5: the number types behind gradients: integer division, float32 and float64 slopes. */
public final class Ex05Checks {
    /** A function of a float32, computed in float32. */
    @FunctionalInterface
    public interface FloatFunction {
        float apply(float x);
    }

    /** What the student writes in {@code Ex05Promotion.java}. */
    public interface Tasks {
        /** Task 1: {@code part / whole} as a fraction, such as the share of samples classified right. */
        double share(int part, int whole);

        /** Task 1: what Java gives for {@code Math.pow(9, 1 / 2)}, predicted before you run it. */
        double powOfNineToOneHalf();

        /** Task 2: the slope {@code (f(x + h) - f(x)) / h}, every step in float32. */
        float slope32(FloatFunction f, float x, float h);

        /** Task 2: the same slope in float64. */
        double slope64(DoubleUnaryOperator f, double x, double h);

        /** Task 3: the step among 1e-1, 1e-2, ..., 1e-12 whose float32 slope of the warm-up f at 3 is closest to 14. */
        double bestStep32();

        /** Task 3: the same for float64. */
        double bestStep64();

        /** Task 4: how far apart two gradients are, relative to their size: 0 when they agree. */
        double relativeError(double a, double b);
    }

    /** The warm-up function of the lecture, f(x) = 3x^2 - 4x + 5, whose slope at 3 is 14. */
    static float f32(float x) {
        return 3f * x * x - 4f * x + 5f;
    }

    static double f64(double x) {
        return 3 * x * x - 4 * x + 5;
    }

    private Ex05Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex05", "Numbers for gradients");
        c.check("task 1: 1 of 2 is 0.5 and 45 of 60 is 0.75",
                "In Java int / int is an int: 1 / 2 is 0. Turn one operand into a double before you divide.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(t.share(1, 2), t.share(45, 60));
                },
                (a, seed) -> Expect.near(new double[] {0.5, 0.75}, a.numbers(), 1e-12));
        c.check("task 1: 2 of 3 is 0.6667 and -1 of 4 is -0.25",
                "A cast after the division, (double) (part / whole), is too late: the fraction is already gone.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(t.share(2, 3), t.share(-1, 4));
                },
                (a, seed) -> Expect.near(new double[] {2.0 / 3, -0.25}, a.numbers(), 1e-12));
        c.check("task 1: Math.pow(9, 1 / 2)", "Which type has 1 / 2, and what is 9 to that power?",
                seed -> Answer.number(student.get().powOfNineToOneHalf()),
                (a, seed) -> Expect.near(Math.pow(9, 1 / 2), a.number(), 0));
        c.check("task 2: the float64 slope of the warm-up f at 3 with h = 1e-6 is 14.000003",
                "(f(x + h) - f(x)) / h; the 0.000003 is the curve bending: 3h for this f.",
                seed -> Answer.number(student.get().slope64(Ex05Checks::f64, 3, 1e-6)),
                (a, seed) -> Expect.near(14.000003, a.number(), 1e-6));
        c.check("task 2: the float32 slope with h = 1e-4 is off by 0.04",
                "Keep every step in float: x + h, f(x + h) - f(x) and the division. float32 has about 7 digits.",
                seed -> Answer.number(student.get().slope32(Ex05Checks::f32, 3f, 1e-4f)),
                (a, seed) -> Expect.near(slope32(1e-4f), a.number(), 1e-3));
        c.check("task 2: the float32 slope with h = 1e-7 is 0",
                "In float32, 3 + 0.0000001 rounds back to 3, so f(x + h) - f(x) is exactly 0.",
                seed -> Answer.number(student.get().slope32(Ex05Checks::f32, 3f, 1e-7f)),
                (a, seed) -> Expect.near(0.0, a.number(), 0));
        c.check("task 3: the best step for float32", "Try every h with your slope32 and keep the closest: a large h bends,"
                        + " a small one cancels. float32 wants a larger h than float64.",
                seed -> Answer.number(student.get().bestStep32()),
                (a, seed) -> bestStep(true, a.number()));
        c.check("task 3: the best step for float64", "The same search with slope64: about the square root of"
                        + " float64's precision (1e-16), give or take.",
                seed -> Answer.number(student.get().bestStep64()),
                (a, seed) -> bestStep(false, a.number()));
        c.check("task 4: 1 against 1.0001, and 1e-12 against 2e-12",
                "Divide the difference by the larger size, |a| or |b|: tiny gradients that differ by 2x are far apart.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(t.relativeError(1, 1.0001), t.relativeError(1e-12, 2e-12));
                },
                (a, seed) -> Expect.near(new double[] {0.0001 / 1.0001, 0.5}, a.numbers(), 1e-9));
        c.check("task 4: -3 against 3 is 2, and the order does not matter", "Use absolute values: Math.abs.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(t.relativeError(-3, 3), t.relativeError(3, -3), t.relativeError(4, 2));
                },
                (a, seed) -> Expect.near(new double[] {2, 2, 0.5}, a.numbers(), 1e-12));
        c.check("task 4: two zero gradients agree: 0, not NaN", "0 / 0 is NaN: when both are 0 the error is 0.",
                seed -> Answer.number(student.get().relativeError(0, 0)),
                (a, seed) -> Expect.near(0.0, a.number(), 0));
        return c;
    }

    private static float slope32(float h) {
        return (f32(3f + h) - f32(3f)) / h;
    }

    /** How far the slope at 3 with step {@code h} is from 14, in float32 or float64. */
    private static double error(boolean float32, double h) {
        return Math.abs((float32 ? slope32((float) h) : (f64(3 + h) - f64(3)) / h) - 14);
    }

    /**
     * Accepts one of the steps 1e-1 to 1e-12 whose error is at most twice the smallest, since a step whose
     * error is that close to the best may win or lose by how f is written.
     */
    private static void bestStep(boolean float32, double answer) {
        double bestError = Double.POSITIVE_INFINITY;
        boolean accepted = false;
        for (int k = 1; k <= 12; k++) {
            double h = Double.parseDouble("1e-" + k);
            bestError = Math.min(bestError, error(float32, h));
        }
        for (int k = 1; k <= 12; k++) {
            double h = Double.parseDouble("1e-" + k);
            accepted |= Math.abs(answer - h) <= h * 1e-6 && error(float32, h) <= 2 * bestError;
        }
        // The expected line names the smallest error, not its step, so a failure does not give the answer away.
        Expect.that(accepted, "a step whose slope is off by " + Expect.number(bestError) + " (or by up to twice that)",
                Expect.number(answer) + (answer > 0 ? ", whose slope is off by " + Expect.number(error(float32, answer)) : ""));
    }
}
