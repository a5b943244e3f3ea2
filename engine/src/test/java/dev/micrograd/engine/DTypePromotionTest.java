package dev.micrograd.engine;

import static dev.micrograd.engine.DType.FLOAT32;
import static dev.micrograd.engine.DType.FLOAT64;
import static dev.micrograd.engine.DType.INT32;
import static dev.micrograd.engine.DType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dtype of every result, and its data rounded to that dtype. */
class DTypePromotionTest {

    /** A Value of the given dtype holding the whole number {@code x}. */
    static Value of(DType type, int x) {
        switch (type) {
            case INT32: return Value.of(x);
            case INT64: return Value.of((long) x);
            case FLOAT32: return Value.of((float) x);
            default: return Value.of((double) x);
        }
    }

    /** Every ordered pair of dtypes with the dtype of a + b and of a / b. */
    static Stream<Arguments> pairs() {
        DType[][] table = {
            // a, b, a + b (also - and *), a / b
            {INT32, INT32, INT32, FLOAT64},
            {INT32, INT64, INT64, FLOAT64},
            {INT32, FLOAT32, FLOAT32, FLOAT32},
            {INT32, FLOAT64, FLOAT64, FLOAT64},
            {INT64, INT32, INT64, FLOAT64},
            {INT64, INT64, INT64, FLOAT64},
            {INT64, FLOAT32, FLOAT32, FLOAT32},
            {INT64, FLOAT64, FLOAT64, FLOAT64},
            {FLOAT32, INT32, FLOAT32, FLOAT32},
            {FLOAT32, INT64, FLOAT32, FLOAT32},
            {FLOAT32, FLOAT32, FLOAT32, FLOAT32},
            {FLOAT32, FLOAT64, FLOAT64, FLOAT64},
            {FLOAT64, INT32, FLOAT64, FLOAT64},
            {FLOAT64, INT64, FLOAT64, FLOAT64},
            {FLOAT64, FLOAT32, FLOAT64, FLOAT64},
            {FLOAT64, FLOAT64, FLOAT64, FLOAT64},
        };
        List<Arguments> rows = new ArrayList<>();
        for (DType[] row : table) {
            rows.add(Arguments.of(row[0], row[1], row[2], row[3]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} op {1}: {2}, division {3}")
    @MethodSource("pairs")
    void valueWithValue(DType a, DType b, DType arithmetic, DType division) {
        assertEquals(arithmetic, DType.promote(a, b));
        assertResult(arithmetic, 9, of(a, 7).add(of(b, 2)));
        assertResult(arithmetic, 5, of(a, 7).sub(of(b, 2)));
        assertResult(arithmetic, 14, of(a, 7).mul(of(b, 2)));
        assertResult(division, 3.5, of(a, 7).div(of(b, 2)));
    }

    @ParameterizedTest(name = "{0} op Java {1}: {2}, division {3}")
    @MethodSource("pairs")
    void valueWithJavaNumber(DType a, DType b, DType arithmetic, DType division) {
        assertResult(arithmetic, 9, withNumber(b, of(a, 7)::add, of(a, 7)::add, of(a, 7)::add, of(a, 7)::add));
        assertResult(arithmetic, 5, withNumber(b, of(a, 7)::sub, of(a, 7)::sub, of(a, 7)::sub, of(a, 7)::sub));
        assertResult(arithmetic, 14, withNumber(b, of(a, 7)::mul, of(a, 7)::mul, of(a, 7)::mul, of(a, 7)::mul));
        assertResult(division, 3.5, withNumber(b, of(a, 7)::div, of(a, 7)::div, of(a, 7)::div, of(a, 7)::div));
    }

    /** Calls the overload that takes the Java type matching {@code type}, with the number 2. */
    private static Value withNumber(DType type, IntOp ints, LongOp longs, FloatOp floats, DoubleOp doubles) {
        switch (type) {
            case INT32: return ints.apply(2);
            case INT64: return longs.apply(2L);
            case FLOAT32: return floats.apply(2f);
            default: return doubles.apply(2.0);
        }
    }

    interface IntOp { Value apply(int x); }
    interface LongOp { Value apply(long x); }
    interface FloatOp { Value apply(float x); }
    interface DoubleOp { Value apply(double x); }

    private static void assertResult(DType type, double data, Value v) {
        assertEquals(type, v.dtype());
        assertEquals(data, v.data());
    }

    // ---- float32 results are rounded to float, as Java computes them ---------------------------

    @Test
    void float32ResultsAreRoundedToFloat() {
        Value sum = Value.of(0.1f).add(Value.of(0.2f));
        assertEquals((double) (0.1f + 0.2f), sum.data());
        assertEquals("0.3", sum.formatData());
        assertEquals((double) (0.1f * 3), Value.of(0.1f).mul(3).data());
        assertEquals((double) (float) Math.exp(1), Value.of(1f).exp().data());
        assertEquals(FLOAT32, Value.of(1f).exp().dtype());
        assertEquals((double) (float) Math.sqrt(2), Value.of(2f).pow(0.5).data());
        assertEquals(FLOAT32, Value.of(2f).pow(0.5).dtype());
    }

    @Test
    void anIntOperandIsConvertedToFloatFirstAsJavaDoes() {
        // JLS 5.6.2 widens 16777217 to the float 16777216 before adding.
        int big = 16_777_217;
        assertEquals((double) (big + 0.5f), Value.of(big).add(Value.of(0.5f)).data());
        assertEquals((double) (big + 0.5f), Value.of(big).add(0.5f).data());
        assertEquals((double) (0.5f + big), Value.of(0.5f).add(big).data());
    }

    @Test
    void integerZeroHasNoSign() {
        Value zero = Value.of(0).mul(Value.of(-5));
        assertEquals(0.0, zero.data());
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1).div(zero).data(), "as Julia's 1 / (0 * -5)");
        assertEquals(Double.NEGATIVE_INFINITY, Value.of(1.0).div(Value.of(0.0).mul(-5.0)).data(), "float64 keeps IEEE's -0.0");
    }

    @Test
    void float32PlusDoubleIsDouble() {
        Value v = Value.of(0.1f).add(0.2);
        assertEquals(FLOAT64, v.dtype());
        assertEquals((double) 0.1f + 0.2, v.data());
    }

    @Test
    void divisionLeavesTheIntegers() {
        assertEquals(FLOAT64, Value.of(1).div(Value.of(3)).dtype());
        assertEquals(1.0 / 3, Value.of(1).div(Value.of(3)).data(), 1e-16);
        Value third = Value.of(1f).div(3);
        assertEquals(FLOAT32, third.dtype());
        assertEquals((double) (1f / 3), third.data());
    }

    // ---- integers stay integers for whole non-negative exponents --------------------------------

    @Test
    void powWithAWholeExponentStaysInteger() {
        Value cube = Value.of(3).pow(3);
        assertEquals(INT32, cube.dtype());
        assertEquals(27.0, cube.data());
        assertEquals("Value(data=27)", cube.toString());
        assertEquals(INT64, Value.of(3L).pow(2).dtype());
        assertEquals(INT32, Value.of(5).pow(0).dtype());
        assertEquals(1.0, Value.of(5).pow(0).data());
    }

    @Test
    void powWithAFractionalOrNegativeExponentGivesFloat64() {
        assertEquals(FLOAT64, Value.of(4).pow(0.5).dtype());
        assertEquals(2.0, Value.of(4).pow(0.5).data());
        assertEquals(FLOAT64, Value.of(4L).pow(-1).dtype());
        assertEquals(0.25, Value.of(4L).pow(-1).data());
        assertEquals(FLOAT64, Value.of(4).pow(-2).dtype());
        assertEquals(0.0625, Value.of(4).pow(-2).data());
    }

    @Test
    void unaryOpsThatLeaveTheIntegersGiveFloat64() {
        Value two = Value.of(2);
        assertResult(FLOAT64, Math.exp(2), two.exp());
        assertResult(FLOAT64, Math.log(2), two.log());
        assertResult(FLOAT64, Math.tanh(2), two.tanh());
        assertResult(FLOAT64, 1 / (1 + Math.exp(-2)), two.sigmoid());
        assertResult(FLOAT64, Math.exp(2), Value.of(2L).exp());
    }

    @Test
    void reluAndNegKeepTheDtype() {
        assertResult(INT32, 2, Value.of(2).relu());
        assertResult(INT64, 0, Value.of(-2L).relu());
        assertResult(INT32, -2, Value.of(2).neg());
        assertResult(FLOAT32, -2, Value.of(2f).neg());
    }

    // ---- integer range and setData -------------------------------------------------------------

    @Test
    void int32OverflowThrows() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Value.of(Integer.MAX_VALUE, "big").add(Value.of(1)));
        assertEquals("big=2147483647 + 1 = 2147483648 overflows int32 (range -2147483648 to 2147483647)", e.getMessage());
        assertThrows(ArithmeticException.class, () -> Value.of(65536).mul(65536));
        assertThrows(ArithmeticException.class, () -> Value.of(2).pow(31));
        assertThrows(ArithmeticException.class, () -> Value.of(Integer.MIN_VALUE).sub(1));
        assertResult(INT64, 4294967296.0, Value.of(65536).mul(65536L));
    }

    @Test
    void int64OverflowThrowsBeyondTheExactDoubleRange() {
        long max = DType.MAX_EXACT_INTEGER;
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(max).add(1));
        assertEquals("9007199254740991 + 1 = 9007199254740992 overflows int64 (range -9007199254740991 to 9007199254740991)",
                e.getMessage());
        assertThrows(ArithmeticException.class, () -> Value.of(-max).sub(1L));
        assertThrows(ArithmeticException.class, () -> Value.of(1L << 27).mul(Value.of(1L << 27)));
        assertResult(INT64, max, Value.of(max - 1).add(1));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> Value.of(Long.MAX_VALUE));
        assertTrue(tooBig.getMessage().contains("9007199254740991"), tooBig.getMessage());
    }

    @Test
    void setDataKeepsTheDtype() {
        Value i = Value.of(3, "i");
        i.setData(4);
        assertEquals(4.0, i.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> i.setData(4.5));
        assertEquals("cannot set int32 value i=4 to 4.5: not an integer", e.getMessage());
        ArithmeticException overflow = assertThrows(ArithmeticException.class, () -> i.setData(3e9));
        assertEquals("cannot set int32 value i=4 to 3000000000: out of range -2147483648 to 2147483647",
                overflow.getMessage());
        assertEquals(4.0, i.data(), "a rejected value leaves the data unchanged");

        Value f = Value.of(1f);
        f.setData(0.1);
        assertEquals((double) 0.1f, f.data());
    }

    // ---- gradients are always float64 ----------------------------------------------------------

    @Test
    void gradientsAreFloat64WhateverTheDtype() {
        Value a = Value.of(1);
        Value b = Value.of(3);
        a.div(b).backward();
        assertEquals(1.0 / 3, a.grad(), 1e-16);
        assertEquals(-1.0 / 9, b.grad(), 1e-16);

        Value x = Value.of(0.1f);
        Value y = Value.of(3f);
        x.mul(y).backward();
        assertEquals(3.0, x.grad());
        assertEquals((double) 0.1f, y.grad(), "the float data, not rounded again");

        Value s = Value.of(2);
        s.pow(3).backward();
        assertEquals(12.0, s.grad());
    }

    @Test
    void promoteIsTheLaterType() {
        for (DType a : DType.values()) {
            for (DType b : DType.values()) {
                DType expected = a.ordinal() >= b.ordinal() ? a : b;
                assertEquals(expected, DType.promote(a, b));
            }
        }
        assertEquals("float32", FLOAT32.toString());
        assertTrue(INT64.isInteger());
        assertEquals(false, FLOAT64.isInteger());
    }
}
