package dev.micrograd.nn;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** A multi-layer perceptron: layers one after another, sizes given as {@code new MLP(3, 4, 4, 1)}. */
public final class MLP implements Module {
    /** The seed of the default constructor, so every run starts from the same weights. */
    public static final long DEFAULT_SEED = 42;

    private final List<Layer> layers;

    /** The lecture's network: tanh in every layer, weights from {@link #DEFAULT_SEED}. */
    public MLP(int... sizes) {
        this(new Random(DEFAULT_SEED), Activation.TANH, Activation.TANH, sizes);
    }

    /**
     * @param hidden the activation of every layer but the last
     * @param output the activation of the last layer
     * @param sizes the number of inputs, then the size of each layer
     */
    public MLP(Random random, Activation hidden, Activation output, int... sizes) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(hidden, "hidden activation");
        Objects.requireNonNull(output, "output activation");
        Objects.requireNonNull(sizes, "sizes");
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs the input size and at least one layer size, got "
                    + Arrays.toString(sizes));
        }
        List<Layer> l = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            l.add(new Layer(sizes[i - 1], sizes[i], i == sizes.length - 1 ? output : hidden, random));
        }
        this.layers = List.copyOf(l);
    }

    // tag::apply[]
    public List<Value> apply(List<Value> x) {
        for (Layer layer : layers) {
            x = layer.apply(x);
        }
        return x;
    }
    // end::apply[]

    /** The outputs for plain numbers, each wrapped as a float64 leaf. */
    public List<Value> apply(double... x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double xi : x) {
            in.add(Value.of(xi));
        }
        return apply(in);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Value> parameters() {
        List<Value> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP of [");
        for (int i = 0; i < layers.size(); i++) {
            s.append(i > 0 ? ", " : "").append(layers.get(i));
        }
        return s.append("]").toString();
    }
}
