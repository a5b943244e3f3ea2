package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/** The checks of exercises 6: tanh rebuilt from exp, and the local backward steps of new operations. */
public final class Ex06Checks {
    /** What the student writes in {@code Ex06TanhAndNewOps.java}. */
    public interface Tasks {
        /** Task 1: tanh(n) built from the engine's exp, add, sub and div only. */
        Value tanhFromExp(Value n);

        /** Task 2: the natural logarithm with its local backward step. */
        Scalar log(Scalar x);

        /** Task 3: the sigmoid 1 / (1 + e^-x) with its local backward step. */
        Scalar sigmoid(Scalar x);

        /** Task 4: x to the power y, with the local backward step for both x and y. */
        Scalar pow(Scalar x, Scalar y);
    }

    /** The lecture's n, where tanh(n) = 0.7071 and d tanh(n)/dn = 0.5. */
    static final double N = 0.8813735870195432;
    private static final double H = 1e-6;

    private Ex06Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex06", "tanh via exp, more operators");
        c.check("task 1: tanh(0.8814) from exp is 0.7071", "tanh(n) = (e - 1) / (e + 1) with e = exp(2n).",
                () -> Expect.near(Math.tanh(N), tanh(student, Value.of(N)).data(), 1e-12));
        c.check("task 1: backward() through it gives dn = 0.5, as tanh does", "Build it only from Value operations, so backward() can follow.",
                () -> {
                    Value n = Value.of(N, "n");
                    tanh(student, n).backward();
                    Expect.near(0.5, n.grad(), 1e-9);
                });
        c.check("task 1: it is made of exp, not of tanh", "Use n.mul(2).exp(), then sub, add and div; never n.tanh().",
                () -> {
                    Value o = tanh(student, Value.of(N));
                    long tanhs = o.topologicalOrder().stream().filter(v -> v.op().equals("tanh")).count();
                    long exps = o.topologicalOrder().stream().filter(v -> v.op().equals("exp")).count();
                    Expect.that(tanhs == 0 && exps >= 1, "no tanh node, at least one exp node",
                            tanhs + " tanh node(s), " + exps + " exp node(s)");
                });
        c.check("task 2: log(2)", "The forward pass: Math.log of the data.",
                () -> Expect.near(Math.log(2), forward(student.get().log(new Scalar(2.0))), 1e-12));
        c.check("task 2: d log(x)/dx at x = 2 (finite difference)", "d log(x)/dx = 1 / x, times out.grad.",
                () -> gradient(x -> student.get().log(x), Math::log, 2.0));
        c.check("task 2: log(x) + x at x = 2 gives x.grad = 1.5", "Add into x.grad (+=): x also gets a share from the '+'.",
                () -> accumulates(x -> student.get().log(x), 2.0, 1 / 2.0 + 1));
        c.check("task 3: sigmoid(0) and sigmoid(2)", "sigmoid(x) = 1 / (1 + Math.exp(-x)).",
                () -> {
                    Tasks t = student.get();
                    Expect.near(new double[] {0.5, 1 / (1 + Math.exp(-2))},
                            new double[] {forward(t.sigmoid(new Scalar(0))), forward(t.sigmoid(new Scalar(2)))}, 1e-12);
                });
        c.check("task 3: d sigmoid(x)/dx at x = 2 (finite difference)", "With s = sigmoid(x): ds/dx = s * (1 - s).",
                () -> gradient(x -> student.get().sigmoid(x), x -> 1 / (1 + Math.exp(-x)), 2.0));
        c.check("task 3: sigmoid(x) + x at x = 2 accumulates", "Add into x.grad (+=), do not assign.",
                () -> {
                    double s = 1 / (1 + Math.exp(-2.0));
                    accumulates(x -> student.get().sigmoid(x), 2.0, s * (1 - s) + 1);
                });
        c.check("task 4: 2 to the power 3 is 8", "Math.pow(x.data, y.data).",
                () -> Expect.near(8.0, forward(student.get().pow(new Scalar(2), new Scalar(3))), 1e-12));
        c.check("task 4: d(x^y)/dx at x = 1.5, y = 2.5 (finite difference)", "d(x^y)/dx = y * x^(y - 1).",
                () -> {
                    Scalar y = new Scalar(2.5);
                    gradient(x -> student.get().pow(x, y), x -> Math.pow(x, 2.5), 1.5);
                });
        c.check("task 4: d(x^y)/dy at x = 1.5, y = 2.5 (finite difference)", "d(x^y)/dy = x^y * ln(x): the exponent gets a gradient too.",
                () -> {
                    Scalar x = new Scalar(1.5);
                    gradient(y -> student.get().pow(x, y), y -> Math.pow(1.5, y), 2.5);
                });
        c.check("task 4: x^x at x = 2 gives x.grad = 4 (ln 2 + 1)", "x is both the base and the exponent: both shares add up (+=).",
                () -> {
                    Scalar x = new Scalar(2.0);
                    Expect.present(student.get().pow(x, x), "a Scalar").backward();
                    Expect.near(4 * (Math.log(2) + 1), x.grad, 1e-9);
                });
        return c;
    }

    private static Value tanh(Supplier<? extends Tasks> student, Value n) {
        return Expect.present(student.get().tanhFromExp(n), "a Value");
    }

    private static double forward(Scalar s) {
        return Expect.present(s, "a Scalar").data;
    }

    /** The student's gradient at {@code at} against the central finite difference of the true function. */
    private static void gradient(Function<Scalar, Scalar> op, DoubleUnaryOperator truth, double at) {
        Scalar x = new Scalar(at);
        Expect.present(op.apply(x), "a Scalar").backward();
        double slope = (truth.applyAsDouble(at + H) - truth.applyAsDouble(at - H)) / (2 * H);
        Expect.near(slope, x.grad, 1e-6);
    }

    /** {@code op(x) + x}: x must end up with both shares, which only {@code +=} gives. */
    private static void accumulates(Function<Scalar, Scalar> op, double at, double expected) {
        Scalar x = new Scalar(at);
        Scalar y = Expect.present(op.apply(x), "a Scalar");
        Scalar sum = new Scalar(y.data + x.data, "+", y, x);
        sum.onBackward(() -> {
            y.grad += sum.grad;
            x.grad += sum.grad;
        });
        sum.backward();
        Expect.near(expected, x.grad, 1e-9);
    }
}
