package dev.micrograd.web;

import dev.micrograd.engine.Value;
import java.util.List;

/**
 * The backward pass as the playground runs it: the engine's own, or, for the reader who wants to watch the
 * lecture's first bug, a pass whose local steps set ({@code =}) their children's gradients instead of adding
 * ({@code +=}) to them. Only the page offers the mistake; the engine has no switch for it.
 */
final class Backward {
    private Backward() {
    }

    /** The whole pass from {@code root}: the engine's {@code backward()}, or its mistaken twin when {@code assign}. */
    static void run(Value root, boolean assign) {
        if (!assign) {
            root.backward();
            return;
        }
        List<Value> order = root.topologicalOrder();
        root.zeroGrad();
        root.setGrad(1);
        for (int i = order.size() - 1; i >= 0; i--) {
            step(order.get(i), true);
        }
    }

    /**
     * One node's local step. With {@code assign}, each child's gradient becomes this step's contribution alone,
     * as micrograd's {@code self.grad = ...} would leave it; a child used twice by one node (a + a, a * a) keeps
     * the second assignment, which for + and * is half the sum of both.
     */
    static void step(Value v, boolean assign) {
        if (!assign || v.isLeaf()) {
            v.backwardStep();
            return;
        }
        List<Value> children = v.children();
        for (Value c : children) {
            c.setGrad(0);
        }
        v.backwardStep();
        if (children.size() == 2 && children.get(0) == children.get(1)) {
            children.get(0).setGrad(children.get(0).grad() / 2);
        }
    }
}
