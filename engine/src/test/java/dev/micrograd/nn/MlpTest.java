package dev.micrograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Neuron, Layer and MLP: sizes, seeded weights, parameter order, activations and bad input. */
class MlpTest {

    private static List<Double> data(List<Value> values) {
        List<Double> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v.data());
        }
        return out;
    }

    @Test
    void lectureNetworkHas41Parameters() {
        MLP mlp = new MLP(3, 4, 4, 1);
        assertEquals(41, mlp.parameters().size(), "4 * (3 + 1) + 4 * (4 + 1) + 1 * (4 + 1)");
        assertEquals(3, mlp.layers().size());
        assertEquals(List.of(4, 4, 1), List.of(mlp.layers().get(0).neurons().size(),
                mlp.layers().get(1).neurons().size(), mlp.layers().get(2).neurons().size()));
        assertEquals("MLP of [Layer of 4 TANH Neuron(3), Layer of 4 TANH Neuron(4), Layer of 1 TANH Neuron(4)]",
                mlp.toString());
    }

    @Test
    void sameSeedSameWeights() {
        assertEquals(data(new MLP(3, 4, 4, 1).parameters()), data(new MLP(3, 4, 4, 1).parameters()));
        List<Double> seven = data(new MLP(new Random(7), Activation.TANH, Activation.TANH, 3, 4, 1).parameters());
        assertEquals(seven, data(new MLP(new Random(7), Activation.TANH, Activation.TANH, 3, 4, 1).parameters()));
        assertNotEquals(seven, data(new MLP(new Random(8), Activation.TANH, Activation.TANH, 3, 4, 1).parameters()));
        assertEquals(data(new MLP(3, 4, 1).parameters()),
                data(new MLP(new Random(MLP.DEFAULT_SEED), Activation.TANH, Activation.TANH, 3, 4, 1).parameters()));
    }

    @Test
    void weightsAreUniformInMinusOneToOneDrawnInParameterOrder() {
        Random expected = new Random(MLP.DEFAULT_SEED);
        for (Value p : new MLP(3, 4, 4, 1).parameters()) {
            assertEquals(expected.nextDouble() * 2 - 1, p.data());
            assertTrue(p.data() >= -1 && p.data() < 1);
        }
    }

    @Test
    void parametersAreWeightsThenBiasNeuronByNeuronLayerByLayer() {
        MLP mlp = new MLP(2, 3, 1);
        List<Value> expected = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Layer layer : mlp.layers()) {
            for (Neuron n : layer.neurons()) {
                expected.addAll(n.weights());
                expected.add(n.bias());
            }
        }
        for (Value p : mlp.parameters()) {
            labels.add(p.label());
        }
        assertEquals(expected, mlp.parameters());
        assertEquals(List.of("w1", "w2", "b", "w1", "w2", "b", "w1", "w2", "b", "w1", "w2", "w3", "b"), labels);
    }

    @Test
    void outputShapes() {
        MLP mlp = new MLP(3, 4, 4, 1);
        List<Value> out = mlp.apply(2.0, 3.0, -1.0);
        assertEquals(1, out.size());
        assertTrue(Math.abs(out.get(0).data()) < 1, "a tanh output");
        Layer layer = new Layer(3, 4, Activation.TANH, new Random(1));
        assertEquals(4, layer.apply(List.of(Value.of(1.0), Value.of(2.0), Value.of(3.0))).size());
        assertEquals(4, layer.parameters().size() / 4, "three weights and a bias for each of 4 neurons");
        assertEquals(data(mlp.apply(2.0, 3.0, -1.0)), data(mlp.apply(List.of(Value.of(2.0), Value.of(3.0), Value.of(-1.0)))));
    }

    @Test
    void neuronComputesActivationOfWeightedSumPlusBias() {
        Neuron n = new Neuron(2, Activation.TANH, new Random(3));
        double w1 = n.weights().get(0).data();
        double w2 = n.weights().get(1).data();
        double b = n.bias().data();
        Value out = n.apply(List.of(Value.of(0.5), Value.of(-2.0)));
        assertEquals(Math.tanh(b + w1 * 0.5 + w2 * -2.0), out.data(), 1e-15);
        assertEquals("tanh", out.op());
        assertEquals("TANH Neuron(2)", n.toString());
    }

    @Test
    void activationIsChosenPerLayer() {
        MLP mlp = new MLP(new Random(5), Activation.RELU, Activation.LINEAR, 2, 3, 1);
        for (Neuron n : mlp.layers().get(0).neurons()) {
            assertEquals(Activation.RELU, n.activation());
        }
        assertEquals(Activation.LINEAR, mlp.layers().get(1).neurons().get(0).activation());
        Value out = mlp.apply(1.0, -1.0).get(0);
        assertEquals("+", out.op(), "a linear output is the weighted sum itself");
        assertEquals("relu", out.children().get(1).children().get(1).op(),
                "the output neuron's inputs are relu values");

        Value x = Value.of(-3.0);
        assertEquals(0.0, Activation.RELU.apply(x).data());
        assertEquals(Math.tanh(-3.0), Activation.TANH.apply(x).data());
        assertEquals(x, Activation.LINEAR.apply(x));
    }

    @Test
    void gradientsOfTheParametersMatchFiniteDifferences() {
        MLP mlp = new MLP(new Random(11), Activation.TANH, Activation.TANH, 2, 3, 1);
        double[] x = {0.7, -1.3};
        Value out = mlp.apply(x).get(0);
        out.backward();
        double h = 1e-6;
        for (Value p : mlp.parameters()) {
            double original = p.data();
            p.setData(original + h);
            double up = mlp.apply(x).get(0).data();
            p.setData(original - h);
            double down = mlp.apply(x).get(0).data();
            p.setData(original);
            assertEquals((up - down) / (2 * h), p.grad(), 1e-7, p.label());
        }
    }

    @Test
    void zeroGradResetsEveryParameter() {
        MLP mlp = new MLP(3, 4, 4, 1);
        mlp.apply(1.0, 2.0, 3.0).get(0).backward();
        assertTrue(mlp.parameters().stream().anyMatch(p -> p.grad() != 0));
        mlp.zeroGrad();
        for (Value p : mlp.parameters()) {
            assertEquals(0.0, p.grad());
        }
    }

    @Test
    void badSizesAreRejected() {
        assertMessage("an MLP needs the input size and at least one layer size, got [3]", () -> new MLP(3));
        assertMessage("an MLP needs the input size and at least one layer size, got []", MLP::new);
        assertMessage("a layer needs at least one neuron, got 0", () -> new MLP(3, 0));
        assertMessage("a neuron needs at least one input, got 0", () -> new MLP(0, 4));
        assertMessage("a neuron needs at least one input, got -2", () -> new MLP(-2, 4));
        assertMessage("this neuron takes 3 inputs, got 2", () -> new MLP(3, 1).apply(1.0, 2.0));
    }

    private static void assertMessage(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullArgumentsAreRejectedWithAMessage() {
        assertNullMessage("sizes", () -> new MLP((int[]) null));
        assertNullMessage("random", () -> new MLP(null, Activation.TANH, Activation.TANH, 3, 1));
        assertNullMessage("hidden activation", () -> new MLP(new Random(1), null, Activation.TANH, 3, 1));
        assertNullMessage("output activation", () -> new MLP(new Random(1), Activation.TANH, null, 3, 1));
        assertNullMessage("activation", () -> new Neuron(2, null, new Random(1)));
        assertNullMessage("random", () -> new Layer(2, 2, Activation.TANH, null));
    }

    private static void assertNullMessage(String message, Runnable build) {
        NullPointerException e = assertThrows(NullPointerException.class, build::run);
        assertEquals(message, e.getMessage());
    }
}
