package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The checks of exercises 4: a topological order, backward() from it, and gradients that accumulate. */
public final class Ex04Checks {
    /** What the student writes in {@code Ex04TopologicalBackprop.java}. */
    public interface Tasks {
        /** Task 1: every value behind {@code root} once, each after all of its children, {@code root} last. */
        List<Value> topologicalOrder(Value root);

        /** Task 2: fill every gradient behind {@code root} by calling {@code backwardStep()} in the right order. */
        void backward(Value root);

        /** Task 3: {@code x + y} as a {@link Scalar}, with its local backward step (the bug to fix is here). */
        Scalar add(Scalar x, Scalar y);

        /** Task 3: {@code x * y} as a {@link Scalar}, with its local backward step (and here). */
        Scalar mul(Scalar x, Scalar y);
    }

    /** Long enough that a recursive depth-first search overflows the default thread stack. */
    static final int CHAIN = 100_000;

    private Ex04Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex04", "Topological backpropagation");
        c.check("task 1: a topological order of L", "Add a value only after all of its children (depth-first, then add).",
                () -> {
                    Value L = Graphs.lectureL();
                    validOrder(L, student.get().topologicalOrder(L));
                });
        c.check("task 1: a + a lists a once", "Remember the values you visited: a is a child twice, but one node.",
                () -> {
                    Value a = Value.of(-2.0, "a");
                    Value b = a.add(a).label("b");
                    validOrder(b, student.get().topologicalOrder(b));
                });
        c.check("task 1: a chain of " + CHAIN + " additions",
                "Recursion this deep overflows the stack: keep your own stack (an ArrayDeque) of values still to finish.",
                Duration.ofSeconds(10),
                () -> {
                    Value v = Value.of(0.0, "x");
                    for (int i = 0; i < CHAIN; i++) {
                        v = v.add(1.0);
                    }
                    validOrder(v, student.get().topologicalOrder(v));
                });
        c.check("task 2: the neuron's gradients x1, w1, x2, w2, b",
                "Set root's grad to 1, then call backwardStep() on each value of the order, from the root backwards.",
                () -> {
                    OneNeuron n = OneNeuron.build();
                    student.get().backward(n.o());
                    Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5},
                            new double[] {n.x1().grad(), n.w1().grad(), n.x2().grad(), n.w2().grad(), n.b().grad()}, 1e-9);
                });
        c.check("task 2: b = a + a, c = b + b gives a.grad = 4", "c = 4a, so dc/da = 4; each step adds into a.grad.",
                () -> {
                    Value a = Value.of(-2.0, "a");
                    Value b = a.add(a);
                    student.get().backward(b.add(b));
                    Expect.near(4.0, a.grad(), 1e-12);
                });
        c.check("task 3: a + a gives a.grad = 2", "a gets a share of the gradient once per use: what happens to the first share when the second arrives?",
                () -> {
                    Scalar a = new Scalar(3.0);
                    Tasks t = student.get();
                    Expect.present(t.add(a, a), "a Scalar").backward();
                    Expect.near(2.0, a.grad, 1e-12);
                });
        c.check("task 3: b = a + a, c = b + b gives a.grad = 4", "Each use of a value adds its share into grad.",
                () -> {
                    Scalar a = new Scalar(3.0);
                    Tasks t = student.get();
                    Scalar b = Expect.present(t.add(a, a), "a Scalar");
                    Expect.present(t.add(b, b), "a Scalar").backward();
                    Expect.near(4.0, a.grad, 1e-12);
                });
        c.check("task 3: a * a at a = 3 gives a.grad = 6", "d(a*a)/da = a + a: the two shares must add up.",
                () -> {
                    Scalar a = new Scalar(3.0);
                    Expect.present(student.get().mul(a, a), "a Scalar").backward();
                    Expect.near(6.0, a.grad, 1e-12);
                });
        c.check("task 3: (a + b) * a at a = 2, b = 5 gives a.grad = 9, b.grad = 2",
                "a is used by '+' and by '*': its gradient is the sum of both shares, 7 + 2.",
                () -> {
                    Scalar a = new Scalar(2.0);
                    Scalar b = new Scalar(5.0);
                    Tasks t = student.get();
                    Expect.present(t.mul(Expect.present(t.add(a, b), "a Scalar"), a), "a Scalar").backward();
                    Expect.near(new double[] {9.0, 2.0}, new double[] {a.grad, b.grad}, 1e-12);
                });
        return c;
    }

    /** Checks that {@code order} holds each value behind {@code root} once, children first, root last. */
    static void validOrder(Value root, List<Value> order) {
        Expect.present(order, "a list of values");
        List<Value> truth = root.topologicalOrder();
        Map<Value, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (position.put(order.get(i), i) != null) {
                throw new Mismatch("each value once", order.get(i) + " (label '" + order.get(i).label()
                        + "') twice, at " + position.get(order.get(i)) + " and " + i);
            }
        }
        boolean complete = truth.stream().allMatch(position::containsKey);
        if (order.size() != truth.size() || !complete) {
            throw new Mismatch(truth.size() + " values, the graph's",
                    order.size() + " values" + (complete ? "" : ", some of the graph's missing"));
        }
        Value last = order.get(order.size() - 1);
        Expect.that(last == root, "the root last", last);
        for (Value v : truth) {
            int to = position.get(v);
            for (Value child : v.children()) {
                int from = position.get(child);
                if (from > to) {
                    throw new Mismatch("every child before its parent",
                            child + " at " + from + " after its parent " + v + " at " + to);
                }
            }
        }
    }
}
