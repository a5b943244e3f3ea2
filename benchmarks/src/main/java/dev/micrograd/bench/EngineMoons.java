package dev.micrograd.bench;

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Training;
import java.util.List;

/** Chapter 8's training on the engine: MLP 2-16-16-1, max-margin loss with L2, SGD. */
final class EngineMoons {
    private final MLP model = Training.chapter8Model();
    private final List<Value> parameters = model.parameters();
    private final List<Moons.Point> points = Moons8.points();

    /** mean(relu(1 - y * score)) + alpha * sum(p^2): chapter 8's loss, from the engine's Training. */
    Value loss() {
        return Training.evaluate(model, points, Moons8.ALPHA).loss();
    }

    /** One step of SGD: forward, backward, update; returns the loss before the update. */
    Value step(int k) {
        return Training.step(model, points, Moons8.ALPHA, Moons8.learningRate(k)).loss();
    }

    /** The whole training; returns the last loss. */
    double train() {
        double last = 0;
        for (int k = 0; k < Moons8.STEPS; k++) {
            last = step(k).data();
        }
        return last;
    }

    List<Value> parameters() {
        return parameters;
    }
}
