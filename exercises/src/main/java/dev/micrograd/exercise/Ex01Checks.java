package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.List;
import java.util.function.Supplier;

/** The checks of exercises 1: building, labelling and walking a graph of values. */
public final class Ex01Checks {
    /** What the student writes in {@code Ex01DataStructure.java}. */
    public interface Tasks {
        /** Task 1: {@code L = (a*b + c) * f} with a = 2, b = -3, c = 10, f = -2, every node labelled. */
        Value buildL();

        /** Task 2: how many different values the graph behind {@code root} holds, {@code root} included. */
        int countNodes(Value root);

        /** Task 3: the number of operations on the longest path from {@code root} down to a leaf. */
        int depth(Value root);
    }

    private Ex01Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex01", "Data structure");
        c.check("task 1: L comes out at -8", "d = a*b is -6, e = d + c is 4, L = e * f is -8.",
                () -> Expect.near(-8.0, built(student).data(), 0));
        c.check("task 1: the nodes are labelled a, b, c, d, e, f, L",
                "Name a leaf with Value.of(2.0, \"a\"), a result with .label(\"d\").",
                () -> Expect.equal(List.of("L", "a", "b", "c", "d", "e", "f"),
                        Graphs.labels(built(student).topologicalOrder())));
        c.check("task 1: L = e * f, e = d + c, d = a * b",
                "Each node remembers its op and its children: check them with op() and children().",
                () -> Expect.equal("L = e * f, e = c + d, d = a * b", Graphs.shape(built(student))));
        c.check("task 2: the graph of L holds 7 values", "Walk children() from the root and count each value once.",
                () -> Expect.equal(7, student.get().countNodes(Graphs.lectureL())));
        c.check("task 2: the graph of a + a holds 2 values",
                "a appears twice in children(): count a value once however often it is used "
                        + "(an IdentityHashMap or a set of visited values).",
                () -> {
                    Value a = Value.of(3.0, "a");
                    Expect.equal(2, student.get().countNodes(a.add(a)));
                });
        c.check("task 3: the depth of L is 3", "L <- e <- d <- a: three operations from L down to a leaf.",
                () -> Expect.equal(3, student.get().depth(Graphs.lectureL())));
        c.check("task 3: the depth of a leaf is 0 and of (a + a) * a is 2",
                "A leaf has no children: depth 0. Otherwise 1 + the largest depth of a child.",
                () -> {
                    Value a = Value.of(3.0, "a");
                    Tasks t = student.get();
                    Expect.equal(List.of(0, 2), List.of(t.depth(a), t.depth(a.add(a).mul(a))));
                });
        return c;
    }

    private static Value built(Supplier<? extends Tasks> student) {
        return Expect.present(student.get().buildL(), "the value L");
    }
}
