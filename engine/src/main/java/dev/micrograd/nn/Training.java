package dev.micrograd.nn;

import dev.micrograd.data.Moons;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chapter 8's training on labelled points, written once for the chapter, the browser's trainer and the
 * benchmarks: max-margin loss with L2 regularisation, and plain gradient descent with a falling learning rate.
 */
public final class Training {
    /** Chapter 8's setting: 100 moons with noise 0.1, an MLP 2-16-16-1 of ReLUs with a linear output. */
    public static final long DATA_SEED = 1;
    public static final long MODEL_SEED = 1;
    public static final int POINTS = 100;
    public static final double NOISE = 0.1;
    public static final int STEPS = 100;
    /** The strength of the L2 regularisation, as in micrograd's demo. */
    public static final double ALPHA = 1e-4;

    /** The loss of the model on the data, and the fraction of points it puts on the right side. */
    public record Evaluation(Value loss, double accuracy) {
    }

    /** The loss of one point, from the model's score and the point's label, -1 or +1. */
    @FunctionalInterface
    public interface PointLoss {
        Value of(Value score, int label);
    }

    private Training() {
    }

    // tag::setting[]
    /** Chapter 8's points. */
    public static List<Point> chapter8Points() {
        return Moons.generate(POINTS, NOISE, DATA_SEED);
    }

    /** Chapter 8's model, fresh from its seed. */
    public static MLP chapter8Model() {
        return new MLP(new Random(MODEL_SEED), Activation.RELU, Activation.LINEAR, 2, 16, 16, 1);
    }
    // end::setting[]

    // tag::step[]
    /** One step of gradient descent; returns the loss and the accuracy before the update. */
    public static Evaluation step(MLP model, List<Point> points, double alpha, double learningRate) {
        return step(model, points, MAX_MARGIN, alpha, learningRate);
    }

    /** The same step with another loss per point. */
    public static Evaluation step(MLP model, List<Point> points, PointLoss loss, double alpha, double learningRate) {
        Evaluation e = evaluate(model, points, loss, alpha);
        model.zeroGrad();
        e.loss().backward();
        for (Value p : model.parameters()) {
            p.setData(p.data() - learningRate * p.grad());
        }
        return e;
    }

    /** The learning rate of step k: 1.0 at the first step, falling linearly to 0.1 over STEPS steps, then 0.1. */
    public static double learningRate(int k) {
        return k < STEPS ? 1.0 - 0.9 * k / STEPS : 0.1;
    }
    // end::step[]

    // tag::loss[]
    /** The max-margin loss of one point: 0 once it sits on the right side with a margin of 1, else relu(1 - y * score). */
    public static final PointLoss MAX_MARGIN = (score, label) -> score.mul(-label).add(1).relu();

    /** The mean max-margin loss over the points, plus alpha times the sum of squared parameters. */
    public static Evaluation evaluate(MLP model, List<Point> points, double alpha) {
        return evaluate(model, points, MAX_MARGIN, alpha);
    }

    /** The mean of {@code loss} over the points, plus alpha times the sum of squared parameters. */
    public static Evaluation evaluate(MLP model, List<Point> points, PointLoss loss, double alpha) {
        List<Value> losses = new ArrayList<>();
        int correct = 0;
        for (Point p : points) {
            Value score = model.apply(p.x(), p.y()).get(0);
            losses.add(loss.of(score, p.label()));
            if ((score.data() > 0) == (p.label() > 0)) {
                correct++;
            }
        }
        Value dataLoss = Value.sum(losses).div(points.size());
        List<Value> squares = new ArrayList<>();
        for (Value w : model.parameters()) {
            squares.add(w.mul(w));
        }
        Value regularisation = Value.sum(squares).mul(alpha);
        return new Evaluation(dataLoss.add(regularisation), (double) correct / points.size());
    }
    // end::loss[]

    /** The model's score for one point with plain doubles and no graph, in the engine's order: bias first. */
    public static double plainScore(MLP model, double x, double y) {
        double[] a = {x, y};
        for (Layer layer : model.layers()) {
            a = plainLayer(layer, a);
        }
        return a[0];
    }

    /** One layer's outputs for these inputs with plain doubles and no graph, in the engine's order: bias first. */
    public static double[] plainLayer(Layer layer, double[] a) {
        double[] next = new double[layer.neurons().size()];
        for (int j = 0; j < next.length; j++) {
            Neuron n = layer.neurons().get(j);
            double sum = n.bias().data();
            for (int i = 0; i < a.length; i++) {
                sum += n.weights().get(i).data() * a[i];
            }
            Activation f = n.activation();
            next[j] = f == Activation.RELU ? Math.max(0, sum) : f == Activation.TANH ? Math.tanh(sum) : sum;
        }
        return next;
    }
}
