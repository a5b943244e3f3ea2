///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex04Checks;
import dev.micrograd.exercise.Scalar;
import java.util.List;

/** Exercises 4: backpropagation in topological order. Run it with ./jbang ex04 to check your work. */
class Ex04TopologicalBackprop implements Ex04Checks.Tasks {
    public static void main(String... args) {
        Ex04Checks.main(args, Ex04TopologicalBackprop::new);
    }

    // tag::topological-order[]
    /** Task 1: every value behind root once, each after all of its children, root last. */
    @Override
    public List<Value> topologicalOrder(Value root) {
        // TODO(student): a depth-first search that adds a value after its children; no recursion
        // (the checker tries a chain of 100,000 values), and each value only once (a + a)
        throw new UnsupportedOperationException("TODO: task 1, the topological order");
    }
    // end::topological-order[]

    // tag::backward[]
    /** Task 2: fill every gradient behind root by calling backwardStep() in the right order. */
    @Override
    public void backward(Value root) {
        // TODO(student): root.setGrad(1.0), then backwardStep() on each value, from root back to the leaves
        throw new UnsupportedOperationException("TODO: task 2, backward");
    }
    // end::backward[]

    // tag::fix-the-bug[]
    /** Task 3: x + y with its local backward step. Find the bug and fix it. */
    @Override
    public Scalar add(Scalar x, Scalar y) {
        Scalar out = new Scalar(x.data + y.data, "+", x, y);
        out.onBackward(() -> {
            // TODO(student): a + a gives a.grad = 1 instead of 2. Why? Fix both lines.
            x.grad = out.grad;
            y.grad = out.grad;
        });
        return out;
    }

    /** Task 3: x * y with its local backward step, which has the same bug. */
    @Override
    public Scalar mul(Scalar x, Scalar y) {
        Scalar out = new Scalar(x.data * y.data, "*", x, y);
        out.onBackward(() -> {
            // TODO(student): a * a at a = 3 gives a.grad = 3 instead of 6. Fix both lines.
            x.grad = y.data * out.grad;
            y.grad = x.data * out.grad;
        });
        return out;
    }
    // end::fix-the-bug[]
}
