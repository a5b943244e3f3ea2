package dev.micrograd.nn;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A row of neurons that all see the same inputs. */
public final class Layer implements Module {
    private final List<Neuron> neurons;

    public Layer(int inputs, int outputs, Activation activation, Random random) {
        if (outputs < 1) {
            throw new IllegalArgumentException("a layer needs at least one neuron, got " + outputs);
        }
        List<Neuron> n = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            n.add(new Neuron(inputs, activation, random));
        }
        this.neurons = List.copyOf(n);
    }

    /** One output per neuron. */
    public List<Value> apply(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.apply(x));
        }
        return out;
    }

    public List<Neuron> neurons() {
        return neurons;
    }

    @Override
    public List<Value> parameters() {
        List<Value> all = new ArrayList<>();
        for (Neuron n : neurons) {
            all.addAll(n.parameters());
        }
        return all;
    }

    @Override
    public String toString() {
        return "Layer of " + neurons.size() + " " + neurons.get(0);
    }
}
