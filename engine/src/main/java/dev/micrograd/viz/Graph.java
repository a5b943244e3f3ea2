package dev.micrograd.viz;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The nodes and edges of the graph behind a value, in a fixed order: children before parents. */
public final class Graph {
    /** An edge from a value to the value made from it; a value used twice gives two edges. */
    public record Edge(Value from, Value to) {
    }

    private final List<Value> nodes;
    private final List<Edge> edges;

    private Graph(List<Value> nodes, List<Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    /** Traces every node and edge that {@code root} depends on, without recursion. */
    public static Graph trace(Value root) {
        Objects.requireNonNull(root, "cannot trace a null Value");
        List<Value> nodes = root.topologicalOrder();
        List<Edge> edges = new ArrayList<>();
        for (Value v : nodes) {
            for (Value child : v.children()) {
                edges.add(new Edge(child, v));
            }
        }
        return new Graph(List.copyOf(nodes), List.copyOf(edges));
    }

    public List<Value> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }
}
