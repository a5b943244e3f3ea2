package dev.micrograd.bench;

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Chapter 8's training on the engine: MLP 2-16-16-1, max-margin loss with L2, SGD. */
final class EngineMoons {
    private final MLP model = new MLP(new Random(Moons8.MODEL_SEED), Activation.RELU, Activation.LINEAR, Moons8.SIZES);
    private final List<Value> parameters = model.parameters();
    private final List<Moons.Point> points = Moons8.points();

    /** mean(relu(1 - y * score)) + alpha * sum(p^2), written as chapter 8 writes it. */
    Value loss() {
        List<Value> margins = new ArrayList<>(points.size());
        for (Moons.Point p : points) {
            Value score = model.apply(p.x(), p.y()).get(0);
            margins.add(score.mul(-p.label()).add(1).relu());
        }
        Value dataLoss = Value.sum(margins).div(points.size());
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value w : parameters) {
            squares.add(w.mul(w));
        }
        return dataLoss.add(Value.sum(squares).mul(Moons8.ALPHA));
    }

    /** One step of SGD: forward, backward, update; returns the loss before the update. */
    Value step(int k) {
        Value loss = loss();
        model.zeroGrad();
        loss.backward();
        double rate = Moons8.learningRate(k);
        for (Value w : parameters) {
            w.setData(w.data() - rate * w.grad());
        }
        return loss;
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
