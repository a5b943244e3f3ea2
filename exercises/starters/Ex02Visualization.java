///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex02Checks;
import java.util.List;

/** Exercises 2: trace your Value's graph and write its drawing's edges. Run it with ./jbang ex02 to check your work. */
class Ex02Visualization implements Ex02Checks.Tasks<Ex02Visualization.Value> {
    public static void main(String... args) {
        Ex02Checks.main(args, Ex02Visualization::new);
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

    // tag::trace[]
    /** Task 1: the labels of the values behind root, each once, in the order a depth-first walk first meets them. */
    @Override
    public List<String> trace(Value root) {
        // TODO(student): add a value's label when you first reach it, then walk its children in order
        throw new UnsupportedOperationException("TODO: task 1, the trace");
    }
    // end::trace[]

    // tag::edges[]
    /** Task 2: every edge of the graph behind root as "child -> parent" (labels), in any order. */
    @Override
    public List<String> edges(Value root) {
        // TODO(student): visit each value once; for each of its children add child.label + " -> " + label
        throw new UnsupportedOperationException("TODO: task 2, the edges");
    }
    // end::edges[]

    // tag::dot-edges[]
    /** Task 3: the edge lines of the drawing, in any order: "a" -> "d*" into each op node, "d*" -> "d" out of it. */
    @Override
    public List<String> dotEdges(Value root) {
        // TODO(student): an op node's name is its result's label followed by the op; put each name in double quotes
        throw new UnsupportedOperationException("TODO: task 3, the edge lines of the drawing");
    }
    // end::dot-edges[]

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
