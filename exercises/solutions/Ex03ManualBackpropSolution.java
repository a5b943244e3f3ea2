///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex03Checks;
import dev.micrograd.exercise.OneNeuron;
import java.util.function.DoubleUnaryOperator;

/** Reference solution of exercises 3. */
class Ex03ManualBackpropSolution implements Ex03Checks.Tasks {
    public static void main(String... args) {
        Ex03Checks.main(args, Ex03ManualBackpropSolution::new);
    }

    @Override
    public double slope(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    @Override
    public double tanhLocalGradient(double o) {
        return 1 - o * o;
    }

    @Override
    public void fillGradients(OneNeuron neuron) {
        neuron.o().setGrad(1.0);
        neuron.n().setGrad(tanhLocalGradient(neuron.o().data()) * neuron.o().grad());
        neuron.x1w1x2w2().setGrad(neuron.n().grad());
        neuron.b().setGrad(neuron.n().grad());
        neuron.x1w1().setGrad(neuron.x1w1x2w2().grad());
        neuron.x2w2().setGrad(neuron.x1w1x2w2().grad());
        product(neuron.x1w1(), neuron.x1(), neuron.w1());
        product(neuron.x2w2(), neuron.x2(), neuron.w2());
    }

    /** For p = x * w: each factor's gradient is the other factor's data times p's gradient. */
    private static void product(Value p, Value x, Value w) {
        x.setGrad(w.data() * p.grad());
        w.setGrad(x.data() * p.grad());
    }
}
