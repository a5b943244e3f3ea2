///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.DType;
import dev.micrograd.exercise.Ex05Checks;

/** Reference solution of exercises 5. */
class Ex05PromotionSolution implements Ex05Checks.Tasks {
    public static void main(String... args) {
        Ex05Checks.main(args, Ex05PromotionSolution::new);
    }

    @Override
    public DType intPlusLong() {
        return DType.INT64;
    }

    @Override
    public DType longTimesFloat() {
        return DType.FLOAT32;
    }

    @Override
    public DType floatPlusDouble() {
        return DType.FLOAT64;
    }

    @Override
    public DType intSquared() {
        return DType.INT32;
    }

    @Override
    public DType intDividedByInt() {
        return DType.FLOAT64;
    }

    @Override
    public DType expOfInt() {
        return DType.FLOAT64;
    }

    @Override
    public DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
