package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaves add up gradients across backward() calls; interior nodes are recomputed; zeroGrad resets. */
class AccumulationTest {
    private final Value a = Value.of(2.0, "a");
    private final Value b = Value.of(-3.0, "b");
    private final Value product = a.mul(b).label("product");
    private final Value out = product.tanh().label("out");

    @Test
    void leavesAccumulateAcrossBackwardCalls() {
        out.backward();
        double once = a.grad();
        assertEquals(-3 * (1 - Math.pow(Math.tanh(-6), 2)), once, 1e-15);
        out.backward();
        out.backward();
        assertEquals(3 * once, a.grad(), 1e-15);
        assertEquals(3 * (2 * (1 - Math.pow(Math.tanh(-6), 2))), b.grad(), 1e-15);
    }

    @Test
    void interiorNodesShowOnlyTheLatestPass() {
        out.backward();
        double once = product.grad();
        out.backward();
        assertEquals(once, product.grad());
        assertEquals(1.0, out.grad());
    }

    @Test
    void zeroGradResetsTheWholeGraph() {
        out.backward();
        out.zeroGrad();
        for (Value v : out.topologicalOrder()) {
            assertEquals(0.0, v.grad(), v.label());
        }
        out.backward();
        assertEquals(-3 * (1 - Math.pow(Math.tanh(-6), 2)), a.grad(), 1e-15, "a fresh pass after the reset");
    }

    @Test
    void zeroGradFromAnInteriorNodeResetsOnlyWhatItDependsOn() {
        out.backward();
        double outGrad = out.grad();
        product.zeroGrad();
        assertEquals(0.0, a.grad());
        assertEquals(0.0, b.grad());
        assertEquals(0.0, product.grad());
        assertEquals(outGrad, out.grad(), "out lies above product, so it is untouched");
    }

    @Test
    void manualBackwardStepsMatchBackward() {
        Value x = Value.of(0.5, "x");
        Value y = x.mul(x).add(x.exp()).sigmoid();
        y.backward();
        double automatic = x.grad();

        y.zeroGrad();
        y.setGrad(1);
        List<Value> order = y.topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep();
        }
        assertEquals(automatic, x.grad(), 0);
    }

    @Test
    void backwardOfALeafIsOne() {
        Value leaf = Value.of(7.0);
        leaf.backward();
        leaf.backward();
        assertEquals(1.0, leaf.grad(), "the root's own gradient is set, not added");
    }
}
