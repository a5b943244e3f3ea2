package dev.micrograd.exercise;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The checks of exercises 4: your Value's backward steps, its topological order, and backward(). */
public final class Ex04Checks {
    /**
     * What the student writes in {@code Ex04TopologicalBackprop.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 2: every value behind {@code root} once, each after all of its children, {@code root} last. */
        List<V> topologicalOrder(V root);
    }

    /** Long enough that a recursive depth-first search overflows the default thread stack. */
    static final int CHAIN = 100_000;
    private static final List<String> PLUS_TIMES_TANH = List.of("+", "*", "tanh");

    private Ex04Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?>> student) {
        Checks c = new Checks("ex04", "Topological backpropagation");
        c.check("task 1: the step of out = a + b passes out.grad = 2 to a and b",
                "d(a + b)/da = 1: each operand gets out.grad times 1.",
                () -> step(student.get(), "+", new double[] {2.0, 2.0}));
        c.check("task 1: the step of out = a * b gives a = 2, b = -3 the gradients -6 and 4",
                "d(a * b)/da = b: a gets b.data * out.grad, and b gets a.data * out.grad.",
                () -> step(student.get(), "*", new double[] {-6.0, 4.0}));
        c.check("task 1: the step of o = tanh(n) at n = 0.8814 gives n.grad = 0.5",
                "d tanh(n)/dn = 1 - o^2, with o the result's data; times o.grad.",
                () -> tanhStep(student.get()));
        c.check("task 1: the step of a + a gives a.grad = 2",
                "a gets a share of the gradient once per use: what happens to the first share when the second arrives?",
                () -> reused(student.get(), false));
        c.check("task 1: the step of a * a at a = 3 gives a.grad = 6",
                "d(a*a)/da = a + a: both shares must add up (+=), not replace each other (=).",
                () -> reused(student.get(), true));
        c.check("task 2: a topological order of L", "Add a value only after all of its children (depth-first, then add).",
                () -> orderOfL(student.get()));
        c.check("task 2: a + a lists a once", "Remember the values you visited: a is a child twice, but one node.",
                () -> reusedOrder(student.get()));
        c.check("task 2: a chain of " + CHAIN + " additions",
                "Recursion this deep overflows the stack: keep your own stack (an ArrayDeque) of values still to finish.",
                Duration.ofSeconds(10),
                () -> chain(student.get()));
        c.check("task 2: " + RandomExpressions.TRIALS + " random expressions: valid orders",
                "Each value once, every child before its parent, the root last.",
                () -> randomOrders(student.get()));
        c.check("task 3: backward() gives the neuron's x1, w1, x2, w2, b the lecture's gradients",
                "Set the root's grad to 1, then run each value's backward step, from the root back to the leaves.",
                () -> neuron(student.get()));
        c.check("task 3: b = a + a, c = b + b gives a.grad = 4", "c = 4a, so dc/da = 4; each step adds into a.grad.",
                () -> doubled(student.get()));
        c.check("task 3: " + RandomExpressions.TRIALS + " random expressions of +, * and tanh: the engine's gradients",
                "Run the steps in reverse topological order, so a node's gradient is complete before its step passes it on.",
                () -> RandomExpressions.sameGrads(student.get(), PLUS_TIMES_TANH));
        return c;
    }

    private static <V> void step(Tasks<V> t, String op, double[] expected) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        V out = op.equals("+") ? t.add(a, b) : t.mul(a, b);
        t.setGrad(out, 2.0);
        t.backwardStep(out);
        Expect.near(expected, new double[] {t.grad(a), t.grad(b)}, 1e-12);
    }

    private static <V> void tanhStep(Tasks<V> t) {
        V n = t.leaf(Ex06Checks.N, "n");
        V o = t.tanh(n);
        t.setGrad(o, 1.0);
        t.backwardStep(o);
        Expect.near(0.5, t.grad(n), 1e-9);
    }

    private static <V> void reused(Tasks<V> t, boolean times) {
        V a = t.leaf(3.0, "a");
        V out = times ? t.mul(a, a) : t.add(a, a);
        t.setGrad(out, 1.0);
        t.backwardStep(out);
        Expect.near(times ? 6.0 : 2.0, t.grad(a), 1e-12);
    }

    private static <V> void orderOf(Tasks<V> t, V root) {
        Graphs.validOrder(t, root, t.topologicalOrder(root));
    }

    private static <V> void orderOfL(Tasks<V> t) {
        orderOf(t, Graphs.lectureL(t));
    }

    private static <V> void reusedOrder(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        orderOf(t, Graphs.named(t, t.add(a, a), "b"));
    }

    private static <V> void chain(Tasks<V> t) {
        V v = t.leaf(0.0, "x");
        V one = t.leaf(1.0, "one");
        for (int i = 0; i < CHAIN; i++) {
            v = t.add(v, one);
        }
        orderOf(t, v);
    }

    private static <V> void randomOrders(Tasks<V> t) {
        RandomExpressions.each(t, PLUS_TIMES_TANH, (e, b) -> {
            try {
                orderOf(t, e.root().yours());
            } catch (Mismatch m) {
                throw new Mismatch(m.expected() + ", for the expression " + e.text(), m.actual());
            }
        });
    }

    private static <V> void neuron(Tasks<V> t) {
        OneNeuron<V> n = OneNeuron.build(t);
        t.backward(n.o());
        Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5},
                new double[] {t.grad(n.x1()), t.grad(n.w1()), t.grad(n.x2()), t.grad(n.w2()), t.grad(n.b())}, 1e-9);
    }

    private static <V> void doubled(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        V b = t.add(a, a);
        t.backward(t.add(b, b));
        Expect.near(4.0, t.grad(a), 1e-12);
    }
}
