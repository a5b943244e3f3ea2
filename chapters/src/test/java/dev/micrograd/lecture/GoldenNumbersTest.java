package dev.micrograd.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stage of the lecture's Value computes the notebook's numbers. */
class GoldenNumbersTest {
    static final double BIAS = 6.8813735870195432;

    @Test
    void ch01BuildsL() {
        var a = new dev.micrograd.lecture.ch01.Value(2.0, "a");
        var b = new dev.micrograd.lecture.ch01.Value(-3.0, "b");
        var c = new dev.micrograd.lecture.ch01.Value(10.0, "c");
        var f = new dev.micrograd.lecture.ch01.Value(-2.0, "f");
        var d = a.mul(b);
        var e = d.add(c);
        var L = e.mul(f);
        assertEquals(-6.0, d.data);
        assertEquals(4.0, e.data);
        assertEquals(-8.0, L.data);
        assertEquals(List.of(a, b), d.children);
        assertEquals("*", d.op);
        assertEquals("+", e.op);
        assertEquals("", a.op);
        assertEquals("Value(data=-8.0)", L.toString());
        var twice = a.add(a);
        assertEquals(2, twice.children.size());
        assertSame(a, twice.children.get(1));
    }

    @Test
    void ch02DrawsLTheSameWayEveryTime() {
        var a = new dev.micrograd.lecture.ch02.Value(2.0, "a");
        var b = new dev.micrograd.lecture.ch02.Value(-3.0, "b");
        var d = a.mul(b);
        d.label = "d";
        String dot = d.dot();
        assertEquals("digraph G {\n  rankdir=LR;\n  node [fontname=Helvetica, fontsize=10];\n"
                + "  v0 [shape=record, label=\"{ d | data -6.0000 }\"];\n"
                + "  v0op [label=\"*\"];\n"
                + "  v0op -> v0;\n"
                + "  v1 [shape=record, label=\"{ a | data 2.0000 }\"];\n"
                + "  v2 [shape=record, label=\"{ b | data -3.0000 }\"];\n"
                + "  v1 -> v0op;\n"
                + "  v2 -> v0op;\n"
                + "}\n", dot);
        assertTrue(d.dot(a).contains("v1 [shape=record, label=\"{ a | data 2.0000 }\", style=filled"), d.dot(a));
        var twice = a.add(a);
        assertEquals(2, twice.dot().split("v1 -> v0op;", -1).length - 1, "two arrows from a into +");
    }

    @Test
    void ch03HoldsGradientsSetByHand() {
        var x1 = new dev.micrograd.lecture.ch03.Value(2.0, "x1");
        var w1 = new dev.micrograd.lecture.ch03.Value(-3.0, "w1");
        var b = new dev.micrograd.lecture.ch03.Value(BIAS, "b");
        var o = x1.mul(w1).add(b).tanh();
        assertEquals(0.7071, o.data, 5e-5);
        o.grad = 1.0;
        assertTrue(o.dot().contains("| grad 1.0000 }"), o.dot());
        assertTrue(x1.dot().contains("{ x1 | data 2.0000 | grad 0.0000 }"), x1.dot());
    }

    @Test
    void ch04BackpropagatesTheNeuron() {
        var x1 = new dev.micrograd.lecture.ch04.Value(2.0, "x1");
        var x2 = new dev.micrograd.lecture.ch04.Value(0.0, "x2");
        var w1 = new dev.micrograd.lecture.ch04.Value(-3.0, "w1");
        var w2 = new dev.micrograd.lecture.ch04.Value(1.0, "w2");
        var b = new dev.micrograd.lecture.ch04.Value(BIAS, "b");
        var o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
        o.backward();
        assertEquals(0.7071, o.data, 5e-5);
        assertEquals(-1.5, x1.grad, 1e-12);
        assertEquals(1.0, w1.grad, 1e-12);
        assertEquals(0.5, x2.grad, 1e-12);
        assertEquals(0.0, w2.grad, 1e-12);
        assertEquals(0.5, b.grad, 1e-12);
        assertEquals(10, o.topologicalOrder().size());
        assertSame(o, o.topologicalOrder().get(9));

        var a = new dev.micrograd.lecture.ch04.Value(3.0, "a");
        a.add(a).backward();
        assertEquals(2.0, a.grad);
    }

    @Test
    void ch06RebuildsTanhFromExpWithTheSameGradients() {
        var x1 = new dev.micrograd.lecture.ch06.Value(2.0, "x1");
        var x2 = new dev.micrograd.lecture.ch06.Value(0.0, "x2");
        var w1 = new dev.micrograd.lecture.ch06.Value(-3.0, "w1");
        var w2 = new dev.micrograd.lecture.ch06.Value(1.0, "w2");
        var b = new dev.micrograd.lecture.ch06.Value(BIAS, "b");
        var o = x1.mul(w1).add(x2.mul(w2)).add(b).tanhViaExp();
        o.backward();
        assertEquals(Math.sqrt(0.5), o.data, 1e-12);
        assertEquals(-1.5, x1.grad, 1e-12);
        assertEquals(1.0, w1.grad, 1e-12);
        assertEquals(0.5, x2.grad, 1e-12);
        assertEquals(0.0, w2.grad, 1e-12);
        assertEquals(0.5, b.grad, 1e-12);

        var z = new dev.micrograd.lecture.ch06.Value(2.0, "z");
        assertEquals(0.5, z.div(4).data);
        assertEquals(-3.0, z.sub(5).data);
        assertEquals(-2.0, z.neg().data);
        assertEquals(8.0, z.pow(3).data);
        var x = new dev.micrograd.lecture.ch06.Value(2.0, "x");
        x.exp().add(x.pow(3)).backward();
        assertEquals(Math.exp(2) + 12, x.grad, 1e-12);

        var a = new dev.micrograd.lecture.ch06.Value(-2.0, "a");
        a.add(a).backward();
        assertEquals(2.0, a.grad);
    }
}
