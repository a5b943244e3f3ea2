package dev.micrograd.bench;

import dev.micrograd.data.Moons;
import java.util.List;

/** Chapter 8's setting (as in chapters/scripts/Ch08TwoMoons.java), shared by the engine and the flat-array version. */
final class Moons8 {
    static final long DATA_SEED = 1;
    static final long MODEL_SEED = 1;
    static final int POINTS = 100;
    static final double NOISE = 0.1;
    static final int[] SIZES = {2, 16, 16, 1};
    static final double ALPHA = 1e-4;
    static final int STEPS = 100;

    /** The nodes of one step's graph, parameters and constants included (a test recounts them). */
    static final int NODES_PER_STEP = 65_815;

    private Moons8() {
    }

    static List<Moons.Point> points() {
        return Moons.generate(POINTS, NOISE, DATA_SEED);
    }

    /** The learning rate of step {@code k}, falling from 1.0 to 0.1 over the training. */
    static double learningRate(int k) {
        return 1.0 - 0.9 * k / STEPS;
    }
}
