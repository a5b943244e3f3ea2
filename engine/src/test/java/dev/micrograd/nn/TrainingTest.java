package dev.micrograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.data.Circles;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.engine.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chapter 8's one training: the loss by hand on two points, the schedule, and a step that lowers the loss. */
class TrainingTest {
    @Test
    void theLossIsTheMeanMarginPlusAlphaTimesTheSquares() {
        MLP model = new MLP(new Random(3), Activation.RELU, Activation.LINEAR, 2, 1);
        Neuron n = model.layers().get(0).neurons().get(0);
        n.weights().get(0).setData(0.5);
        n.weights().get(1).setData(-1.0);
        n.bias().setData(0.25);
        List<Point> points = List.of(new Point(1.0, 0.0, 1), new Point(0.0, 1.0, 1));
        // Scores 0.75 and -0.75: margins relu(1 - 0.75) = 0.25 and relu(1 + 0.75) = 1.75, mean 1.0.
        double squares = 0.25 + 1.0 + 0.0625;
        Training.Evaluation e = Training.evaluate(model, points, 0.01);
        assertEquals(1.0 + 0.01 * squares, e.loss().data(), 1e-15);
        assertEquals(0.5, e.accuracy());
        assertEquals(0.75, Training.plainScore(model, 1.0, 0.0), 1e-15);
    }

    @Test
    void aStepLowersTheLossAndUsesTheGradient() {
        MLP model = Training.chapter8Model();
        List<Point> points = Training.chapter8Points();
        Value w = model.parameters().get(0);
        double before = w.data();
        double loss0 = Training.step(model, points, Training.ALPHA, 0.5).loss().data();
        assertEquals(before - 0.5 * w.grad(), w.data(), 1e-15);
        assertTrue(Training.evaluate(model, points, Training.ALPHA).loss().data() < loss0);
    }

    @Test
    void theScheduleFallsFromOneToATenth() {
        assertEquals(1.0, Training.learningRate(0));
        assertEquals(1.0 - 0.9 * 99 / 100, Training.learningRate(99));
        assertEquals(0.1, Training.learningRate(100));
        assertEquals(0.1, Training.learningRate(1000));
    }

    @Test
    void theGraphAndThePlainScoreAgreeForEveryActivation() {
        for (Activation a : Activation.values()) {
            MLP model = new MLP(new Random(5), a, Activation.LINEAR, 2, 4, 1);
            assertEquals(model.apply(0.3, -0.7).get(0).data(), Training.plainScore(model, 0.3, -0.7), 1e-15, a.name());
        }
    }

    @Test
    void circlesAlternateBetweenTwoRings() {
        List<Point> rings = Circles.generate(10, 0.0, 4);
        for (int i = 0; i < rings.size(); i++) {
            Point p = rings.get(i);
            assertEquals(i % 2 == 0 ? -1 : 1, p.label());
            assertEquals(p.label() < 0 ? 1.0 : 0.5, Math.hypot(p.x(), p.y()), 1e-12);
        }
        assertEquals(rings, Circles.generate(10, 0.0, 4));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> Circles.generate(1, 0.1, 1));
        assertEquals("two circles need at least 2 points, got 1", tooFew.getMessage());
    }
}
