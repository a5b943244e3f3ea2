///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.exercise.Ex03Checks;
import dev.micrograd.exercise.OneNeuron;
import java.util.function.DoubleUnaryOperator;

/** Exercises 3: derivatives by nudging, and backpropagation by hand. Run it with ./jbang ex03 to check your work. */
class Ex03ManualBackprop implements Ex03Checks.Tasks {
    public static void main(String... args) {
        Ex03Checks.main(args, Ex03ManualBackprop::new);
    }

    // tag::slope[]
    /** Task 1: the slope of f at x, estimated with the small step h. */
    @Override
    public double slope(DoubleUnaryOperator f, double x, double h) {
        // TODO(student): nudge x by h and divide the change of f by h
        throw new UnsupportedOperationException("TODO: task 1, the slope");
    }
    // end::slope[]

    // tag::tanh-local-gradient[]
    /** Task 2: do/dn for o = tanh(n), written with the output o only. */
    @Override
    public double tanhLocalGradient(double o) {
        // TODO(student): the derivative of tanh, expressed with tanh(n) = o
        throw new UnsupportedOperationException("TODO: task 2, the local gradient of tanh");
    }
    // end::tanh-local-gradient[]

    // tag::fill-gradients[]
    /** Task 3: set every gradient of the neuron by hand, from o back to the leaves. */
    @Override
    public void fillGradients(OneNeuron neuron) {
        // TODO(student): neuron.o().setGrad(1.0); then n, x1w1x2w2 and b, x1w1 and x2w2, and the four leaves.
        // Use data() and grad() of the nodes you already filled; do not call backward().
        throw new UnsupportedOperationException("TODO: task 3, fill the gradients");
    }
    // end::fill-gradients[]
}
