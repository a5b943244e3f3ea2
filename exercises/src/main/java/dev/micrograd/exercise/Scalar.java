package dev.micrograd.exercise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bare Value for writing operations yourself: public {@code data} and {@code grad}, the nodes
 * it was made from, and a local backward step that you attach with {@link #onBackward}.
 */
public final class Scalar {
    public double data;
    public double grad;
    private final String op;
    private final List<Scalar> children;
    private Runnable backwardStep = () -> { };

    /** A leaf. */
    public Scalar(double data) {
        this(data, "");
    }

    /** A node made by {@code op} from {@code children}, in operand order. */
    public Scalar(double data, String op, Scalar... children) {
        this.data = data;
        this.op = op;
        this.children = List.of(children);
    }

    /** Sets the local backward step: it adds this node's share of {@code grad} into its children. */
    public void onBackward(Runnable step) {
        this.backwardStep = step;
    }

    public String op() {
        return op;
    }

    public List<Scalar> children() {
        return children;
    }

    /** Sets every gradient in the graph to 0 and this one's to 1, then runs the steps from here back. */
    public void backward() {
        List<Scalar> order = topologicalOrder();
        for (Scalar s : order) {
            s.grad = 0;
        }
        grad = 1;
        Collections.reverse(order);
        for (Scalar s : order) {
            s.backwardStep.run();
        }
    }

    /** Children before parents, each node once, without recursion. */
    private List<Scalar> topologicalOrder() {
        List<Scalar> order = new ArrayList<>();
        Map<Scalar, Boolean> seen = new IdentityHashMap<>();
        Deque<Scalar> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        stack.push(this);
        next.push(0);
        seen.put(this, true);
        while (!stack.isEmpty()) {
            Scalar s = stack.peek();
            int i = next.pop();
            if (i < s.children.size()) {
                next.push(i + 1);
                Scalar child = s.children.get(i);
                if (seen.put(child, true) == null) {
                    stack.push(child);
                    next.push(0);
                }
            } else {
                order.add(stack.pop());
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Scalar(data=" + data + ")";
    }
}
