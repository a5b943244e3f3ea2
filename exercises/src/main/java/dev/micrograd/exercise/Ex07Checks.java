package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * The checks of exercises 7: a new activation, a neuron's forward pass, a loss, a training loop, a gradient
 * checker for a whole network, and diagnosing a learning rate that diverges.
 */
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

        /**
         * Task 5: the largest relative error between each parameter's gradient from {@code backward()} and its
         * central finite difference with step {@code h}; {@code loss} builds the loss afresh from the parameters.
         */
        double gradientCheck(List<Value> parameters, Supplier<Value> loss, double h);

        /** Task 6: whether a training run with these losses diverged. */
        boolean diverges(double[] losses);

        /** Task 6: the largest of {@code rates} whose run, {@code train.apply(rate)}, does not diverge; 0 if none. */
        double largestStableRate(DoubleFunction<double[]> train, double[] rates);
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
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(leaky(t, Value.of(2.0)).data(), leaky(t, Value.of(-3.0)).data());
                },
                (a, seed) -> Expect.near(new double[] {2.0, -0.03}, a.numbers(), 1e-12));
        c.check("task 1: its gradient at 2 and at -3", "The slope is 1 for x > 0 and 0.01 for x < 0.",
                seed -> {
                    Tasks t = student.get();
                    Value p = Value.of(2.0);
                    Value n = Value.of(-3.0);
                    leaky(t, p).backward();
                    leaky(t, n).backward();
                    return Answer.numbers(p.grad(), n.grad());
                },
                (a, seed) -> Expect.near(new double[] {1.0, 0.01}, a.numbers(), 1e-12));
        c.check("task 2: the lecture's neuron outputs 0.7071", "Start from b, add each w_i * x_i, then tanh().",
                seed -> Answer.number(lectureNeuron(student, new Value[5]).data()),
                (a, seed) -> Expect.near(Math.sqrt(0.5), a.number(), 1e-12));
        c.check("task 2: backward() gives x1, w1, x2, w2, b the lecture's gradients",
                "Build the neuron from Value operations only, so backward() reaches every input.",
                seed -> {
                    Value[] leaves = new Value[5];
                    lectureNeuron(student, leaves).backward();
                    return Answer.numbers(leaves[0].grad(), leaves[1].grad(), leaves[2].grad(), leaves[3].grad(),
                            leaves[4].grad());
                },
                (a, seed) -> Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5}, a.numbers(), 1e-9));
        c.check("task 3: the squared error of (0.5, -0.5) against (1, -1) is 0.5",
                "Sum (prediction - target)^2 over the samples: 0.25 + 0.25.",
                seed -> Answer.number(error(student, Value.of(0.5), Value.of(-0.5)).data()),
                (a, seed) -> Expect.near(0.5, a.number(), 1e-12));
        c.check("task 3: its gradients are 2 (prediction - target)", "d(p - t)^2/dp = 2 (p - t): -1 and 1.",
                seed -> {
                    Value p = Value.of(0.5);
                    Value q = Value.of(-0.5);
                    error(student, p, q).backward();
                    return Answer.numbers(p.grad(), q.grad());
                },
                (a, seed) -> Expect.near(new double[] {-1.0, 1.0}, a.numbers(), 1e-12));
        c.check("task 4: the first loss is the untrained network's", "Compute the loss before you update the parameters.",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student)),
                (a, seed) -> {
                    double[] losses = a.numbers();
                    Expect.that(losses.length > 0, "losses", "none");
                    Expect.near(referenceLosses(1)[0], losses[0], 1e-9);
                });
        c.check("task 4: the first three losses are those of plain gradient descent",
                "Call mlp.zeroGrad() before backward(): otherwise each step also carries the gradients of all earlier steps.",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student)),
                (a, seed) -> {
                    double[] losses = a.numbers();
                    Expect.near(referenceLosses(3), losses.length < 3 ? losses : Arrays.copyOf(losses, 3), 1e-9);
                });
        c.check("task 4: " + STEPS + " steps at rate " + RATE + " bring the loss below 0.05",
                "Each step: zeroGrad(), forward pass, loss, backward(), then p.setData(p.data() - rate * p.grad()).",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student)),
                (a, seed) -> {
                    double[] losses = a.numbers();
                    Expect.that(losses.length == STEPS && losses[STEPS - 1] < 0.05,
                            STEPS + " losses, the last below 0.05", losses.length + " losses"
                                    + (losses.length == 0 ? "" : ", the last " + Expect.number(losses[losses.length - 1])));
                });
        c.check("task 5: the lecture's MLP 3-4-4-1: backward() and finite differences agree within 1e-6",
                "For each parameter: nudge its data by +h and -h, rebuild the loss each time, (up - down) / 2h.",
                Duration.ofSeconds(10),
                seed -> {
                    MLP mlp = new MLP(3, 4, 4, 1);
                    return Answer.number(check(student, mlp.parameters(), () -> squaredError(mlp)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error >= 0 && error < 1e-6, "an error from 0 to 1e-6", Expect.number(error));
                });
        c.check("task 5: a loss that cuts one weight off from backward() is caught (error above 0.5)",
                "Here backward() gives the first weight 0 while nudging it moves the loss: compare every parameter.",
                Duration.ofSeconds(10),
                seed -> {
                    MLP mlp = new MLP(3, 4, 4, 1);
                    return Answer.number(check(student, mlp.parameters(), () -> detachedFirstWeight(mlp)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error > 0.5, "an error above 0.5", Expect.number(error));
                });
        c.check("task 5: every parameter keeps its data", "Put each parameter's data back after nudging it.",
                Duration.ofSeconds(10),
                seed -> {
                    MLP mlp = new MLP(3, 4, 4, 1);
                    check(student, mlp.parameters(), () -> squaredError(mlp));
                    return Answer.numbers(data(mlp.parameters()));
                },
                (a, seed) -> Expect.near(data(new MLP(3, 4, 4, 1).parameters()), a.numbers(), 0));
        c.check("task 5: gradients left over from an earlier backward() do not count",
                "Leaves keep adding into grad across backward() calls: set every parameter's grad to 0 first.",
                Duration.ofSeconds(10),
                seed -> {
                    MLP mlp = new MLP(3, 4, 4, 1);
                    squaredError(mlp).backward();
                    return Answer.number(check(student, mlp.parameters(), () -> squaredError(mlp)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error >= 0 && error < 1e-6, "an error from 0 to 1e-6", Expect.number(error));
                });
        c.check("task 6: the lecture's MLP at rate " + RATE + " does not diverge",
                "This loss falls step after step: a healthy run.",
                Duration.ofSeconds(10),
                seed -> diverges(student, mlpRun(RATE, STEPS)),
                (a, seed) -> diagnosis(a, false, mlpRun(RATE, STEPS)));
        c.check("task 6: a linear neuron at rate 0.1 explodes: it diverges",
                "The last loss is far above the first: each step overshoots the minimum by more than the last.",
                seed -> diverges(student, linearRun(0.1, 30)),
                (a, seed) -> diagnosis(a, true, linearRun(0.1, 30)));
        c.check("task 6: a run whose loss overflows to Infinity, then NaN, diverges",
                "Every comparison with NaN is false, so NaN > first is false too: test Double.isFinite for each loss.",
                seed -> diverges(student, overflowed(linearRun(0.3, 30))),
                (a, seed) -> diagnosis(a, true, overflowed(linearRun(0.3, 30))));
        c.check("task 6: the lecture's MLP at rate 2 jumps to a loss near 8 and stays: it diverges",
                "tanh keeps the outputs in (-1, 1), so this loss cannot explode; it ends above where it started.",
                Duration.ofSeconds(10),
                seed -> diverges(student, mlpRun(2.0, 20)),
                (a, seed) -> diagnosis(a, true, mlpRun(2.0, 20)));
        c.check("task 6: the lecture's MLP at rate 0.5 bumps up and down but ends low: it does not diverge",
                "One loss above the one before is not yet divergence: compare where the run ends with where it began.",
                Duration.ofSeconds(10),
                seed -> diverges(student, mlpRun(0.5, 30)),
                (a, seed) -> diagnosis(a, false, mlpRun(0.5, 30)));
        c.check("task 6: of the rates 0.01, 0.1, 0.03, 0.05, 0.3 the largest stable one for a linear neuron",
                "Try every rate with train.apply(rate) and keep the largest whose run does not diverge.",
                seed -> Answer.number(student.get().largestStableRate(rate1 -> linearRun(rate1, 30),
                        new double[] {0.01, 0.1, 0.03, 0.05, 0.3})),
                (a, seed) -> Expect.near(0.03, a.number(), 0));
        return c;
    }

    private static double check(Supplier<? extends Tasks> student, List<Value> parameters, Supplier<Value> loss) {
        return student.get().gradientCheck(parameters, loss, 1e-5);
    }

    private static Answer diverges(Supplier<? extends Tasks> student, double[] losses) {
        return Answer.text(student.get().diverges(losses.clone()) ? "diverges" : "does not diverge");
    }

    /** The squared error of the lecture's samples. */
    private static Value squaredError(MLP mlp) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < XS.length; i++) {
            terms.add(mlp.apply(XS[i]).get(0).sub(YS[i]).pow(2));
        }
        return Value.sum(terms);
    }

    /** The loss plus 1000 times a copy of the first weight, a copy that backward() cannot reach. */
    private static Value detachedFirstWeight(MLP mlp) {
        Value copy = Value.of(mlp.parameters().get(0).data());
        return squaredError(mlp).add(copy.mul(1000));
    }

    private static double[] data(List<Value> parameters) {
        double[] data = new double[parameters.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = parameters.get(i).data();
        }
        return data;
    }

    private static void diagnosis(Answer answer, boolean expected, double[] losses) {
        String said = answer.text();
        Expect.that(said.equals(expected ? "diverges" : "does not diverge"), expected ? "diverges" : "does not diverge",
                said + " for the losses " + Expect.number(losses[0]) + " ... " + Expect.number(losses[losses.length - 1]));
    }

    /** A run continued in plain doubles, which the engine refuses: the loss overflows, then inf - inf is NaN. */
    private static double[] overflowed(double[] losses) {
        double[] longer = Arrays.copyOf(losses, losses.length + 2);
        longer[losses.length] = Double.POSITIVE_INFINITY;
        longer[losses.length + 1] = Double.NaN;
        return longer;
    }

    /** The losses of gradient descent on the lecture's MLP 3-4-4-1. */
    static double[] mlpRun(double rate, int steps) {
        return descend(new MLP(3, 4, 4, 1), rate, steps);
    }

    /** The losses of gradient descent on one linear neuron, whose loss has no ceiling. */
    static double[] linearRun(double rate, int steps) {
        return descend(new MLP(new Random(7), Activation.LINEAR, Activation.LINEAR, 3, 1), rate, steps);
    }

    private static double[] descend(MLP mlp, double rate, int steps) {
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            Value loss = squaredError(mlp);
            mlp.zeroGrad();
            loss.backward();
            for (Value p : mlp.parameters()) {
                p.setData(p.data() - rate * p.grad());
            }
            losses[step] = loss.data();
        }
        return losses;
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
        return mlpRun(RATE, steps);
    }
}
