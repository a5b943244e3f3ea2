package dev.micrograd.exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checks of exercises 4: your Value's backward steps, its topological order (recursive, as the chapter
 * builds it), backward(), and a bonus: the same order without recursion, for graphs of any depth.
 */
public final class Ex04Checks {
    /**
     * What the student writes in {@code Ex04TopologicalBackprop.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 2: every value behind {@code root} once, each after all of its children, {@code root} last. */
        List<V> topologicalOrder(V root);

        /** Bonus: the same kind of order, without recursion, so that a graph of any depth works. */
        List<V> topologicalOrderWithoutRecursion(V root);
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
                seed -> step(student.get(), "+"),
                (a, seed) -> Expect.near(new double[] {2.0, 2.0}, a.numbers(), 1e-12));
        c.check("task 1: the step of out = a * b gives a = 2, b = -3 the gradients -6 and 4",
                "d(a * b)/da = b: a gets b.data * out.grad, and b gets a.data * out.grad.",
                seed -> step(student.get(), "*"),
                (a, seed) -> Expect.near(new double[] {-6.0, 4.0}, a.numbers(), 1e-12));
        c.check("task 1: the step of o = tanh(n) at n = 0.8814 gives n.grad = 0.5",
                "d tanh(n)/dn = 1 - o^2, with o the result's data; times o.grad.",
                seed -> tanhStep(student.get()),
                (a, seed) -> Expect.near(0.5, a.number(), 1e-9));
        c.check("task 1: the step of a + a gives a.grad = 2",
                "a gets a share of the gradient once per use: what happens to the first share when the second arrives?",
                seed -> reused(student.get(), false),
                (a, seed) -> Expect.near(2.0, a.number(), 1e-12));
        c.check("task 1: the step of a * a at a = 3 gives a.grad = 6",
                "d(a*a)/da = a + a: both shares must add up (+=), not replace each other (=).",
                seed -> reused(student.get(), true),
                (a, seed) -> Expect.near(6.0, a.number(), 1e-12));
        c.check("task 2: a topological order of L", "Add a value only after all of its children (depth-first, then add).",
                seed -> orderOf(student.get(), Graphs::lectureL, false),
                (a, seed) -> Graphs.validOrder(EngineBridge.ENGINE, Graphs.lectureL(EngineBridge.ENGINE), a.texts()));
        c.check("task 2: a + a lists a once", "Remember the values you visited: a is a child twice, but one node.",
                seed -> orderOf(student.get(), Ex04Checks::reusedGraph, false),
                (a, seed) -> Graphs.validOrder(EngineBridge.ENGINE, reusedGraph(EngineBridge.ENGINE), a.texts()));
        c.check("task 2: the lecture's neuron o = tanh(x1*w1 + x2*w2 + b): a topological order",
                "Visit every child of a value (there can be more than one) before you add the value itself.",
                seed -> orderOf(student.get(), Ex04Checks::lectureNeuron, false),
                (a, seed) -> Graphs.validOrder(EngineBridge.ENGINE, lectureNeuron(EngineBridge.ENGINE), a.texts()));
        c.check("task 2: " + RandomExpressions.TRIALS + " random expressions: valid orders",
                "Each value once, every child before its parent, the root last.",
                seed -> randomOrders(student.get(), seed, false),
                Ex04Checks::judgeRandomOrders);
        c.check("bonus: without recursion, a + a lists a once",
                "A bonus task, extra credit: keep your own stack (an ArrayDeque) of values still to finish, and a set of"
                        + " values seen.",
                seed -> orderOf(student.get(), Ex04Checks::reusedGraph, true),
                (a, seed) -> Graphs.validOrder(EngineBridge.ENGINE, reusedGraph(EngineBridge.ENGINE), a.texts()));
        c.check("bonus: without recursion, " + RandomExpressions.TRIALS + " random expressions: valid orders",
                "A bonus task: a value is finished, and added, once the stack has visited all of its children.",
                seed -> randomOrders(student.get(), seed, true),
                Ex04Checks::judgeRandomOrders);
        c.check("bonus: without recursion, a chain of " + CHAIN + " additions",
                "A bonus task: recursion this deep overflows the thread's stack; your own stack on the heap does not.",
                Duration.ofSeconds(10),
                seed -> orderOf(student.get(), Ex04Checks::chain, true),
                (a, seed) -> Graphs.validOrder(EngineBridge.ENGINE, chain(EngineBridge.ENGINE), a.texts()));
        c.check("task 3: backward() gives the neuron's x1, w1, x2, w2, b the lecture's gradients",
                "Set the root's grad to 1, then run each value's backward step, from the root back to the leaves.",
                seed -> neuron(student.get()),
                (a, seed) -> Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5}, a.numbers(), 1e-9));
        c.check("task 3: b = a + a, c = b + b gives a.grad = 4", "c = 4a, so dc/da = 4; each step adds into a.grad.",
                seed -> doubled(student.get()),
                (a, seed) -> Expect.near(4.0, a.number(), 1e-12));
        c.check("task 3: " + RandomExpressions.TRIALS + " random expressions of +, * and tanh: the engine's gradients",
                "Run the steps in reverse topological order, so a node's gradient is complete before its step passes it on.",
                seed -> RandomExpressions.grads(student.get(), seed, PLUS_TIMES_TANH),
                (a, seed) -> RandomExpressions.sameGrads(a, seed, PLUS_TIMES_TANH));
        return c;
    }

    private static <V> Answer step(Tasks<V> t, String op) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        V out = op.equals("+") ? t.add(a, b) : t.mul(a, b);
        t.setGrad(out, 2.0);
        t.backwardStep(out);
        return Answer.numbers(t.grad(a), t.grad(b));
    }

    private static <V> Answer tanhStep(Tasks<V> t) {
        V n = t.leaf(Ex06Checks.N, "n");
        V o = t.tanh(n);
        t.setGrad(o, 1.0);
        t.backwardStep(o);
        return Answer.number(t.grad(n));
    }

    private static <V> Answer reused(Tasks<V> t, boolean times) {
        V a = t.leaf(3.0, "a");
        V out = times ? t.mul(a, a) : t.add(a, a);
        t.setGrad(out, 1.0);
        t.backwardStep(out);
        return Answer.number(t.grad(a));
    }

    /** Ask: the labels of the student's order; every node of these graphs has its own label. */
    private static <V> Answer orderOf(Tasks<V> t, Graphs.Recipe graph, boolean withoutRecursion) {
        return Answer.texts(Graphs.labelsInOrder(t, order(t, graph.build(t), withoutRecursion)));
    }

    private static <V> List<V> order(Tasks<V> t, V root, boolean withoutRecursion) {
        return withoutRecursion ? t.topologicalOrderWithoutRecursion(root) : t.topologicalOrder(root);
    }

    private static <V> V lectureNeuron(Bridge<V> t) {
        return OneNeuron.build(t).o();
    }

    private static <V> V reusedGraph(Bridge<V> t) {
        V a = t.leaf(-2.0, "a");
        return Graphs.named(t, t.add(a, a), "b");
    }

    private static <V> V chain(Bridge<V> t) {
        V v = t.leaf(0.0, "x");
        V one = t.leaf(1.0, "one");
        for (int i = 1; i <= CHAIN; i++) {
            v = Graphs.named(t, t.add(v, one), "c" + i);
        }
        return v;
    }

    private static <V> Answer randomOrders(Tasks<V> t, long seed, boolean withoutRecursion) {
        List<String> lines = new ArrayList<>();
        for (RandomExpressions.Plan plan : RandomExpressions.plans(seed, PLUS_TIMES_TANH)) {
            List<V> nodes = RandomExpressions.build(t, plan);
            lines.add(String.join(",", Graphs.labelsInOrder(t, order(t, nodes.get(nodes.size() - 1), withoutRecursion))));
        }
        return Answer.texts(lines);
    }

    private static void judgeRandomOrders(Answer answer, long seed) {
        List<RandomExpressions.Plan> plans = RandomExpressions.plans(seed, PLUS_TIMES_TANH);
        List<String> yours = answer.texts();
        Expect.that(yours.size() == plans.size(), plans.size() + " orders", yours.size() + " orders");
        for (int i = 0; i < plans.size(); i++) {
            List<dev.micrograd.engine.Value> nodes = RandomExpressions.build(EngineBridge.ENGINE, plans.get(i));
            try {
                Graphs.validOrder(EngineBridge.ENGINE, nodes.get(nodes.size() - 1), List.of(yours.get(i).split(",", -1)));
            } catch (Mismatch m) {
                throw new Mismatch(m.expected() + ", for the expression " + plans.get(i).text(), m.actual());
            }
        }
    }

    private static <V> Answer neuron(Tasks<V> t) {
        OneNeuron<V> n = OneNeuron.build(t);
        t.backward(n.o());
        return Answer.numbers(t.grad(n.x1()), t.grad(n.w1()), t.grad(n.x2()), t.grad(n.w2()), t.grad(n.b()));
    }

    private static <V> Answer doubled(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        V b = t.add(a, a);
        t.backward(t.add(b, b));
        return Answer.number(t.grad(a));
    }
}
