package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A result that would be NaN is an error naming the op and operands; infinities follow IEEE. */
class BadInputTest {

    private static void assertFails(Executable op, String... parts) {
        ArithmeticException e = assertThrows(ArithmeticException.class, op);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void logOfANegative() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(-2.0, "x").log());
        assertEquals("log(x=-2) is not a number (NaN)", e.getMessage());
        assertFails(() -> Value.of(-0.5).log(), "log(-0.5)");
    }

    @Test
    void negativeBaseToAFractionalPower() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(-8.0, "base").pow(1.0 / 3));
        assertEquals("base=-8 ^ 0.3333333333333333 is not a number (NaN)", e.getMessage());
        assertFails(() -> Value.of(-4).pow(0.5), "-4 ^ 0.5");
        assertEquals(-8.0, Value.of(-2.0).pow(3).data(), "a whole exponent is fine");
    }

    @Test
    void zeroDividedByZero() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Value.of(0.0, "num").div(Value.of(0.0, "den")));
        assertTrue(e.getMessage().startsWith("num=0 / den=0: "), e.getMessage());
        assertFails(() -> Value.of(0.0, "num").div(Value.of(0.0, "den")), "NaN", "den=0");
        assertFails(() -> Value.of(0).div(0), "0 / 0");
    }

    @Test
    void expOverflowFeedingTanhViaExp() {
        Value n = Value.of(400.0, "n");
        Value e = n.mul(2).exp().label("e");
        assertEquals(Double.POSITIVE_INFINITY, e.data(), "exp itself overflows to infinity, as IEEE says");
        Value top = e.sub(1).label("top");
        Value bottom = e.add(1).label("bottom");
        ArithmeticException error = assertThrows(ArithmeticException.class, () -> top.div(bottom));
        assertTrue(error.getMessage().startsWith("top=Infinity / bottom=Infinity: "), error.getMessage());
        assertTrue(error.getMessage().contains("an operand is infinite"), error.getMessage());
    }

    @Test
    void infinityMinusInfinity() {
        Value inf = Value.of(Double.POSITIVE_INFINITY, "inf");
        assertFails(() -> inf.sub(inf), "inf=Infinity", "NaN");
        assertFails(() -> inf.mul(Value.of(0.0, "zero")), "inf=Infinity * zero=0");
    }

    @Test
    void infinitiesFollowIeee() {
        assertEquals(Double.NEGATIVE_INFINITY, Value.of(0.0).log().data());
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1.0).div(Value.of(0.0)).data());
        assertEquals(Double.NEGATIVE_INFINITY, Value.of(-1.0).div(0.0).data());
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1).div(0).data(), "int / int is float64, so 1/0 is infinite");
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1000.0).exp().data());
        assertEquals(1.0, Value.of(Double.POSITIVE_INFINITY).tanh().data());
        assertEquals(Float.POSITIVE_INFINITY, Value.of(Float.MAX_VALUE).mul(2f).data(), "float32 overflow is infinite");
        assertEquals(Double.POSITIVE_INFINITY, Value.of(0.0).pow(-1).data());
    }

    @Test
    void nanInputsPassThrough() {
        assertTrue(Double.isNaN(Value.of(Double.NaN).add(1.0).data()), "NaN in, NaN out: the error was made elsewhere");
    }

    @Test
    void nullArgumentsAreRejectedWithAMessage() {
        Value a = Value.of(1.0);
        List<Executable> calls = Arrays.asList(
                () -> a.add(null), () -> a.mul(null), () -> a.sub(null), () -> a.div(null),
                () -> Value.of(1.0, null), () -> Value.of(1f, null), () -> Value.of(1L, null), () -> Value.of(1, null),
                () -> a.label(null), () -> Value.sum(Arrays.asList(a, null)));
        for (Executable call : calls) {
            NullPointerException e = assertThrows(NullPointerException.class, call);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an NPE with a message");
        }
        assertEquals("'+' needs another Value, got null", assertThrows(NullPointerException.class, () -> a.add(null)).getMessage());
        assertEquals("'/' needs another Value, got null", assertThrows(NullPointerException.class, () -> a.div(null)).getMessage());
    }
}
