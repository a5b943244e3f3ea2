package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The checks of exercises 2: tracing a graph's edges and writing a node's record as the drawing shows it. */
public final class Ex02Checks {
    /** What the student writes in {@code Ex02Visualization.java}. */
    public interface Tasks {
        /** Task 1: every edge of the graph behind {@code root} as {@code "child -> parent"}, in any order. */
        List<String> edges(Value root);

        /** Task 2: the text of a node's box in the drawing: {@code "a | data 2.0000 | grad 0.0000"}. */
        String record(Value v);
    }

    private Ex02Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex02", "Visualization");
        c.check("task 1: the 6 edges of L", "Each value has an edge from each of its children: \"a -> d\".",
                () -> Expect.equal(List.of("a -> d", "b -> d", "c -> e", "d -> e", "e -> L", "f -> L"),
                        sorted(student.get().edges(Graphs.lectureL()))));
        c.check("task 1: a + a has two edges from a", "A value used twice is a child twice: draw both arrows.",
                () -> {
                    Value a = Value.of(-2.0, "a");
                    Expect.equal(List.of("a -> b", "a -> b"), sorted(student.get().edges(a.add(a).label("b"))));
                });
        c.check("task 1: b = a + a, c = b + b has four edges, each node visited once",
                "Visit each value once (remember the visited ones), but list every edge of every visited value.",
                () -> {
                    Value a = Value.of(-2.0, "a");
                    Value b = a.add(a).label("b");
                    Expect.equal(List.of("a -> b", "a -> b", "b -> c", "b -> c"),
                            sorted(student.get().edges(b.add(b).label("c"))));
                });
        c.check("task 2: the record of leaf a", "Four decimals: String.format(Locale.ROOT, \"%.4f\", x).",
                () -> Expect.equal("a | data 2.0000 | grad 0.0000", student.get().record(Value.of(2.0, "a"))));
        c.check("task 2: the record of d after backward()", "Show data() and grad(), each with four decimals.",
                () -> {
                    Value L = Graphs.lectureL();
                    L.backward();
                    Value d = L.topologicalOrder().stream().filter(v -> v.label().equals("d")).findFirst().orElseThrow();
                    Expect.equal("d | data -6.0000 | grad -2.0000", student.get().record(d));
                });
        c.check("task 2: the record looks the same on a German computer",
                "String.format without Locale.ROOT writes 2,0000 where the default locale uses a decimal comma.",
                () -> {
                    Locale before = Locale.getDefault();
                    Locale.setDefault(Locale.GERMANY);
                    try {
                        Expect.equal("x | data 0.5000 | grad 0.0000", student.get().record(Value.of(0.5, "x")));
                    } finally {
                        Locale.setDefault(before);
                    }
                });
        return c;
    }

    private static List<String> sorted(List<String> edges) {
        List<String> copy = new ArrayList<>(Expect.present(edges, "a list of edges"));
        copy.sort(null);
        return copy;
    }
}
