package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph.trace: nodes children first, one edge per use of a value. */
class GraphTest {

    private static List<String> labels(List<Value> values) {
        List<String> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v.label());
        }
        return out;
    }

    @Test
    void traceOfLListsChildrenBeforeParents() {
        Graph graph = Graph.trace(LExample.build());
        assertEquals(List.of("a", "b", "d", "c", "e", "f", "L"), labels(graph.nodes()));
        List<String> edges = new ArrayList<>();
        for (Graph.Edge e : graph.edges()) {
            edges.add(e.from().label() + "->" + e.to().label());
        }
        assertEquals(List.of("a->d", "b->d", "d->e", "c->e", "e->L", "f->L"), edges);
    }

    @Test
    void aValueUsedTwiceHasTwoEdges() {
        Value a = Value.of(3.0, "a");
        Value b = a.add(a).label("b");
        Graph graph = Graph.trace(b);
        assertEquals(List.of(a, b), graph.nodes());
        assertEquals(List.of(new Graph.Edge(a, b), new Graph.Edge(a, b)), graph.edges());
    }

    @Test
    void aLeafIsAGraphOfOneNode() {
        Value a = Value.of(1.0, "a");
        Graph graph = Graph.trace(a);
        assertSame(a, graph.nodes().get(0));
        assertEquals(1, graph.nodes().size());
        assertEquals(List.of(), graph.edges());
    }

    @Test
    void deepGraphsTraceWithoutRecursion() {
        Value v = Value.of(1.0);
        for (int i = 0; i < 200_000; i++) {
            v = v.tanh();
        }
        Graph graph = Graph.trace(v);
        assertEquals(200_001, graph.nodes().size());
        assertEquals(200_000, graph.edges().size());
    }

    @Test
    void nullIsRejected() {
        assertEquals("cannot trace a null Value", assertThrows(NullPointerException.class, () -> Graph.trace(null)).getMessage());
    }
}
