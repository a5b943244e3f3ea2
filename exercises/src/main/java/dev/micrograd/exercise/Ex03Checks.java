package dev.micrograd.exercise;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/** The checks of exercises 3: tanh on your Value, a numerical derivative, and a neuron's gradients by hand. */
public final class Ex03Checks {
    /**
     * What the student writes in {@code Ex03ManualBackprop.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 2: the slope of {@code f} at {@code x}, estimated with the small step {@code h}. */
        double slope(DoubleUnaryOperator f, double x, double h);

        /** Task 3: the local derivative do/dn of {@code o = tanh(n)}, written with the output {@code o} only. */
        double tanhLocalGradient(double o);

        /** Task 4: set every gradient of the neuron by hand, from {@code o} back to the leaves. */
        void fillGradients(OneNeuron<V> neuron);
    }

    private static final double H = 0.001;
    private static final List<String> PLUS_TIMES_TANH = List.of("+", "*", "tanh");

    private Ex03Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?>> student) {
        Checks c = new Checks("ex03", "Manual backpropagation");
        c.check("task 1: tanh(n) at n = 0.8814 is 0.7071, made by tanh from n",
                "A new Value holding Math.tanh(data), with n as its only child and the op \"tanh\".",
                seed -> tanhOfN(student.get()),
                (a, seed) -> Expect.equal(Expect.number(Math.tanh(Ex06Checks.N)) + " = tanh n", a.text()));
        c.check("task 1: a new value's grad starts at 0", "A Value's gradient is 0 until backpropagation fills it.",
                seed -> gradStartsAtZero(student.get()),
                (a, seed) -> Expect.near(new double[] {0, 0}, a.numbers(), 0));
        c.check("task 1: " + RandomExpressions.TRIALS + " random expressions of +, * and tanh give the engine's numbers",
                "tanh squashes any number into (-1, 1): tanh(0) = 0, tanh(2) = 0.964.",
                seed -> RandomExpressions.data(student.get(), seed, PLUS_TIMES_TANH),
                (a, seed) -> RandomExpressions.sameData(a, seed, PLUS_TIMES_TANH));
        c.check("task 2: the slope of x*x at x = 3 is about 6", "Nudge x by h and see how much f moves: (f(x + h) - f(x)) / h.",
                seed -> Answer.number(student.get().slope(x -> x * x, 3.0, H)),
                (a, seed) -> Expect.near(6.0, a.number(), 2 * H));
        c.check("task 2: dL/dd of the lecture's L at d = -6, as in the lecture",
                "L = (d + c) * f with c = 10 and f = -2; the lecture gets -2.000000000000668.",
                seed -> Answer.number(student.get().slope(d -> (d + 10.0) * -2.0, -6.0, H)),
                (a, seed) -> Expect.near(-2.0, a.number(), 1e-9));
        c.check("task 2: the slope of sin at 0 is about 1", "Divide by h, the size of the nudge.",
                seed -> Answer.number(student.get().slope(Math::sin, 0.0, H)),
                (a, seed) -> Expect.near(1.0, a.number(), 1e-6));
        c.check("task 3: do/dn at the neuron's output o = 0.7071 is 0.5", "d tanh(n)/dn = 1 - tanh(n)^2, and tanh(n) is o.",
                seed -> Answer.number(student.get().tanhLocalGradient(Math.sqrt(0.5))),
                (a, seed) -> Expect.near(0.5, a.number(), 1e-12));
        c.check("task 3: do/dn at o = 0 and o = -0.9", "The slope of tanh is 1 at 0 and flattens towards o = -1 and 1.",
                seed -> {
                    Tasks<?> t = student.get();
                    return Answer.numbers(t.tanhLocalGradient(0), t.tanhLocalGradient(-0.9));
                },
                (a, seed) -> Expect.near(new double[] {1.0, 0.19}, a.numbers(), 1e-12));
        c.check("task 4: o.grad and n.grad", "o.grad = 1 (do/do); n.grad = (1 - o^2) * o.grad.",
                seed -> grads(student.get(), List.of("o", "n")),
                (a, seed) -> Expect.near(new double[] {1.0, 0.5}, a.numbers(), 1e-9));
        c.check("task 4: the gradients of x1*w1 + x2*w2 and of b", "A '+' passes its gradient unchanged to both operands.",
                seed -> grads(student.get(), List.of("x1*w1 + x2*w2", "b")),
                (a, seed) -> Expect.near(new double[] {0.5, 0.5}, a.numbers(), 1e-9));
        c.check("task 4: the gradients of x1*w1 and of x2*w2", "Another '+': both get the gradient of x1*w1 + x2*w2.",
                seed -> grads(student.get(), List.of("x1*w1", "x2*w2")),
                (a, seed) -> Expect.near(new double[] {0.5, 0.5}, a.numbers(), 1e-9));
        c.check("task 4: the gradients of x1 and of w1", "A '*' gives each operand the other one's data times its gradient.",
                seed -> grads(student.get(), List.of("x1", "w1")),
                (a, seed) -> Expect.near(new double[] {-1.5, 1.0}, a.numbers(), 1e-9));
        c.check("task 4: the gradients of x2 and of w2", "x2.grad = w2.data * (x2*w2).grad; w2.grad = x2.data * (x2*w2).grad.",
                seed -> grads(student.get(), List.of("x2", "w2")),
                (a, seed) -> Expect.near(new double[] {0.5, 0.0}, a.numbers(), 1e-9));
        return c;
    }

    private static <V> Answer tanhOfN(Tasks<V> t) {
        V n = t.leaf(Ex06Checks.N, "n");
        return Answer.text(Graphs.describe(t, t.tanh(n)));
    }

    private static <V> Answer gradStartsAtZero(Tasks<V> t) {
        V a = t.leaf(2.0, "a");
        V n = t.tanh(t.mul(a, t.add(a, a)));
        return Answer.numbers(t.grad(a), t.grad(n));
    }

    /** Fills a fresh neuron of the student's Value by their hand and answers some of its gradients. */
    private static <V> Answer grads(Tasks<V> t, List<String> names) {
        OneNeuron<V> neuron = OneNeuron.build(t);
        t.fillGradients(neuron);
        Function<String, V> node = name -> switch (name) {
            case "o" -> neuron.o();
            case "n" -> neuron.n();
            case "x1*w1 + x2*w2" -> neuron.x1w1x2w2();
            case "b" -> neuron.b();
            case "x1*w1" -> neuron.x1w1();
            case "x2*w2" -> neuron.x2w2();
            case "x1" -> neuron.x1();
            case "x2" -> neuron.x2();
            case "w1" -> neuron.w1();
            default -> neuron.w2();
        };
        double[] actual = new double[names.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = t.grad(node.apply(names.get(i)));
        }
        return Answer.numbers(actual);
    }
}
