package dev.micrograd.web;

import dev.micrograd.data.Circles;
import dev.micrograd.data.Moons;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Training;
import dev.micrograd.nn.Training.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chapter 8's training, step by step, for the live figures: the engine's {@link Training}, which the chapter's
 * script runs too, plus the page's knobs (data set, noise, sizes, activation, learning rate, L2) and points added
 * by a click.
 */
public final class Trainer {
    private final MLP model;
    private final List<Point> points;
    private final double alpha;
    private int steps;
    private int nodes = -1;

    public Trainer(MLP model, List<Point> points, double alpha) {
        this.model = model;
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
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 2;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        return new Trainer(new MLP(new Random(seed), a, Activation.LINEAR, sizes), data, alpha);
    }

    /** Chapter 8's learning rate at step {@code k}: from 1.0 down to 0.1 over 100 steps, then 0.1. */
    public static double learningRate(int k) {
        return Training.learningRate(k);
    }

    /** One step of gradient descent at this learning rate; returns the loss and accuracy before the update. */
    public Evaluation step(double learningRate) {
        Evaluation e = Training.step(model, points, alpha, learningRate);
        steps++;
        if (nodes < 0) {
            nodes = e.loss().topologicalOrder().size();
        }
        return e;
    }

    /** The max-margin loss, mean(relu(1 - y * score)), plus alpha times the sum of squared parameters. */
    public Evaluation evaluate() {
        return Training.evaluate(model, points, alpha);
    }

    /** Adds a point of class {@code label} (-1 or +1), as a click on the plane does. */
    public void add(double x, double y, int label) {
        if (label != -1 && label != 1) {
            throw new IllegalArgumentException("a label is -1 or +1, got " + label);
        }
        points.add(new Point(x, y, label));
        nodes = -1;
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

    /**
     * The score over a grid, row by row from the top, one letter per cell from 'a' (surely -1) to 't' (surely
     * +1), so the page can shade the boundary from a short string.
     */
    public String boundary(int columns, int rows, double minX, double maxX, double minY, double maxY) {
        StringBuilder cells = new StringBuilder(columns * rows);
        for (int j = 0; j < rows; j++) {
            double y = maxY - (j + 0.5) * (maxY - minY) / rows;
            for (int i = 0; i < columns; i++) {
                double x = minX + (i + 0.5) * (maxX - minX) / columns;
                int level = (int) Math.floor((Math.tanh(score(x, y)) + 1) * 10);
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
