package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure of a Value: children, op, label, data, printing, and topological order. */
class ValueTest {

    @Test
    void leafHasNoChildrenAndNoOp() {
        Value a = Value.of(2.0, "a");
        assertTrue(a.isLeaf());
        assertEquals("", a.op());
        assertEquals(List.of(), a.children());
        assertEquals("a", a.label());
        assertEquals("", Value.of(2.0).label());
        assertEquals(0.0, a.grad());
    }

    @Test
    void childrenKeepOperandOrderAndDuplicates() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(3.0, "b");
        assertEquals(List.of(b, a), b.mul(a).children());
        List<Value> twice = a.add(a).children();
        assertEquals(2, twice.size());
        assertSame(a, twice.get(0));
        assertSame(a, twice.get(1));
    }

    @Test
    void opNamesEachPrimitive() {
        Value x = Value.of(2.0);
        assertEquals("+", x.add(x).op());
        assertEquals("*", x.mul(x).op());
        assertEquals("^2", x.pow(2).op());
        assertEquals("^-1", x.pow(-1).op());
        assertEquals("^0.5", x.pow(0.5).op());
        assertEquals("exp", x.exp().op());
        assertEquals("log", x.log().op());
        assertEquals("tanh", x.tanh().op());
        assertEquals("sigmoid", x.sigmoid().op());
        assertEquals("relu", x.relu().op());
        assertFalse(x.exp().isLeaf());
    }

    @Test
    void compositesAreBuiltFromPrimitives() {
        Value a = Value.of(6.0, "a");
        Value b = Value.of(3.0, "b");
        Value difference = a.sub(b);
        assertEquals("+", difference.op());
        assertEquals("*", difference.children().get(1).op(), "a - b is a + (b * -1)");
        Value quotient = a.div(b);
        assertEquals("*", quotient.op());
        assertEquals("^-1", quotient.children().get(1).op(), "a / b is a * b^-1");
        assertEquals("*", a.neg().op());
    }

    @Test
    void forwardValues() {
        Value x = Value.of(0.5);
        assertEquals(Math.exp(0.5), x.exp().data());
        assertEquals(Math.log(0.5), x.log().data());
        assertEquals(Math.tanh(0.5), x.tanh().data());
        assertEquals(1 / (1 + Math.exp(-0.5)), x.sigmoid().data());
        assertEquals(0.5, x.relu().data());
        assertEquals(0.0, Value.of(-0.5).relu().data());
        assertEquals(0.125, x.pow(3).data());
        assertEquals(-0.5, x.neg().data());
        assertEquals(4.0, Value.of(6.0).sub(Value.of(2.0)).data());
        assertEquals(2.0, Value.of(6.0).div(Value.of(3.0)).data());
    }

    @Test
    void labelIsAFluentSetter() {
        Value a = Value.of(1.0);
        assertSame(a, a.label("a"));
        assertEquals("a", a.label());
        Value sum = a.add(a).label("twice");
        assertEquals("twice", sum.label());
    }

    @Test
    void setDataChangesTheNode() {
        Value a = Value.of(1.0, "a");
        a.setData(1.5);
        assertEquals(1.5, a.data());
        assertEquals(3.0, a.add(a).data(), "later ops see the new data");
        a.setGrad(-0.25);
        assertEquals(-0.25, a.grad());
    }

    @Test
    void sumAddsLeftToRight() {
        Value a = Value.of(1.0);
        Value b = Value.of(2.0);
        Value c = Value.of(3.5);
        Value total = Value.sum(List.of(a, b, c));
        assertEquals(6.5, total.data());
        assertEquals(List.of(a, b), total.children().get(0).children());
        assertSame(c, total.children().get(1));
        assertSame(a, Value.sum(List.of(a)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.sum(List.of()));
        assertEquals("sum needs at least one value", e.getMessage());
    }

    @Test
    void toStringAndFormatDataFollowTheDtype() {
        assertEquals("Value(data=2.0)", Value.of(2.0).toString());
        assertEquals("Value(data=2)", Value.of(2).toString());
        assertEquals("Value(data=-7)", Value.of(-7L).toString());
        assertEquals("3.1415927", Value.of((float) Math.PI).formatData());
        assertEquals("3.141592653589793", Value.of(Math.PI).formatData());
    }

    @Test
    void topologicalOrderPutsChildrenFirstAndTheRootLast() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value e = a.mul(b).label("e");
        Value d = e.add(c).label("d");
        Value f = Value.of(-2.0, "f");
        Value L = d.mul(f).label("L");
        assertEquals(List.of(a, b, e, c, d, f, L), L.topologicalOrder());
        assertEquals(List.of(a), a.topologicalOrder());
        Value twice = a.add(a);
        assertEquals(List.of(a, twice), twice.topologicalOrder(), "a shared node is listed once");
    }
}
