package dev.micrograd.nn;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** One neuron: {@code activation(w . x + b)}, weights and bias drawn uniformly from [-1, 1). */
public final class Neuron implements Module {
    private final List<Value> weights;
    private final Value bias;
    private final Activation activation;

    public Neuron(int inputs, Activation activation, Random random) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a neuron needs at least one input, got " + inputs);
        }
        this.activation = Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(random, "random");
        List<Value> w = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            w.add(Value.of(random.nextDouble() * 2 - 1, "w" + (i + 1)));
        }
        this.weights = List.copyOf(w);
        this.bias = Value.of(random.nextDouble() * 2 - 1, "b");
    }

    // tag::apply[]
    /** The neuron's output for the inputs {@code x}, one per weight. */
    public Value apply(List<Value> x) {
        if (x.size() != weights.size()) {
            throw new IllegalArgumentException("this neuron takes " + weights.size() + " inputs, got " + x.size());
        }
        Value sum = bias;
        for (int i = 0; i < x.size(); i++) {
            sum = sum.add(weights.get(i).mul(x.get(i)));
        }
        return activation.apply(sum);
    }
    // end::apply[]

    public List<Value> weights() {
        return weights;
    }

    public Value bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public List<Value> parameters() {
        List<Value> all = new ArrayList<>(weights);
        all.add(bias);
        return all;
    }

    @Override
    public String toString() {
        return activation + " Neuron(" + weights.size() + ")";
    }
}
