///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex04Checks;
import java.util.List;

/** Exercises 4: backward steps, a topological order and backward() for your Value. Run it with ./jbang ex04. */
class Ex04TopologicalBackprop implements Ex04Checks.Tasks<Ex04TopologicalBackprop.Value> {
    public static void main(String... args) {
        Ex04Checks.main(args, Ex04TopologicalBackprop::new);
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

        // tag::backward-steps[]
        /** Task 1: this + other, with its backward step. */
        Value add(Value other) {
            Value out = new Value(data + other.data, List.of(this, other), "+", "");
            // TODO(student): out.backwardStep = () -> { ... }; pass out.grad on to this.grad and other.grad
            return out;
        }

        /** Task 1: this * other, with its backward step. */
        Value mul(Value other) {
            Value out = new Value(data * other.data, List.of(this, other), "*", "");
            // TODO(student): the step of a product: each factor's share is the other factor's data times out.grad
            return out;
        }

        /** Task 1: tanh(this), with its backward step. */
        Value tanh() {
            Value out = new Value(Math.tanh(data), List.of(this), "tanh", "");
            // TODO(student): the step of tanh: (1 - out.data^2) times out.grad
            return out;
        }
        // end::backward-steps[]

        // tag::topological-order[]
        /** Task 2: every value behind this one once, each after all of its children, this one last. */
        List<Value> topologicalOrder() {
            // TODO(student): a depth-first search, as in the chapter: a helper that visits a value's children
            // first and then adds the value, and a set of the values visited, so a in a + a is added once
            throw new UnsupportedOperationException("TODO: task 2, the topological order");
        }
        // end::topological-order[]

        // tag::without-recursion[]
        /** Bonus: the same order without recursion, so that a graph of any depth works. */
        List<Value> topologicalOrderWithoutRecursion() {
            // TODO(student): a bonus task. Keep your own stack (an ArrayDeque) of values still to finish, each
            // with an iterator over its children; the checker tries a chain of 100,000 values
            throw new UnsupportedOperationException("TODO: bonus, the order without recursion");
        }
        // end::without-recursion[]

        // tag::backward[]
        /** Task 3: fills the gradient of every value behind this one: d(this)/d(value). */
        void backward() {
            // TODO(student): grad = 1, then run backwardStep of each value, from this one back to the leaves
            throw new UnsupportedOperationException("TODO: task 3, backward");
        }
        // end::backward[]

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
