///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch02/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.lecture.ch02.Value;
import dev.micrograd.lesson.Lesson;
import dev.micrograd.viz.Graph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Chapter 2: trace the graph behind a value, write it as Graphviz DOT, and draw it. */
class Ch02Visualization {
    public static void main(String... args) {
        Lesson.main(args, "ch02", "Visualization", Ch02Visualization::teach);
    }

    static void teach(Lesson lesson) {
        // tag::expression[]
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = new Value(10.0, "c");
        Value d = a.mul(b);
        d.label = "d";
        Value e = d.add(c);
        e.label = "e";
        Value f = new Value(-2.0, "f");
        Value L = e.mul(f);
        L.label = "L";
        // end::expression[]

        // tag::trace[]
        Set<Value> nodes = new LinkedHashSet<>();
        List<Value[]> edges = new ArrayList<>();
        L.trace(nodes, edges);
        StringBuilder printed = new StringBuilder();
        for (Value v : nodes) {
            printed.append(v.label + " = " + v.data + (v.op.isEmpty() ? "  (a leaf)" : "  (made by " + v.op + ")") + "\n");
        }
        for (Value[] edge : edges) {
            printed.append(edge[0].label + " -> " + edge[1].label + "\n");
        }
        // end::trace[]
        lesson.show("trace", nodes.size() + " nodes, then " + edges.size() + " edges", printed);
        lesson.check("trace order", List.of("L", "e", "d", "a", "b", "c", "f"),
                nodes.stream().map(v -> v.label).collect(Collectors.toList()));
        lesson.check("edges", List.of("e -> L", "d -> e", "a -> d", "b -> d", "c -> e", "f -> L"),
                edges.stream().map(edge -> edge[0].label + " -> " + edge[1].label).collect(Collectors.toList()));

        // The engine traces the same graph (in another order): the same values, the same edges.
        var engineL = engine(2.0, "a").mul(engine(-3.0, "b")).label("d").add(engine(10.0, "c")).label("e")
                .mul(engine(-2.0, "f")).label("L");
        Graph engineGraph = Graph.trace(engineL);
        lesson.check("node count as in the engine", engineGraph.nodes().size(), nodes.size());
        lesson.check("edge count as in the engine", engineGraph.edges().size(), edges.size());
        lesson.check("the data of each label as in the engine",
                engineGraph.nodes().stream().map(v -> v.label() + "=" + v.data()).sorted().collect(Collectors.toList()),
                nodes.stream().map(v -> v.label + "=" + v.data).sorted().collect(Collectors.toList()));
        lesson.check("the edges as in the engine",
                engineGraph.edges().stream().map(x -> x.from().label() + " -> " + x.to().label()).sorted().collect(Collectors.toList()),
                edges.stream().map(x -> x[0].label + " -> " + x[1].label).sorted().collect(Collectors.toList()));

        // tag::dot[]
        String dot = L.dot();
        // end::dot[]
        lesson.show("dot", "The same graph in Graphviz's DOT language", dot);
        lesson.check("DOT header", true, dot.startsWith("digraph G {\n  rankdir=LR;\n"));
        lesson.check("DOT record of L", true, dot.contains("  v0 [shape=record, label=\"{ L | data -8.0000 }\"];\n"));
        lesson.check("DOT op of L", true, dot.contains("  v0op [label=\"*\"];\n  v0op -> v0;\n"));
        lesson.check("DOT edge from a into d's *", true, dot.contains("  v3 -> v2op;\n"));
        lesson.check("DOT is stable", dot, L.dot());

        // tag::draw[]
        lesson.graph("l-graph", "The graph of L, drawn", L.dot());
        // end::draw[]

        // tag::highlight[]
        String marked = L.dot(d, e);
        lesson.graph("l-graph-marked", "The graph of L with d and e highlighted", marked);
        // end::highlight[]
        lesson.check("d and e are filled", 2, marked.split("style=filled", -1).length - 1);
        lesson.check("d's record is filled", true,
                marked.contains("v2 [shape=record, label=\"{ d | data -6.0000 }\", style=filled"));

        // tag::twice[]
        Value twice = a.add(a);
        twice.label = "a + a";
        lesson.graph("twice", "a + a: two arrows from a into the +", twice.dot());
        // end::twice[]
        lesson.check("two edges from a into +", 2, twice.dot().split("v1 -> v0op;", -1).length - 1);
    }

    /** A leaf of the shared engine, which this chapter's Value must agree with. */
    static dev.micrograd.engine.Value engine(double data, String label) {
        return dev.micrograd.engine.Value.of(data, label);
    }
}
