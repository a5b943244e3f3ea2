package dev.micrograd.bench;

import dev.micrograd.data.Moons;
import java.util.List;
import java.util.Random;

/** Chapter 8's training on a {@link Tape}: the same operations in the same order as {@link EngineMoons}. */
final class FlatMoons {
    private final Tape tape = new Tape(1 << 17);
    private final List<Moons.Point> points = Moons8.points();
    /** weights[layer][neuron][input], then bias at index inputs: tape indices of the parameters. */
    private final int[][][] layers;
    private final int parameters;
    /** The tape indices of a layer's inputs and outputs, as wide as the widest layer. */
    private int[] in = new int[16];
    private int[] out = new int[16];

    FlatMoons() {
        Random random = new Random(Moons8.MODEL_SEED);
        int[] sizes = Moons8.SIZES;
        layers = new int[sizes.length - 1][][];
        for (int l = 1; l < sizes.length; l++) {
            layers[l - 1] = new int[sizes[l]][sizes[l - 1] + 1];
            for (int[] neuron : layers[l - 1]) {
                for (int i = 0; i < neuron.length; i++) {
                    neuron[i] = tape.leaf(random.nextDouble() * 2 - 1);
                }
            }
        }
        parameters = tape.size();
    }

    /** Records the loss on the tape after the parameters and returns its node. */
    int loss() {
        tape.truncate(parameters);
        int sum = -1;
        for (Moons.Point p : points) {
            int score = score(p.x(), p.y());
            int margin = tape.relu(tape.add(tape.mul(score, tape.leaf(-p.label())), tape.leaf(1)));
            sum = sum < 0 ? margin : tape.add(sum, margin);
        }
        int dataLoss = tape.mul(sum, tape.pow(tape.leaf(points.size()), -1));
        int squares = -1;
        for (int w = 0; w < parameters; w++) {
            int square = tape.mul(w, w);
            squares = squares < 0 ? square : tape.add(squares, square);
        }
        return tape.add(dataLoss, tape.mul(squares, tape.leaf(Moons8.ALPHA)));
    }

    private int score(double x, double y) {
        in[0] = tape.leaf(x);
        in[1] = tape.leaf(y);
        int width = 2;
        for (int l = 0; l < layers.length; l++) {
            boolean last = l == layers.length - 1;
            for (int n = 0; n < layers[l].length; n++) {
                int[] neuron = layers[l][n];
                int sum = neuron[width];
                for (int i = 0; i < width; i++) {
                    sum = tape.add(sum, tape.mul(neuron[i], in[i]));
                }
                out[n] = last ? sum : tape.relu(sum);
            }
            int[] swap = in;
            in = out;
            out = swap;
            width = layers[l].length;
        }
        return in[0];
    }

    /** One step of SGD: forward, backward, update; returns the loss before the update. */
    double step(int k) {
        int loss = loss();
        for (int w = 0; w < parameters; w++) {
            tape.setGrad(w, 0);
        }
        tape.backward(loss);
        double rate = Moons8.learningRate(k);
        for (int w = 0; w < parameters; w++) {
            tape.setData(w, tape.data(w) - rate * tape.grad(w));
        }
        return tape.data(loss);
    }

    double train() {
        double last = 0;
        for (int k = 0; k < Moons8.STEPS; k++) {
            last = step(k);
        }
        return last;
    }

    /** The parameters' gradients, in the engine's order (weights then bias, neuron by neuron). */
    double[] gradients() {
        double[] g = new double[parameters];
        for (int w = 0; w < parameters; w++) {
            g[w] = tape.grad(w);
        }
        return g;
    }

    double[] parameterData() {
        double[] d = new double[parameters];
        for (int w = 0; w < parameters; w++) {
            d[w] = tape.data(w);
        }
        return d;
    }

    /** The number of nodes of the last step's graph. */
    int nodes() {
        return tape.size();
    }
}
