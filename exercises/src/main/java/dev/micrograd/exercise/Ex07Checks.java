package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import dev.micrograd.nn.MLP;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The checks of exercises 7: a new activation, a neuron's forward pass, a loss, and a training loop. */
public final class Ex07Checks {
    /** What the student writes in {@code Ex07NeuralNet.java}. */
    public interface Tasks {
        /** Task 1: leaky ReLU, x for x > 0 and 0.01 x otherwise, built from the engine's primitives. */
        Value leakyRelu(Value x);

        /** Task 2: one neuron, tanh(w1*x1 + ... + wn*xn + b). */
        Value neuron(List<Value> x, List<Value> w, Value b);

        /** Task 3: the sum of the squared differences between each prediction and its target. */
        Value squaredError(List<Value> predictions, double[] targets);

        /** Task 4: {@code steps} steps of gradient descent on {@code mlp}; the loss before each update. */
        double[] train(MLP mlp, double[][] xs, double[] ys, int steps, double learningRate);
    }

    /** The lecture's four samples and their targets. */
    static final double[][] XS = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
    static final double[] YS = {1.0, -1.0, -1.0, 1.0};
    static final int STEPS = 50;
    static final double RATE = 0.05;

    private Ex07Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex07", "Neurons, layers, MLP");
        c.check("task 1: leaky ReLU of 2 and of -3", "x.relu() keeps the positive part; the negative part is -relu(-x).",
                () -> {
                    Tasks t = student.get();
                    Expect.near(new double[] {2.0, -0.03},
                            new double[] {leaky(t, Value.of(2.0)).data(), leaky(t, Value.of(-3.0)).data()}, 1e-12);
                });
        c.check("task 1: its gradient at 2 and at -3", "The slope is 1 for x > 0 and 0.01 for x < 0.",
                () -> {
                    Tasks t = student.get();
                    Value p = Value.of(2.0);
                    Value n = Value.of(-3.0);
                    leaky(t, p).backward();
                    leaky(t, n).backward();
                    Expect.near(new double[] {1.0, 0.01}, new double[] {p.grad(), n.grad()}, 1e-12);
                });
        c.check("task 2: the lecture's neuron outputs 0.7071", "Start from b, add each w_i * x_i, then tanh().",
                () -> Expect.near(Math.sqrt(0.5), lectureNeuron(student, new Value[5]).data(), 1e-12));
        c.check("task 2: backward() gives x1, w1, x2, w2, b the lecture's gradients",
                "Build the neuron from Value operations only, so backward() reaches every input.",
                () -> {
                    Value[] leaves = new Value[5];
                    lectureNeuron(student, leaves).backward();
                    Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5}, new double[] {leaves[0].grad(),
                            leaves[1].grad(), leaves[2].grad(), leaves[3].grad(), leaves[4].grad()}, 1e-9);
                });
        c.check("task 3: the squared error of (0.5, -0.5) against (1, -1) is 0.5",
                "Sum (prediction - target)^2 over the samples: 0.25 + 0.25.",
                () -> Expect.near(0.5, error(student, Value.of(0.5), Value.of(-0.5)).data(), 1e-12));
        c.check("task 3: its gradients are 2 (prediction - target)", "d(p - t)^2/dp = 2 (p - t): -1 and 1.",
                () -> {
                    Value p = Value.of(0.5);
                    Value q = Value.of(-0.5);
                    error(student, p, q).backward();
                    Expect.near(new double[] {-1.0, 1.0}, new double[] {p.grad(), q.grad()}, 1e-12);
                });
        c.check("task 4: the first loss is the untrained network's", "Compute the loss before you update the parameters.",
                Duration.ofSeconds(10),
                () -> Expect.near(referenceLosses(1)[0], losses(student)[0], 1e-9));
        c.check("task 4: the first three losses are those of plain gradient descent",
                "Call mlp.zeroGrad() before backward(): otherwise each step also carries the gradients of all earlier steps.",
                Duration.ofSeconds(10),
                () -> {
                    double[] losses = losses(student);
                    Expect.near(referenceLosses(3), losses.length < 3 ? losses : Arrays.copyOf(losses, 3), 1e-9);
                });
        c.check("task 4: " + STEPS + " steps at rate " + RATE + " bring the loss below 0.05",
                "Each step: zeroGrad(), forward pass, loss, backward(), then p.setData(p.data() - rate * p.grad()).",
                Duration.ofSeconds(10),
                () -> {
                    double[] losses = losses(student);
                    Expect.that(losses.length == STEPS && losses[STEPS - 1] < 0.05,
                            STEPS + " losses, the last below 0.05", losses.length + " losses"
                                    + (losses.length == 0 ? "" : ", the last " + Expect.number(losses[losses.length - 1])));
                });
        return c;
    }

    private static Value leaky(Tasks t, Value x) {
        return Expect.present(t.leakyRelu(x), "a Value");
    }

    /** The lecture's neuron through the student's code; {@code leaves} receives x1, w1, x2, w2, b. */
    private static Value lectureNeuron(Supplier<? extends Tasks> student, Value[] leaves) {
        leaves[0] = Value.of(2.0, "x1");
        leaves[1] = Value.of(-3.0, "w1");
        leaves[2] = Value.of(0.0, "x2");
        leaves[3] = Value.of(1.0, "w2");
        leaves[4] = Value.of(OneNeuron.BIAS, "b");
        return Expect.present(student.get().neuron(List.of(leaves[0], leaves[2]), List.of(leaves[1], leaves[3]), leaves[4]),
                "a Value");
    }

    private static Value error(Supplier<? extends Tasks> student, Value p, Value q) {
        return Expect.present(student.get().squaredError(List.of(p, q), new double[] {1.0, -1.0}), "a Value");
    }

    private static double[] losses(Supplier<? extends Tasks> student) {
        return Expect.present(student.get().train(new MLP(3, 4, 4, 1), XS, YS, STEPS, RATE), "the losses");
    }

    /** The losses of the first {@code steps} steps of gradient descent, written independently of the student. */
    static double[] referenceLosses(int steps) {
        MLP mlp = new MLP(3, 4, 4, 1);
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            List<Value> terms = new ArrayList<>();
            for (int i = 0; i < XS.length; i++) {
                terms.add(mlp.apply(XS[i]).get(0).sub(YS[i]).pow(2));
            }
            Value loss = Value.sum(terms);
            mlp.zeroGrad();
            loss.backward();
            for (Value p : mlp.parameters()) {
                p.setData(p.data() - RATE * p.grad());
            }
            losses[step] = loss.data();
        }
        return losses;
    }
}
