///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.js:js:22.3.5
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;
import java.util.List;
import java.util.Locale;

/** Chapter 6: tanh rebuilt from exp, pow, div and sub gives the same gradients, until exp overflows. */
class Ch06TanhViaExp {
    /** The bias of chapter 3's neuron, chosen so that n = 0.8813735870195432 and tanh(n) = 0.7071. */
    static final double BIAS = 6.8813735870195432;

    public static void main(String... args) {
        Lesson.main(args, "ch06", "tanh via exp, more operators", Ch06TanhViaExp::teach);
    }

    static void teach(Lesson lesson) {
        // tag::small-checks[]
        Value z = Value.of(2.0, "z");
        Value quotient = z.div(4);
        Value difference = z.sub(5);
        Value five = Value.of(5.0).sub(2);
        // end::small-checks[]
        lesson.show("small-checks", "z / 4, z - 5 and 5 - 2 with z = 2.0",
                "z / 4 = " + quotient + "\nz - 5 = " + difference + "\n5 - 2 = " + five);
        lesson.check("z / 4", 0.5, quotient.data());
        lesson.check("z - 5", -3.0, difference.data());
        lesson.check("5 - 2", 3.0, five.data());

        // tag::div-is-mul[]
        String made = "(z / 4).op()       = " + quotient.op() + "\n"
                + "(z / 4).children() = " + quotient.children() + "\n"
                + "the second child   = " + quotient.children().get(1).op() + " of "
                + quotient.children().get(1).children();
        // end::div-is-mul[]
        lesson.show("div-is-mul", "Division is a multiplication by a power -1", made);
        lesson.check("(z / 4).op()", "*", quotient.op());
        lesson.check("(z / 4).children()", List.of(z, quotient.children().get(1)), quotient.children());
        lesson.check("4 ^ -1", 0.25, quotient.children().get(1).data());
        lesson.check("the op of 4 ^ -1", "^-1", quotient.children().get(1).op());

        // tag::exp-pow[]
        Value x = Value.of(2.0, "x");
        Value ex = x.exp().label("exp(x)");
        Value cube = x.pow(3).label("x^3");
        Value sum = ex.add(cube);
        sum.backward();
        // end::exp-pow[]
        lesson.show("exp-pow", "exp and pow, and their local derivatives at x = 2",
                String.format(Locale.ROOT, "exp(x) = %s%nx^3    = %s%nd(exp(x) + x^3)/dx = exp(2) + 3 * 2^2 = %.6f",
                        ex.data(), cube.data(), x.grad()));
        lesson.check("exp(2)", Math.exp(2), ex.data());
        lesson.check("2^3", 8.0, cube.data());
        lesson.check("d(exp(x) + x^3)/dx", Math.exp(2) + 12, x.grad(), 1e-12);
        lesson.check("d(exp(x) + x^3)/dx by a finite difference", centralDifference(2.0), x.grad(), 1e-6);

        // tag::neuron[]
        Value n = weightedSum();
        Value e = n.mul(2).exp().label("e");
        Value expOut = e.sub(1).div(e.add(1)).label("o");
        expOut.backward();
        // end::neuron[]
        Value tanhOut = weightedSum().tanh().label("o");
        tanhOut.backward();
        List<Value> viaTanh = leaves(tanhOut);
        List<Value> viaExp = leaves(expOut);
        StringBuilder grads = new StringBuilder(String.format(Locale.ROOT, "o = %.4f%n", expOut.data()));
        for (Value leaf : viaExp) {
            grads.append(String.format(Locale.ROOT, "%-2s grad = %7.4f%n", leaf.label(), leaf.grad()));
        }
        lesson.show("neuron-grads", "The neuron with o = (e - 1) / (e + 1): the gradients of chapter 3", grads);
        lesson.check("o", Math.sqrt(0.5), expOut.data(), 1e-12);
        double[] expected = {-1.5, 1.0, 0.5, 0.0};
        for (int i = 0; i < expected.length; i++) {
            Value leaf = viaExp.get(i);
            lesson.check(leaf.label() + ".grad", expected[i], leaf.grad(), 1e-12);
            lesson.check(leaf.label() + ".grad as with tanh", viaTanh.get(i).grad(), leaf.grad(), 1e-12);
        }
        lesson.graph("neuron-exp", "The neuron with tanh spelled out", expOut);

        int tanhNodes = tanhOut.topologicalOrder().size();
        int expNodes = expOut.topologicalOrder().size();
        lesson.show("node-count", "The price: more nodes for the same function",
                "with tanh():            " + tanhNodes + " nodes\nwith (e - 1) / (e + 1): " + expNodes + " nodes");
        lesson.check("nodes with tanh", 10, tanhNodes);
        lesson.check("nodes with exp", 20, expNodes);

        // tag::overflow[]
        Value big = Value.of(400.0, "n");
        Value huge = big.mul(2).exp().label("e");
        String outcome;
        try {
            Value o = huge.sub(1).div(huge.add(1));
            outcome = "o = " + o;
        } catch (ArithmeticException error) {
            outcome = "ArithmeticException: " + error.getMessage();
        }
        // end::overflow[]
        lesson.show("overflow", "n = 400: exp(800) overflows", "e = " + huge + "\n" + outcome);
        lesson.check("exp(800) is infinite", true, huge.data() == Double.POSITIVE_INFINITY);
        lesson.check("the overflow is reported", true, outcome.startsWith("ArithmeticException: "));
        lesson.check("the message names the infinite operand", true, outcome.contains("an operand is infinite"));

        // tag::primitive-tanh[]
        Value large = Value.of(400.0, "n");
        Value o = large.tanh().label("o");
        o.backward();
        // end::primitive-tanh[]
        lesson.show("primitive-tanh", "The primitive tanh takes n = 400 in its stride",
                "o = " + o + "\nn.grad = " + large.grad());
        lesson.check("tanh(400)", 1.0, o.data());
        lesson.check("d tanh(n)/dn at 400", 0.0, large.grad());

        // tag::limit[]
        double largest = Math.log(Double.MAX_VALUE) / 2;
        // end::limit[]
        lesson.show("limit", "The largest n for which exp(2n) is finite",
                String.format(Locale.ROOT, "log(Double.MAX_VALUE) / 2 = %.4f", largest));
        lesson.check("exp(2 * 354) is finite", true, Double.isFinite(Math.exp(2 * 354.0)));
        lesson.check("exp(2 * 355) overflows", true, Double.isInfinite(Math.exp(2 * 355.0)));
        lesson.check("the limit", 354.8914, largest, 5e-5);
    }

    /** Chapter 3's neuron up to its activation: n = x1*w1 + x2*w2 + b. */
    static Value weightedSum() {
        // tag::weighted-sum[]
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(BIAS, "b");
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value x1w1x2w2 = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        return x1w1x2w2.add(b).label("n");
        // end::weighted-sum[]
    }

    /** x1, w1, x2, w2 of a neuron, in that order. */
    static List<Value> leaves(Value o) {
        List<String> order = List.of("x1", "w1", "x2", "w2");
        return o.topologicalOrder().stream()
                .filter(v -> order.contains(v.label()))
                .sorted((a, b) -> order.indexOf(a.label()) - order.indexOf(b.label()))
                .toList();
    }

    private static double centralDifference(double x) {
        double h = 1e-6;
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    private static double f(double x) {
        return Math.exp(x) + x * x * x;
    }
}
