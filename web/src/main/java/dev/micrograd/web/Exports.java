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

    /** See {@link Playground#evaluate(String, Map, boolean)}: with {@code assign}, the lecture's "=" for "+=". */
    @JSExport
    public static String evaluateAssign(String expression, boolean assign) {
        return Playground.evaluate(expression, VALUES, assign);
    }

    @JSExport
    public static String backwardFrame(String expression, int frame, boolean assign) {
        return Playground.backwardFrame(expression, VALUES, frame, assign);
    }

    @JSExport
    public static String trainMoons(int steps) {
        return Trainer.trainMoons(steps);
    }

    /**
     * Starts a new live training; {@code hidden} holds the hidden layer sizes separated by commas. Numbers come
     * as the page read them (NaN for an empty field), so every check and message is here.
     */
    @JSExport
    public static String trainerReset(String dataset, double n, double noise, String hidden, String activation,
            double alpha, double seed) {
        try {
            String[] parts = hidden.trim().isEmpty() ? new String[0] : hidden.split(",", -1);
            if (parts.length > Trainer.MAX_HIDDEN_LAYERS) {
                throw new IllegalArgumentException("hidden layers: at most " + Trainer.MAX_HIDDEN_LAYERS + ", got "
                        + parts.length);
            }
            int[] sizes = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = parseSize(parts[i].trim());
            }
            int points = whole("points", n, Trainer.MIN_POINTS, Trainer.MAX_POINTS);
            int s = whole("seed", seed, 0, Integer.MAX_VALUE);
            trainer = Trainer.of(dataset, points, noise, sizes, activation, alpha, s);
            return new Json().number("points", trainer.points().size()).toString();
        } catch (RuntimeException e) {
            trainer = null;
            return Json.error(Playground.message(e));
        }
    }

    /**
     * Runs {@code count} steps, each at chapter 8's schedule for its step number when {@code schedule}, else at
     * {@code learningRate}: the loss and accuracy of each step, the last step's figures and the training time.
     */
    @JSExport
    public static String trainerSteps(int count, double learningRate, boolean schedule, boolean zeroGrad) {
        try {
            Trainer t = trainer();
            long start = System.nanoTime();
            StringBuilder losses = new StringBuilder("[");
            StringBuilder accuracies = new StringBuilder("[");
            Training.Evaluation e = null;
            for (int i = 0; i < count; i++) {
                e = t.step(schedule ? Trainer.learningRate(t.steps()) : learningRate, zeroGrad);
                losses.append(i == 0 ? "" : ",").append(finite(e.loss().data()));
                accuracies.append(i == 0 ? "" : ",").append(e.accuracy());
            }
            double ms = (System.nanoTime() - start) / 1e6;
            Training.Evaluation shown = e != null ? e : t.evaluate();
            return new Json().number("loss", shown.loss().data()).number("accuracy", shown.accuracy())
                    .number("steps", t.steps()).number("nodes", t.nodes()).number("ms", ms)
                    .number("msPerStep", count == 0 ? 0 : ms / count)
                    .raw("losses", losses.append(']').toString()).raw("accuracies", accuracies.append(']').toString())
                    .toString();
        } catch (RuntimeException e) {
            return Json.error(Playground.message(e));
        }
    }

    /** A loss as JSON can carry it: an overflowed loss is plotted at the largest double. */
    private static double finite(double x) {
        return Double.isNaN(x) ? Double.MAX_VALUE : Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, x));
    }

    /** The trainer of the last good reset; after a bad one, none, so nothing trains on the old settings. */
    private static Trainer trainer() {
        if (trainer == null) {
            throw new IllegalStateException("the settings above need fixing first: press reset once they are right");
        }
        return trainer;
    }

    /** Adds a point: {@code {"points": n}}, or the reason it cannot. */
    @JSExport
    public static String trainerAdd(double x, double y, int label) {
        try {
            trainer().add(x, y, label);
            return new Json().number("points", trainer().points().size()).toString();
        } catch (RuntimeException e) {
            return Json.error(Playground.message(e));
        }
    }

    /** The points as {@code x,y,label;x,y,label;...}. */
    @JSExport
    public static String trainerPoints() {
        StringBuilder s = new StringBuilder();
        if (trainer == null) {
            return "";
        }
        for (dev.micrograd.data.Moons.Point p : trainer.points()) {
            s.append(s.length() == 0 ? "" : ";").append(p.x()).append(',').append(p.y()).append(',').append(p.label());
        }
        return s.toString();
    }

    @JSExport
    public static String trainerBoundary(int columns, int rows, double minX, double maxX, double minY, double maxY) {
        return trainer == null ? "" : trainer.boundary(columns, rows, minX, maxX, minY, maxY);
    }

    private static int whole(String field, double x, int min, int max) {
        if (!(x >= min && x <= max) || x != Math.floor(x)) {
            throw new IllegalArgumentException(field + ": a whole number from " + min + " to " + max + ", got "
                    + (Double.isNaN(x) ? "nothing" : x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                    : Double.toString(x)));
        }
        return (int) x;
    }

    private static int parseSize(String text) {
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden layers: sizes are whole numbers separated by commas, like 16,16;"
                    + " got '" + Expression.shorten(text) + "'");
        }
        if (size < 1 || size > Trainer.MAX_LAYER_SIZE) {
            throw new IllegalArgumentException("hidden layers: each from 1 to " + Trainer.MAX_LAYER_SIZE
                    + " neurons, got " + size);
        }
        return size;
    }
}
