package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small graph helpers the checks share. */
final class Graphs {
    private Graphs() {
    }

    /** The lecture's {@code L = (a*b + c) * f}, labelled. */
    static Value lectureL() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        return e.mul(f).label("L");
    }

    /** The labels of some values, sorted, so the order the student built them in does not matter. */
    static List<String> labels(Collection<Value> values) {
        List<String> labels = new ArrayList<>();
        for (Value v : values) {
            labels.add(v.label());
        }
        labels.sort(null);
        return labels;
    }

    /** {@code "L = e * f, e = c + d, d = a * b"}: each node with its op and its children's labels, sorted. */
    static String shape(Value root) {
        List<String> parts = new ArrayList<>();
        List<Value> order = root.topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            if (!v.isLeaf()) {
                List<String> in = labels(v.children());
                parts.add(v.label() + " = " + String.join(" " + v.op() + " ", in));
            }
        }
        return String.join(", ", parts);
    }
}
