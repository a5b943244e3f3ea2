package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.function.Supplier;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Integer results are exact or an ArithmeticException; float32 results match Java's float arithmetic. */
class ExactArithmeticPropertiesTest {
    private static final BigInteger INT64_LIMIT = BigInteger.valueOf(DType.MAX_EXACT_INTEGER);

    @Property
    void int32AddAndMulAreExactOrThrow(@ForAll int a, @ForAll int b) {
        assertInt32((long) a + b, () -> Value.of(a).add(Value.of(b)));
        assertInt32((long) a * b, () -> Value.of(a).mul(Value.of(b)));
        assertInt32((long) a + b, () -> Value.of(a).add(b));
    }

    @Property
    void int32SubIsExactOrThrows(@ForAll int a, @ForAll int b) {
        // a - b is a + (-b), and -b of the smallest int32 overflows: see the next test.
        Assume.that(b != Integer.MIN_VALUE);
        assertInt32((long) a - b, () -> Value.of(a).sub(Value.of(b)));
        assertInt32((long) a - b, () -> Value.of(a).sub(b));
    }

    @Example
    void subtractingTheSmallestInt32FailsOnlyBetweenInt32s() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(-1).sub(Integer.MIN_VALUE));
        assertEquals("-2147483648 * -1 = 2147483648 overflows int32 (range -2147483648 to 2147483647)", e.getMessage());
        assertEquals((double) Integer.MAX_VALUE, Value.of(-1L).sub(Integer.MIN_VALUE).data(), "int64 has room for -b");
        assertEquals(2147483649.0, Value.of(1.0).sub(Integer.MIN_VALUE).data(), "so does float64");
    }

    private static void assertInt32(long exact, Supplier<Value> op) {
        if (exact >= Integer.MIN_VALUE && exact <= Integer.MAX_VALUE) {
            Value v = op.get();
            assertEquals(DType.INT32, v.dtype());
            assertEquals((double) exact, v.data());
        } else {
            ArithmeticException e = assertThrows(ArithmeticException.class, op::get);
            assertTrue(e.getMessage().contains("overflows int32"), e.getMessage());
        }
    }

    @Property
    void int64ArithmeticIsExactOrThrows(@ForAll @LongRange(min = -DType.MAX_EXACT_INTEGER, max = DType.MAX_EXACT_INTEGER) long a,
            @ForAll @LongRange(min = -DType.MAX_EXACT_INTEGER, max = DType.MAX_EXACT_INTEGER) long b) {
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        assertInt64(x.add(y), () -> Value.of(a).add(Value.of(b)));
        assertInt64(x.subtract(y), () -> Value.of(a).sub(Value.of(b)));
        assertInt64(x.multiply(y), () -> Value.of(a).mul(Value.of(b)));
        assertInt64(x.multiply(y), () -> Value.of(a).mul(b));
    }

    @Property
    void int64ProductsNearTheLimit(@ForAll @LongRange(min = -200_000_000L, max = 200_000_000L) long a,
            @ForAll @LongRange(min = -200_000_000L, max = 200_000_000L) long b) {
        assertInt64(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), () -> Value.of(a).mul(Value.of(b)));
    }

    private static void assertInt64(BigInteger exact, Supplier<Value> op) {
        if (exact.abs().compareTo(INT64_LIMIT) <= 0) {
            Value v = op.get();
            assertEquals(DType.INT64, v.dtype());
            assertEquals(exact.longValueExact(), (long) v.data());
            assertEquals(exact.doubleValue(), v.data());
        } else {
            ArithmeticException e = assertThrows(ArithmeticException.class, op::get);
            assertTrue(e.getMessage().contains("overflows int64"), e.getMessage());
        }
    }

    @Property
    void integerPowIsExactOrThrows(@ForAll @IntRange(min = -60, max = 60) int base, @ForAll @IntRange(min = 0, max = 12) int p) {
        BigInteger exact = BigInteger.valueOf(base).pow(p);
        long clamped = exact.bitLength() < Long.SIZE ? exact.longValue() : Long.MAX_VALUE;
        assertInt32(clamped, () -> Value.of(base).pow(p));
        assertInt64(exact, () -> Value.of((long) base).pow(p));
    }

    @Property
    void float32MatchesJavaFloatArithmetic(@ForAll float a, @ForAll float b) {
        assertFloat(a + b, Value.of(a).add(Value.of(b)));
        assertFloat(a - b, Value.of(a).sub(Value.of(b)));
        assertFloat(a * b, Value.of(a).mul(Value.of(b)));
        assertFloat(a + b, Value.of(a).add(b));
    }

    @Property
    void float32WithIntMatchesJava(@ForAll float a, @ForAll int i, @ForAll @IntRange(min = -(1 << 24), max = 1 << 24) int small) {
        assertFloat(a + i, Value.of(a).add(i));
        assertFloat(a * i, Value.of(a).mul(Value.of(i)));
        assertFloat(i + a, Value.of(i).add(a));
        assertFloat(small - a, Value.of(small).sub(Value.of(a)));
    }

    @Property
    void float32DivisionIsAFloatCloseToJavas(@ForAll @IntRange(min = -1000, max = 1000) int a,
            @ForAll @IntRange(min = 1, max = 1000) int b) {
        Value q = Value.of((float) a).div(Value.of((float) b));
        assertEquals(DType.FLOAT32, q.dtype());
        assertEquals((double) (float) q.data(), q.data(), "a float32 result holds a float");
        float java = (float) a / b;
        assertEquals(java, q.data(), Math.ulp(java), "a * b^-1 is within one float step of a / b");
    }

    private static void assertFloat(float expected, Value v) {
        assertEquals(DType.FLOAT32, v.dtype());
        assertEquals((double) expected, v.data());
    }
}
