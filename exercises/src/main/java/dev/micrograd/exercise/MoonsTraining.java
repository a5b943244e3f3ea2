package dev.micrograd.exercise;

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Training;
import java.util.List;
import java.util.Random;

/**
 * A small version of chapter 8's training on two moons, through the engine's {@link Training}, with the loss and
 * the learning-rate schedule left to the student: ReLU network 2-16-16-1, the student's loss plus L2 regularisation.
 */
public final class MoonsTraining {
    /** The loss of one sample, from the network's score and the label (-1 or +1). */
    @FunctionalInterface
    public interface Loss {
        Value of(Value score, int label);
    }

    /** The learning rate of a step, numbered from 0. */
    @FunctionalInterface
    public interface Schedule {
        double rate(int step, int steps);
    }

    public static final int POINTS = 60;
    public static final double NOISE = 0.1;
    public static final long SEED = 7;
    public static final int HIDDEN = 16;
    public static final double ALPHA = 1e-4;

    private MoonsTraining() {
    }

    /** Trains a fresh network for {@code steps} steps and returns its training accuracy, from 0 to 1. */
    public static double train(Loss loss, Schedule schedule, int steps) {
        List<Moons.Point> points = Moons.generate(POINTS, NOISE, SEED);
        return accuracy(trained(loss, schedule, steps, points), points);
    }

    /** Trains a fresh network on {@code train} only and returns its accuracy on the points it never saw. */
    public static double heldOut(Loss loss, Schedule schedule, int steps, List<Moons.Point> train, List<Moons.Point> test) {
        return accuracy(trained(loss, schedule, steps, train), test);
    }

    private static MLP trained(Loss loss, Schedule schedule, int steps, List<Moons.Point> points) {
        MLP mlp = new MLP(new Random(SEED), Activation.RELU, Activation.LINEAR, 2, HIDDEN, HIDDEN, 1);
        Training.PointLoss checked = (score, label) -> {
            Value sample = loss.of(score, label);
            if (sample == null) {
                throw new Mismatch("a Value from the loss", "null");
            }
            return sample;
        };
        for (int step = 0; step < steps; step++) {
            Training.step(mlp, points, checked, ALPHA, schedule.rate(step, steps));
        }
        return mlp;
    }

    private static double accuracy(MLP mlp, List<Moons.Point> points) {
        int right = 0;
        for (Moons.Point p : points) {
            double score = Training.plainScore(mlp, p.x(), p.y());
            if ((score > 0) == (p.label() > 0)) {
                right++;
            }
        }
        return (double) right / points.size();
    }
}
