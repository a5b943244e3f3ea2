package dev.micrograd.lecture.ch04bug;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Chapter 4's Value with the lecture's first bug: each backward step sets its children's gradients instead of adding to them. */
public final class Value {
    public double data;
    public double grad;
    public final List<Value> children;
    public final String op;
    public String label;
    /** Sets its children's gradients to this value's share, overwriting what another use of them put there. */
    public Runnable backwardStep = () -> { };

    /** A leaf: a number typed in, made from nothing. */
    public Value(double data, String label) {
        this(data, List.of(), "", label);
    }

    /** A value made by {@code op} from {@code children}, kept in operand order. */
    Value(double data, List<Value> children, String op, String label) {
        this.data = data;
        this.children = children;
        this.op = op;
        this.label = label;
    }

    // tag::add[]
    public Value add(Value other) {
        Value out = new Value(data + other.data, List.of(this, other), "+", "");
        out.backwardStep = () -> {
            this.grad = out.grad;
            other.grad = out.grad;
        };
        return out;
    }
    // end::add[]

    public Value mul(Value other) {
        Value out = new Value(data * other.data, List.of(this, other), "*", "");
        out.backwardStep = () -> {
            this.grad = other.data * out.grad;
            other.grad = this.data * out.grad;
        };
        return out;
    }

    public Value tanh() {
        double t = Math.tanh(data);
        Value out = new Value(t, List.of(this), "tanh", "");
        out.backwardStep = () -> this.grad = (1 - t * t) * out.grad;
        return out;
    }

    /** Every value behind this one, each after the values it was made from: micrograd's recursive sort. */
    public List<Value> topologicalOrder() {
        List<Value> topo = new ArrayList<>();
        Set<Value> visited = new HashSet<>();
        buildTopo(this, topo, visited);
        return topo;
    }

    private static void buildTopo(Value v, List<Value> topo, Set<Value> visited) {
        if (!visited.contains(v)) {
            visited.add(v);
            for (Value child : v.children) {
                buildTopo(child, topo, visited);
            }
            topo.add(v);
        }
    }

    /** Fills in every gradient behind this value: 1 here, then each node's step in reverse topological order. */
    public void backward() {
        List<Value> topo = topologicalOrder();
        grad = 1;
        for (int i = topo.size() - 1; i >= 0; i--) {
            topo.get(i).backwardStep.run();
        }
    }

    /** Collects every value behind this one, this one first, and an edge from each child to its parent. */
    public void trace(Set<Value> nodes, List<Value[]> edges) {
        if (!nodes.contains(this)) {
            nodes.add(this);
            for (Value child : children) {
                edges.add(new Value[] {child, this});
                child.trace(nodes, edges);
            }
        }
    }

    /** The graph behind this value in Graphviz's DOT language, the {@code highlighted} values filled in. */
    public String dot(Value... highlighted) {
        Set<Value> traced = new LinkedHashSet<>();
        List<Value[]> edges = new ArrayList<>();
        trace(traced, edges);
        // Ids are positions in the trace, not memory addresses, so the same graph always gives the same text.
        List<Value> nodes = new ArrayList<>(traced);
        StringBuilder dot = new StringBuilder("digraph G {\n  rankdir=LR;\n  node [fontname=Helvetica, fontsize=10];\n");
        for (Value n : nodes) {
            String id = "v" + nodes.indexOf(n);
            String record = n.label + " | data " + String.format(Locale.ROOT, "%.4f", n.data);
            record += " | grad " + String.format(Locale.ROOT, "%.4f", n.grad);
            String fill = List.of(highlighted).contains(n) ? ", style=filled, fillcolor=\"#fde68a\"" : "";
            dot.append("  " + id + " [shape=record, label=\"{ " + record + " }\"" + fill + "];\n");
            if (!n.op.isEmpty()) {
                dot.append("  " + id + "op [label=\"" + n.op + "\"];\n");
                dot.append("  " + id + "op -> " + id + ";\n");
            }
        }
        for (Value[] edge : edges) {
            dot.append("  v" + nodes.indexOf(edge[0]) + " -> v" + nodes.indexOf(edge[1]) + "op;\n");
        }
        return dot.append("}\n").toString();
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ")";
    }
}
