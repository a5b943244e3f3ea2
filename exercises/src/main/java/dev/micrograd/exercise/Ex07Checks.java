package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.Layer;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Neuron;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The checks of exercises 7: a new activation, the student's own neuron, layer and MLP with their parameters, a
 * loss, a training loop on that MLP, a gradient checker, and diagnosing a learning rate that diverges. The
 * checking JVM of this set has the engine's Value but not its networks; the judges compare with them.
 */
public final class Ex07Checks {
    /**
     * What the student writes in {@code Ex07NeuralNet.java}: their own classes, reached through one-liners.
     *
     * @param <N> the student's neuron
     * @param <L> the student's layer
     * @param <M> the student's MLP
     */
    public interface Tasks<N, L, M> {
        /** Task 1: leaky ReLU, x for x > 0 and 0.01 x otherwise, built from the engine's primitives. */
        Value leakyRelu(Value x);

        /** Task 2: a neuron of {@code inputs} weights and a bias, each drawn from {@code random}. */
        N neuron(int inputs, UnaryOperator<Value> activation, Random random);

        /** Task 2: the neuron's output, activation(w1*x1 + ... + wn*xn + b). */
        Value neuronOutput(N neuron, List<Value> x);

        /** Task 2: the neuron's weights, then its bias. */
        List<Value> neuronParameters(N neuron);

        /** Task 3: {@code outputs} neurons that all see the same {@code inputs}. */
        L layer(int inputs, int outputs, UnaryOperator<Value> activation, Random random);

        /** Task 3: one output per neuron. */
        List<Value> layerOutputs(L layer, List<Value> x);

        /** Task 3: the parameters of every neuron, neuron after neuron. */
        List<Value> layerParameters(L layer);

        /** Task 4: layers of the given sizes, {@code hidden} in all but the last, which has {@code output}. */
        M mlp(Random random, UnaryOperator<Value> hidden, UnaryOperator<Value> output, int... sizes);

        /** Task 4: the outputs of the last layer. */
        List<Value> mlpOutputs(M mlp, List<Value> x);

        /** Task 4: the parameters of every layer, layer after layer. */
        List<Value> mlpParameters(M mlp);

        /** Task 4: sets every parameter's gradient to 0. */
        void zeroGrad(M mlp);

        /** Task 5: the sum of the squared differences between each prediction and its target. */
        Value squaredError(List<Value> predictions, double[] targets);

        /** Task 6: {@code steps} steps of gradient descent on {@code mlp}; the loss before each update. */
        double[] train(M mlp, double[][] xs, double[] ys, int steps, double learningRate);

        /**
         * Task 7: the largest relative error between each parameter's gradient from {@code backward()} and its
         * central finite difference with step {@code h}; {@code loss} builds the loss afresh from the parameters.
         */
        double gradientCheck(List<Value> parameters, Supplier<Value> loss, double h);

        /** Task 8: whether a training run with these losses diverged. */
        boolean diverges(double[] losses);

        /** Task 8: the largest of {@code rates} whose run, {@code train.apply(rate)}, does not diverge; 0 if none. */
        double largestStableRate(DoubleFunction<double[]> train, double[] rates);
    }

    /** The lecture's four samples and their targets. */
    static final double[][] XS = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
    static final double[] YS = {1.0, -1.0, -1.0, 1.0};
    /** The lecture's network. */
    static final int[] LECTURE = {3, 4, 4, 1};
    /** The seed of the lecture's network, the engine's default. */
    static final long LECTURE_SEED = 42;
    static final int STEPS = 50;
    static final double RATE = 0.05;
    /** A network as chapter 8 builds them: ReLU inside, a linear score out; several outputs, so a sign shows. */
    static final int[] RELU_LINEAR = {2, 8, 8, 4};
    static final int RELU_LINEAR_SAMPLES = 10;

    private static final UnaryOperator<Value> TANH = Value::tanh;
    private static final UnaryOperator<Value> RELU = Value::relu;
    private static final UnaryOperator<Value> LINEAR = x -> x;

