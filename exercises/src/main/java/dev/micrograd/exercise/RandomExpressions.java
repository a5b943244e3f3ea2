package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Random expressions built twice, step by step, once with the engine and once with the student's
 * Value, so a check can compare their numbers and gradients node by node. A fixed seed makes every
 * run try the same expressions; operands are drawn from every node made so far, so values get reused.
 */
final class RandomExpressions {
    /** One node in both worlds and its name, {@code x0} for a leaf or {@code n3} for a result. */
    record Node<V>(Value engine, V yours, String name) {
    }

    /** The nodes in the order they were made, the root last, and the expression as text. */
    record Expression<V>(List<Node<V>> nodes, String text) {
        Node<V> root() {
            return nodes.get(nodes.size() - 1);
        }
    }

    static final int TRIALS = 200;
    private static final long SEED = 20_240_915L;

    private RandomExpressions() {
    }

    /** Runs {@code check} on {@link #TRIALS} random expressions made of {@code ops} ("+", "*", "tanh", "exp", "pow"). */
    static <V> void each(Bridge<V> yours, List<String> ops, BiConsumer<Expression<V>, Bridge<V>> check) {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            check.accept(build(yours, random, ops), yours);
        }
    }

    /** Every node's data equals the engine's (within a relative 1e-9). */
    static <V> void sameData(Bridge<V> yours, List<String> ops) {
        each(yours, ops, (e, b) -> {
            for (Node<V> n : e.nodes()) {
                same(n.name() + ".data", n.engine().data(), b.data(n.yours()), e);
            }
        });
    }

    /** After backward() from the root, every node's gradient equals the engine's (within a relative 1e-9). */
    static <V> void sameGrads(Bridge<V> yours, List<String> ops) {
        each(yours, ops, (e, b) -> {
            e.root().engine().backward();
            b.backward(e.root().yours());
            for (Node<V> n : e.nodes()) {
                same(n.name() + ".grad", n.engine().grad(), b.grad(n.yours()), e);
            }
        });
    }

    private static <V> void same(String what, double expected, double actual, Expression<V> e) {
        if (!(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
            throw new Mismatch(what + " = " + Expect.number(expected) + ", for the expression " + e.text(),
                    what + " = " + Expect.number(actual));
        }
    }

    /** One random expression: two to four leaves, then one to eight operations on earlier nodes. */
    static <V> Expression<V> build(Bridge<V> yours, Random random, List<String> ops) {
        List<Node<V>> nodes = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int leaves = 2 + random.nextInt(3);
        for (int i = 0; i < leaves; i++) {
            double data = (random.nextInt(401) - 200) / 100.0;
            String name = "x" + i;
            nodes.add(new Node<>(Value.of(data, name), Expect.present(yours.leaf(data, name), "a Value"), name));
            text.add(name + " = " + String.format(Locale.ROOT, "%.2f", data));
        }
        int steps = 1 + random.nextInt(8);
        for (int step = 0; step < steps; step++) {
            String op = ops.get(random.nextInt(ops.size()));
            Node<V> a = nodes.get(random.nextInt(nodes.size()));
            Node<V> b = nodes.get(random.nextInt(nodes.size()));
            String name = "n" + nodes.size();
            double x = a.engine().data();
            Value engine;
            V mine;
            String formula;
            if (op.equals("*")) {
                engine = a.engine().mul(b.engine());
                mine = yours.mul(a.yours(), b.yours());
                formula = a.name() + " * " + b.name();
            } else if (op.equals("tanh")) {
                engine = a.engine().tanh();
                mine = yours.tanh(a.yours());
                formula = "tanh(" + a.name() + ")";
            } else if (op.equals("exp") && Math.abs(x) <= 3) {
                engine = a.engine().exp();
                mine = yours.exp(a.yours());
                formula = "exp(" + a.name() + ")";
            } else if (op.equals("pow")) {
                double p = exponent(random, x);
                engine = a.engine().pow(p);
                mine = yours.pow(a.yours(), p);
                formula = a.name() + "^" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
            } else {
                engine = a.engine().add(b.engine());
                mine = yours.add(a.yours(), b.yours());
                formula = a.name() + " + " + b.name();
            }
            engine.label(name);
            yours.setLabel(Expect.present(mine, "a Value"), name);
            nodes.add(new Node<>(engine, mine, name));
            text.add(name + " = " + formula);
        }
        return new Expression<>(List.copyOf(nodes), String.join("; ", text));
    }

    /** 2 or 3 always; -1 away from 0 and 0.5 for positive numbers, where they are defined and tame. */
    private static double exponent(Random random, double x) {
        List<Double> choices = new ArrayList<>(List.of(2.0, 3.0));
        if (Math.abs(x) >= 0.5) {
            choices.add(-1.0);
        }
        if (x >= 0.1) {
            choices.add(0.5);
        }
        return choices.get(random.nextInt(choices.size()));
    }
}
