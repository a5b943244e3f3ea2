///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch06/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import static dev.micrograd.data.LectureNeuron.BIAS;

import dev.micrograd.lecture.ch06.Value;
import dev.micrograd.lesson.Lesson;
import java.util.List;
import java.util.Locale;

/** Chapter 6: exp, pow, neg, sub and div; tanh rebuilt from them gives the same gradients, until exp overflows. */
class Ch06TanhViaExp {
    static final List<String> LEAVES = List.of("x1", "w1", "x2", "w2", "b");

    public static void main(String... args) {
        Lesson.main(args, "ch06", "tanh via exp, more operators", Ch06TanhViaExp::teach);
    }

    static void teach(Lesson lesson) {
        // tag::small-checks[]
        Value z = new Value(2.0, "z");
        Value quotient = z.div(4);
        Value difference = z.sub(5);
        Value negated = z.neg();
        Value five = new Value(5.0, "five").sub(2);
        // end::small-checks[]
        lesson.show("small-checks", "z / 4, z - 5, -z and 5 - 2 with z = 2.0",
                "z / 4 = " + quotient + "\nz - 5 = " + difference + "\n-z    = " + negated + "\n5 - 2 = " + five);
        var engineZ = dev.micrograd.engine.Value.of(2.0);
        lesson.check("z / 4", engineZ.div(4.0).data(), quotient.data);
        lesson.check("z - 5", engineZ.sub(5.0).data(), difference.data);
        lesson.check("-z", engineZ.neg().data(), negated.data);
        lesson.check("5 - 2", dev.micrograd.engine.Value.of(5.0).sub(2.0).data(), five.data);
        lesson.check("z / 4 is 0.5", 0.5, quotient.data);

        // tag::div-is-mul[]
        Value w = new Value(4.0, "w");
        Value q = z.div(w);
        Value power = q.children.get(1);
        String made = "(z / w).op       = \"" + q.op + "\"\n"
                + "(z / w).children = " + q.children + "\n"
                + "the second child = \"" + power.op + "\" of " + power.children;
        // end::div-is-mul[]
        lesson.show("div-is-mul", "Division is a multiplication by a power -1", made);
        lesson.check("(z / w).op", "*", q.op);
        lesson.check("the op of w ^ -1", "^-1.0", power.op);
        lesson.check("w ^ -1", 0.25, power.data);
        lesson.check("w ^ -1 is made from w", List.of(w), power.children);

        // tag::exp-pow[]
        Value x = new Value(2.0, "x");
        Value ex = x.exp();
        Value cube = x.pow(3);
        Value sum = ex.add(cube);
        sum.backward();
        // end::exp-pow[]
        lesson.show("exp-pow", "exp and pow, and their local derivatives at x = 2",
                String.format(Locale.ROOT, "exp(x) = %s%nx^3    = %s%nd(exp(x) + x^3)/dx = exp(2) + 3 * 2^2 = %.6f",
                        ex.data, cube.data, x.grad));
        var engineX = dev.micrograd.engine.Value.of(2.0);
        engineX.exp().add(engineX.pow(3)).backward();
        lesson.check("exp(2)", Math.exp(2), ex.data);
        lesson.check("2^3", 8.0, cube.data);
        lesson.check("d(exp(x) + x^3)/dx", Math.exp(2) + 12, x.grad, 1e-12);
        lesson.check("d(exp(x) + x^3)/dx as in the engine", engineX.grad(), x.grad, 1e-12);
        lesson.check("d(exp(x) + x^3)/dx by a finite difference", centralDifference(2.0), x.grad, 1e-6);

        // tag::neuron[]
        Value n = weightedSum();
        Value o = n.tanhViaExp();
        o.label = "o";
        o.backward();
        // end::neuron[]
        Value tanhOut = weightedSum().tanh();
        tanhOut.backward();
        StringBuilder grads = new StringBuilder(String.format(Locale.ROOT, "o = %.4f%n", o.data));
        for (String name : LEAVES) {
            grads.append(String.format(Locale.ROOT, "%-2s grad = %7.4f%n", name, leaf(o, name).grad));
        }
        lesson.show("neuron-grads", "The neuron with tanh spelled out: the gradients of chapter 3", grads);
        lesson.check("o", Math.sqrt(0.5), o.data, 1e-12);
        var engineO = engineNeuron();
        engineO.backward();
        double[] expected = {-1.5, 1.0, 0.5, 0.0, 0.5};
        for (int i = 0; i < LEAVES.size(); i++) {
            String name = LEAVES.get(i);
            lesson.check(name + ".grad", expected[i], leaf(o, name).grad, 1e-12);
            lesson.check(name + ".grad as with tanh()", leaf(tanhOut, name).grad, leaf(o, name).grad, 1e-12);
            double engineGrad = engineO.topologicalOrder().stream().filter(v -> v.label().equals(name)).findFirst()
                    .orElseThrow().grad();
            lesson.check(name + ".grad as in the engine", engineGrad, leaf(o, name).grad, 1e-12);
        }
        // The page talks about e, used twice: the drawing names it, and names n as before.
        o.topologicalOrder().stream().filter(v -> v.op.equals("exp")).forEach(v -> v.label = "e");
        // Drawn top to bottom: the spelled-out chain is too long to read left to right at the page's width.
        lesson.graph("neuron-exp", "The neuron with tanh spelled out, after backward", Lesson.topToBottom(o.dot()));

        int tanhNodes = tanhOut.topologicalOrder().size();
        int expNodes = o.topologicalOrder().size();
        lesson.show("node-count", "The price: more nodes for the same function",
                "with tanh():     " + tanhNodes + " nodes\nwith tanhViaExp: " + expNodes + " nodes");
        lesson.check("nodes with tanh", 10, tanhNodes);
        lesson.check("nodes with exp", 18, expNodes);

        // tag::side-by-side[]
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(BIAS, "b");
        Value neuron = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
        neuron.backward();
        String printed = neuron.data + "\n"
                + "x2 " + x2.grad + "\n" + "w2 " + w2.grad + "\n"
                + "x1 " + x1.grad + "\n" + "w1 " + w1.grad;
        // end::side-by-side[]
        lesson.show("side-by-side", "The neuron in Java, as in the PyTorch and micrograd listings", printed);
        lesson.check("the neuron's output", Math.sqrt(0.5), neuron.data, 1e-15);
        lesson.check("x1.grad", -1.5, x1.grad, 1e-12);
        lesson.check("w2.grad", 0.0, w2.grad);

        // tag::float32-bias[]
        double typed = BIAS;
        double stored = (float) BIAS;
        Value b32 = new Value(stored, "b");
        Value x1b = new Value(2.0, "x1");
        Value x2b = new Value(0.0, "x2");
        Value w1b = new Value(-3.0, "w1");
        Value w2b = new Value(1.0, "w2");
        Value rounded = x1b.mul(w1b).add(x2b.mul(w2b)).add(b32).tanh();
        rounded.backward();
        // end::float32-bias[]
        lesson.show("float32-bias", "The lecture's PyTorch numbers: the bias rounded to float32 first",
                "the bias as typed:        " + typed + "\n"
                        + "the bias as a float32:    " + stored + "\n"
                        + rounded.data + "\n" + "x2 " + x2b.grad + "\n" + "w2 " + w2b.grad + "\n"
                        + "x1 " + x1b.grad + "\n" + "w1 " + w1b.grad);
        // The numbers the lecture's PyTorch cell printed, digit for digit.
        lesson.check("o, as the lecture printed it", 0.7071066904050358, rounded.data);
        lesson.check("x2.grad, as the lecture printed it", 0.5000001283844369, x2b.grad);
        lesson.check("x1.grad, as the lecture printed it", -1.5000003851533106, x1b.grad);
        lesson.check("w1.grad, as the lecture printed it", 1.0000002567688737, w1b.grad);

        // tag::overflow[]
        Value big = new Value(400.0, "n");
        Value spelled = big.tanhViaExp();
        // end::overflow[]
        String engineOutcome;
        try {
            var e = dev.micrograd.engine.Value.of(400.0).mul(2).exp();
            engineOutcome = "o = " + e.sub(1).div(e.add(1));
        } catch (ArithmeticException error) {
            engineOutcome = "ArithmeticException: " + error.getMessage();
        }
        lesson.show("overflow", "n = 400: exp(800) overflows",
                "ours:   o = " + spelled + "\nengine: " + engineOutcome);
        lesson.check("ours gives NaN", true, Double.isNaN(spelled.data));
        lesson.check("the engine reports the overflow", true, engineOutcome.startsWith("ArithmeticException: "));
        lesson.check("the message names the infinite operand", true, engineOutcome.contains("an operand is infinite"));

        // tag::primitive-tanh[]
        Value large = new Value(400.0, "n");
        Value squashed = large.tanh();
        squashed.backward();
        // end::primitive-tanh[]
        lesson.show("primitive-tanh", "The primitive tanh takes n = 400 in its stride",
                "o = " + squashed + "\nn.grad = " + large.grad);
        lesson.check("tanh(400)", 1.0, squashed.data);
        lesson.check("d tanh(n)/dn at 400", 0.0, large.grad);

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
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(BIAS, "b");
        Value x1w1 = x1.mul(w1);
        x1w1.label = "x1*w1";
        Value x2w2 = x2.mul(w2);
        x2w2.label = "x2*w2";
        Value x1w1x2w2 = x1w1.add(x2w2);
        x1w1x2w2.label = "x1*w1 + x2*w2";
        Value n = x1w1x2w2.add(b);
        n.label = "n";
        return n;
        // end::weighted-sum[]
    }

    /** The same neuron in the shared engine, with tanh spelled out the same way. */
    static dev.micrograd.engine.Value engineNeuron() {
        var x1 = dev.micrograd.engine.Value.of(2.0, "x1");
        var x2 = dev.micrograd.engine.Value.of(0.0, "x2");
        var w1 = dev.micrograd.engine.Value.of(-3.0, "w1");
        var w2 = dev.micrograd.engine.Value.of(1.0, "w2");
        var b = dev.micrograd.engine.Value.of(BIAS, "b");
        var e = x1.mul(w1).add(x2.mul(w2)).add(b).mul(2).exp();
        return e.sub(1).div(e.add(1));
    }

    /** The leaf labelled {@code name} behind {@code root}. */
    static Value leaf(Value root, String name) {
        return root.topologicalOrder().stream().filter(v -> v.children.isEmpty() && v.label.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no leaf " + name));
    }

    private static double centralDifference(double x) {
        double h = 1e-6;
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    private static double f(double x) {
        return Math.exp(x) + x * x * x;
    }
}
