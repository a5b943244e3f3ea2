package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The checks of exercises 2: tracing your Value's graph, its edges, and the edge lines of its drawing. */
public final class Ex02Checks {
    /**
     * What the student writes in {@code Ex02Visualization.java}, around their own {@code Value} class.
     *
     * @param <V> the student's {@code Value}
     */
    public interface Tasks<V> extends Bridge<V> {
        /** Task 1: the labels of the values behind {@code root}, each once, in the order a depth-first walk meets them. */
        List<String> trace(V root);

        /** Task 2: every edge of the graph behind {@code root} as {@code "child -> parent"}, in any order. */
        List<String> edges(V root);

        /** Task 3: the edge lines of the drawing, where each result's op is a node of its own: {@code "a" -> "d*"}. */
        List<String> dotEdges(V root);
    }

    private static final List<String> PLUS_TIMES = List.of("+", "*");

    private Ex02Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?>> student) {
        Checks c = new Checks("ex02", "Visualization");
        c.check("task 1: the trace of L is L, e, d, a, b, c, f",
                "Visit a value, then each of its children in order, each child's own children before the next child.",
                () -> traceOfL(student.get()));
        c.check("task 1: the trace of a + a lists a once", "Remember the values you visited (by identity) and skip them.",
                () -> traceReused(student.get()));
        c.check("task 1: the trace of c = b * b, b = a + a is c, b, a",
                "A value reached a second time, through another path, is not listed again.",
                () -> traceDiamond(student.get()));
        c.check("task 1: " + RandomExpressions.TRIALS + " random expressions: the trace is the engine graph's",
                "Record a value when you first reach it, before its children: the root comes first.",
                () -> traceRandom(student.get()));
        c.check("task 2: the 6 edges of L", "Each value has an edge from each of its children: \"a -> d\".",
                () -> edgesOfL(student.get()));
        c.check("task 2: a + a has two edges from a", "A value used twice is a child twice: draw both arrows.",
                () -> edgesReused(student.get()));
        c.check("task 2: b = a + a, c = b + b has four edges, each node visited once",
                "Visit each value once (remember the visited ones), but list every edge of every visited value.",
                () -> edgesTwice(student.get()));
        c.check("task 2: " + RandomExpressions.TRIALS + " random expressions: the edges are the engine graph's",
                "As many edges as children, summed over the values you visited once each.",
                () -> edgesRandom(student.get()));
        c.check("task 3: the drawing of L has 9 edge lines",
                "Per result: one line from its op node to it (\"d*\" -> \"d\"), one from each child to the op node.",
                () -> dotOfL(student.get()));
        c.check("task 3: a + a draws two lines from a to the op node",
                "The same edges as task 2, drawn into the op node: one line per child, even a repeated one.",
                () -> dotReused(student.get()));
        c.check("task 3: a leaf alone draws no edge", "A leaf has no op node and no children: no lines at all.",
                () -> dotOfLeaf(student.get()));
        return c;
    }

    private static <V> void dotOfLeaf(Tasks<V> t) {
        Expect.equal(List.of(), sorted(t.dotEdges(t.leaf(1.5, "x"))));
    }

    private static <V> void traceOfL(Tasks<V> t) {
        Expect.equal(List.of("L", "e", "d", "a", "b", "c", "f"), Expect.present(t.trace(Graphs.lectureL(t)), "a list"));
    }

    private static <V> void traceReused(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        Expect.equal(List.of("b", "a"), Expect.present(t.trace(Graphs.named(t, t.add(a, a), "b")), "a list"));
    }

    private static <V> void traceDiamond(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        V b = Graphs.named(t, t.add(a, a), "b");
        Expect.equal(List.of("c", "b", "a"), Expect.present(t.trace(Graphs.named(t, t.mul(b, b), "c")), "a list"));
    }

    private static <V> void traceRandom(Tasks<V> t) {
        RandomExpressions.each(t, PLUS_TIMES, (e, b) -> {
            List<String> truth = new ArrayList<>();
            trace(e.root().engine(), Collections.newSetFromMap(new IdentityHashMap<>()), truth);
            List<String> yours = t.trace(e.root().yours());
            Expect.that(truth.equals(yours), truth + ", for the expression " + e.text(), yours);
        });
    }

    /** The reference trace; recursion is fine for the few nodes of a random expression. */
    private static void trace(Value v, Set<Value> seen, List<String> labels) {
        if (seen.add(v)) {
            labels.add(v.label());
            for (Value child : v.children()) {
                trace(child, seen, labels);
            }
        }
    }

    private static <V> void edgesOfL(Tasks<V> t) {
        Expect.equal(List.of("a -> d", "b -> d", "c -> e", "d -> e", "e -> L", "f -> L"), sorted(t.edges(Graphs.lectureL(t))));
    }

    private static <V> void edgesReused(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        Expect.equal(List.of("a -> b", "a -> b"), sorted(t.edges(Graphs.named(t, t.add(a, a), "b"))));
    }

    private static <V> void edgesTwice(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        V b = Graphs.named(t, t.add(a, a), "b");
        Expect.equal(List.of("a -> b", "a -> b", "b -> c", "b -> c"), sorted(t.edges(Graphs.named(t, t.add(b, b), "c"))));
    }

    private static <V> void edgesRandom(Tasks<V> t) {
        RandomExpressions.each(t, PLUS_TIMES, (e, b) -> {
            List<String> truth = new ArrayList<>();
            for (Value v : e.root().engine().topologicalOrder()) {
                for (Value child : v.children()) {
                    truth.add(child.label() + " -> " + v.label());
                }
            }
            truth.sort(null);
            List<String> yours = sorted(t.edges(e.root().yours()));
            Expect.that(truth.equals(yours), truth + ", for the expression " + e.text(), yours);
        });
    }

    private static <V> void dotOfL(Tasks<V> t) {
        Expect.equal(List.of("\"L*\" -> \"L\"", "\"a\" -> \"d*\"", "\"b\" -> \"d*\"", "\"c\" -> \"e+\"",
                "\"d\" -> \"e+\"", "\"d*\" -> \"d\"", "\"e\" -> \"L*\"", "\"e+\" -> \"e\"", "\"f\" -> \"L*\""),
                sorted(t.dotEdges(Graphs.lectureL(t))));
    }

    private static <V> void dotReused(Tasks<V> t) {
        V a = t.leaf(-2.0, "a");
        Expect.equal(List.of("\"a\" -> \"b+\"", "\"a\" -> \"b+\"", "\"b+\" -> \"b\""),
                sorted(t.dotEdges(Graphs.named(t, t.add(a, a), "b"))));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(Expect.present(lines, "a list of lines"));
        copy.sort(null);
        return copy;
    }
}
