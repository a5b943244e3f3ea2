package dev.micrograd.exercise;

import dev.micrograd.engine.Value;

/** The lecture's neuron {@code o = tanh(x1*w1 + x2*w2 + b)}, every node at hand for manual backprop. */
public record OneNeuron(Value o, Value n, Value x1w1x2w2, Value b, Value x1w1, Value x2w2,
                        Value x1, Value x2, Value w1, Value w2) {

    /** The bias that makes {@code n} come out at 0.8814, so {@code o} is 0.7071 and do/dn is 0.5. */
    public static final double BIAS = 6.8813735870195432;

    /** The neuron with the lecture's numbers: x1 = 2, x2 = 0, w1 = -3, w2 = 1; every gradient 0. */
    public static OneNeuron build() {
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(BIAS, "b");
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = sum.add(b).label("n");
        Value o = n.tanh().label("o");
        return new OneNeuron(o, n, sum, b, x1w1, x2w2, x1, x2, w1, w2);
    }
}
