package dev.micrograd.web;

import dev.micrograd.engine.Value;
import dev.micrograd.viz.Dot;
import java.util.ArrayList;
import java.util.Collections;
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
        try {
            Expression e = Expression.parse(expression);
            Value root = e.build(values);
            root.backward();
            Map<String, Value> leaves = Expression.leaves(root);
            Map<String, Double> grads = new LinkedHashMap<>();
            for (String name : e.variables()) {
                grads.put(name, leaves.get(name).grad());
            }
            return new Json().number("value", root.data()).numbers("grads", grads)
                    .string("dot", Dot.of(root)).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /** The value and the graph before any backward pass, every gradient zero: {@code {"value": v, "dot": "..."}}. */
    public static String forward(String expression, Map<String, Double> values) {
        try {
            Value root = Expression.parse(expression).build(values);
            return new Json().number("value", root.data()).string("dot", Dot.of(root)).toString();
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
     * The backward pass one node at a time, in reverse topological order: the first frame has every
     * gradient zero but the output's, which is 1; each next frame ran one operation's local step and shows
     * its node highlighted. Each frame holds the variables' gradients at that moment, and the name of the
     * highlighted node; a node without a name is named by the expression that made it.
     * {@code {"frames": [{"caption": "...", "dot": "...", "grads": {...}, "node": "..."}, ...]}}.
     */
    public static String backwardSteps(String expression, Map<String, Double> values) {
        try {
            Expression e = Expression.parse(expression);
            Value root = e.build(values);
            Map<String, Value> leaves = Expression.leaves(root);
            List<Value> order = root.topologicalOrder();
            nameInnerNodes(order);
            Collections.reverse(order);
            root.zeroGrad();
            root.setGrad(1);
            StringBuilder frames = new StringBuilder("[");
            frames.append(frame("the output's gradient is 1: d(out)/d(out)", root, root, e, leaves));
            for (Value v : order) {
                if (v.isLeaf()) {
                    continue;
                }
                v.backwardStep();
                frames.append(',').append(frame(describe(v), root, v, e, leaves));
            }
            return new Json().raw("frames", frames.append(']').toString()).toString();
        } catch (RuntimeException e) {
            return Json.error(message(e));
        }
    }

    /** The longest name a node gets from the expression that made it; longer ones are cut with an ellipsis. */
    static final int NAME_LENGTH = 24;

    /** Names every unnamed operation by its expression, children first, so captions and graph can say which node. */
    static void nameInnerNodes(List<Value> topologicalOrder) {
        for (Value v : topologicalOrder) {
            if (v.isLeaf() || !v.label().isEmpty()) {
                continue;
            }
            List<Value> c = v.children();
            String op = v.op();
            String name;
            if (c.size() == 2) {
                name = operand(c.get(0), op) + (op.equals("+") ? " + " : op) + operand(c.get(1), op);
            } else if (Character.isLetter(op.charAt(0))) {
                name = op + "(" + name(c.get(0)) + ")";
            } else {
                name = operand(c.get(0), op) + op;
            }
            v.label(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH - 1) + "\u2026" : name);
        }
    }

    private static String operand(Value child, String op) {
        boolean loose = child.children().size() == 2 && (child.op().equals("+") || !op.equals("+"));
        return loose ? "(" + name(child) + ")" : name(child);
    }

    private static String name(Value v) {
        return v.label().isEmpty() ? Dot.number(v.data()) : v.label();
    }

    private static String describe(Value v) {
        List<String> names = new ArrayList<>();
        for (Value c : v.children()) {
            names.add(name(c));
        }
        return "the step of " + name(v) + " (" + v.op() + ") passes its gradient " + Dot.number(v.grad()) + " on to "
                + String.join(" and ", names);
    }

    private static String frame(String caption, Value root, Value active, Expression e, Map<String, Value> leaves) {
        Map<String, Double> grads = new LinkedHashMap<>();
        for (String name : e.variables()) {
            grads.put(name, leaves.get(name).grad());
        }
        return new Json().string("caption", caption).string("dot", Dot.of(root, active)).numbers("grads", grads)
                .string("node", name(active)).toString();
    }

    /** The exception's own message: the engine's ArithmeticException says which operation failed and why. */
    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