    private Ex07Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks<?, ?, ?>> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks<?, ?, ?>> student) {
        Checks c = new Checks("ex07", "Neurons, layers, MLP");
        c.check("task 1: leaky ReLU of 2 and of -3", "x.relu() keeps the positive part; the negative part is -relu(-x).",
                seed -> {
                    Tasks<?, ?, ?> t = student.get();
                    return Answer.numbers(leaky(t, Value.of(2.0)).data(), leaky(t, Value.of(-3.0)).data());
                },
                (a, seed) -> Expect.near(new double[] {2.0, -0.03}, a.numbers(), 1e-12));
        c.check("task 1: its gradient at 2 and at -3", "The slope is 1 for x > 0 and 0.01 for x < 0.",
                seed -> {
                    Tasks<?, ?, ?> t = student.get();
                    Value p = Value.of(2.0);
                    Value n = Value.of(-3.0);
                    leaky(t, p).backward();
                    leaky(t, n).backward();
                    return Answer.numbers(p.grad(), n.grad());
                },
                (a, seed) -> Expect.near(new double[] {1.0, 0.01}, a.numbers(), 1e-12));

        c.check("task 2: a neuron of 3 inputs draws w1, w2, w3, then b, each random.nextDouble() * 2 - 1",
                "Draw from the Random you are given, in this order, uniform in [-1, 1); parameters() lists the weights, then the bias.",
                seed -> Answer.numbers(data(neuronParameters(student.get(), 3, TANH, new Random(seed)))),
                (a, seed) -> Expect.near(data(new Neuron(3, Activation.TANH, new Random(seed)).parameters()),
                        a.numbers(), 0));
        c.check("task 2: the lecture's neuron outputs 0.7071",
                "Start from b, add each w_i * x_i, then apply the activation; the check sets w1, w2, b through parameters().",
                seed -> Answer.number(lectureNeuron(student.get(), seed, new Value[5]).data()),
                (a, seed) -> Expect.near(Math.sqrt(0.5), a.number(), 1e-12));
        c.check("task 2: backward() gives x1, w1, x2, w2, b the lecture's gradients",
                "Build the output from Value operations on the neuron's own weights and bias, so backward() reaches them.",
                seed -> {
                    Value[] leaves = new Value[5];
                    lectureNeuron(student.get(), seed, leaves).backward();
                    return Answer.numbers(leaves[0].grad(), leaves[1].grad(), leaves[2].grad(), leaves[3].grad(),
                            leaves[4].grad());
                },
                (a, seed) -> Expect.near(new double[] {-1.5, 1.0, 0.5, 0.0, 0.5}, a.numbers(), 1e-9));
        c.check("task 2: neurons of 4 inputs with tanh, ReLU and no activation, on random inputs",
                "Apply the activation you were given to the weighted sum plus the bias (x -> x leaves it as it is).",
                seed -> neuronOutputs(student.get(), seed),
                (a, seed) -> Expect.near(referenceNeuronOutputs(seed), a.numbers(), 1e-12));
        c.check("task 2: a neuron of 3 inputs given 2 or 4 throws an IllegalArgumentException both times",
                "Python's zip(w, x) silently drops what does not pair up; in Java, say what is wrong: throw new IllegalArgumentException(...).",
                seed -> wrongSizes(student.get(), seed),
                (a, seed) -> Expect.equal(List.of("2 inputs: IllegalArgumentException", "4 inputs: IllegalArgumentException"),
                        a.texts()));

        c.check("task 3: a layer of 4 neurons on 3 inputs lists 16 parameters, neuron after neuron",
                "Make the neurons one after another from the same Random; parameters() adds each neuron's parameters in order.",
                seed -> Answer.numbers(data(layerParameters(student.get(), seed))),
                (a, seed) -> Expect.near(data(new Layer(3, 4, Activation.TANH, new Random(seed)).parameters()),
                        a.numbers(), 0));
        c.check("task 3: its outputs on random inputs, one per neuron",
                "Each neuron of the layer sees the whole input list.",
                seed -> layerOutputs(student.get(), seed),
                (a, seed) -> Expect.near(referenceLayerOutputs(seed), a.numbers(), 1e-12));

        c.check("task 4: the lecture's MLP 3-4-4-1 lists 41 parameters, layer after layer",
                "Layer i has sizes[i - 1] inputs and sizes[i] neurons; parameters() adds each layer's in order.",
                seed -> Answer.numbers(data(mlpParameters(student.get(), seed, TANH, TANH, LECTURE))),
                (a, seed) -> Expect.near(data(new MLP(new Random(seed), Activation.TANH, Activation.TANH, LECTURE)
                        .parameters()), a.numbers(), 0));
        c.check("task 4: its outputs for the lecture's four samples",
                "Each layer's outputs are the next layer's inputs; the MLP returns the last layer's.",
                seed -> mlpOutputs(student.get(), seed, TANH, TANH, LECTURE, XS),
                (a, seed) -> Expect.near(referenceOutputs(seed, Activation.TANH, Activation.TANH, LECTURE, XS),
                        a.numbers(), 1e-12));
        c.check("task 4: ReLU in the hidden layers and a linear last layer, on random inputs",
                "The last layer takes the output activation, every other layer the hidden one: a linear score can be negative.",
                seed -> mlpOutputs(student.get(), seed, RELU, LINEAR, RELU_LINEAR, samples(seed, RELU_LINEAR_SAMPLES, 2)),
                (a, seed) -> Expect.near(referenceOutputs(seed, Activation.RELU, Activation.LINEAR, RELU_LINEAR,
                        samples(seed, RELU_LINEAR_SAMPLES, 2)), a.numbers(), 1e-12));
        c.check("task 4: backward() through it gives every parameter the engine's gradient",
                "Every weight and bias must be a leaf of the graph: use the neuron's own Values, never copies.",
                seed -> mlpGrads(student.get(), seed, false),
                (a, seed) -> Expect.near(referenceGrads(seed), a.numbers(), 1e-9));
        c.check("task 4: zeroGrad() sets all 41 gradients back to 0",
                "Loop over parameters() and setGrad(0) on each.",
                seed -> mlpGrads(student.get(), seed, true),
                (a, seed) -> Expect.near(new double[41], a.numbers(), 0));

        c.check("task 5: the squared error of (0.5, -0.5) against (1, -1) is 0.5",
                "Sum (prediction - target)^2 over the samples: 0.25 + 0.25.",
                seed -> Answer.number(error(student.get(), Value.of(0.5), Value.of(-0.5)).data()),
                (a, seed) -> Expect.near(0.5, a.number(), 1e-12));
        c.check("task 5: its gradients are 2 (prediction - target)", "d(p - t)^2/dp = 2 (p - t): -1 and 1.",
                seed -> {
                    Value p = Value.of(0.5);
                    Value q = Value.of(-0.5);
                    error(student.get(), p, q).backward();
                    return Answer.numbers(p.grad(), q.grad());
                },
                (a, seed) -> Expect.near(new double[] {-1.0, 1.0}, a.numbers(), 1e-12));

        c.check("task 6: the first loss is the untrained network's", "It trains your MLP of task 4, so those checks come first; then compute the loss before you update the parameters.",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student.get(), seed, 1)),
                (a, seed) -> {
                    double[] losses = a.numbers();
                    Expect.that(losses.length == 1, "1 loss", losses.length + " losses");
                    Expect.near(referenceLosses(seed, 1)[0], losses[0], 1e-9);
                });
        c.check("task 6: the first three losses are those of plain gradient descent",
                "Call zeroGrad() before backward(): otherwise each step also carries the gradients of all earlier steps.",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student.get(), seed, 3)),
                (a, seed) -> Expect.near(referenceLosses(seed, 3), a.numbers(), 1e-9));
        c.check("task 6: " + STEPS + " steps at rate " + RATE + " bring the lecture's network below a loss of 0.05",
                "Each step: forward pass, loss, zeroGrad(), backward(), then p.setData(p.data() - rate * p.grad()).",
                Duration.ofSeconds(10),
                seed -> Answer.numbers(losses(student.get(), LECTURE_SEED, STEPS)),
                (a, seed) -> {
                    double[] losses = a.numbers();
                    Expect.that(losses.length == STEPS && losses[STEPS - 1] < 0.05,
                            STEPS + " losses, the last below 0.05", losses.length + " losses"
                                    + (losses.length == 0 ? "" : ", the last " + Expect.number(losses[losses.length - 1])));
                });

        c.check("task 7: a 3-4-4-1 network: backward() and finite differences agree within 1e-6",
                "For each parameter: nudge its data by +h and -h, rebuild the loss each time, (up - down) / 2h.",
                Duration.ofSeconds(10),
                seed -> {
                    // The lecture's seed, not the run's: on about 1 seed in 120 a parameter's gradient is so small
                    // that even a right check's relative error passes 1e-6; a number below it is no secret to guess.
                    List<Value> parameters = draw(new Random(LECTURE_SEED), LECTURE);
                    return Answer.number(check(student.get(), parameters, () -> lectureLoss(parameters, LECTURE, TANH)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error >= 0 && error < 1e-6, "an error from 0 to 1e-6", Expect.number(error));
                });
        c.check("task 7: a loss that cuts one weight off from backward() is caught (error above 0.5)",
                "Here backward() gives the first weight 0 while nudging it moves the loss: compare every parameter.",
                Duration.ofSeconds(10),
                seed -> {
                    List<Value> parameters = draw(new Random(seed), LECTURE);
                    return Answer.number(check(student.get(), parameters, () -> detachedFirstWeight(parameters)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error > 0.5, "an error above 0.5", Expect.number(error));
                });
        c.check("task 7: every parameter keeps its data", "Put each parameter's data back after nudging it.",
                Duration.ofSeconds(10),
                seed -> {
                    List<Value> parameters = draw(new Random(seed), LECTURE);
                    check(student.get(), parameters, () -> lectureLoss(parameters, LECTURE, TANH));
                    return Answer.numbers(data(parameters));
                },
                (a, seed) -> Expect.near(data(draw(new Random(seed), LECTURE)), a.numbers(), 0));
        c.check("task 7: gradients left over from an earlier backward() do not count",
                "Leaves keep adding into grad across backward() calls: set every parameter's grad to 0 first.",
                Duration.ofSeconds(10),
                seed -> {
                    List<Value> parameters = draw(new Random(LECTURE_SEED), LECTURE);
                    lectureLoss(parameters, LECTURE, TANH).backward();
                    return Answer.number(check(student.get(), parameters, () -> lectureLoss(parameters, LECTURE, TANH)));
                },
                (a, seed) -> {
                    double error = a.number();
                    Expect.that(error >= 0 && error < 1e-6, "an error from 0 to 1e-6", Expect.number(error));
                });

        c.check("task 8: the lecture's MLP at rate " + RATE + " does not diverge",
                "This loss falls step after step: a healthy run.",
                Duration.ofSeconds(10),
                seed -> diverges(student.get(), mlpRun(RATE, STEPS)),
                (a, seed) -> diagnosis(a, false, mlpRun(RATE, STEPS)));
        c.check("task 8: a linear neuron at rate 0.1 explodes: it diverges",
                "The last loss is far above the first: each step overshoots the minimum by more than the last.",
                seed -> diverges(student.get(), linearRun(0.1, 30)),
                (a, seed) -> diagnosis(a, true, linearRun(0.1, 30)));
        c.check("task 8: a run whose loss overflows to Infinity, then NaN, diverges",
                "Every comparison with NaN is false, so NaN > first is false too: test Double.isFinite for each loss.",
                seed -> diverges(student.get(), overflowed(linearRun(0.3, 30))),
                (a, seed) -> diagnosis(a, true, overflowed(linearRun(0.3, 30))));
        c.check("task 8: the lecture's MLP at rate 2 jumps to a loss near 8 and stays: it diverges",
                "tanh keeps the outputs in (-1, 1), so this loss cannot explode; it ends above where it started.",
                Duration.ofSeconds(10),
                seed -> diverges(student.get(), mlpRun(2.0, 20)),
                (a, seed) -> diagnosis(a, true, mlpRun(2.0, 20)));
        c.check("task 8: the lecture's MLP at rate 0.5 bumps up and down but ends low: it does not diverge",
                "One loss above the one before is not yet divergence: compare where the run ends with where it began.",
                Duration.ofSeconds(10),
                seed -> diverges(student.get(), mlpRun(0.5, 30)),
                (a, seed) -> diagnosis(a, false, mlpRun(0.5, 30)));
        c.check("task 8: of the rates 0.01, 0.1, 0.03, 0.05, 0.3 the largest stable one for a linear neuron",
                "Try every rate with train.apply(rate) and keep the largest whose run does not diverge.",
                seed -> Answer.number(student.get().largestStableRate(rate1 -> linearRun(rate1, 30),
                        new double[] {0.01, 0.1, 0.03, 0.05, 0.3})),
                (a, seed) -> Expect.near(0.03, a.number(), 0));
        return c;
    }

    // The asks: each calls the student's code through the bridge and turns what came back into numbers.

    private static Value leaky(Tasks<?, ?, ?> t, Value x) {
        return Expect.present(t.leakyRelu(x), "a Value");
    }

    private static <N> List<Value> neuronParameters(Tasks<N, ?, ?> t, int inputs, UnaryOperator<Value> activation,
                                                    Random random) {
        N neuron = Expect.present(t.neuron(inputs, activation, random), "a neuron");
        return Expect.present(t.neuronParameters(neuron), "the parameters");
    }

    /** The lecture's neuron made of the student's: {@code leaves} receives x1, w1, x2, w2, b. */
    private static <N> Value lectureNeuron(Tasks<N, ?, ?> t, long seed, Value[] leaves) {
        N neuron = Expect.present(t.neuron(2, TANH, new Random(seed)), "a neuron");
        List<Value> p = Expect.present(t.neuronParameters(neuron), "the parameters");
        Expect.that(p.size() == 3, "3 parameters: w1, w2, b", p.size() + " parameters");
        p.get(0).setData(-3.0);
        p.get(1).setData(1.0);
        p.get(2).setData(OneNeuron.BIAS);
        leaves[0] = Value.of(2.0, "x1");
        leaves[1] = p.get(0);
        leaves[2] = Value.of(0.0, "x2");
        leaves[3] = p.get(1);
        leaves[4] = p.get(2);
        return Expect.present(t.neuronOutput(neuron, List.of(leaves[0], leaves[2])), "a Value");
    }

    private static <N> Answer neuronOutputs(Tasks<N, ?, ?> t, long seed) {
        List<UnaryOperator<Value>> activations = List.of(TANH, RELU, LINEAR);
        double[] x = samples(seed, 1, 4)[0];
        double[] out = new double[activations.size()];
        for (int k = 0; k < out.length; k++) {
            N neuron = Expect.present(t.neuron(4, activations.get(k), new Random(seed + k)), "a neuron");
            out[k] = Expect.present(t.neuronOutput(neuron, values(x)), "a Value").data();
        }
        return Answer.numbers(out);
    }

    private static <N> Answer wrongSizes(Tasks<N, ?, ?> t, long seed) {
        N neuron = Expect.present(t.neuron(3, TANH, new Random(seed)), "a neuron");
        List<String> said = new ArrayList<>();
        for (double[] x : samples(seed, 1, 4)) {
            said.add(wrongSize(t, neuron, Arrays.copyOf(x, 2)));
            said.add(wrongSize(t, neuron, x));
        }
        return Answer.texts(said);
    }

    private static <N> String wrongSize(Tasks<N, ?, ?> t, N neuron, double[] x) {
        Value out;
        try {
            out = t.neuronOutput(neuron, values(x));
        } catch (IllegalArgumentException e) {
            return x.length + " inputs: IllegalArgumentException";
        }
        return x.length + " inputs: no exception, " + (out == null ? "null" : "the output " + Expect.number(out.data()));
    }

    private static <L> List<Value> layerParameters(Tasks<?, L, ?> t, long seed) {
        L layer = Expect.present(t.layer(3, 4, TANH, new Random(seed)), "a layer");
        return Expect.present(t.layerParameters(layer), "the parameters");
    }

    private static <L> Answer layerOutputs(Tasks<?, L, ?> t, long seed) {
        L layer = Expect.present(t.layer(3, 4, TANH, new Random(seed)), "a layer");
        List<Value> out = Expect.present(t.layerOutputs(layer, values(samples(seed, 1, 3)[0])), "the outputs");
        return Answer.numbers(data(out));
    }

    private static <M> List<Value> mlpParameters(Tasks<?, ?, M> t, long seed, UnaryOperator<Value> hidden,
                                                 UnaryOperator<Value> output, int[] sizes) {
        M mlp = Expect.present(t.mlp(new Random(seed), hidden, output, sizes.clone()), "an MLP");
        return Expect.present(t.mlpParameters(mlp), "the parameters");
    }

    private static <M> Answer mlpOutputs(Tasks<?, ?, M> t, long seed, UnaryOperator<Value> hidden,
                                         UnaryOperator<Value> output, int[] sizes, double[][] xs) {
        M mlp = Expect.present(t.mlp(new Random(seed), hidden, output, sizes.clone()), "an MLP");
        List<Double> all = new ArrayList<>();
        for (double[] x : xs) {
            List<Value> out = Expect.present(t.mlpOutputs(mlp, values(x)), "the outputs");
            Expect.that(out.size() == sizes[sizes.length - 1], sizes[sizes.length - 1] + " output(s) per sample",
                    out.size());
            for (Value v : out) {
                all.add(Expect.present(v, "a Value").data());
            }
        }
        return Answer.numbers(all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The gradients of the lecture's loss on the student's 3-4-4-1 network, after zeroGrad() if asked. */
    private static <M> Answer mlpGrads(Tasks<?, ?, M> t, long seed, boolean zero) {
        M mlp = Expect.present(t.mlp(new Random(seed), TANH, TANH, LECTURE.clone()), "an MLP");
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < XS.length; i++) {
            List<Value> out = Expect.present(t.mlpOutputs(mlp, values(XS[i])), "the outputs");
            Expect.that(out.size() == 1, "1 output", out.size());
            terms.add(out.get(0).sub(YS[i]).pow(2));
        }
        Value.sum(terms).backward();
        if (zero) {
            t.zeroGrad(mlp);
        }
        return Answer.numbers(grads(Expect.present(t.mlpParameters(mlp), "the parameters")));
    }

    private static Value error(Tasks<?, ?, ?> t, Value p, Value q) {
        return Expect.present(t.squaredError(List.of(p, q), new double[] {1.0, -1.0}), "a Value");
    }

    private static <M> double[] losses(Tasks<?, ?, M> t, long seed, int steps) {
        M mlp = Expect.present(t.mlp(new Random(seed), TANH, TANH, LECTURE.clone()), "an MLP");
        double[][] xs = new double[XS.length][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = XS[i].clone();
        }
        return Expect.present(t.train(mlp, xs, YS.clone(), steps, RATE), "the losses");
    }

    private static double check(Tasks<?, ?, ?> t, List<Value> parameters, Supplier<Value> loss) {
        return t.gradientCheck(parameters, loss, 1e-5);
    }

    private static Answer diverges(Tasks<?, ?, ?> t, double[] losses) {
        return Answer.text(t.diverges(losses.clone()) ? "diverges" : "does not diverge");
    }

    // The expectations: the engine's own networks, in the supervisor, on the same seeds.

    private static double[] referenceNeuronOutputs(long seed) {
        List<Activation> activations = List.of(Activation.TANH, Activation.RELU, Activation.LINEAR);
        double[] x = samples(seed, 1, 4)[0];
        double[] out = new double[activations.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Neuron(4, activations.get(k), new Random(seed + k)).apply(values(x)).data();
        }
        return out;
    }

    private static double[] referenceLayerOutputs(long seed) {
        return data(new Layer(3, 4, Activation.TANH, new Random(seed)).apply(values(samples(seed, 1, 3)[0])));
    }

    private static double[] referenceOutputs(long seed, Activation hidden, Activation output, int[] sizes, double[][] xs) {
        MLP mlp = new MLP(new Random(seed), hidden, output, sizes);
        List<Double> all = new ArrayList<>();
        for (double[] x : xs) {
            for (Value v : mlp.apply(x)) {
                all.add(v.data());
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] referenceGrads(long seed) {
        MLP mlp = new MLP(new Random(seed), Activation.TANH, Activation.TANH, LECTURE);
        engineLoss(mlp).backward();
        return grads(mlp.parameters());
    }

    /** The losses of the first {@code steps} steps of gradient descent, on the engine's MLP from {@code seed}. */
    static double[] referenceLosses(long seed, int steps) {
        MLP mlp = new MLP(new Random(seed), Activation.TANH, Activation.TANH, LECTURE);
        return descend(mlp.parameters(), () -> engineLoss(mlp), RATE, steps);
    }

    private static Value engineLoss(MLP mlp) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < XS.length; i++) {
            terms.add(mlp.apply(XS[i]).get(0).sub(YS[i]).pow(2));
        }
        return Value.sum(terms);
    }

    private static double[] descend(List<Value> parameters, Supplier<Value> lossOf, double rate, int steps) {
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            Value loss = lossOf.get();
            for (Value p : parameters) {
                p.setGrad(0);
            }
            loss.backward();
            for (Value p : parameters) {
                p.setData(p.data() - rate * p.grad());
            }
            losses[step] = loss.data();
        }
        return losses;
    }

    private static void diagnosis(Answer answer, boolean expected, double[] losses) {
        String said = answer.text();
        Expect.that(said.equals(expected ? "diverges" : "does not diverge"), expected ? "diverges" : "does not diverge",
                said + " for the losses " + Expect.number(losses[0]) + " ... " + Expect.number(losses[losses.length - 1]));
    }

    // The checker's own networks for tasks 7 and 8: parameters in a flat list, drawn in the engine's order.

    /** The parameters of a network of {@code sizes}: per neuron its weights, then its bias, each in [-1, 1). */
    static List<Value> draw(Random random, int[] sizes) {
        List<Value> parameters = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            for (int n = 0; n < sizes[l] * (sizes[l - 1] + 1); n++) {
                parameters.add(Value.of(random.nextDouble() * 2 - 1));
            }
        }
        return parameters;
    }

    /** The output of the network whose parameters {@link #draw} made, with {@code activation} in every layer. */
    private static Value output(List<Value> parameters, int[] sizes, UnaryOperator<Value> activation, double[] x) {
        List<Value> in = values(x);
        int k = 0;
        for (int l = 1; l < sizes.length; l++) {
            List<Value> out = new ArrayList<>();
            for (int n = 0; n < sizes[l]; n++) {
                Value sum = parameters.get(k + sizes[l - 1]);
                for (int i = 0; i < sizes[l - 1]; i++) {
                    sum = sum.add(parameters.get(k + i).mul(in.get(i)));
                }
                out.add(activation.apply(sum));
                k += sizes[l - 1] + 1;
            }
            in = out;
        }
        return in.get(0);
    }

    /** The squared error of that network on the lecture's samples. */
    private static Value lectureLoss(List<Value> parameters, int[] sizes, UnaryOperator<Value> activation) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < XS.length; i++) {
            terms.add(output(parameters, sizes, activation, XS[i]).sub(YS[i]).pow(2));
        }
        return Value.sum(terms);
    }

    /** The loss plus 1000 times a copy of the first weight, a copy that backward() cannot reach. */
    private static Value detachedFirstWeight(List<Value> parameters) {
        Value copy = Value.of(parameters.get(0).data());
        return lectureLoss(parameters, LECTURE, TANH).add(copy.mul(1000));
    }

    /** The losses of gradient descent on the lecture's network 3-4-4-1. */
    static double[] mlpRun(double rate, int steps) {
        List<Value> parameters = draw(new Random(LECTURE_SEED), LECTURE);
        return descend(parameters, () -> lectureLoss(parameters, LECTURE, TANH), rate, steps);
    }

    /** The losses of gradient descent on one linear neuron, whose loss has no ceiling. */
    static double[] linearRun(double rate, int steps) {
        int[] sizes = {3, 1};
        List<Value> parameters = draw(new Random(7), sizes);
        return descend(parameters, () -> lectureLoss(parameters, sizes, LINEAR), rate, steps);
    }

    /** A run continued in plain doubles, which the engine refuses: the loss overflows, then inf - inf is NaN. */
    private static double[] overflowed(double[] losses) {
        double[] longer = Arrays.copyOf(losses, losses.length + 2);
        longer[losses.length] = Double.POSITIVE_INFINITY;
        longer[losses.length + 1] = Double.NaN;
        return longer;
    }

    /** {@code count} inputs of {@code size} numbers in [-2, 2), drawn from the check's seed. */
    static double[][] samples(long seed, int count, int size) {
        Random random = new Random(~seed);
        double[][] xs = new double[count][size];
        for (double[] x : xs) {
            for (int i = 0; i < size; i++) {
                x[i] = random.nextDouble() * 4 - 2;
            }
        }
        return xs;
    }

    private static List<Value> values(double... x) {
        List<Value> values = new ArrayList<>(x.length);
        for (double xi : x) {
            values.add(Value.of(xi));
        }
        return values;
    }

    private static double[] data(List<Value> values) {
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = Expect.present(values.get(i), "a Value").data();
        }
        return data;
    }

    private static double[] grads(List<Value> values) {
        double[] grads = new double[values.size()];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = Expect.present(values.get(i), "a Value").grad();
        }
        return grads;
    }
}
