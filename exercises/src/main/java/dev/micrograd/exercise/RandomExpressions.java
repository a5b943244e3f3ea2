package dev.micrograd.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random expressions drawn from a run's seed: the checking JVM builds them with the student's Value and
 * sends back numbers, the supervisor builds the same ones with the engine and compares node by node.
 * Operands are drawn from every node made so far, so values get reused.
 */
final class RandomExpressions {
    /** One node: a leaf ({@code op} empty) holding {@code number}, or {@code op} applied to nodes {@code a} and {@code b}. */
    record Step(String name, String op, int a, int b, double number) {
    }

    /** The steps of one expression in the order its nodes are made, the root last, and the expression as text. */
    record Plan(List<Step> steps, String text) {
    }

    static final int TRIALS = 200;

    private RandomExpressions() {
    }

    /** {@link #TRIALS} expressions made of {@code ops} ("+", "*", "tanh", "exp", "pow"), the same for the same seed. */
    static List<Plan> plans(long seed, List<String> ops) {
        Random random = new Random(seed);
        List<Plan> plans = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            plans.add(plan(random, ops));
        }
        return plans;
    }

    /** Builds the expression with any Value class; the nodes in the plan's order, each labelled with its name. */
    static <V> List<V> build(Bridge<V> b, Plan plan) {
        List<V> nodes = new ArrayList<>();
        for (Step s : plan.steps()) {
            V v;
            if (s.op().isEmpty()) {
                v = Expect.present(b.leaf(s.number(), s.name()), "a Value");
            } else {
                V x = nodes.get(s.a());
                v = switch (s.op()) {
                    case "*" -> b.mul(x, nodes.get(s.b()));
                    case "tanh" -> b.tanh(x);
                    case "exp" -> b.exp(x);
                    case "pow" -> b.pow(x, s.number());
                    default -> b.add(x, nodes.get(s.b()));
                };
                b.setLabel(Expect.present(v, "a Value"), s.name());
            }
            nodes.add(v);
        }
        return nodes;
    }

    /** Ask: every node's data, expression after expression. */
    static <V> Answer data(Bridge<V> yours, long seed, List<String> ops) {
        List<Double> numbers = new ArrayList<>();
        for (Plan plan : plans(seed, ops)) {
            for (V v : build(yours, plan)) {
                numbers.add(yours.data(v));
            }
        }
        return Answer.numbers(numbers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Ask: every node's gradient after backward() from the root, expression after expression. */
    static <V> Answer grads(Bridge<V> yours, long seed, List<String> ops) {
        List<Double> numbers = new ArrayList<>();
        for (Plan plan : plans(seed, ops)) {
            List<V> nodes = build(yours, plan);
            yours.backward(nodes.get(nodes.size() - 1));
            for (V v : nodes) {
                numbers.add(yours.grad(v));
            }
        }
        return Answer.numbers(numbers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Judge: every node's data equals the engine's (within a relative 1e-9). */
    static void sameData(Answer answer, long seed, List<String> ops) {
        same(answer, seed, ops, false);
    }

    /** Judge: every node's gradient equals the engine's (within a relative 1e-9). */
    static void sameGrads(Answer answer, long seed, List<String> ops) {
        same(answer, seed, ops, true);
    }

    private static void same(Answer answer, long seed, List<String> ops, boolean grads) {
        double[] yours = answer.numbers();
        int at = 0;
        for (Plan plan : plans(seed, ops)) {
            List<dev.micrograd.engine.Value> nodes = build(EngineBridge.ENGINE, plan);
            if (grads) {
                nodes.get(nodes.size() - 1).backward();
            }
            for (int i = 0; i < nodes.size(); i++, at++) {
                double expected = grads ? nodes.get(i).grad() : nodes.get(i).data();
                String what = plan.steps().get(i).name() + (grads ? ".grad" : ".data");
                if (at >= yours.length) {
                    throw new Mismatch(what + " = " + Expect.number(expected) + ", for the expression " + plan.text(),
                            "no number for it");
                }
                double actual = yours[at];
                if (!(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
                    throw new Mismatch(what + " = " + Expect.number(expected) + ", for the expression " + plan.text(),
                            what + " = " + Expect.number(actual));
                }
            }
        }
        Expect.that(at == yours.length, at + " numbers", yours.length + " numbers");
    }

    /** One random expression: two to four leaves, then one to eight operations on earlier nodes. */
    private static Plan plan(Random random, List<String> ops) {
        List<Step> steps = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int leaves = 2 + random.nextInt(3);
        for (int i = 0; i < leaves; i++) {
            double x = (random.nextInt(401) - 200) / 100.0;
            String name = "x" + i;
            steps.add(new Step(name, "", -1, -1, x));
            data.add(x);
            text.add(name + " = " + String.format(Locale.ROOT, "%.2f", x));
        }
        int count = 1 + random.nextInt(8);
        for (int step = 0; step < count; step++) {
            String op = ops.get(random.nextInt(ops.size()));
            int a = random.nextInt(steps.size());
            int b = random.nextInt(steps.size());
            String name = "n" + steps.size();
            String an = steps.get(a).name();
            double x = data.get(a);
            double y = data.get(b);
            if (op.equals("*")) {
                steps.add(new Step(name, "*", a, b, 0));
                data.add(x * y);
                text.add(name + " = " + an + " * " + steps.get(b).name());
            } else if (op.equals("tanh")) {
                steps.add(new Step(name, "tanh", a, -1, 0));
                data.add(StrictMath.tanh(x));
                text.add(name + " = tanh(" + an + ")");
            } else if (op.equals("exp") && Math.abs(x) <= 3) {
                steps.add(new Step(name, "exp", a, -1, 0));
                data.add(StrictMath.exp(x));
                text.add(name + " = exp(" + an + ")");
            } else if (op.equals("pow")) {
                double p = exponent(random, x);
                steps.add(new Step(name, "pow", a, -1, p));
                data.add(StrictMath.pow(x, p));
                text.add(name + " = " + an + "^" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)));
            } else {
                steps.add(new Step(name, "+", a, b, 0));
                data.add(x + y);
                text.add(name + " = " + an + " + " + steps.get(b).name());
            }
        }
        return new Plan(List.copyOf(steps), String.join("; ", text));
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
