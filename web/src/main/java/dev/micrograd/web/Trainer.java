package dev.micrograd.web;

import dev.micrograd.data.Circles;
import dev.micrograd.data.Moons;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.engine.Value;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.Layer;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Neuron;
import dev.micrograd.nn.Training;
import dev.micrograd.nn.Training.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chapter 8's training, step by step, for the live figures: the engine's {@link Training}, which the chapter's
 * script runs too, plus the page's knobs (data set, noise, sizes, activation, learning rate, L2), each checked, and
 * points added by a click.
 */
public final class Trainer {
    /** The page's limits: enough to try every idea of chapter 8, small enough that a step stays fast. */
    static final int MIN_POINTS = 4;
    static final int MAX_POINTS = 300;
    /** Points from the data plus points added by hand. */
    static final int MAX_ALL_POINTS = 400;
    static final int MAX_HIDDEN_LAYERS = 4;
    static final int MAX_LAYER_SIZE = 64;
    static final double MAX_NOISE = 0.5;
    static final double MAX_ALPHA = 1;
    static final double MAX_LEARNING_RATE = 100;
    /** About 4 times chapter 8's graph: a step of a few tens of milliseconds in a browser. */
    static final int MAX_NODES = 300_000;

    private final MLP model;
    private final List<Point> points;
    private final double alpha;
    private final int[] sizes;
    private int steps;
    private int nodes = -1;

    public Trainer(MLP model, List<Point> points, double alpha) {
        this.model = model;
        this.sizes = new int[model.layers().size() + 1];
        this.sizes[0] = 2;
        for (int i = 0; i < model.layers().size(); i++) {
            sizes[i + 1] = model.layers().get(i).neurons().size();
        }
        this.points = new ArrayList<>(points);
        this.alpha = alpha;
    }

    /** Chapter 8 from a fresh start: 100 moons with noise 0.1, an MLP 2-16-16-1 of ReLUs with a linear output. */
    public static Trainer chapter8() {
        return new Trainer(Training.chapter8Model(), Training.chapter8Points(), Training.ALPHA);
    }

    /**
     * A trainer for the page's settings: {@code dataset} "moons" or "circles", {@code hidden} the hidden layer
     * sizes, {@code activation} "relu" or "tanh" for the hidden layers (the output stays linear).
     */
    public static Trainer of(String dataset, int n, double noise, int[] hidden, String activation, double alpha,
            long seed) {
        if (n < MIN_POINTS || n > MAX_POINTS) {
            throw new IllegalArgumentException("points: from " + MIN_POINTS + " to " + MAX_POINTS + ", got " + n);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise: from 0 to " + MAX_NOISE + ", got " + shown(noise));
        }
        if (!(alpha >= 0 && alpha <= MAX_ALPHA)) {
            throw new IllegalArgumentException("L2: from 0 to " + (int) MAX_ALPHA + ", got " + shown(alpha));
        }
        if (hidden.length > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("hidden layers: at most " + MAX_HIDDEN_LAYERS + ", got " + hidden.length);
        }
        for (int size : hidden) {
            if (size < 1 || size > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException("hidden layers: each from 1 to " + MAX_LAYER_SIZE + " neurons, got "
                        + size);
            }
        }
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 2;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        long estimate = estimatedNodes(sizes, n);
        if (estimate > MAX_NODES) {
            throw new IllegalArgumentException("this network on " + n + " points would build about "
                    + grouped(estimate) + " graph nodes a step; the limit is " + grouped(MAX_NODES)
                    + ": use fewer points or smaller layers");
        }
        List<Point> data;
        if ("moons".equals(dataset)) {
            data = Moons.generate(n, noise, seed);
        } else if ("circles".equals(dataset)) {
            data = Circles.generate(n, noise, seed);
        } else {
            throw new IllegalArgumentException("unknown data set '" + dataset + "': use moons or circles");
        }
        Activation a;
        if ("relu".equals(activation)) {
            a = Activation.RELU;
        } else if ("tanh".equals(activation)) {
            a = Activation.TANH;
        } else {
            throw new IllegalArgumentException("unknown activation '" + activation + "': use relu or tanh");
        }
        return new Trainer(new MLP(new Random(seed), a, Activation.LINEAR, sizes), data, alpha);
    }

    /** Chapter 8's learning rate at step {@code k}: from 1.0 down to 0.1 over 100 steps, then 0.1. */
    public static double learningRate(int k) {
        return Training.learningRate(k);
    }

    /**
     * The graph nodes one step builds, counted as the forward pass makes them: per point and neuron, a product and
     * a sum per input, the bias and the activation; then the margin, the mean and the squared parameters.
     */
    static long estimatedNodes(int[] sizes, long points) {
        long perPoint = 4;
        long parameters = 0;
        for (int i = 1; i < sizes.length; i++) {
            perPoint += (long) sizes[i] * (2L * sizes[i - 1] + 3);
            parameters += (long) sizes[i] * (sizes[i - 1] + 1);
        }
        return points * perPoint + 3 * parameters;
    }

    /** 1234567 as "1,234,567", the same on the JVM and in the browser. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String shown(double x) {
        return Double.isNaN(x) ? "nothing" : Double.toString(x);
    }

    /** One step of gradient descent at this learning rate; returns the loss and accuracy before the update. */
    public Evaluation step(double learningRate) {
        return step(learningRate, true);
    }

