package dev.micrograd.viz;

import dev.micrograd.engine.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a graph as Graphviz DOT in the lecture's look: left to right, each value a record
 * {@code label | data | grad}, each operation a small ellipse feeding the value it made.
 */
public final class Dot {
    private Dot() {
    }

    /** The DOT text of the graph behind {@code root}; the same graph always gives the same text. */
    public static String of(Value root) {
        return of(Graph.trace(root));
    }

    /**
     * The same DOT text with one node, and the operation that made it, filled in colour: the node
     * whose backward step runs now. With {@code highlighted} null or not in the graph, the text of {@link #of(Value)}.
     */
    public static String of(Value root, Value highlighted) {
        return of(Graph.trace(root), highlighted);
    }

    /** The DOT text of a graph already traced. */
    static String of(Graph graph) {
        return of(graph, null);
    }

    private static String of(Graph graph, Value highlighted) {
        List<Value> nodes = graph.nodes();
        // Ids follow the trace order, not identity hashes, so the output is byte-for-byte stable.
        Map<Value, String> ids = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            ids.put(nodes.get(i), "v" + i);
        }
        StringBuilder dot = new StringBuilder();
        dot.append("digraph G {\n")
                .append("  rankdir=LR;\n")
                .append("  node [fontname=\"Helvetica\", fontsize=10];\n")
                .append("  edge [color=\"#4a6fa5\"];\n");
        for (Value v : nodes) {
            String id = ids.get(v);
            dot.append("  ").append(id).append(" [shape=record, label=\"{ ")
                    .append(escape(v.label())).append(" | data ").append(number(v.data()))
                    .append(" | grad ").append(number(v.grad())).append(" }\"").append(fill(v, highlighted))
                    .append("];\n");
            if (!v.isLeaf()) {
                dot.append("  ").append(id).append("_op [shape=ellipse, margin=0.05, label=\"")
                        .append(escape(v.op())).append("\"").append(fill(v, highlighted)).append("];\n");
                dot.append("  ").append(id).append("_op -> ").append(id).append(";\n");
            }
        }
        for (Graph.Edge e : graph.edges()) {
            dot.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to())).append("_op;\n");
        }
        return dot.append("}\n").toString();
    }

    private static String fill(Value v, Value highlighted) {
        return v == highlighted ? ", style=filled, fillcolor=\"#ffd966\"" : "";
    }

    /**
     * Four decimals, a point as separator in every locale, and no "-0.0000": what {@code %.4f} prints, which
     * rounds half up from the decimal digits of {@link Double#toString}. Written out because compiled to
     * JavaScript the formatter rounds from the binary value instead (0.80925 gives 0.8092, not 0.8093) and
     * fails on infinities.
     */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String s = new BigDecimal(Double.toString(x)).setScale(4, RoundingMode.HALF_UP).toPlainString();
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    /** Escapes the characters that mean something inside a record label. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
