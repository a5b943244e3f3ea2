package dev.micrograd.exercise;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The checks of exercises 6: exp, pow and log with their backward steps, the composites, and tanh from exp. */
public final class Ex06Checks {
    /**
     * What the student writes in {@code Ex06TanhAndNewOps.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 4: tanh(n) built from exp, add, sub and div only. */
        V tanhViaExp(V n);
    }

    /** The lecture's n, where tanh(n) = 0.7071 and d tanh(n)/dn = 0.5. */
    static final double N = 0.8813735870195432;
    private static final List<String> ALL = List.of("+", "*", "tanh", "exp", "pow");

    private Ex06Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?>> student) {
        Checks c = new Checks("ex06", "tanh via exp, more operators");
        c.check("task 1: exp(x) at x = 1 is e, made by exp from x",
                "A new Value holding Math.exp(data), with this as its only child and the op \"exp\".",
                seed -> expForward(student.get()),
                (a, seed) -> Expect.equal(Expect.number(Math.E) + " = exp x", a.text()));
        c.check("task 1: d exp(x)/dx at x = 0.5 is exp(0.5)", "exp is its own derivative: the step adds out.data * out.grad.",
                seed -> expGradient(student.get()),
                (a, seed) -> Expect.near(Math.exp(0.5), a.number(), 1e-12));
        c.check("task 1: exp(a) * a at a = 1 gives a.grad = 2e", "a gets a share from exp and one from *: add (+=), do not assign.",
                seed -> expReused(student.get()),
                (a, seed) -> Expect.near(2 * Math.E, a.number(), 1e-12));
        c.check("task 2: x^3 at x = 2 is 8, and its gradient is 12", "d(x^p)/dx = p * x^(p - 1), times out.grad.",
                seed -> power(student.get(), 2, 3),
                (a, seed) -> Expect.near(new double[] {8, 12}, a.numbers(), 1e-12));
        c.check("task 2: x^-1 at x = 4 is 0.25, and its gradient is -0.0625", "The same rule holds for p = -1: -1 * 4^-2.",
                seed -> power(student.get(), 4, -1),
                (a, seed) -> Expect.near(new double[] {0.25, -0.0625}, a.numbers(), 1e-12));
        c.check("task 2: x^2 * x at x = 1.5 gives x.grad = 6.75", "Both uses of x add their share into x.grad.",
                seed -> powReused(student.get()),
                (a, seed) -> Expect.near(6.75, a.number(), 1e-12));
        c.check("task 3: 7 - 2 = 5, 3 / 4 = 0.75, -(2) = -2",
                "neg is this * -1, a - b is a + (-b), a / b is a * b^-1.",
                seed -> composites(student.get()),
                (a, seed) -> Expect.near(new double[] {5, 0.75, -2}, a.numbers(), 1e-12));
        c.check("task 3: the gradients of a / b at a = 3, b = 4 and of a - b",
                "Built from mul, add and pow, they need no backward step of their own: backward() follows the pieces.",
                seed -> compositeGradients(student.get()),
                (a, seed) -> Expect.near(new double[] {0.25, -0.1875, 1, -1}, a.numbers(), 1e-12));
        c.check("task 3: neg, sub and div are made of +, * and pow only",
                "Write each as a one-liner over add, mul and pow, as micrograd does; no new Value(...) of their own.",
                seed -> compositeOps(student.get()),
                Ex06Checks::judgeCompositeOps);
        c.check("task 4: tanh(0.8814) via exp is 0.7071", "tanh(n) = (e - 1) / (e + 1) with e = exp(2n).",
                seed -> tanhValue(student.get()),
                (a, seed) -> Expect.near(Math.tanh(N), a.number(), 1e-12));
        c.check("task 4: backward() through it gives n.grad = 0.5, as tanh does",
                "Build it only from your Value's operations, so backward() can follow each piece.",
                seed -> tanhGradient(student.get()),
                (a, seed) -> Expect.near(0.5, a.number(), 1e-9));
        c.check("task 4: it is made of exp, not of tanh", "Use exp, then sub, add and div; never tanh().",
                seed -> tanhOps(student.get()),
                (a, seed) -> {
                    double[] counts = a.numbers(2);
                    Expect.that(counts[0] == 0 && counts[1] >= 1, "no tanh node, at least one exp node",
                            (long) counts[0] + " tanh node(s), " + (long) counts[1] + " exp node(s)");
                });
        c.check("task 5: log(2) and its gradient 0.5", "The forward pass is Math.log(data); d log(x)/dx = 1 / x, times out.grad.",
                seed -> log(student.get()),
                (a, seed) -> Expect.near(new double[] {Math.log(2), 0.5}, a.numbers(), 1e-12));
        c.check("task 5: log(x) + x at x = 2 gives x.grad = 1.5", "Add into x.grad (+=): x also gets a share from the '+'.",
                seed -> logReused(student.get()),
                (a, seed) -> Expect.near(1.5, a.number(), 1e-12));
        c.check("task 6: " + RandomExpressions.TRIALS + " random expressions of +, *, tanh, exp and pow: the engine's numbers",
                "The first differing node is named in the expected line; check that operation's forward pass.",
                seed -> RandomExpressions.data(student.get(), seed, ALL),
                (a, seed) -> RandomExpressions.sameData(a, seed, ALL));
        c.check("task 6: " + RandomExpressions.TRIALS + " random expressions: the engine's gradients",
                "The first differing gradient is named; check the backward step of the operations that use it.",
                seed -> RandomExpressions.grads(student.get(), seed, ALL),
                (a, seed) -> RandomExpressions.sameGrads(a, seed, ALL));
        return c;
    }

    private static <V> Answer expForward(Tasks<V> t) {
        return Answer.text(Graphs.describe(t, t.exp(t.leaf(1.0, "x"))));
    }

    private static <V> Answer expGradient(Tasks<V> t) {
        V x = t.leaf(0.5, "x");
        t.backward(t.exp(x));
        return Answer.number(t.grad(x));
    }

    private static <V> Answer expReused(Tasks<V> t) {
        V a = t.leaf(1.0, "a");
        t.backward(t.mul(t.exp(a), a));
        return Answer.number(t.grad(a));
    }

    private static <V> Answer power(Tasks<V> t, double at, double p) {
        V x = t.leaf(at, "x");
        V out = t.pow(x, p);
        t.backward(out);
        return Answer.numbers(t.data(out), t.grad(x));
    }

    private static <V> Answer powReused(Tasks<V> t) {
        V x = t.leaf(1.5, "x");
        t.backward(t.mul(t.pow(x, 2), x));
        return Answer.number(t.grad(x));
    }

    private static <V> Answer composites(Tasks<V> t) {
        return Answer.numbers(t.data(t.sub(t.leaf(7, "a"), t.leaf(2, "b"))),
                t.data(t.div(t.leaf(3, "a"), t.leaf(4, "b"))), t.data(t.neg(t.leaf(2, "a"))));
    }

    private static <V> Answer compositeGradients(Tasks<V> t) {
        V a = t.leaf(3, "a");
        V b = t.leaf(4, "b");
        t.backward(t.div(a, b));
        V c = t.leaf(3, "c");
        V d = t.leaf(4, "d");
        t.backward(t.sub(c, d));
        return Answer.numbers(t.grad(a), t.grad(b), t.grad(c), t.grad(d));
    }

    /** Ask: the op your pow writes, then every op found in neg, sub and div, sorted. */
    private static <V> Answer compositeOps(Tasks<V> t) {
        String powOp = String.valueOf(t.op(t.pow(t.leaf(2, "x"), -1)));
        V a = t.leaf(3, "a");
        V b = t.leaf(4, "b");
        java.util.TreeSet<String> ops = new java.util.TreeSet<>();
        for (V root : List.of(t.neg(a), t.sub(a, b), t.div(a, b))) {
            for (V v : Graphs.order(t, root)) {
                ops.add(String.valueOf(t.op(v)));
            }
        }
        List<String> fields = new java.util.ArrayList<>(List.of(powOp));
        fields.addAll(ops);
        return Answer.texts(fields);
    }

    private static void judgeCompositeOps(Answer answer, long seed) {
        List<String> fields = answer.texts();
        Expect.that(!fields.isEmpty(), "the op of pow, then the ops used", "nothing");
        Set<String> allowed = new java.util.TreeSet<>(List.of("", "+", "*", fields.get(0)));
        Set<String> ops = new HashSet<>(fields.subList(1, fields.size()));
        ops.removeAll(allowed);
        Expect.that(ops.isEmpty(), "only the ops " + allowed, "also " + new java.util.TreeSet<>(ops));
    }

    private static <V> V tanh(Tasks<V> t, V n) {
        return Expect.present(t.tanhViaExp(n), "a Value");
    }

    private static <V> Answer tanhValue(Tasks<V> t) {
        return Answer.number(t.data(tanh(t, t.leaf(N, "n"))));
    }

    private static <V> Answer tanhGradient(Tasks<V> t) {
        V n = t.leaf(N, "n");
        t.backward(tanh(t, n));
        return Answer.number(t.grad(n));
    }

    private static <V> Answer tanhOps(Tasks<V> t) {
        V o = tanh(t, t.leaf(N, "n"));
        long tanhs = Graphs.order(t, o).stream().filter(v -> "tanh".equals(t.op(v))).count();
        long exps = Graphs.order(t, o).stream().filter(v -> "exp".equals(t.op(v))).count();
        return Answer.numbers(tanhs, exps);
    }

    private static <V> Answer log(Tasks<V> t) {
        V x = t.leaf(2, "x");
        V out = t.log(x);
        t.backward(out);
        return Answer.numbers(t.data(out), t.grad(x));
    }

    private static <V> Answer logReused(Tasks<V> t) {
        V x = t.leaf(2, "x");
        t.backward(t.add(t.log(x), x));
        return Answer.number(t.grad(x));
    }
}
