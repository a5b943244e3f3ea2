package dev.micrograd.exercise;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/** The checks of exercises 3: a numerical derivative, and a neuron's gradients filled in by hand. */
public final class Ex03Checks {
    /** What the student writes in {@code Ex03ManualBackprop.java}. */
    public interface Tasks {
        /** Task 1: the slope of {@code f} at {@code x}, estimated with the small step {@code h}. */
        double slope(DoubleUnaryOperator f, double x, double h);

        /** Task 2: the local derivative do/dn of {@code o = tanh(n)}, written with the output {@code o} only. */
        double tanhLocalGradient(double o);

        /** Task 3: set every gradient of the neuron by hand with {@code setGrad}, from {@code o} back to the leaves. */
        void fillGradients(OneNeuron neuron);
    }

    private static final double H = 0.001;

    private Ex03Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex03", "Manual backpropagation");
        c.check("task 1: the slope of x*x at x = 3 is about 6", "Nudge x by h and see how much f moves: (f(x + h) - f(x)) / h.",
                () -> Expect.near(6.0, student.get().slope(x -> x * x, 3.0, H), 2 * H));
        c.check("task 1: dL/dd of the lecture's L at d = -6, as in the lecture",
                "L = (d + c) * f with c = 10 and f = -2; the lecture gets -2.000000000000668.",
                () -> Expect.near(-2.0, student.get().slope(d -> (d + 10.0) * -2.0, -6.0, H), 1e-9));
        c.check("task 1: the slope of sin at 0 is about 1", "Divide by h, the size of the nudge.",
                () -> Expect.near(1.0, student.get().slope(Math::sin, 0.0, H), 1e-6));
        c.check("task 2: do/dn at the neuron's output o = 0.7071 is 0.5", "d tanh(n)/dn = 1 - tanh(n)^2 = 1 - o^2.",
                () -> Expect.near(0.5, student.get().tanhLocalGradient(Math.sqrt(0.5)), 1e-12));
        c.check("task 2: do/dn at o = 0 and o = -0.9", "1 - o^2 is 1 at o = 0 and 0.19 at o = -0.9.",
                () -> {
                    Tasks t = student.get();
                    Expect.near(new double[] {1.0, 0.19}, new double[] {t.tanhLocalGradient(0), t.tanhLocalGradient(-0.9)}, 1e-12);
                });
        c.check("task 3: o.grad and n.grad", "o.grad = 1 (do/do); n.grad = (1 - o^2) * o.grad.",
                () -> grads(student, new double[] {1.0, 0.5}, n -> new double[] {n.o().grad(), n.n().grad()}));
        c.check("task 3: the gradients of x1*w1 + x2*w2 and of b", "A '+' passes its gradient unchanged to both operands.",
                () -> grads(student, new double[] {0.5, 0.5}, n -> new double[] {n.x1w1x2w2().grad(), n.b().grad()}));
        c.check("task 3: the gradients of x1*w1 and of x2*w2", "Another '+': both get the gradient of x1*w1 + x2*w2.",
                () -> grads(student, new double[] {0.5, 0.5}, n -> new double[] {n.x1w1().grad(), n.x2w2().grad()}));
        c.check("task 3: the gradients of x1 and of w1", "A '*' gives each operand the other one's data times its gradient.",
                () -> grads(student, new double[] {-1.5, 1.0}, n -> new double[] {n.x1().grad(), n.w1().grad()}));
        c.check("task 3: the gradients of x2 and of w2", "x2.grad = w2.data * (x2*w2).grad; w2.grad = x2.data * (x2*w2).grad.",
                () -> grads(student, new double[] {0.5, 0.0}, n -> new double[] {n.x2().grad(), n.w2().grad()}));
        return c;
    }

    /** Fills a fresh neuron with the student's code and compares some of its gradients. */
    private static void grads(Supplier<? extends Tasks> student, double[] expected,
                              Function<OneNeuron, double[]> read) {
        OneNeuron neuron = OneNeuron.build();
        student.get().fillGradients(neuron);
        Expect.near(expected, read.apply(neuron), 1e-9);
    }
}
