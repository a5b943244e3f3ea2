///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex02Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reference solution of exercises 2. */
class Ex02VisualizationSolution implements Ex02Checks.Tasks {
    public static void main(String... args) {
        Ex02Checks.main(args, Ex02VisualizationSolution::new);
    }

    @Override
    public List<String> edges(Value root) {
        List<String> edges = new ArrayList<>();
        // The topological order holds each value once, so each value's edges are listed once.
        for (Value v : root.topologicalOrder()) {
            for (Value child : v.children()) {
                edges.add(child.label() + " -> " + v.label());
            }
        }
        return edges;
    }

    @Override
    public String record(Value v) {
        return String.format(Locale.ROOT, "%s | data %.4f | grad %.4f", v.label(), v.data(), v.grad());
    }
}
