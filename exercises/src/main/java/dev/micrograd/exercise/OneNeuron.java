package dev.micrograd.exercise;

import dev.micrograd.data.LectureNeuron;

/**
 * The lecture's neuron {@code o = tanh(x1*w1 + x2*w2 + b)}, every node at hand for manual backprop.
 *
 * @param <V> the Value class it is made of: yours or the engine's
 */
public record OneNeuron<V>(V o, V n, V x1w1x2w2, V b, V x1w1, V x2w2, V x1, V x2, V w1, V w2) {

    /**
     * The bias that makes {@code n} come out at 0.8814, so {@code o} is 0.7071 and do/dn is 0.5. A constant, so javac
     * copies its value here and the checking JVM needs no engine class for it.
     */
    public static final double BIAS = LectureNeuron.BIAS;

    /** The neuron with the lecture's numbers: x1 = 2, x2 = 0, w1 = -3, w2 = 1; every gradient 0. */
    static <V> OneNeuron<V> build(Bridge<V> v) {
        V x1 = v.leaf(2.0, "x1");
        V x2 = v.leaf(0.0, "x2");
        V w1 = v.leaf(-3.0, "w1");
        V w2 = v.leaf(1.0, "w2");
        V b = v.leaf(BIAS, "b");
        V x1w1 = Graphs.named(v, v.mul(x1, w1), "x1*w1");
        V x2w2 = Graphs.named(v, v.mul(x2, w2), "x2*w2");
        V sum = Graphs.named(v, v.add(x1w1, x2w2), "x1*w1 + x2*w2");
        V n = Graphs.named(v, v.add(sum, b), "n");
        V o = Graphs.named(v, v.tanh(n), "o");
        return new OneNeuron<>(o, n, sum, b, x1w1, x2w2, x1, x2, w1, w2);
    }
}
