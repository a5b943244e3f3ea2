///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex01Checks;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Reference solution of exercises 1. */
class Ex01DataStructureSolution implements Ex01Checks.Tasks<Ex01DataStructureSolution.Value> {
    public static void main(String... args) {
        Ex01Checks.main(args, Ex01DataStructureSolution::new);
    }

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

        /** Task 1: this + other, a new Value made by "+" from this and other. */
        Value add(Value other) {
            return new Value(data + other.data, List.of(this, other), "+", "");
        }

        /** Task 1: this * other, a new Value made by "*" from this and other. */
        Value mul(Value other) {
            return new Value(data * other.data, List.of(this, other), "*", "");
        }

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

    /** Task 2: L = (a*b + c) * f with a = 2, b = -3, c = 10, f = -2; label every node a, b, c, d, e, f, L. */
    @Override
    public Value buildL() {
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = new Value(10.0, "c");
        Value f = new Value(-2.0, "f");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        return e.mul(f).label("L");
    }

    /** Task 3: how many different values the graph behind root holds, root included. */
    @Override
    public int countNodes(Value root) {
        // Values compare by identity: two leaves holding 2.0 are still two nodes.
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (seen.add(v)) {
                v.children.forEach(todo::push);
            }
        }
        return seen.size();
    }

    /** Task 4: the number of operations on the longest path from root down to a leaf (a leaf: 0). */
    @Override
    public int depth(Value root) {
        int deepest = -1;
        for (Value child : root.children) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
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
