package dev.micrograd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live trainer's settings, points, boundary and JSON. */
class TrainerTest {

    @Test
    void trainMoonsReportsLossAccuracyAndTime() {
        String json = Trainer.trainMoons(3);
        assertTrue(json.matches("\\{\"loss\":[0-9.E-]+,\"accuracy\":[0-9.]+,\"msPerStep\":[0-9.E-]+\\}"), json);
        assertEquals("{\"error\":\"steps must be 0 or more, got -1\"}", Trainer.trainMoons(-1));
    }

    @Test
    void circlesTrainToFullAccuracyWithTanh() {
        Trainer t = Trainer.of("circles", 60, 0.05, new int[] {8, 8}, "tanh", 1e-4, 3);
        assertEquals(60, t.points().size());
        double accuracy = 0;
        for (int k = 0; k < 300 && accuracy < 1; k++) {
            t.step(0.3);
            accuracy = t.evaluate().accuracy();
        }
        assertEquals(1.0, accuracy, "two rings are separable");
        assertTrue(t.nodes() > 1000, "nodes " + t.nodes());
    }

    @Test
    void aClickAddsAPointAndTheGraphGrows() {
        Trainer t = Trainer.of("moons", 20, 0.1, new int[] {4}, "relu", 0, 1);
        t.step(0.1);
        int nodes = t.nodes();
        t.add(0.5, 0.25, 1);
        assertEquals(21, t.points().size());
        t.step(0.1);
        assertTrue(t.nodes() > nodes, t.nodes() + " > " + nodes);
    }

    @Test
    void theBoundaryIsOneLetterPerCellFromTheTopRow() {
        Trainer t = Trainer.chapter8();
        for (int k = 0; k < 100; k++) {
            t.step(Trainer.learningRate(k));
        }
        String cells = t.boundary(40, 25, -1.5, 2.5, -1.0, 1.5);
        assertEquals(1000, cells.length());
        assertTrue(cells.chars().allMatch(c -> c >= 'a' && c <= 't'), cells);
        // The top-left corner is above the upper moon (label -1), the bottom-right is below the lower moon... or beyond.
        assertTrue(t.score(0, 1) < 0 && cells.charAt(20) < 'k', "above the upper moon the score is negative");
        assertTrue(t.score(1, -0.5) > 0, "on the lower moon the score is positive");
        StringBuilder fromScores = new StringBuilder();
        for (int j = 0; j < 25; j++) {
            for (int i = 0; i < 40; i++) {
                double level = Math.floor((Math.tanh(t.score(-1.5 + (i + 0.5) * 4.0 / 40, 1.5 - (j + 0.5) * 2.5 / 25)) + 1) * 10);
                fromScores.append((char) ('a' + Math.max(0, Math.min(19, (int) level))));
            }
        }
        assertEquals(fromScores.toString(), cells, "the grid's cells are the model's own scores");
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("unknown data set 'spirals': use moons or circles", message(() ->
                Trainer.of("spirals", 10, 0, new int[] {2}, "relu", 0, 1)));
        assertEquals("unknown activation 'gelu': use relu or tanh", message(() ->
                Trainer.of("moons", 10, 0, new int[] {2}, "gelu", 0, 1)));
        assertEquals("a label is -1 or +1, got 0", message(() -> Trainer.chapter8().add(0, 0, 0)));
        assertEquals("points: from 4 to 300, got 3000", message(() ->
                Trainer.of("moons", 3000, 0.1, new int[] {16, 16}, "relu", 0, 1)));
        assertEquals("hidden layers: at most 4, got 8", message(() ->
                Trainer.of("moons", 100, 0.1, new int[] {64, 64, 64, 64, 64, 64, 64, 64}, "relu", 0, 1)));
        assertEquals("this network on 100 points would build about 1,760,831 graph nodes a step; the limit is 300,000:"
                + " use fewer points or smaller layers", message(() ->
                Trainer.of("moons", 100, 0.1, new int[] {64, 64, 64}, "relu", 0, 1)));
        assertEquals("noise: from 0 to 0.5, got nothing", message(() ->
                Trainer.of("moons", 100, Double.NaN, new int[] {16}, "relu", 0, 1)));
        assertEquals("learning rate: from 0 to 100, got Infinity", message(() ->
                Trainer.chapter8().step(Double.POSITIVE_INFINITY)));
    }

    @Test
    void theEstimateIsTheGraphsSize() {
        Trainer t = Trainer.chapter8();
        t.step(0.1);
        long estimate = Trainer.estimatedNodes(new int[] {2, 16, 16, 1}, 100);
        // A little above the real count (the output neuron has no activation node): the limit errs on the safe side.
        assertTrue(estimate >= t.nodes() && estimate < 1.15 * t.nodes(), estimate + " vs " + t.nodes());
    }

    @Test
    void aBadResetLeavesNothingToTrain() {
        assertTrue(Exports.trainerReset("moons", 100, 0.1, "16,16", "relu", 1e-4, 1).startsWith("{\"points\":100"));
        assertEquals("{\"error\":\"points: a whole number from 4 to 300, got 3000\"}",
                Exports.trainerReset("moons", 3000, 0.1, "16,16", "relu", 1e-4, 1));
        assertEquals("{\"error\":\"the settings above need fixing first: press reset once they are right\"}",
                Exports.trainerSteps(1, 0.1, false, true));
        assertEquals("{\"error\":\"hidden layers: sizes are whole numbers separated by commas, like 16,16; got ''\"}",
                Exports.trainerReset("moons", 100, 0.1, "16,,16", "relu", 1e-4, 1));
    }

    @Test
    void withoutZeroGradTheGradientsAddUpAcrossSteps() {
        Trainer right = Trainer.chapter8();
        Trainer forgetful = Trainer.chapter8();
        right.step(0.0);
        forgetful.step(0.0, false);
        right.step(0.0);
        forgetful.step(0.0, false);
        // At learning rate 0 nothing moves, so the forgetful trainer's gradients are twice the right ones.
        java.util.List<dev.micrograd.engine.Value> a = right.parameters();
        java.util.List<dev.micrograd.engine.Value> b = forgetful.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(2 * a.get(i).grad(), b.get(i).grad(), 1e-12);
        }
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "no exception";
    }
}
