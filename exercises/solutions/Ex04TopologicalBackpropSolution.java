///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex04Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reference solution of exercises 4. */
class Ex04TopologicalBackpropSolution implements Ex04Checks.Tasks<Ex04TopologicalBackpropSolution.Value> {
    public static void main(String... args) {
        Ex04Checks.main(args, Ex04TopologicalBackpropSolution::new);
    }

    /** Your Value as exercises 3 left it, now learning to backpropagate. */
    static final class Value {
        double data;
        final List<Value> children;
        final String op;
        String label;
        double grad;
        /** Adds this value's share of the gradient into its children's; a leaf has nothing to pass on. */
        Runnable backwardStep = () -> { };

        Value(double data, String label) {
            this(data, List.of(), "", label);
        }

        Value(double data, List<Value> children, String op, String label) {
            this.data = data;
            this.children = children;
            this.op = op;
            this.label = label;
        }

        /** Task 1: this + other, with its backward step. */
        Value add(Value other) {
            Value out = new Value(data + other.data, List.of(this, other), "+", "");
            out.backwardStep = () -> {
                grad += out.grad;
                other.grad += out.grad;
            };
            return out;
        }

        /** Task 1: this * other, with its backward step. */
        Value mul(Value other) {
            Value out = new Value(data * other.data, List.of(this, other), "*", "");
            out.backwardStep = () -> {
                grad += other.data * out.grad;
                other.grad += data * out.grad;
            };
            return out;
        }

        /** Task 1: tanh(this), with its backward step. */
        Value tanh() {
            Value out = new Value(Math.tanh(data), List.of(this), "tanh", "");
            out.backwardStep = () -> grad += (1 - out.data * out.data) * out.grad;
            return out;
        }

        /** Task 2: every value behind this one once, each after all of its children, this one last. */
        List<Value> topologicalOrder() {
            List<Value> order = new ArrayList<>();
            visit(this, Collections.newSetFromMap(new IdentityHashMap<>()), order);
            return order;
        }

        /** Adds v after everything behind it, unless an earlier visit has added it. */
        private static void visit(Value v, Set<Value> visited, List<Value> order) {
            if (visited.add(v)) {
                for (Value child : v.children) {
                    visit(child, visited, order);
                }
                order.add(v);
            }
        }

        /** Bonus: the same order without recursion, so that a graph of any depth works. */
        List<Value> topologicalOrderWithoutRecursion() {
            List<Value> order = new ArrayList<>();
            Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            // Each stack entry is a value and the iterator over the children still to visit.
            Deque<Value> values = new ArrayDeque<>();
            Deque<Iterator<Value>> pending = new ArrayDeque<>();
            visited.add(this);
            values.push(this);
            pending.push(children.iterator());
            while (!values.isEmpty()) {
                Iterator<Value> next = pending.peek();
                if (next.hasNext()) {
                    Value child = next.next();
                    if (visited.add(child)) {
                        values.push(child);
                        pending.push(child.children.iterator());
                    }
                } else {
                    order.add(values.pop());
                    pending.pop();
                }
            }
            return order;
        }

        /** Task 3: fills the gradient of every value behind this one: d(this)/d(value). */
        void backward() {
            List<Value> order = topologicalOrder();
            grad = 1;
            for (int i = order.size() - 1; i >= 0; i--) {
                order.get(i).backwardStep.run();
            }
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

    @Override
    public Value tanh(Value v) {
        return v.tanh();
    }

    @Override
    public double grad(Value v) {
        return v.grad;
    }

    @Override
    public void setGrad(Value v, double grad) {
        v.grad = grad;
    }

    @Override
    public void backwardStep(Value v) {
        v.backwardStep.run();
    }

    @Override
    public void backward(Value v) {
        v.backward();
    }

    @Override
    public List<Value> topologicalOrder(Value root) {
        return root.topologicalOrder();
    }

    @Override
    public List<Value> topologicalOrderWithoutRecursion(Value root) {
        return root.topologicalOrderWithoutRecursion();
    }
}
