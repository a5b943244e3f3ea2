///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.DType;
import dev.micrograd.exercise.Ex05Checks;

/**
 * Exercises 5: predict the dtype of mixed arithmetic before you run it, then write the rule.
 * Run it with ./jbang ex05 to check your work.
 */
class Ex05Promotion implements Ex05Checks.Tasks {
    public static void main(String... args) {
        Ex05Checks.main(args, Ex05Promotion::new);
    }

    // tag::predictions[]
    // Task 1: predict each dtype (DType.INT32, INT64, FLOAT32 or FLOAT64) without running the expression.

    /** Value.of(2).add(Value.of(3L)) */
    @Override
    public DType intPlusLong() {
        return null; // TODO(student): your prediction
    }

    /** Value.of(2L).mul(1.5f) */
    @Override
    public DType longTimesFloat() {
        return null; // TODO(student): your prediction
    }

    /** Value.of(2.0f).add(Value.of(2.0)) */
    @Override
    public DType floatPlusDouble() {
        return null; // TODO(student): your prediction
    }

    /** Value.of(3).pow(2) */
    @Override
    public DType intSquared() {
        return null; // TODO(student): your prediction
    }

    /** Value.of(4).div(2) */
    @Override
    public DType intDividedByInt() {
        return null; // TODO(student): your prediction
    }

    /** Value.of(2).exp() */
    @Override
    public DType expOfInt() {
        return null; // TODO(student): your prediction
    }
    // end::predictions[]

    // tag::promote[]
    /** Task 2: the dtype of a result that mixes a and b; do not call DType.promote. */
    @Override
    public DType promote(DType a, DType b) {
        // TODO(student): the wider of the two; the enum lists the dtypes from narrow to wide
        throw new UnsupportedOperationException("TODO: task 2, promote");
    }
    // end::promote[]
}
