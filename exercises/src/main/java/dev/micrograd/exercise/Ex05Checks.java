package dev.micrograd.exercise;

import dev.micrograd.engine.DType;
import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The checks of exercises 5: predicting the dtype of mixed arithmetic, and writing the promotion rule. */
public final class Ex05Checks {
    /** What the student writes in {@code Ex05Promotion.java}: six predictions made before running anything. */
    public interface Tasks {
        /** Task 1: the dtype of {@code Value.of(2).add(Value.of(3L))}. */
        DType intPlusLong();

        /** Task 1: the dtype of {@code Value.of(2L).mul(1.5f)}. */
        DType longTimesFloat();

        /** Task 1: the dtype of {@code Value.of(2.0f).add(Value.of(2.0))}. */
        DType floatPlusDouble();

        /** Task 1: the dtype of {@code Value.of(3).pow(2)}. */
        DType intSquared();

        /** Task 1: the dtype of {@code Value.of(4).div(2)}. */
        DType intDividedByInt();

        /** Task 1: the dtype of {@code Value.of(2).exp()}. */
        DType expOfInt();

        /** Task 2: the dtype of a result that mixes {@code a} and {@code b}, written without DType.promote. */
        DType promote(DType a, DType b);
    }

    private Ex05Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex05", "Promotion rules");
        String mixed = "Mixing two dtypes gives the wider one: int32 < int64 < float32 < float64.";
        c.check("task 1: Value.of(2).add(Value.of(3L))", mixed,
                () -> Expect.equal(Value.of(2).add(Value.of(3L)).dtype(), student.get().intPlusLong()));
        c.check("task 1: Value.of(2L).mul(1.5f)", "As in Java, long * float is a float: a float32 even holds a long's range.",
                () -> Expect.equal(Value.of(2L).mul(1.5f).dtype(), student.get().longTimesFloat()));
        c.check("task 1: Value.of(2.0f).add(Value.of(2.0))", mixed,
                () -> Expect.equal(Value.of(2.0f).add(Value.of(2.0)).dtype(), student.get().floatPlusDouble()));
        c.check("task 1: Value.of(3).pow(2)", "A whole, non-negative power of an integer is still an integer.",
                () -> Expect.equal(Value.of(3).pow(2).dtype(), student.get().intSquared()));
        c.check("task 1: Value.of(4).div(2)", "a / b is a * b^-1, and b^-1 of an integer is a fraction.",
                () -> Expect.equal(Value.of(4).div(2).dtype(), student.get().intDividedByInt()));
        c.check("task 1: Value.of(2).exp()", "exp, log and tanh of an integer leave the integers, for float64.",
                () -> Expect.equal(Value.of(2).exp().dtype(), student.get().expOfInt()));
        c.check("task 2: a dtype mixed with itself stays", "promote(t, t) is t.",
                () -> promotions(student, DType.INT32, DType.INT32, DType.INT64, DType.INT64,
                        DType.FLOAT32, DType.FLOAT32, DType.FLOAT64, DType.FLOAT64));
        c.check("task 2: int32 with int64, both ways round", "The order of the operands does not matter.",
                () -> promotions(student, DType.INT32, DType.INT64, DType.INT64, DType.INT32));
        c.check("task 2: an integer with a float", "Any float beats any integer: int64 with float32 is float32.",
                () -> promotions(student, DType.INT64, DType.FLOAT32, DType.FLOAT32, DType.INT32,
                        DType.INT32, DType.FLOAT64));
        c.check("task 2: float32 with float64, both ways round", "The enum's order is the promotion order: compare ordinal().",
                () -> promotions(student, DType.FLOAT32, DType.FLOAT64, DType.FLOAT64, DType.FLOAT32));
        return c;
    }

    /** Compares the student's rule with the engine's on pairs given as a, b, a, b, ... */
    private static void promotions(Supplier<? extends Tasks> student, DType... pairs) {
        Tasks t = student.get();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String pair = pairs[i] + " with " + pairs[i + 1] + " -> ";
            expected.add(pair + DType.promote(pairs[i], pairs[i + 1]));
            actual.add(pair + t.promote(pairs[i], pairs[i + 1]));
        }
        Expect.equal(expected, actual);
    }
}
