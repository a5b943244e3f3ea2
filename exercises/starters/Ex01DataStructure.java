///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex01Checks;
import java.util.List;

/** Exercises 1: your own Value, the graph of L, and walking a graph. Run it with ./jbang ex01 to check your work. */
class Ex01DataStructure implements Ex01Checks.Tasks<Ex01DataStructure.Value> {
    public static void main(String... args) {
        Ex01Checks.main(args, Ex01DataStructure::new);
    }

    // tag::value[]
    /** Your own micrograd Value: a number, the values it was made from, the operation, and a name. */
    static final class Value {
        double data;
        final List<Value> children;
        final String op;
        String label;

        /** A leaf: a number made from nothing. */
        Value(double data, String label) {
            this(data, List.of(), "", label);
        }

        Value(double data, List<Value> children, String op, String label) {
            this.data = data;
            this.children = children;
            this.op = op;
            this.label = label;
        }

        // tag::add-mul[]
        /** Task 1: this + other, a new Value made by "+" from this and other. */
        Value add(Value other) {
            // TODO(student): return a new Value with the sum, the children this and other (in that order), op "+"
            throw new UnsupportedOperationException("TODO: task 1, add");
        }

        /** Task 1: this * other, a new Value made by "*" from this and other. */
        Value mul(Value other) {
            // TODO(student): the same as add, with the product and op "*"
            throw new UnsupportedOperationException("TODO: task 1, mul");
        }
        // end::add-mul[]

        /** Names this value and returns it, so a name fits at the end of an expression: a.mul(b).label("d"). */
        Value label(String label) {
            this.label = label;
            return this;
        }

        @Override
        public String toString() {
            return "Value(data=" + data + ")";
        }
    }
    // end::value[]

    // tag::build-l[]
    /** Task 2: L = (a*b + c) * f with a = 2, b = -3, c = 10, f = -2; label every node a, b, c, d, e, f, L. */
    @Override
    public Value buildL() {
        // TODO(student): the leaves with new Value(number, "label"), the results with mul, add and label
        throw new UnsupportedOperationException("TODO: task 2, build L");
    }
    // end::build-l[]

    // tag::count-nodes[]
    /** Task 3: how many different values the graph behind root holds, root included. */
    @Override
    public int countNodes(Value root) {
        // TODO(student): walk the children from root; count a value used twice only once
        throw new UnsupportedOperationException("TODO: task 3, count the nodes");
    }
    // end::count-nodes[]

    // tag::depth[]
    /** Task 4: the number of operations on the longest path from root down to a leaf (a leaf: 0). */
    @Override
    public int depth(Value root) {
        // TODO(student): a leaf has depth 0; any other value is one deeper than its deepest child
        throw new UnsupportedOperationException("TODO: task 4, the depth");
    }
    // end::depth[]

    // tag::bridge[]
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
    // end::bridge[]
}
