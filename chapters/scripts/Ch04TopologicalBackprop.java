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
import java.util.stream.Collectors;

/** Chapter 4: let each node do its own local backward step, in the right order. */
class Ch04TopologicalBackprop {
    /** The neuron's leaves, and the gradients chapter 3 found for them by hand. */
    static final List<String> LEAVES = List.of("x1", "x2", "w1", "w2", "b");
    static final List<Double> LEAF_GRADS = List.of(-1.5, 0.5, 1.0, 0.0, 0.5);

    public static void main(String... args) {
        Lesson.main(args, "ch04", "Topological backprop", Ch04TopologicalBackprop::teach);
    }

    static void teach(Lesson lesson) {
        // tag::steps-by-hand[]
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = sum.add(b).label("n");
        Value o = n.tanh().label("o");

        o.setGrad(1.0);
        o.backwardStep();      // fills n.grad
        n.backwardStep();      // fills sum.grad and b.grad
        sum.backwardStep();    // fills x1w1.grad and x2w2.grad
        x1w1.backwardStep();   // fills x1.grad and w1.grad
        x2w2.backwardStep();   // fills x2.grad and w2.grad
        // end::steps-by-hand[]
        lesson.show("steps-by-hand", "Each node's backward step, called in an order chosen by hand", leafGrads(o));
        checkLeafGrads(lesson, "steps by hand", o);
        lesson.graph("steps-by-hand", "The neuron after five backward steps", o);

        // tag::topological-order[]
        List<Value> order = neuron().topologicalOrder();
        // end::topological-order[]
        StringBuilder listing = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            listing.append(String.format(Locale.ROOT, "%2d. %-14s data %s%n", i + 1, order.get(i).label(), order.get(i).data()));
        }
        lesson.show("topological-order", "A topological order: every node after the nodes it is made from", listing);
        lesson.check("topological order", List.of("x1", "w1", "x1*w1", "x2", "w2", "x2*w2", "x1*w1 + x2*w2", "b", "n", "o"),
                order.stream().map(Value::label).collect(Collectors.toList()));
        lesson.check("data in topological order",
                List.of(2.0, -3.0, -6.0, 0.0, 1.0, 0.0, -6.0, 6.8813735870195432, 0.8813735870195432, o.data()),
                order.stream().map(Value::data).collect(Collectors.toList()));
        lesson.check("o's data", Math.sqrt(0.5), o.data(), 1e-15);
        for (int i = 0; i < order.size(); i++) {
            for (Value child : order.get(i).children()) {
                lesson.check(child.label() + " comes before " + order.get(i).label(), true, order.indexOf(child) < i);
            }
        }

        // tag::reverse-order[]
        Value root = order.get(order.size() - 1);
        root.setGrad(1.0);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep();
        }
        // end::reverse-order[]
        lesson.show("reverse-order", "Backward steps in reverse topological order", leafGrads(root));
        checkLeafGrads(lesson, "reverse order", root);

        // tag::backward[]
        Value o2 = neuron();
        o2.backward();
        // end::backward[]
        lesson.show("backward", "The same with one call: o.backward()", leafGrads(o2));
        checkLeafGrads(lesson, "backward()", o2);
        lesson.graph("backward", "The neuron after o.backward()", o2);

        // tag::a-plus-a[]
        Value a = Value.of(-2.0, "a");
        Value twice = a.add(a).label("b");
        twice.backward();
        // end::a-plus-a[]
        Value nudged = Value.of(-2.0 + 0.001);
        double slope = (nudged.add(nudged).data() - twice.data()) / 0.001;
        lesson.show("a-plus-a", "b = a + a: a is used twice, so its gradient adds up",
                "b.children() = " + twice.children() + "\n"
                        + "b = " + twice.data() + ", a.grad = " + a.grad() + "\n"
                        + String.format(Locale.ROOT, "numerically (b(a + h) - b(a)) / h = %.6f", slope));
        lesson.check("b's children", List.of(a, a), twice.children());
        lesson.check("b", -4.0, twice.data());
        lesson.check("a.grad after b = a + a", 2.0, a.grad());
        lesson.check("db/da numerically", 2.0, slope, 1e-9);
        lesson.graph("a-plus-a", "b = a + a: two arrows from a into the +", twice);

        // tag::b-plus-b[]
        Value a3 = Value.of(-2.0, "a");
        Value b3 = a3.add(a3).label("b");
        Value c3 = b3.add(b3).label("c");
        c3.backward();
        // end::b-plus-b[]
        lesson.show("b-plus-b", "b = a + a; c = b + b",
                "c = " + c3.data() + ", b.grad = " + b3.grad() + ", a.grad = " + a3.grad());
        lesson.check("c", -8.0, c3.data());
        lesson.check("b.grad after c = b + b", 2.0, b3.grad());
        lesson.check("a.grad after c = b + b", 4.0, a3.grad());
        lesson.graph("b-plus-b", "c = b + b, drawn: b collects 2 from c, a collects 2 * 2", c3);

        // tag::deep-chain[]
        Value start = Value.of(1.0, "start");
        Value chain = start;
        for (int i = 0; i < 100_000; i++) {
            chain = chain.mul(1.0);
        }
        chain.backward();
        // end::deep-chain[]
        lesson.show("deep-chain", "A chain 100,000 operations deep: no stack overflow",
                "nodes: " + chain.topologicalOrder().size() + ", start.grad = " + start.grad());
        lesson.check("nodes in the chain", 200_001, chain.topologicalOrder().size());
        lesson.check("start.grad", 1.0, start.grad());
    }

    /** The neuron of chapter 3, built fresh with all gradients zero. */
    static Value neuron() {
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value sum = x1.mul(w1).label("x1*w1").add(x2.mul(w2).label("x2*w2")).label("x1*w1 + x2*w2");
        return sum.add(b).label("n").tanh().label("o");
    }

    private static String leafGrads(Value root) {
        StringBuilder text = new StringBuilder();
        for (Value v : root.topologicalOrder()) {
            if (v.isLeaf()) {
                text.append(String.format(Locale.ROOT, "%s.grad = %.4f%n", v.label(), v.grad()));
            }
        }
        return text.toString();
    }

    private static void checkLeafGrads(Lesson lesson, String how, Value root) {
        for (Value v : root.topologicalOrder()) {
            if (v.isLeaf()) {
                double expected = LEAF_GRADS.get(LEAVES.indexOf(v.label()));
                lesson.check(v.label() + ".grad, " + how, expected, v.grad(), 1e-12);
            }
        }
    }
}
