///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch04/Value.java
//SOURCES ../lecture/dev/micrograd/lecture/ch04bug/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import static dev.micrograd.data.LectureNeuron.BIAS;

import dev.micrograd.lecture.ch04.Value;
import dev.micrograd.lesson.Lesson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Chapter 4: let each node do its own local backward step, in the right order. */
class Ch04TopologicalBackprop {
    /** The neuron's leaves, and the gradients chapter 3 found for them by hand. */
    static final List<String> LEAVES = List.of("x1", "w1", "x2", "w2", "b");
    static final List<Double> LEAF_GRADS = List.of(-1.5, 1.0, 0.5, 0.0, 0.5);
    /** The stack of the thread that runs the recursive sort on a deep chain: fixed, so every run tells the same story. */
    static final long STACK_BYTES = 1 << 20;

    public static void main(String... args) {
        Lesson.main(args, "ch04", "Topological backprop", Ch04TopologicalBackprop::teach);
    }

    static void teach(Lesson lesson) throws InterruptedException {
        // tag::neuron[]
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(BIAS, "b");
        Value x1w1 = x1.mul(w1);
        x1w1.label = "x1*w1";
        Value x2w2 = x2.mul(w2);
        x2w2.label = "x2*w2";
        Value sum = x1w1.add(x2w2);
        sum.label = "x1*w1 + x2*w2";
        Value n = sum.add(b);
        n.label = "n";
        Value o = n.tanh();
        o.label = "o";
        // end::neuron[]

        // tag::steps-by-hand[]
        o.grad = 1.0;
        o.backwardStep.run();      // fills n.grad
        n.backwardStep.run();      // fills sum.grad and b.grad
        sum.backwardStep.run();    // fills x1w1.grad and x2w2.grad
        x1w1.backwardStep.run();   // fills x1.grad and w1.grad
        x2w2.backwardStep.run();   // fills x2.grad and w2.grad
        // end::steps-by-hand[]
        lesson.show("steps-by-hand", "Each node's backward step, called in an order chosen by hand", leafGrads(o));
        checkLeafGrads(lesson, "steps by hand", o);

        // tag::topological-order[]
        List<Value> topo = o.topologicalOrder();
        // end::topological-order[]
        StringBuilder listing = new StringBuilder();
        for (int i = 0; i < topo.size(); i++) {
            listing.append(String.format(Locale.ROOT, "%2d. %-14s data %s%n", i + 1, topo.get(i).label, topo.get(i).data));
        }
        lesson.show("topological-order", "A topological order: every node after the nodes it is made from", listing);
        List<String> labels = topo.stream().map(v -> v.label).collect(Collectors.toList());
        lesson.check("topological order", List.of("x1", "w1", "x1*w1", "x2", "w2", "x2*w2", "x1*w1 + x2*w2", "b", "n", "o"),
                labels);
        lesson.check("the engine's topological order", engineNeuron().topologicalOrder().stream()
                .map(dev.micrograd.engine.Value::label).collect(Collectors.toList()), labels);
        for (int i = 0; i < topo.size(); i++) {
            for (Value child : topo.get(i).children) {
                lesson.check(child.label + " comes before " + topo.get(i).label, true, topo.indexOf(child) < i);
            }
        }

        // tag::frames[]
        Value root = neuron();
        List<Value> order = root.topologicalOrder();
        List<Lesson.Frame> frames = new ArrayList<>();
        root.grad = 1.0;
        frames.add(new Lesson.Frame("o.grad = 1, before any step", numbered(root, order, order.size())));
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            v.backwardStep.run();
            if (!v.children.isEmpty()) {
                String caption = "number " + (i + 1) + ", the step of " + v.label + " (" + v.op + "), ran";
                frames.add(new Lesson.Frame(caption, numbered(root, order, i)));
            }
        }
        lesson.frames("backward-steps", "The neuron after each backward step", frames);
        // end::frames[]
        lesson.check("frames: the start and one per operation", 6, frames.size());
        lesson.check("the last frame shows x1's gradient", true,
                frames.get(5).dot().contains("{ 1. x1 | data 2.0000 | grad -1.5000 }"));
        lesson.check("the second frame has n's gradient but not yet b's", true,
                frames.get(1).dot().contains("{ 9. n | data 0.8814 | grad 0.5000 }")
                        && frames.get(1).dot().contains("{ 8. b | data 6.8814 | grad 0.0000 }"));
        lesson.check("the fourth frame has filled in b, whose step (it does nothing) ran after n's", true,
                frames.get(3).dot().contains("{ 8. b | data 6.8814 | grad 0.5000 }\", style=filled"));
        checkLeafGrads(lesson, "step by step", root);

