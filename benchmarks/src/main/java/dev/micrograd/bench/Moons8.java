package dev.micrograd.bench;

import dev.micrograd.data.Moons;
import dev.micrograd.nn.Training;
import java.util.List;

/** Chapter 8's setting, from the engine's Training, shared by the engine and the flat-array version. */
final class Moons8 {
    static final long MODEL_SEED = Training.MODEL_SEED;
    static final int[] SIZES = {2, 16, 16, 1};
    static final double ALPHA = Training.ALPHA;
    static final int STEPS = Training.STEPS;

    /** The nodes of one step's graph, parameters and constants included (a test recounts them). */
    static final int NODES_PER_STEP = 65_815;

    private Moons8() {
    }

    static List<Moons.Point> points() {
        return Training.chapter8Points();
    }

    /** The learning rate of step {@code k}, falling from 1.0 to 0.1 over the training. */
    static double learningRate(int k) {
        return Training.learningRate(k);
    }
}
