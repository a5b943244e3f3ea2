///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.js:js:22.3.5
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;
import dev.micrograd.viz.Dot;
import dev.micrograd.viz.Graph;
import java.util.List;
import java.util.stream.Collectors;

/** Chapter 2: trace the graph behind a value, write it as Graphviz DOT, and draw it. */
class Ch02Visualization {
    public static void main(String... args) {
        Lesson.main(args, "ch02", "Visualization", Ch02Visualization::teach);
    }

    static void teach(Lesson lesson) {
        // tag::expression[]
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        Value f = Value.of(-2.0, "f");
        Value L = e.mul(f).label("L");
        // end::expression[]

        // tag::trace[]
        Graph graph = Graph.trace(L);
        StringBuilder nodes = new StringBuilder();
        for (Value v : graph.nodes()) {
            String madeBy = v.isLeaf() ? "leaf" : "made by " + v.op();
            nodes.append(v.label() + " = " + v.data() + "  (" + madeBy + ")\n");
        }
        StringBuilder edges = new StringBuilder();
        for (Graph.Edge edge : graph.edges()) {
            edges.append(edge.from().label() + " -> " + edge.to().label() + "\n");
        }
        // end::trace[]
        lesson.show("nodes", graph.nodes().size() + " nodes, children before the values made from them", nodes);
        lesson.show("edges", graph.edges().size() + " edges, each from an operand to its result", edges);
        lesson.check("node count", 7, graph.nodes().size());
        lesson.check("edge count", 6, graph.edges().size());
        lesson.check("trace order", List.of("a", "b", "d", "c", "e", "f", "L"), labels(graph.nodes()));
        lesson.check("node data", List.of(2.0, -3.0, -6.0, 10.0, 4.0, -2.0, -8.0),
                graph.nodes().stream().map(Value::data).collect(Collectors.toList()));
        lesson.check("edges", "a -> d\nb -> d\nd -> e\nc -> e\ne -> L\nf -> L\n", edges.toString());

        // tag::dot[]
        String dot = Dot.of(L);
        // end::dot[]
        lesson.show("dot", "The same graph in Graphviz's DOT language", dot);
        lesson.check("DOT header", true, dot.startsWith("digraph G {\n  rankdir=LR;\n"));
        lesson.check("DOT record of a", true, dot.contains("[shape=record, label=\"{ a | data 2.0000 | grad 0.0000 }\"]"));
        lesson.check("DOT record of L", true, dot.contains("label=\"{ L | data -8.0000 | grad 0.0000 }\""));
        lesson.check("DOT is stable", dot, Dot.of(L));

        // tag::draw[]
        lesson.graph("l-graph", "The graph of L, drawn", L);
        // end::draw[]
    }

    private static List<String> labels(List<Value> values) {
        return values.stream().map(Value::label).collect(Collectors.toList());
    }
}
