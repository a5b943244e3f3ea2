package dev.micrograd.web;

import dev.micrograd.engine.Value;
import dev.micrograd.viz.Dot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the playground page asks of the engine, as JSON text in and out, so the same answers come from
 * the JVM and from the browser. No method throws: a problem comes back as {@code {"error": "..."}}.
 */
public final class Playground {
    /** The step of the central difference beside each leaf's gradient. */
    static final double H = 1e-6;
    /**
     * The most nodes (values and operations) a graph may have to come with its DOT text: Graphviz lays out
     * 4,000 in a few seconds, and the text of a larger graph would cost more than all the rest of the answer.
     */
    public static final int MAX_DRAWN_NODES = 4000;

    private Playground() {
    }

    /**
     * The expression's value, each variable's gradient after {@code backward()}, and the graph as DOT:
     * {@code {"value": v, "grads": {"a": g, ...}, "dot": "digraph ..."}}.
     */
    public static String evaluate(String expression, String valuesJson) {
        try {
            return evaluate(expression, Json.readNumbers(valuesJson));
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    public static String evaluate(String expression, Map<String, Double> values) {
        return evaluate(expression, values, false);
    }

    /** The same; with {@code assign}, the backward steps set their children's gradients instead of adding to them. */
    public static String evaluate(String expression, Map<String, Double> values, boolean assign) {
        try {
            Expression e = Expression.parse(expression);
            Value root = e.build(values);
            Backward.run(root, assign);
            return dot(new Json().number("value", root.data()).numbers("grads", grads(e, root)), root, null).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /** The value and the graph before any backward pass, every gradient zero: {@code {"value": v, "dot": "..."}}. */
    public static String forward(String expression, Map<String, Double> values) {
        try {
            Value root = Expression.parse(expression).build(values);
            return dot(new Json().number("value", root.data()), root, null).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /** The variable names in order of appearance: {@code {"variables": ["a", "b"]}}. */
    public static String variables(String expression) {
        try {
            StringBuilder names = new StringBuilder("[");
            for (String name : Expression.parse(expression).variables()) {
                if (names.length() > 1) {
                    names.append(',');
                }
                Json.quote(names, name);
            }
            return new Json().raw("variables", names.append(']').toString()).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /** Each variable's gradient by a central difference, {@code (f(x + h) - f(x - h)) / 2h}: {@code {"grads": {...}}}. */
    public static String numerical(String expression, Map<String, Double> values) {
        try {
            Expression e = Expression.parse(expression);
            Map<String, Double> grads = new LinkedHashMap<>();
            for (String name : e.variables()) {
                Map<String, Double> nudged = new LinkedHashMap<>(values);
                double x = values.containsKey(name) ? values.get(name) : Double.NaN;
                nudged.put(name, x + H);
                double up = e.build(nudged).data();
                nudged.put(name, x - H);
                double down = e.build(nudged).data();
                grads.put(name, (up - down) / (2 * H));
            }
            return new Json().numbers("grads", grads).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /**
     * One frame of the backward pass run one node at a time, in reverse topological order: frame 0 has every
     * gradient zero but the output's, which is 1; frame k has run k operations' local steps and highlights the
     * last. Only the frame asked for is drawn, so stepping through a large graph costs one pass per step:
     * {@code {"frame": k, "frames": n, "caption": "...", "value": v, "grads": {...}, "dot": "..."}}, with
     * {@code frame} held to the last one and the gradients those of the frame.
     */
    public static String backwardFrame(String expression, Map<String, Double> values, int frame, boolean assign) {
        try {
            Expression e = Expression.parse(expression);
            Value root = e.build(values);
            List<Value> order = root.topologicalOrder();
            List<Value> operations = new ArrayList<>();
            for (int i = order.size() - 1; i >= 0; i--) {
                if (!order.get(i).isLeaf()) {
                    operations.add(order.get(i));
                }
            }
            int shown = Math.max(0, Math.min(frame, operations.size()));
            root.zeroGrad();
            root.setGrad(1);
            for (int i = 0; i < shown; i++) {
                Backward.step(operations.get(i), assign);
            }
            Value highlighted = shown == 0 ? root : operations.get(shown - 1);
            String caption = shown == 0 ? "the output's gradient is 1: d(out)/d(out)" : describe(highlighted);
            Json json = new Json().number("frame", shown).number("frames", operations.size() + 1)
                    .string("caption", caption).number("value", root.data()).numbers("grads", grads(e, root));
            return dot(json, root, highlighted).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /**
     * Adds the graph's DOT text, or, for a graph of more than {@link #MAX_DRAWN_NODES} nodes, its size instead:
     * {@code "dot": "..."} or {@code "nodes": n, "limit": MAX_DRAWN_NODES}.
     */
    private static Json dot(Json json, Value root, Value highlighted) {
        List<Value> order = root.topologicalOrder();
        int nodes = order.size();
        for (Value v : order) {
            nodes += v.isLeaf() ? 0 : 1;
        }
        if (nodes > MAX_DRAWN_NODES) {
            return json.number("nodes", nodes).number("limit", MAX_DRAWN_NODES);
        }
        return json.string("dot", highlighted == null ? Dot.of(root) : Dot.of(root, highlighted));
    }

    private static Map<String, Double> grads(Expression e, Value root) {
        Map<String, Value> leaves = Expression.leaves(root);
        Map<String, Double> grads = new LinkedHashMap<>();
        for (String name : e.variables()) {
            grads.put(name, leaves.get(name).grad());
        }
        return grads;
    }

    /** What a step did, naming its node and children: by label, or else by operation and value. */
    private static String describe(Value v) {
        List<String> names = new ArrayList<>();
        for (Value c : v.children()) {
            names.add(name(c));
        }
        return "the " + name(v) + " passes its gradient " + Dot.number(v.grad()) + " on to "
                + String.join(" and ", names);
    }

    private static String name(Value v) {
        if (!v.label().isEmpty()) {
            return "node " + Expression.shorten(v.label());
        }
        return v.isLeaf() ? "constant " + Dot.number(v.data())
                : "'" + v.op() + "' node (data " + Dot.number(v.data()) + ")";
    }

    /** The exception's own message: the engine's ArithmeticException says which operation failed and why. */
    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