        // tag::backward[]
        Value o2 = neuron();
        o2.backward();
        // end::backward[]
        lesson.show("backward", "The same with one call: o.backward()", leafGrads(o2));
        checkLeafGrads(lesson, "backward()", o2);
        var engineO = engineNeuron();
        engineO.backward();
        for (var leaf : engineO.topologicalOrder()) {
            if (leaf.isLeaf()) {
                Value ours = o2.topologicalOrder().stream().filter(v -> v.label.equals(leaf.label())).findFirst().orElseThrow();
                lesson.check(leaf.label() + ".grad as in the engine", leaf.grad(), ours.grad, 1e-15);
            }
        }

        // tag::a-plus-a[]
        Value a = new Value(3.0, "a");
        Value twice = a.add(a);
        twice.label = "b";
        twice.backward();
        // end::a-plus-a[]
        lesson.show("a-plus-a", "b = a + a: a is used twice, so its gradient adds up",
                "b = " + twice.data + ", a.grad = " + a.grad + "\n"
                        + "b.children = " + twice.children + " (a set would hold " + new HashSet<>(twice.children).size()
                        + ")");
        lesson.check("b", 6.0, twice.data);
        lesson.check("a.grad after b = a + a", 2.0, a.grad);
        var engineA = dev.micrograd.engine.Value.of(3.0);
        engineA.add(engineA).backward();
        lesson.check("a.grad as in the engine", engineA.grad(), a.grad);
        lesson.graph("a-plus-a", "b = a + a after backward: two arrows from a, and a.grad = 2", twice.dot());

        // tag::a-plus-a-bug[]
        var aSet = new dev.micrograd.lecture.ch04bug.Value(3.0, "a");
        var twiceSet = aSet.add(aSet);
        twiceSet.label = "b";
        twiceSet.backward();
        // end::a-plus-a-bug[]
        lesson.show("a-plus-a-bug", "b = a + a, once with the step that sets and once with the step that adds",
                String.format(Locale.ROOT, "step sets (=):   a.grad = %s%nstep adds (+=):  a.grad = %s%n",
                        aSet.grad, a.grad));
        lesson.check("a.grad when the step sets", 1.0, aSet.grad);
        lesson.frames("a-plus-a-both", "b = a + a after backward, with each step", List.of(
                new Lesson.Frame("the step sets: a.grad = " + aSet.grad + ", wrong",
                        Lesson.topToBottom(twiceSet.dot(aSet))),
                new Lesson.Frame("the step adds: a.grad = " + a.grad + ", right", Lesson.topToBottom(twice.dot(a)))));

