package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lecture's own examples and numbers, as golden values. */
class SeedExamplesTest {

    @Test
    void expressionL() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        Value L = e.mul(f).label("L");

        assertEquals(-6.0, d.data());
        assertEquals(4.0, e.data());
        assertEquals(-8.0, L.data());

        L.backward();
        assertEquals(1.0, L.grad());
        assertEquals(-2.0, e.grad());
        assertEquals(-2.0, d.grad());
        assertEquals(4.0, f.grad());
        assertEquals(-2.0, c.grad());
        assertEquals(6.0, a.grad());
        assertEquals(-4.0, b.grad());
    }

    @Test
    void numericalDerivativeOfLWithRespectToD() {
        double h = 0.001;
        Value L = Value.of(2.0).mul(Value.of(-3.0)).add(Value.of(10.0)).mul(Value.of(-2.0));

        Value d1 = Value.of(2.0).mul(Value.of(-3.0));
        d1.setData(d1.data() + h);
        Value L1 = d1.add(Value.of(10.0)).mul(Value.of(-2.0));

        double slope = (L1.data() - L.data()) / h;
        assertEquals(-2.000000000000668, slope, 0, "the seed prints this exact number");
        assertEquals(-2.0, slope, 1e-9);
    }

    /** The seed's one neuron, its values in the order (o, n, x1, x2, w1, w2, b). */
    private static List<Value> neuron(boolean tanhViaExp) {
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x1.mul(w1).add(x2.mul(w2)).add(b).label("n");
        Value o;
        if (tanhViaExp) {
            Value e = n.mul(2).exp();
            o = e.sub(1).div(e.add(1));
        } else {
            o = n.tanh();
        }
        return List.of(o.label("o"), n, x1, x2, w1, w2, b);
    }

    @Test
    void oneNeuron() {
        List<Value> v = neuron(false);
        Value o = v.get(0);
        o.backward();

        assertEquals(0.8813735870195432, v.get(1).data(), 1e-15);
        assertEquals(0.7071067811865476, o.data(), 1e-12);
        assertEquals(1.0, o.grad());
        assertEquals(0.5, v.get(1).grad(), 1e-12);
        assertEquals(-1.5, v.get(2).grad(), 1e-12);
        assertEquals(0.5, v.get(3).grad(), 1e-12);
        assertEquals(1.0, v.get(4).grad(), 1e-12);
        assertEquals(0.0, v.get(5).grad(), 1e-12);
        assertEquals(0.5, v.get(6).grad(), 1e-12);
    }

    @Test
    void tanhAndTanhViaExpGiveTheSameNumbers() {
        List<Value> direct = neuron(false);
        List<Value> viaExp = neuron(true);
        direct.get(0).backward();
        viaExp.get(0).backward();

        assertEquals(direct.get(0).data(), viaExp.get(0).data(), 1e-12);
        for (int i = 1; i < direct.size(); i++) {
            assertEquals(direct.get(i).grad(), viaExp.get(i).grad(), 1e-12, direct.get(i).label());
        }
        assertEquals(-1.5, viaExp.get(2).grad(), 1e-12);
    }

    @Test
    void aValueUsedTwiceCollectsBothGradients() {
        Value a = Value.of(3.0, "a");
        Value b = a.add(a);
        b.backward();
        assertEquals(6.0, b.data());
        assertEquals(2.0, a.grad());
    }

    @Test
    void sharedSubExpressionsMultiplyUp() {
        Value a = Value.of(3.0, "a");
        Value b = a.add(a);
        Value c = b.add(b);
        c.backward();
        assertEquals(12.0, c.data());
        assertEquals(2.0, b.grad());
        assertEquals(4.0, a.grad());
    }

    @Test
    void aLeafFeedingTwoBranchesCollectsFromBoth() {
        // df/da = e * b + d and df/db = e * a + d: each leaf gets one term per branch.
        Value a = Value.of(-2.0, "a");
        Value b = Value.of(3.0, "b");
        Value d = a.mul(b);
        Value e = a.add(b);
        Value f = d.mul(e);
        f.backward();
        assertEquals(-6.0, f.data());
        assertEquals(-3.0, a.grad());
        assertEquals(-8.0, b.grad());
    }
}
