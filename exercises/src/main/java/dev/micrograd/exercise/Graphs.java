package dev.micrograd.exercise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Graph helpers the checks share; they read any Value class through its {@link Bridge}. */
final class Graphs {
    private Graphs() {
    }

    /** A graph both halves of a check build: the ask with the student's Value, the judge with the engine. */
    interface Recipe {
        <V> V build(Bridge<V> b);
    }

    /** The lecture's {@code L = (a*b + c) * f}, labelled. */
    static <V> V lectureL(Bridge<V> b) {
        V a = b.leaf(2.0, "a");
        V bb = b.leaf(-3.0, "b");
        V c = b.leaf(10.0, "c");
        V f = b.leaf(-2.0, "f");
        V d = named(b, b.mul(a, bb), "d");
        V e = named(b, b.add(d, c), "e");
        return named(b, b.mul(e, f), "L");
    }

    static <V> V named(Bridge<V> b, V v, String label) {
        b.setLabel(Expect.present(v, "a Value"), label);
        return v;
    }

    /** The labels of some values, sorted, so the order the student built them in does not matter. */
    static <V> List<String> labels(Bridge<V> b, Collection<V> values) {
        List<String> labels = new ArrayList<>();
        for (V v : values) {
            labels.add(b.label(v));
        }
        labels.sort(null);
        return labels;
    }

    /** {@code "L = e * f, e = c + d, d = a * b"}: each node with its op and its children's labels, sorted. */
    static <V> String shape(Bridge<V> b, V root) {
        List<String> parts = new ArrayList<>();
        List<V> order = order(b, root);
        for (int i = order.size() - 1; i >= 0; i--) {
            V v = order.get(i);
            List<V> children = Expect.present(b.children(v), "a list of children");
            if (!children.isEmpty()) {
                parts.add(b.label(v) + " = " + String.join(" " + b.op(v) + " ", labels(b, children)));
            }
        }
        return String.join(", ", parts);
    }

    /** {@code "-1.000000 = a + b"}, or {@code "2.000000, a leaf"}: what one node holds. */
    static <V> String describe(Bridge<V> b, V v) {
        Expect.present(v, "a Value");
        List<V> children = Expect.present(b.children(v), "a list of children");
        if (children.isEmpty()) {
            return Expect.number(b.data(v)) + ", a leaf";
        }
        List<String> names = new ArrayList<>();
        for (V child : children) {
            names.add(b.label(child));
        }
        String op = String.valueOf(b.op(v));
        return Expect.number(b.data(v)) + " = " + (children.size() == 1 ? op + " " + names.get(0)
                : String.join(" " + op + " ", names));
    }

    /** The reference topological order: children first, each node once, without recursion. */
    static <V> List<V> order(Bridge<V> b, V root) {
        List<V> order = new ArrayList<>();
        Set<V> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<V> values = new ArrayDeque<>();
        Deque<Iterator<V>> pending = new ArrayDeque<>();
        seen.add(root);
        values.push(root);
        pending.push(b.children(root).iterator());
        while (!values.isEmpty()) {
            Iterator<V> children = pending.peek();
            if (children.hasNext()) {
                V child = children.next();
                if (seen.add(child)) {
                    values.push(child);
                    pending.push(b.children(child).iterator());
                }
            } else {
                order.add(values.pop());
                pending.pop();
            }
        }
        return order;
    }

    /** The labels of some values in their order (ask side: what the student's code returned, as text). */
    static <V> List<String> labelsInOrder(Bridge<V> b, List<V> values) {
        List<String> labels = new ArrayList<>();
        for (V v : Expect.present(values, "a list of values")) {
            labels.add(v == null ? "null" : b.label(v));
        }
        return labels;
    }

    /**
     * Judge side: {@code order}, the labels of an order the student's code made, holds each value of the graph
     * behind {@code root} once, children first, root last; the graph's labels must be unique.
     */
    static <V> void validOrder(Bridge<V> b, V root, List<String> order) {
        List<V> truth = order(b, root);
        Map<String, V> byLabel = new java.util.HashMap<>();
        for (V v : truth) {
            byLabel.put(b.label(v), v);
        }
        Map<V, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            V v = byLabel.get(order.get(i));
            if (v == null) {
                throw new Mismatch("values of the graph", "'" + order.get(i) + "' at " + i + ", not in the graph");
            }
            Integer before = position.put(v, i);
            if (before != null) {
                throw new Mismatch("each value once", "'" + order.get(i) + "' twice, at " + before + " and " + i);
            }
        }
        boolean complete = truth.stream().allMatch(position::containsKey);
        if (order.size() != truth.size() || !complete) {
            throw new Mismatch(truth.size() + " values, the graph's",
                    order.size() + " values" + (complete ? "" : ", some of the graph's missing"));
        }
        String last = order.get(order.size() - 1);
        Expect.that(last.equals(b.label(root)), "the root last", "'" + last + "' last");
        for (V v : truth) {
            int to = position.get(v);
            for (V child : b.children(v)) {
                int from = position.get(child);
                if (from > to) {
                    throw new Mismatch("every child before its parent", "'" + b.label(child) + "' at " + from
                            + " after its parent '" + b.label(v) + "' at " + to);
                }
            }
        }
    }

    /** The labels of a depth-first walk, each value once, parents before children, children in order. */
    static <V> List<String> trace(Bridge<V> b, V root) {
        List<String> labels = new ArrayList<>();
        Set<V> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<V> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            V v = stack.pop();
            if (seen.add(v)) {
                labels.add(b.label(v));
                List<V> children = b.children(v);
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
        }
        return labels;
    }
}
