///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex02Checks;
import java.util.List;

/** Exercises 2: trace a graph and write what its drawing shows. Run it with ./jbang ex02 to check your work. */
class Ex02Visualization implements Ex02Checks.Tasks {
    public static void main(String... args) {
        Ex02Checks.main(args, Ex02Visualization::new);
    }

    // tag::edges[]
    /** Task 1: every edge of the graph behind root as "child -> parent" (labels), in any order. */
    @Override
    public List<String> edges(Value root) {
        // TODO(student): visit each value once; for each of its children add child.label() + " -> " + label()
        throw new UnsupportedOperationException("TODO: task 1, the edges");
    }
    // end::edges[]

    // tag::record[]
    /** Task 2: the text of a node's box in the drawing, such as "a | data 2.0000 | grad 0.0000". */
    @Override
    public String record(Value v) {
        // TODO(student): the label, then data() and grad() with four decimals, separated by " | "
        throw new UnsupportedOperationException("TODO: task 2, the record");
    }
    // end::record[]
}
