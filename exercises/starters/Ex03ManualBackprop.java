///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex03Checks;
import dev.micrograd.exercise.OneNeuron;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Exercises 3: tanh, a numerical slope, and a neuron's gradients by hand. Run it with ./jbang ex03 to check your work. */
class Ex03ManualBackprop implements Ex03Checks.Tasks<Ex03ManualBackprop.Value> {
    public static void main(String... args) {
        Ex03Checks.main(args, Ex03ManualBackprop::new);
    }

    // tag::value[]
    /** Your Value as exercises 2 left it, now with a gradient and tanh. */
    static final class Value {
        double data;
        final List<Value> children;
        final String op;
        String label;
        /** d(output)/d(this value): 0 until backpropagation fills it in. */
        double grad;

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

        /** Task 1: tanh(this), a new Value made by "tanh" from this alone. */
        Value tanh() {
            // TODO(student): a new Value with Math.tanh(data), the single child this, op "tanh"
            throw new UnsupportedOperationException("TODO: task 1, tanh");
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
    // end::value[]

    // tag::slope[]
    /** Task 2: the slope of f at x, estimated with the small step h. */
    @Override
    public double slope(DoubleUnaryOperator f, double x, double h) {
        // TODO(student): nudge x by h and divide the change of f by h
        throw new UnsupportedOperationException("TODO: task 2, the slope");
    }
    // end::slope[]

    // tag::tanh-local-gradient[]
    /** Task 3: do/dn for o = tanh(n), written with the output o only. */
    @Override
    public double tanhLocalGradient(double o) {
        // TODO(student): the derivative of tanh, expressed with tanh(n) = o
        throw new UnsupportedOperationException("TODO: task 3, the local gradient of tanh");
    }
    // end::tanh-local-gradient[]

    // tag::fill-gradients[]
    /** Task 4: set every gradient of the neuron by hand, from o back to the leaves. */
    @Override
    public void fillGradients(OneNeuron<Value> neuron) {
        // TODO(student): neuron.o().grad = 1.0; then n, x1w1x2w2 and b, x1w1 and x2w2, and the four leaves.
        // Each gradient comes from data and grad of the nodes you already filled.
        throw new UnsupportedOperationException("TODO: task 4, fill the gradients");
    }
    // end::fill-gradients[]

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
}
