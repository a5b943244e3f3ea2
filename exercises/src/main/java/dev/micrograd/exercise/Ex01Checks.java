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
                () -> addAndMul(student.get(), true));
        c.check("task 1: a * b with a = 2, b = -3 is -6, made by * from a and b",
                "mul is add's twin: data * other.data, children this and other, the op \"*\".",
                () -> addAndMul(student.get(), false));
        c.check("task 1: a * a has a twice among its children",
                "Keep the children in a List (List.of(this, other)): a set would hold a only once.",
                () -> twice(student.get()));
        c.check("task 1: add and mul leave their operands as they were",
                "Make a new Value for the result; never change this.data or this.children.",
                () -> untouched(student.get()));
        c.check("task 1: " + RandomExpressions.TRIALS + " random expressions of + and * give the engine's numbers",
                "Each result's data comes from its children's data only: + adds them, * multiplies them.",
                () -> RandomExpressions.sameData(student.get(), PLUS_TIMES));
        c.check("task 2: L comes out at -8", "d = a*b is -6, e = d + c is 4, L = e * f is -8.",
                () -> lData(student.get()));
        c.check("task 2: the nodes are labelled a, b, c, d, e, f, L",
                "Name a leaf with new Value(2.0, \"a\"), a result with .label(\"d\").",
                () -> lLabels(student.get()));
        c.check("task 2: L = e * f, e = d + c, d = a * b",
                "Each node remembers its op and its children: build d from a and b, e from d and c, L from e and f.",
                () -> lShape(student.get()));
        c.check("task 3: the graph of L holds 7 values", "Walk the children from the root and count each value once.",
                () -> count(student.get()));
        c.check("task 3: the graph of a + a holds 2 values",
                "a appears twice among the children: count a value once however often it is used "
                        + "(a set of visited values, by identity).",
                () -> countReused(student.get()));
        c.check("task 3: " + RandomExpressions.TRIALS + " random expressions: as many values as the engine's graph",
                "Two different leaves may hold the same number: compare values by identity (==), not by data.",
                () -> countRandom(student.get()));
        c.check("task 4: the depth of L is 3", "L <- e <- d <- a: three operations from L down to a leaf.",
                () -> depthOfL(student.get()));
        c.check("task 4: the depth of a leaf is 0 and of (a + a) * a is 2",
                "A leaf has no children: depth 0. Otherwise 1 + the largest depth of a child.",
                () -> depths(student.get()));
        return c;
    }

    private static <V> void addAndMul(Tasks<V> t, boolean add) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        V out = add ? t.add(a, b) : t.mul(a, b);
        Expect.equal(add ? "-1.000000 = a + b" : "-6.000000 = a * b", Graphs.describe(t, out));
        List<V> children = t.children(out);
        Expect.that(children.get(0) == a && children.get(1) == b, "the children a and b themselves, not copies",
                "other objects");
    }

    private static <V> void twice(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        Expect.equal("9.000000 = a * a", Graphs.describe(t, t.mul(a, a)));
    }

    private static <V> void untouched(Tasks<V> t) {
        V a = t.leaf(2.0, "a");
        V b = t.leaf(-3.0, "b");
        t.add(a, b);
        t.mul(a, b);
        Expect.equal("2.000000, a leaf and -3.000000, a leaf", Graphs.describe(t, a) + " and " + Graphs.describe(t, b));
    }

    private static <V> V builtL(Tasks<V> t) {
        return Expect.present(t.buildL(), "the value L");
    }

    private static <V> void lData(Tasks<V> t) {
        Expect.near(-8.0, t.data(builtL(t)), 0);
    }

    private static <V> void lLabels(Tasks<V> t) {
        Expect.equal(List.of("L", "a", "b", "c", "d", "e", "f"), Graphs.labels(t, Graphs.order(t, builtL(t))));
    }

    private static <V> void lShape(Tasks<V> t) {
        Expect.equal("L = e * f, e = c + d, d = a * b", Graphs.shape(t, builtL(t)));
    }

    private static <V> void count(Tasks<V> t) {
        Expect.equal(7, t.countNodes(Graphs.lectureL(t)));
    }

    private static <V> void countReused(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        Expect.equal(2, t.countNodes(t.add(a, a)));
    }

    private static <V> void countRandom(Tasks<V> t) {
        RandomExpressions.each(t, PLUS_TIMES, (e, b) -> {
            int truth = e.root().engine().topologicalOrder().size();
            int yours = t.countNodes(e.root().yours());
            Expect.that(yours == truth, truth + " values, for the expression " + e.text(), yours);
        });
    }

    private static <V> void depthOfL(Tasks<V> t) {
        Expect.equal(3, t.depth(Graphs.lectureL(t)));
    }

    private static <V> void depths(Tasks<V> t) {
        V a = t.leaf(3.0, "a");
        Expect.equal(List.of(0, 2), List.of(t.depth(a), t.depth(t.mul(t.add(a, a), a))));
    }
}
