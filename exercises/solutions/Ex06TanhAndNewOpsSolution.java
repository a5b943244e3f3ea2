///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex06Checks;
import dev.micrograd.exercise.Scalar;

/** Reference solution of exercises 6. */
class Ex06TanhAndNewOpsSolution implements Ex06Checks.Tasks {
    public static void main(String... args) {
        Ex06Checks.main(args, Ex06TanhAndNewOpsSolution::new);
    }

    @Override
    public Value tanhFromExp(Value n) {
        Value e = n.mul(2).exp();
        return e.sub(1).div(e.add(1));
    }

    @Override
    public Scalar log(Scalar x) {
        Scalar out = new Scalar(Math.log(x.data), "log", x);
        out.onBackward(() -> x.grad += out.grad / x.data);
        return out;
    }

    @Override
    public Scalar sigmoid(Scalar x) {
        Scalar out = new Scalar(1 / (1 + Math.exp(-x.data)), "sigmoid", x);
        out.onBackward(() -> x.grad += out.data * (1 - out.data) * out.grad);
        return out;
    }

    @Override
    public Scalar pow(Scalar x, Scalar y) {
        Scalar out = new Scalar(Math.pow(x.data, y.data), "^", x, y);
        out.onBackward(() -> {
            x.grad += y.data * Math.pow(x.data, y.data - 1) * out.grad;
            y.grad += out.data * Math.log(x.data) * out.grad;
        });
        return out;
    }
}
