package dev.micrograd.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatMoonsTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void firstStepGivesTheEnginesLossAndGradients() {
        EngineMoons engine = new EngineMoons();
        FlatMoons flat = new FlatMoons();

        double engineLoss = engine.step(0).data();
        double flatLoss = flat.step(0);

        assertEquals(engineLoss, flatLoss, TOLERANCE);
        assertArrayEquals(gradients(engine.parameters()), flat.gradients(), TOLERANCE);
        assertArrayEquals(data(engine.parameters()), flat.parameterData(), TOLERANCE);
    }

    @Test
    void wholeTrainingEndsAtTheEnginesLossAndWeights() {
        EngineMoons engine = new EngineMoons();
        FlatMoons flat = new FlatMoons();

        assertEquals(engine.train(), flat.train(), TOLERANCE);
        assertArrayEquals(data(engine.parameters()), flat.parameterData(), TOLERANCE);
    }

    @Test
    void trainingLowersTheLoss() {
        EngineMoons engine = new EngineMoons();
        double first = engine.step(0).data();
        double last = engine.train();

        assertTrue(last < first / 4, "loss went from " + first + " to " + last);
    }

    @Test
    void oneStepHasTheStatedNumberOfNodes() {
        Value loss = new EngineMoons().loss();
        FlatMoons flat = new FlatMoons();
        flat.loss();

        assertEquals(Moons8.NODES_PER_STEP, loss.topologicalOrder().size());
        // The tape keeps the exponent of x^-1 in a leaf node, where the engine keeps it in a field.
        assertEquals(Moons8.NODES_PER_STEP + 1, flat.nodes());
    }

    private static double[] gradients(List<Value> parameters) {
        return parameters.stream().mapToDouble(Value::grad).toArray();
    }

    private static double[] data(List<Value> parameters) {
        return parameters.stream().mapToDouble(Value::data).toArray();
    }
}