        // tag::two-uses[]
        Value a2 = new Value(-2.0, "a");
        Value b2 = new Value(3.0, "b");
        Value d2 = a2.mul(b2);
        d2.label = "d";
        Value e2 = a2.add(b2);
        e2.label = "e";
        Value f2 = d2.mul(e2);
        f2.label = "f";
        f2.backward();
        // end::two-uses[]
        // tag::two-uses-bug[]
        var aS = new dev.micrograd.lecture.ch04bug.Value(-2.0, "a");
        var bS = new dev.micrograd.lecture.ch04bug.Value(3.0, "b");
        var dS = aS.mul(bS);
        dS.label = "d";
        var eS = aS.add(bS);
        eS.label = "e";
        var fS = dS.mul(eS);
        fS.label = "f";
        fS.backward();
        // end::two-uses-bug[]
        // f = a*b*(a + b), so df/da = 2ab + b^2 and df/db = a^2 + 2ab: the oracle the right steps must match.
        double dfda = 2 * a2.data * b2.data + b2.data * b2.data;
        double dfdb = a2.data * a2.data + 2 * a2.data * b2.data;
        StringBuilder stepOrder = new StringBuilder();
        List<dev.micrograd.lecture.ch04bug.Value> setOrder = fS.topologicalOrder();
        for (int i = setOrder.size() - 1; i >= 0; i--) {
            stepOrder.append(stepOrder.length() == 0 ? "" : ", ").append(setOrder.get(i).label);
        }
        lesson.show("two-uses", "d = a * b; e = a + b; f = d * e: a and b are each used twice",
                String.format(Locale.ROOT, "%-8s %-10s %-10s %s%n", "", "sets (=)", "adds (+=)", "the formula")
                        + String.format(Locale.ROOT, "%-8s %-10s %-10s 2ab + b^2 = %s%n", "a.grad", aS.grad, a2.grad, dfda)
                        + String.format(Locale.ROOT, "%-8s %-10s %-10s a^2 + 2ab = %s%n", "b.grad", bS.grad, b2.grad, dfdb)
                        + "steps run in the order " + stepOrder + ": the last to write a.grad and b.grad is d's");
        lesson.check("f", -6.0, f2.data);
        lesson.check("a.grad, the step adds", dfda, a2.grad);
        lesson.check("b.grad, the step adds", dfdb, b2.grad);
        lesson.check("a.grad, the formula", -3.0, dfda);
        lesson.check("b.grad, the formula", -8.0, dfdb);
        lesson.check("a.grad, the step sets: only d's share, b * 1", b2.data * e2.data, aS.grad);
        lesson.check("b.grad, the step sets: only d's share, a * 1", a2.data * e2.data, bS.grad);
        lesson.check("a.grad, the step sets", 3.0, aS.grad);
        lesson.check("b.grad, the step sets", -2.0, bS.grad);
        lesson.frames("two-uses-both", "f = d * e after backward, with each step", List.of(
                new Lesson.Frame("the step sets: a.grad = " + aS.grad + ", b.grad = " + bS.grad + ", wrong",
                        Lesson.topToBottom(fS.dot(aS, bS))),
                new Lesson.Frame("the step adds: a.grad = " + a2.grad + ", b.grad = " + b2.grad + ", right",
                        Lesson.topToBottom(f2.dot(a2, b2)))));

        // tag::b-plus-b[]
        Value a3 = new Value(-2.0, "a");
        Value b3 = a3.add(a3);
        b3.label = "b";
        Value c3 = b3.add(b3);
        c3.label = "c";
        c3.backward();
        // end::b-plus-b[]
        lesson.show("b-plus-b", "b = a + a; c = b + b",
                "c = " + c3.data + ", b.grad = " + b3.grad + ", a.grad = " + a3.grad);
        lesson.check("c", -8.0, c3.data);
        lesson.check("b.grad after c = b + b", 2.0, b3.grad);
        lesson.check("a.grad after c = b + b", 4.0, a3.grad);
        lesson.graph("b-plus-b", "c = b + b after backward: b collects 2 from c, a collects 2 * 2", c3.dot());

        // tag::deep-chain[]
        String shallow = sortOnSmallStack(1_000);
        String deep = sortOnSmallStack(100_000);
        // end::deep-chain[]
        lesson.show("deep-chain", "The recursive sort on a thread with a 1 MB stack",
                "a chain of   1,000 operations: " + shallow + "\n"
                        + "a chain of 100,000 operations: " + deep + "\n"
                        + "so the recursion ran out of stack between 1,000 and 100,000 levels deep");
        lesson.check("a chain of 1,000 sorts recursively", "sorted, x.grad = 1.0", shallow);
        lesson.check("a chain of 100,000 overflows the stack", true, deep.startsWith("StackOverflowError"));

