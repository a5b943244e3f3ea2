///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex01Checks;

/** Exercises 1: build, label and walk a graph of values. Run it with ./jbang ex01 to check your work. */
class Ex01DataStructure implements Ex01Checks.Tasks {
    public static void main(String... args) {
        Ex01Checks.main(args, Ex01DataStructure::new);
    }

    // tag::build-l[]
    /** Task 1: L = (a*b + c) * f with a = 2, b = -3, c = 10, f = -2; label every node a, b, c, d, e, f, L. */
    @Override
    public Value buildL() {
        // TODO(student): build the leaves with Value.of(number, "label") and the results with mul, add and label
        throw new UnsupportedOperationException("TODO: task 1, build L");
    }
    // end::build-l[]

    // tag::count-nodes[]
    /** Task 2: how many different values the graph behind root holds, root included. */
    @Override
    public int countNodes(Value root) {
        // TODO(student): walk children() from root; count a value used twice only once
        throw new UnsupportedOperationException("TODO: task 2, count the nodes");
    }
    // end::count-nodes[]

    // tag::depth[]
    /** Task 3: the number of operations on the longest path from root down to a leaf (a leaf: 0). */
    @Override
    public int depth(Value root) {
        // TODO(student): a leaf has depth 0; any other value is one deeper than its deepest child
        throw new UnsupportedOperationException("TODO: task 3, the depth");
    }
    // end::depth[]
}
