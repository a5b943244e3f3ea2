package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
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
                seed -> traceOf(student.get(), Graphs::lectureL),
                (a, seed) -> Expect.equal(List.of("L", "e", "d", "a", "b", "c", "f"), a.texts()));
        c.check("task 1: the trace of a + a lists a once", "Remember the values you visited (by identity) and skip them.",
                seed -> traceOf(student.get(), Ex02Checks::reused),
                (a, seed) -> Expect.equal(List.of("b", "a"), a.texts()));
        c.check("task 1: the trace of c = b * b, b = a + a is c, b, a",
                "A value reached a second time, through another path, is not listed again.",
                seed -> traceOf(student.get(), Ex02Checks::diamond),
                (a, seed) -> Expect.equal(List.of("c", "b", "a"), a.texts()));
        c.check("task 1: " + RandomExpressions.TRIALS + " random expressions: the trace is the engine graph's",
                "Record a value when you first reach it, before its children: the root comes first.",
                seed -> random(student.get(), seed, false),
                (a, seed) -> judgeRandom(a, seed, false));
        c.check("task 2: the 6 edges of L", "Each value has an edge from each of its children: \"a -> d\".",
                seed -> edgesOf(student.get(), Graphs::lectureL),
                (a, seed) -> Expect.equal(List.of("a -> d", "b -> d", "c -> e", "d -> e", "e -> L", "f -> L"), a.texts()));
        c.check("task 2: a + a has two edges from a", "A value used twice is a child twice: draw both arrows.",
                seed -> edgesOf(student.get(), Ex02Checks::reused),
                (a, seed) -> Expect.equal(List.of("a -> b", "a -> b"), a.texts()));
        c.check("task 2: b = a + a, c = b + b has four edges, each node visited once",
                "Visit each value once (remember the visited ones), but list every edge of every visited value.",
                seed -> edgesOf(student.get(), Ex02Checks::doubled),
                (a, seed) -> Expect.equal(List.of("a -> b", "a -> b", "b -> c", "b -> c"), a.texts()));
        c.check("task 2: " + RandomExpressions.TRIALS + " random expressions: the edges are the engine graph's",
                "As many edges as children, summed over the values you visited once each.",
                seed -> random(student.get(), seed, true),
                (a, seed) -> judgeRandom(a, seed, true));
        c.check("task 3: the drawing of L has 9 edge lines",
                "Per result: one line from its op node to it (\"d*\" -> \"d\"), one from each child to the op node.",
                seed -> dotOf(student.get(), Graphs::lectureL),
                (a, seed) -> Expect.equal(List.of("\"L*\" -> \"L\"", "\"a\" -> \"d*\"", "\"b\" -> \"d*\"",
                        "\"c\" -> \"e+\"", "\"d\" -> \"e+\"", "\"d*\" -> \"d\"", "\"e\" -> \"L*\"",
                        "\"e+\" -> \"e\"", "\"f\" -> \"L*\""), a.texts()));
        c.check("task 3: a + a draws two lines from a to the op node",
                "The same edges as task 2, drawn into the op node: one line per child, even a repeated one.",
                seed -> dotOf(student.get(), Ex02Checks::reused),
                (a, seed) -> Expect.equal(List.of("\"a\" -> \"b+\"", "\"a\" -> \"b+\"", "\"b+\" -> \"b\""),
                        a.texts()));
        c.check("task 3: a leaf alone draws no edge", "A leaf has no op node and no children: no lines at all.",
                seed -> dotOf(student.get(), Ex02Checks::leaf),
                (a, seed) -> Expect.equal(List.of(), a.texts()));
        return c;
    }

    private static <V> V leaf(Bridge<V> t) {
        return t.leaf(1.5, "x");
    }

    private static <V> V reused(Bridge<V> t) {
        V a = t.leaf(-2.0, "a");
        return Graphs.named(t, t.add(a, a), "b");
    }

    private static <V> V diamond(Bridge<V> t) {
        V b = reused(t);
        return Graphs.named(t, t.mul(b, b), "c");
    }

    private static <V> V doubled(Bridge<V> t) {
        V b = reused(t);
        return Graphs.named(t, t.add(b, b), "c");
    }

    private static <V> Answer traceOf(Tasks<V> t, Graphs.Recipe graph) {
        return Answer.texts(Expect.present(t.trace(graph.build(t)), "a list"));
    }

    private static <V> Answer edgesOf(Tasks<V> t, Graphs.Recipe graph) {
        return Answer.texts(sorted(t.edges(graph.build(t))));
    }

    private static <V> Answer dotOf(Tasks<V> t, Graphs.Recipe graph) {
        return Answer.texts(sorted(t.dotEdges(graph.build(t))));
    }

    /** Ask: the trace (or the sorted edges) of each random expression, as one line each. */
    private static <V> Answer random(Tasks<V> t, long seed, boolean edges) {
        List<String> lines = new ArrayList<>();
        for (RandomExpressions.Plan plan : RandomExpressions.plans(seed, PLUS_TIMES)) {
            List<V> nodes = RandomExpressions.build(t, plan);
            V root = nodes.get(nodes.size() - 1);
            lines.add(String.valueOf(edges ? sorted(t.edges(root)) : Expect.present(t.trace(root), "a list")));
        }
        return Answer.texts(lines);
    }

    private static void judgeRandom(Answer answer, long seed, boolean edges) {
        List<RandomExpressions.Plan> plans = RandomExpressions.plans(seed, PLUS_TIMES);
        List<String> yours = answer.texts();
        Expect.that(yours.size() == plans.size(), plans.size() + " answers", yours.size() + " answers");
        for (int i = 0; i < plans.size(); i++) {
            List<Value> nodes = RandomExpressions.build(EngineBridge.ENGINE, plans.get(i));
            Value root = nodes.get(nodes.size() - 1);
            List<String> truth = new ArrayList<>();
            if (edges) {
                for (Value v : Graphs.order(EngineBridge.ENGINE, root)) {
                    for (Value child : v.children()) {
                        truth.add(child.label() + " -> " + v.label());
                    }
                }
                truth.sort(null);
            } else {
                truth = Graphs.trace(EngineBridge.ENGINE, root);
            }
            Expect.that(truth.toString().equals(yours.get(i)), truth + ", for the expression " + plans.get(i).text(),
                    yours.get(i));
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(Expect.present(lines, "a list of lines"));
        copy.sort(null);
        return copy;
    }
}
