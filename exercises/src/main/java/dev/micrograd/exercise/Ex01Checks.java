package dev.micrograd.exercise;

import java.util.List;
import java.util.function.Supplier;

/** The checks of exercises 1: your own Value with add and mul, the graph of L, and walking a graph. */
public final class Ex01Checks {
    /**
     * What the student writes in {@code Ex01DataStructure.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 2: {@code L = (a*b + c) * f} with a = 2, b = -3, c = 10, f = -2, every node labelled. */
        V buildL();

        /** Task 3: how many different values the graph behind {@code root} holds, {@code root} included. */
        int countNodes(V root);

        /** Task 4: the number of operations on the longest path from {@code root} down to a leaf. */
        int depth(V root);
    }

    private static final List<String> PLUS_TIMES = List.of("+", "*");

    private Ex01Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?>> student) {
        Checks c = new Checks("ex01", "Data structure");
        c.check("task 1: a + b with a = 2, b = -3 is -1, made by + from a and b",
                "add returns a new Value: data + other.data, the children this and other in that order, the op \"+\".",
                seed -> addAndMul(student.get(), true),
                (a, seed) -> Expect.equal(List.of("-1.000000 = a + b", SAME_CHILDREN), a.texts()));
        c.check("task 1: a * b with a = 2, b = -3 is -6, made by * from a and b",
                "mul is add's twin: data * other.data, children this and other, the op \"*\".",
                seed -> addAndMul(student.get(), false),
                (a, seed) -> Expect.equal(List.of("-6.000000 = a * b", SAME_CHILDREN), a.texts()));
        c.check("task 1: a * a has a twice among its children",
                "Keep the children in a List (List.of(this, other)): a set would hold a only once.",
                seed -> twice(student.get()),
                (a, seed) -> Expect.equal("9.000000 = a * a", a.text()));
        c.check("task 1: add and mul leave their operands as they were",
                "Make a new Value for the result; never change this.data or this.children.",
                seed -> untouched(student.get()),
                (a, seed) -> Expect.equal("2.000000, a leaf and -3.000000, a leaf", a.text()));
        c.check("task 1: " + RandomExpressions.TRIALS + " random expressions of + and * give the engine's numbers",
                "Each result's data comes from its children's data only: + adds them, * multiplies them.",
                seed -> RandomExpressions.data(student.get(), seed, PLUS_TIMES),
                (a, seed) -> RandomExpressions.sameData(a, seed, PLUS_TIMES));
        c.check("task 2: L comes out at -8", "d = a*b is -6, e = d + c is 4, L = e * f is -8.",
                seed -> lData(student.get()),
                (a, seed) -> Expect.near(-8.0, a.number(), 0));
        c.check("task 2: the nodes are labelled a, b, c, d, e, f, L",
                "Name a leaf with new Value(2.0, \"a\"), a result with .label(\"d\").",
                seed -> lLabels(student.get()),
                (a, seed) -> Expect.equal(List.of("L", "a", "b", "c", "d", "e", "f"), a.texts()));
        c.check("task 2: L = e * f, e = d + c, d = a * b",
                "Each node remembers its op and its children: build d from a and b, e from d and c, L from e and f.",
                seed -> lShape(student.get()),
                (a, seed) -> Expect.equal("L = e * f, e = c + d, d = a * b", a.text()));
        c.check("task 3: the graph of L holds 7 values", "Walk the children from the root and count each value once.",
                seed -> count(student.get()),
                (a, seed) -> Expect.equal(7, a.integer()));
        c.check("task 3: the graph of a + a holds 2 values",
                "a appears twice among the children: count a value once however often it is used "
                        + "(a set of visited values, by identity).",
                seed -> countReused(student.get()),
                (a, seed) -> Expect.equal(2, a.integer()));
        c.check("task 3: " + RandomExpressions.TRIALS + " random expressions: as many values as the engine's graph",
                "Two different leaves may hold the same number: compare values by identity (==), not by data.",
                seed -> countRandom(student.get(), seed),
                Ex01Checks::judgeCountRandom);
        c.check("task 4: the depth of L is 3", "L <- e <- d <- a: three operations from L down to a leaf.",
                seed -> depthOfL(student.get()),
                (a, seed) -> Expect.equal(3, a.integer()));
        c.check("task 4: the depth of a leaf is 0 and of (a + a) * a is 2",
                "A leaf has no children: depth 0. Otherwise 1 + the largest depth of a child.",
                seed -> depths(student.get()),
                (a, seed) -> Expect.near(new double[] {0, 2}, a.numbers(), 0));
        return c;
    }

    private static final String SAME_CHILDREN = "the children a and b themselves, not copies";

    private static <V> Answer addAndMul(Tasks<V> t, boolean add) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        V out = add ? t.add(a, b) : t.mul(a, b);
        String described = Graphs.describe(t, out);
        List<V> children = t.children(out);
        boolean same = children.size() == 2 && children.get(0) == a && children.get(1) == b;
        return Answer.texts(List.of(described, same ? SAME_CHILDREN : "other objects"));
    }

    private static <V> Answer twice(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        return Answer.text(Graphs.describe(t, t.mul(a, a)));
    }

    private static <V> Answer untouched(Tasks<V> t) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        t.add(a, b);
        t.mul(a, b);
        return Answer.text(Graphs.describe(t, a) + " and " + Graphs.describe(t, b));
    }

    private static <V> V builtL(Tasks<V> t) {
        return Expect.present(t.buildL(), "the value L");
    }

    private static <V> Answer lData(Tasks<V> t) {
        return Answer.number(t.data(builtL(t)));
    }

    private static <V> Answer lLabels(Tasks<V> t) {
        return Answer.texts(Graphs.labels(t, Graphs.order(t, builtL(t))));
    }

    private static <V> Answer lShape(Tasks<V> t) {
        return Answer.text(Graphs.shape(t, builtL(t)));
    }

    private static <V> Answer count(Tasks<V> t) {
        return Answer.number(t.countNodes(Graphs.lectureL(t)));
    }

    private static <V> Answer countReused(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        return Answer.number(t.countNodes(t.add(a, a)));
    }

    private static <V> Answer countRandom(Tasks<V> t, long seed) {
        List<RandomExpressions.Plan> plans = RandomExpressions.plans(seed, PLUS_TIMES);
        double[] counts = new double[plans.size()];
        for (int i = 0; i < counts.length; i++) {
            List<V> nodes = RandomExpressions.build(t, plans.get(i));
            counts[i] = t.countNodes(nodes.get(nodes.size() - 1));
        }
        return Answer.numbers(counts);
    }

    private static void judgeCountRandom(Answer answer, long seed) {
        List<RandomExpressions.Plan> plans = RandomExpressions.plans(seed, PLUS_TIMES);
        double[] yours = answer.numbers(plans.size());
        for (int i = 0; i < yours.length; i++) {
            List<dev.micrograd.engine.Value> nodes = RandomExpressions.build(EngineBridge.ENGINE, plans.get(i));
            int truth = Graphs.order(EngineBridge.ENGINE, nodes.get(nodes.size() - 1)).size();
            Expect.that(yours[i] == truth, truth + " values, for the expression " + plans.get(i).text(),
                    Expect.number(yours[i]).replace(".000000", ""));
        }
    }

    private static <V> Answer depthOfL(Tasks<V> t) {
        return Answer.number(t.depth(Graphs.lectureL(t)));
    }

    private static <V> Answer depths(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        return Answer.numbers(t.depth(a), t.depth(t.mul(t.add(a, a), a)));
    }
}
