///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex06Checks;
import dev.micrograd.exercise.Scalar;

/** Exercises 6: tanh from exp, and operations of your own. Run it with ./jbang ex06 to check your work. */
class Ex06TanhAndNewOps implements Ex06Checks.Tasks {
    public static void main(String... args) {
        Ex06Checks.main(args, Ex06TanhAndNewOps::new);
    }

    // tag::tanh-from-exp[]
    /** Task 1: tanh(n) built from exp, add, sub and div only. */
    @Override
    public Value tanhFromExp(Value n) {
        // TODO(student): e = exp(2n), then (e - 1) / (e + 1), all with Value methods
        throw new UnsupportedOperationException("TODO: task 1, tanh from exp");
    }
    // end::tanh-from-exp[]

    // tag::log[]
    /** Task 2: the natural logarithm, with its local backward step. */
    @Override
    public Scalar log(Scalar x) {
        // TODO(student): Scalar out = new Scalar(forward value, "log", x);
        // out.onBackward(() -> x.grad += local derivative * out.grad); return out;
        throw new UnsupportedOperationException("TODO: task 2, log");
    }
    // end::log[]

    // tag::sigmoid[]
    /** Task 3: sigmoid(x) = 1 / (1 + e^-x), with its local backward step. */
    @Override
    public Scalar sigmoid(Scalar x) {
        // TODO(student): the same pattern; the local derivative is easiest written with out.data
        throw new UnsupportedOperationException("TODO: task 3, sigmoid");
    }
    // end::sigmoid[]

    // tag::pow[]
    /** Task 4: x to the power y, with the local backward step for both x and y. */
    @Override
    public Scalar pow(Scalar x, Scalar y) {
        // TODO(student): a node with two children; its step adds into x.grad and into y.grad
        throw new UnsupportedOperationException("TODO: task 4, pow");
    }
    // end::pow[]
}
