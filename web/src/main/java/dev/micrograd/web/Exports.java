package dev.micrograd.web;

import dev.micrograd.nn.Training;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSExport;

/**
 * The functions the compiled JavaScript offers the page; {@code micrograd.js} gathers them into
 * {@code window.micrograd}. Numbers cross as JavaScript numbers and results as JSON text, so nothing the
 * browser parses differently from the JVM stands between the page and the engine.
 */
public final class Exports {
    /** The variable values for the next call, set one by one from JavaScript numbers. */
    private static final Map<String, Double> VALUES = new LinkedHashMap<>();
    /** The live training; made by the first trainerReset, so a page without it pays nothing. */
    private static Trainer trainer;

    private Exports() {
    }

    @JSExport
    public static void clearValues() {
        VALUES.clear();
    }

    @JSExport
    public static void setValue(String name, double value) {
        VALUES.put(name, value);
    }

    /** See {@link Playground#evaluate(String, Map)}; the values are those set since the last clearValues. */
    @JSExport
    public static String evaluateWithValues(String expression) {
        return Playground.evaluate(expression, VALUES);
    }

    /** The same, with the values as JSON text. */
    @JSExport
    public static String evaluateJson(String expression, String valuesJson) {
        return Playground.evaluate(expression, valuesJson);
    }

    @JSExport
    public static String forward(String expression) {
        return Playground.forward(expression, VALUES);
    }

    @JSExport
    public static String variables(String expression) {
        return Playground.variables(expression);
    }

    @JSExport
    public static String numerical(String expression) {
        return Playground.numerical(expression, VALUES);
    }

    @JSExport
    public static String backwardSteps(String expression) {
        return Playground.backwardSteps(expression, VALUES);
    }

    @JSExport
    public static String trainMoons(int steps) {
        return Trainer.trainMoons(steps);
    }

    /** Starts a new live training; {@code hidden} holds the hidden layer sizes separated by commas. */
    @JSExport
    public static String trainerReset(String dataset, int n, double noise, String hidden, String activation,
            double alpha, int seed) {
        try {
            String[] parts = hidden.trim().isEmpty() ? new String[0] : hidden.split(",");
            int[] sizes = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = parseSize(parts[i].trim());
            }
            trainer = Trainer.of(dataset, n, noise, sizes, activation, alpha, seed);
            return new Json().number("points", trainer.points().size()).toString();
        } catch (RuntimeException e) {
            return Json.error(Playground.message(e));
        }
    }

    /** Chapter 8's learning rate at step {@code k}, from the engine's one schedule. */
    @JSExport
    public static double trainerLearningRate(int k) {
        return Training.learningRate(k);
    }

    /** Runs {@code count} steps at this learning rate: the last step's loss and accuracy, and the time per step. */
    @JSExport
    public static String trainerSteps(int count, double learningRate) {
        try {
            long start = System.nanoTime();
            Training.Evaluation e = null;
            for (int i = 0; i < count; i++) {
                e = trainer().step(learningRate);
            }
            double ms = count == 0 ? 0 : (System.nanoTime() - start) / 1e6 / count;
            Training.Evaluation shown = e != null ? e : trainer().evaluate();
            return new Json().number("loss", shown.loss().data()).number("accuracy", shown.accuracy())
                    .number("steps", trainer().steps()).number("nodes", trainer().nodes())
                    .number("msPerStep", ms).toString();
        } catch (RuntimeException e) {
            return Json.error(Playground.message(e));
        }
    }

    private static Trainer trainer() {
        if (trainer == null) {
            trainer = Trainer.chapter8();
        }
        return trainer;
    }

    @JSExport
    public static void trainerAdd(double x, double y, int label) {
        trainer().add(x, y, label);
    }

    /** The points as {@code x,y,label;x,y,label;...}. */
    @JSExport
    public static String trainerPoints() {
        StringBuilder s = new StringBuilder();
        for (dev.micrograd.data.Moons.Point p : trainer().points()) {
            s.append(s.length() == 0 ? "" : ";").append(p.x()).append(',').append(p.y()).append(',').append(p.label());
        }
        return s.toString();
    }

    @JSExport
    public static String trainerBoundary(int columns, int rows, double minX, double maxX, double minY, double maxY) {
        return trainer().boundary(columns, rows, minX, maxX, minY, maxY);
    }

    private static int parseSize(String text) {
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a layer size is a whole number, got '" + text + "'");
        }
        if (size < 1 || size > 64) {
            throw new IllegalArgumentException("a layer size is from 1 to 64, got " + size);
        }
        return size;
    }
}
