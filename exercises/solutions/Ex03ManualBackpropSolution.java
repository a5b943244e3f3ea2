///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.exercise.Ex03Checks;
import dev.micrograd.exercise.OneNeuron;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Reference solution of exercises 3. */
class Ex03ManualBackpropSolution implements Ex03Checks.Tasks<Ex03ManualBackpropSolution.Value> {
    public static void main(String... args) {
        Ex03Checks.main(args, Ex03ManualBackpropSolution::new);
    }

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
            return new Value(Math.tanh(data), List.of(this), "tanh", "");
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

    /** Task 2: the slope of f at x, estimated with the small step h. */
    @Override
    public double slope(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** Task 3: do/dn for o = tanh(n), written with the output o only. */
    @Override
    public double tanhLocalGradient(double o) {
        return 1 - o * o;
    }

    /** Task 4: set every gradient of the neuron by hand, from o back to the leaves. */
    @Override
    public void fillGradients(OneNeuron<Value> neuron) {
        neuron.o().grad = 1.0;
        neuron.n().grad = tanhLocalGradient(neuron.o().data) * neuron.o().grad;
        neuron.x1w1x2w2().grad = neuron.n().grad;
        neuron.b().grad = neuron.n().grad;
        neuron.x1w1().grad = neuron.x1w1x2w2().grad;
        neuron.x2w2().grad = neuron.x1w1x2w2().grad;
        product(neuron.x1w1(), neuron.x1(), neuron.w1());
        product(neuron.x2w2(), neuron.x2(), neuron.w2());
    }

    /** For p = x * w: each factor's gradient is the other factor's data times p's gradient. */
    private static void product(Value p, Value x, Value w) {
        x.grad = w.data * p.grad;
        w.grad = x.data * p.grad;
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
}