    /**
     * The same; without {@code zeroGrad}, the parameters' gradients keep the sum of every step so far, the
     * lecture's forgotten {@code zero_grad()}, for the page to show what it does.
     */
    public Evaluation step(double learningRate, boolean zeroGrad) {
        if (!(learningRate >= 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate: from 0 to " + (int) MAX_LEARNING_RATE + ", got "
                    + shown(learningRate));
        }
        Evaluation e;
        if (zeroGrad) {
            e = Training.step(model, points, alpha, learningRate);
        } else {
            e = evaluate();
            e.loss().backward();
            for (Value p : model.parameters()) {
                p.setData(p.data() - learningRate * p.grad());
            }
        }
        steps++;
        if (nodes < 0) {
            nodes = e.loss().topologicalOrder().size();
        }
        return e;
    }

    /** The loss and accuracy of the model as it is now. */
    public Evaluation evaluate() {
        return Training.evaluate(model, points, alpha);
    }

    /** Adds a point of class {@code label} (-1 or +1), as a click on the plane does. */
    public void add(double x, double y, int label) {
        if (label != -1 && label != 1) {
            throw new IllegalArgumentException("a label is -1 or +1, got " + label);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates, got " + x + ", " + y);
        }
        if (points.size() >= MAX_ALL_POINTS || estimatedNodes(sizes, points.size() + 1) > MAX_NODES) {
            throw new IllegalArgumentException("no room for another point (" + points.size()
                    + " now): press reset for fewer points or a smaller network");
        }
        points.add(new Point(x, y, label));
        nodes = -1;
    }

    /** The model's weights and biases. */
    public List<Value> parameters() {
        return model.parameters();
    }

    public List<Point> points() {
        return points;
    }

    public int steps() {
        return steps;
    }

    /** The number of nodes in one step's graph (forward pass and loss), known after the first step. */
    public int nodes() {
        return nodes;
    }

    /** The model's score for one point, with plain doubles and no graph, for drawing the boundary. */
    public double score(double x, double y) {
        return Training.plainScore(model, x, y);
    }

    /** {@link #score(double, double)} from weights already read, each neuron's bias last. */
    private static double score(double[][][] weights, Activation[][] activations, double x, double y) {
        double[] a = {x, y};
        for (int l = 0; l < weights.length; l++) {
            double[] next = new double[weights[l].length];
            for (int j = 0; j < next.length; j++) {
                double[] w = weights[l][j];
                double sum = w[w.length - 1];
                for (int i = 0; i < a.length; i++) {
                    sum += w[i] * a[i];
                }
                Activation f = activations[l][j];
                next[j] = f == Activation.RELU ? Math.max(0, sum) : f == Activation.TANH ? Math.tanh(sum) : sum;
            }
            a = next;
        }
        return a[0];
    }

    /**
     * The score over a grid, row by row from the top, one letter per cell from 'a' (surely -1) to 't' (surely
     * +1), so the page can shade the boundary from a short string.
     */
    public String boundary(int columns, int rows, double minX, double maxX, double minY, double maxY) {
        // The weights read once into arrays: the grid asks for thousands of scores between two training steps.
        List<Layer> layers = model.layers();
        double[][][] weights = new double[layers.size()][][];
        Activation[][] activations = new Activation[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            List<Neuron> neurons = layers.get(l).neurons();
            weights[l] = new double[neurons.size()][];
            activations[l] = new Activation[neurons.size()];
            for (int j = 0; j < neurons.size(); j++) {
                Neuron n = neurons.get(j);
                double[] w = new double[n.weights().size() + 1];
                for (int i = 0; i < n.weights().size(); i++) {
                    w[i] = n.weights().get(i).data();
                }
                w[w.length - 1] = n.bias().data();
                weights[l][j] = w;
                activations[l][j] = n.activation();
            }
        }
        StringBuilder cells = new StringBuilder(columns * rows);
        for (int j = 0; j < rows; j++) {
            double y = maxY - (j + 0.5) * (maxY - minY) / rows;
            for (int i = 0; i < columns; i++) {
                double x = minX + (i + 0.5) * (maxX - minX) / columns;
                int level = (int) Math.floor((Math.tanh(score(weights, activations, x, y)) + 1) * 10);
                cells.append((char) ('a' + Math.max(0, Math.min(19, level))));
            }
        }
        return cells.toString();
    }

    /**
     * Chapter 8 from a fresh start for {@code steps} steps, then the loss and accuracy of the trained model
     * (the chapter's {@code end} line) and the mean time per step: {@code {"loss", "accuracy", "msPerStep"}}.
     */
    public static String trainMoons(int steps) {
        try {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be 0 or more, got " + steps);
            }
            Trainer t = chapter8();
            long start = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                t.step(learningRate(k));
            }
            double ms = steps == 0 ? 0 : (System.nanoTime() - start) / 1e6 / steps;
            Evaluation end = t.evaluate();
            return new Json().number("loss", end.loss().data()).number("accuracy", end.accuracy())
                    .number("msPerStep", ms).toString();
        } catch (RuntimeException e) {
            return Json.error(Playground.message(e));
        }
    }
}
