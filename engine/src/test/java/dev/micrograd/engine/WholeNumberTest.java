package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whole-number test that replaced {@code x == Math.rint(x)} answers as it did on the JVM, ties included. */
class WholeNumberTest {

    @Test
    void agreesWithRintOnTiesEdgesAndRandomNumbers() {
        double[] special = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -3.0, 1e-300, 4503599627370495.5,
            4503599627370496.0, 9007199254740993.0, 1e300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : special) {
            assertEquals(x == Math.rint(x), Value.isWhole(x), "x = " + x);
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double x = i % 2 == 0 ? random.nextGaussian() * 1e6 : Math.round(random.nextGaussian() * 1e6) / 2.0;
            assertEquals(x == Math.rint(x), Value.isWhole(x), "x = " + x);
        }
    }

    @Test
    void powKeepsIntegersForWholeExponentsOnly() {
        assertEquals(DType.INT32, Value.of(3).pow(2).dtype());
        assertEquals(DType.FLOAT64, Value.of(4).pow(2.5).dtype());
        assertEquals(DType.FLOAT64, Value.of(4).pow(0.5).dtype());
        assertEquals(DType.FLOAT64, Value.of(4).pow(-1).dtype());
    }

    @Test
    void messagesPrintWholeNumbersWithoutAFractionAndTheRestAsJavaDoes() {
        ArithmeticException e = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> Value.of(-1.0, "x").log());
        assertEquals("log(x=-1) is not a number (NaN)", e.getMessage());
        Value big = Value.of(2.5, "y");
        assertTrue(big.toString().contains("2.5"));
        assertFalse(Value.isWhole(2.5));
        ArithmeticException inf = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> Value.of(Double.POSITIVE_INFINITY, "z").mul(0.0));
        assertEquals("z=Infinity * 0 is not a number (NaN); an operand is infinite (an exp that overflowed, or a division by zero)",
                inf.getMessage());
    }
}
