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

/** Chapter 3: gradients by hand, checked against the numerical derivative. */
class Ch03ManualBackprop {
    static final List<String> L_NODES = List.of("a", "b", "c", "d", "e", "f", "L");
    static final List<String> NEURON_LEAVES = List.of("x1", "x2", "w1", "w2", "b");

    public static void main(String... args) {
        Lesson.main(args, "ch03", "Manual backprop", Ch03ManualBackprop::teach);
    }

    static void teach(Lesson lesson) {
        // tag::slope-d[]
        double h = 0.001;
        double slopeD = (buildL("d", h).data() - buildL("", 0).data()) / h;
        // end::slope-d[]
        lesson.show("slope-d", "dL/dd by nudging d by h = 0.001", "(L(d + h) - L(d)) / h = " + slopeD);
        lesson.check("dL/dd, numerically", -2.0, slopeD, 1e-9);

        StringBuilder slopes = new StringBuilder();
        double[] numerical = new double[L_NODES.size()];
        for (int i = 0; i < L_NODES.size(); i++) {
            String node = L_NODES.get(i);
            numerical[i] = (buildL(node, h).data() - buildL("", 0).data()) / h;
            slopes.append(String.format(Locale.ROOT, "dL/d%s = %9.6f%n", node, numerical[i]));
        }
        lesson.show("slopes", "The same nudge for every node of L", slopes);

        // tag::chain-rule[]
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        Value f = Value.of(-2.0, "f");
        Value L = e.mul(f).label("L");

        L.setGrad(1.0);                    // dL/dL
        f.setGrad(e.data() * L.grad());    // L = e * f, so dL/df = e
        e.setGrad(f.data() * L.grad());    // and dL/de = f
        c.setGrad(1.0 * e.grad());         // e = d + c passes its gradient through
        d.setGrad(1.0 * e.grad());
        a.setGrad(b.data() * d.grad());    // d = a * b, so dd/da = b: chain rule
        b.setGrad(a.data() * d.grad());
        // end::chain-rule[]
        List<Value> byHand = List.of(a, b, c, d, e, f, L);
        double[] analytic = {6.0, -4.0, -2.0, -2.0, -2.0, 4.0, 1.0};
        StringBuilder grads = new StringBuilder();
        for (int i = 0; i < byHand.size(); i++) {
            Value v = byHand.get(i);
            grads.append(String.format(Locale.ROOT, "%s.grad = %4.1f   (numerically %9.6f)%n",
                    v.label(), v.grad(), numerical[i]));
            lesson.check(v.label() + ".grad by hand", analytic[i], v.grad());
            lesson.check("dL/d" + v.label() + " numerically", analytic[i], numerical[i], 1e-9);
        }
        lesson.show("chain-rule", "L's gradients filled in by hand with the chain rule", grads);
        lesson.graph("l-by-hand", "L with its gradients filled in by hand", L);

        // tag::neuron[]
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value bias = Value.of(6.8813735870195432, "b");
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = sum.add(bias).label("n");
        Value o = n.tanh().label("o");
        o.setGrad(1.0);
        // end::neuron[]
        lesson.show("neuron", "One neuron: o = tanh(x1*w1 + x2*w2 + b)", "n = " + n.data() + "\no = " + o.data());
        lesson.check("n", 0.8813735870195432, n.data(), 1e-15);
        lesson.check("o", Math.sqrt(0.5), o.data(), 1e-15);
        lesson.graph("neuron-before", "The neuron before backpropagation: only o.grad is set", o);

        // tag::tanh-derivative[]
        n.setGrad((1 - o.data() * o.data()) * o.grad());   // do/dn = 1 - tanh(n)^2 = 1 - o^2
        // end::tanh-derivative[]
        double tanhSlope = (Math.tanh(n.data() + h) - Math.tanh(n.data() - h)) / (2 * h);
        lesson.show("tanh-derivative", "Through tanh: do/dn = 1 - o^2",
                String.format(Locale.ROOT, "n.grad = 1 - o^2 = %.6f%n"
                        + "numerically (tanh(n + h) - tanh(n - h)) / 2h = %.6f", n.grad(), tanhSlope));
        lesson.check("n.grad", 0.5, n.grad(), 1e-12);
        lesson.check("tanh slope, numerically", 0.5, tanhSlope, 1e-5);

        // tag::neuron-by-hand[]
        sum.setGrad(n.grad());                   // n = sum + b: a plus passes the gradient on
        bias.setGrad(n.grad());
        x1w1.setGrad(sum.grad());                // sum = x1w1 + x2w2: again a plus
        x2w2.setGrad(sum.grad());
        x2.setGrad(w2.data() * x2w2.grad());     // x2w2 = x2 * w2: each gets the other's data
        w2.setGrad(x2.data() * x2w2.grad());
        x1.setGrad(w1.data() * x1w1.grad());
        w1.setGrad(x1.data() * x1w1.grad());
        // end::neuron-by-hand[]
        List<Value> leaves = List.of(x1, x2, w1, w2, bias);
        double[] expected = {-1.5, 0.5, 1.0, 0.0, 0.5};
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-4s %8s %12s%n", "leaf", "by hand", "numerically"));
        for (int i = 0; i < leaves.size(); i++) {
            Value leaf = leaves.get(i);
            String name = NEURON_LEAVES.get(i);
            double slope = (neuron(name, h).data() - neuron(name, -h).data()) / (2 * h);
            table.append(String.format(Locale.ROOT, "%-4s %8.4f %12.4f%n", name, leaf.grad(), slope));
            lesson.check(name + ".grad by hand", expected[i], leaf.grad(), 1e-12);
            lesson.check("do/d" + name + " numerically", expected[i], slope, 1e-5);
        }
        lesson.show("neuron-by-hand", "Every gradient of the neuron, by hand and numerically", table);
        lesson.check("x1w1.grad", 0.5, x1w1.grad(), 1e-12);
        lesson.check("x2w2.grad", 0.5, x2w2.grad(), 1e-12);
        lesson.graph("neuron-after", "The neuron after backpropagation by hand", o);
    }

    // tag::build-l[]
    /** L = (a*b + c) * f, with h added to the node labelled {@code nudged} as it is made. */
    static Value buildL(String nudged, double h) {
        Value a = nudge(Value.of(2.0, "a"), nudged, h);
        Value b = nudge(Value.of(-3.0, "b"), nudged, h);
        Value c = nudge(Value.of(10.0, "c"), nudged, h);
        Value d = nudge(a.mul(b).label("d"), nudged, h);
        Value e = nudge(d.add(c).label("e"), nudged, h);
        Value f = nudge(Value.of(-2.0, "f"), nudged, h);
        return nudge(e.mul(f).label("L"), nudged, h);
    }

    static Value nudge(Value v, String nudged, double h) {
        if (v.label().equals(nudged)) {
            v.setData(v.data() + h);
        }
        return v;
    }
    // end::build-l[]

    // tag::neuron-nudged[]
    /** o = tanh(x1*w1 + x2*w2 + b), with h added to the leaf labelled {@code nudged}. */
    static Value neuron(String nudged, double h) {
        Value x1 = nudge(Value.of(2.0, "x1"), nudged, h);
        Value x2 = nudge(Value.of(0.0, "x2"), nudged, h);
        Value w1 = nudge(Value.of(-3.0, "w1"), nudged, h);
        Value w2 = nudge(Value.of(1.0, "w2"), nudged, h);
        Value b = nudge(Value.of(6.8813735870195432, "b"), nudged, h);
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = sum.add(b).label("n");
        return n.tanh().label("o");
    }
    // end::neuron-nudged[]
}
