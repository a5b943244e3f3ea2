///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex02Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Reference solution of exercises 2. */
class Ex02VisualizationSolution implements Ex02Checks.Tasks<Ex02VisualizationSolution.Value> {
    public static void main(String... args) {
        Ex02Checks.main(args, Ex02VisualizationSolution::new);
    }

    /** Your Value as exercises 1 left it: data, the children it was made from, op and label. */
    static final class Value {
        double data;
        final List<Value> children;
        final String op;
        String label;

        Value(double data, String label) {
            this(data, List.of(), "", label);
        }

        Value(double data, List<Value> children, String op, String label) {
            this.data = data;
            this.children = children;
            this.op = op;
            this.label = label;
        }

        Value add(Value other) {
            return new Value(data + other.data, List.of(this, other), "+", "");
        }

        Value mul(Value other) {
            return new Value(data * other.data, List.of(this, other), "*", "");
        }

        Value label(String label) {
            this.label = label;
            return this;
        }

        @Override
        public String toString() {
            return "Value(data=" + data + ")";
        }
    }

    /** Task 1: the labels of the values behind root, each once, in the order a depth-first walk first meets them. */
    @Override
    public List<String> trace(Value root) {
        List<String> labels = new ArrayList<>();
        visit(root, Collections.newSetFromMap(new IdentityHashMap<>()), labels);
        return labels;
    }

    /** Recursion, as in the lecture's trace: fine for the graphs a drawing can show. */
    private static void visit(Value v, Set<Value> seen, List<String> labels) {
        if (seen.add(v)) {
            labels.add(v.label);
            for (Value child : v.children) {
                visit(child, seen, labels);
            }
        }
    }

    /** Task 2: every edge of the graph behind root as "child -> parent" (labels), in any order. */
    @Override
    public List<String> edges(Value root) {
        List<String> edges = new ArrayList<>();
        for (Value v : values(root)) {
            for (Value child : v.children) {
                edges.add(child.label + " -> " + v.label);
            }
        }
        return edges;
    }

    /** Task 3: the edge lines of the drawing, in any order: "a" -> "d*" into each op node, "d*" -> "d" out of it. */
    @Override
    public List<String> dotEdges(Value root) {
        List<String> lines = new ArrayList<>();
        for (Value v : values(root)) {
            if (!v.children.isEmpty()) {
                String opNode = quoted(v.label + v.op);
                lines.add(opNode + " -> " + quoted(v.label));
                for (Value child : v.children) {
                    lines.add(quoted(child.label) + " -> " + opNode);
                }
            }
        }
        return lines;
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** Each value behind root once, without recursion. */
    private static List<Value> values(Value root) {
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(root);
        List<Value> values = new ArrayList<>();
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (seen.add(v)) {
                values.add(v);
                v.children.forEach(todo::push);
            }
        }
        return values;
    }

    // The checks build and read expressions of your Value through these one-liners: nothing to change here.
    @Override
    public Value leaf(double data, String label) {
        return new Value(data, label);
    }

    @Override
    public Value add(Value a, Value b) {
        return a.add(b);
    }

    @Override
    public Value mul(Value a, Value b) {
        return a.mul(b);
    }

    @Override
    public double data(Value v) {
        return v.data;
    }

    @Override
    public String op(Value v) {
        return v.op;
    }

    @Override
    public String label(Value v) {
        return v.label;
    }

    @Override
    public void setLabel(Value v, String label) {
        v.label(label);
    }

    @Override
    public List<Value> children(Value v) {
        return v.children;
    }
}