        // tag::engine-chain[]
        var start = dev.micrograd.engine.Value.of(1.0, "x");
        var one = dev.micrograd.engine.Value.of(1.0, "one");
        var chain = start;
        for (int i = 0; i < 100_000; i++) {
            chain = chain.mul(one);
        }
        chain.backward();
        // end::engine-chain[]
        lesson.show("engine-chain", "The engine's iterative sort on the same chain of 100,000",
                "nodes: " + chain.topologicalOrder().size() + ", x.grad = " + start.grad());
        lesson.check("nodes in the engine's chain", 100_002, chain.topologicalOrder().size());
        lesson.check("x.grad through the engine's chain", 1.0, start.grad());
    }

    // tag::sort-on-small-stack[]
    /** Builds x * 1 * 1 * ... ({@code length} times) and back-propagates it on a thread with a 1 MB stack. */
    static String sortOnSmallStack(int length) throws InterruptedException {
        Value x = new Value(1.0, "x");
        Value one = new Value(1.0, "one");
        Value chain = x;
        for (int i = 0; i < length; i++) {
            chain = chain.mul(one);
        }
        Value end = chain;
        String[] outcome = new String[1];
        Thread thread = new Thread(null, () -> {
            try {
                end.backward();
                outcome[0] = "sorted, x.grad = " + x.grad;
            } catch (StackOverflowError error) {
                outcome[0] = "StackOverflowError";
            }
        }, "deep-chain", STACK_BYTES);
        thread.start();
        thread.join();
        return outcome[0];
    }
    // end::sort-on-small-stack[]

    // tag::numbered[]
    /** The graph from top to bottom, each value numbered by its place in the order; from {@code ran} on, their steps ran. */
    static String numbered(Value root, List<Value> order, int ran) {
        String dot = root.dot(order.subList(ran, order.size()).toArray(new Value[0]));
        for (int i = 0; i < order.size(); i++) {
            String label = order.get(i).label;
            dot = dot.replace("label=\"{ " + label + " |", "label=\"{ " + (i + 1) + ". " + label + " |");
        }
        return Lesson.topToBottom(dot);
    }
    // end::numbered[]

    /** The neuron of chapter 3, built fresh with all gradients zero. */
    static Value neuron() {
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(BIAS, "b");
        Value x1w1 = x1.mul(w1);
        x1w1.label = "x1*w1";
        Value x2w2 = x2.mul(w2);
        x2w2.label = "x2*w2";
        Value sum = x1w1.add(x2w2);
        sum.label = "x1*w1 + x2*w2";
        Value n = sum.add(b);
        n.label = "n";
        Value o = n.tanh();
        o.label = "o";
        return o;
    }

    /** The same neuron in the shared engine, which this chapter's Value must agree with. */
    static dev.micrograd.engine.Value engineNeuron() {
        var x1 = dev.micrograd.engine.Value.of(2.0, "x1");
        var x2 = dev.micrograd.engine.Value.of(0.0, "x2");
        var w1 = dev.micrograd.engine.Value.of(-3.0, "w1");
        var w2 = dev.micrograd.engine.Value.of(1.0, "w2");
        var b = dev.micrograd.engine.Value.of(BIAS, "b");
        var sum = x1.mul(w1).label("x1*w1").add(x2.mul(w2).label("x2*w2")).label("x1*w1 + x2*w2");
        return sum.add(b).label("n").tanh().label("o");
    }

    private static String leafGrads(Value root) {
        StringBuilder text = new StringBuilder();
        for (Value v : root.topologicalOrder()) {
            if (v.children.isEmpty()) {
                text.append(String.format(Locale.ROOT, "%s.grad = %.4f%n", v.label, v.grad));
            }
        }
        return text.toString();
    }

    private static void checkLeafGrads(Lesson lesson, String how, Value root) {
        for (Value v : root.topologicalOrder()) {
            if (v.children.isEmpty()) {
                double expected = LEAF_GRADS.get(LEAVES.indexOf(v.label));
                lesson.check(v.label + ".grad, " + how, expected, v.grad, 1e-12);
            }
        }
    }
}
