///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/chart/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36
//DEPS org.jfree:jfreechart:1.5.6
//DEPS org.jfree:org.jfree.svg:5.0.7

import static dev.micrograd.nn.Training.ALPHA;
import static dev.micrograd.nn.Training.DATA_SEED;
import static dev.micrograd.nn.Training.MODEL_SEED;
import static dev.micrograd.nn.Training.NOISE;
import static dev.micrograd.nn.Training.POINTS;
import static dev.micrograd.nn.Training.STEPS;

import dev.micrograd.data.Circles;
import dev.micrograd.data.Moons;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;
import dev.micrograd.lesson.chart.ChartSvg;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Training;
import dev.micrograd.nn.Training.Evaluation;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Chapter 8: micrograd's demo, an MLP 2-16-16-1 trained with a max-margin loss to separate two moons. */
class Ch08TwoMoons {
    /** Another seed gives another draw of the moons: points the network never trained on. */
    static final long HELD_OUT_SEED = 2;
    /** The steps each learning rate runs in the comparison of rates. */
    static final int RATE_STEPS = 30;
    static final double GENTLE_RATE = 0.1;
    static final double TOO_LARGE_RATE = 30.0;
    /** How far a central finite difference may be from the gradient backward() computes. */
    static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;

    public static void main(String... args) {
        // The charts are drawn without a screen, on a build server too.
        System.setProperty("java.awt.headless", "true");
        Lesson.main(args, "ch08", "Training on two moons", Ch08TwoMoons::teach);
    }

    static void teach(Lesson lesson) throws Exception {
        // tag::data[]
        List<Point> points = Moons.generate(POINTS, NOISE, DATA_SEED);
        // end::data[]
        StringBuilder data = new StringBuilder("    x        y      label\n");
        for (Point p : points.subList(0, 5)) {
            data.append(String.format(Locale.ROOT, "%7.4f  %7.4f  %+d%n", p.x(), p.y(), p.label()));
        }
        long upper = points.stream().filter(p -> p.label() == -1).count();
        data.append(String.format(Locale.ROOT, "... %d points: %d labelled -1, %d labelled +1",
                points.size(), upper, points.size() - upper));
        lesson.show("data", "Two moons, 100 points with noise 0.1 (the first five)", data);
        lesson.check("points labelled -1", 50L, upper);
        for (Point p : points) {
            double radius = p.label() < 0 ? Math.hypot(p.x(), p.y()) : Math.hypot(p.x() - 1, p.y() - 0.5);
            lesson.check("the distance of a point from the centre of its moon", 1.0, radius, 0.4);
        }

        // tag::model[]
        MLP model = Training.chapter8Model();
        // end::model[]
        lesson.show("model", "The model: two hidden layers of 16 ReLU neurons, a linear output",
                model + "\n" + model.parameters().size() + " parameters");
        lesson.check("parameters: 2*16+16 + 16*16+16 + 16*1+1", 337, model.parameters().size());

        Evaluation start = Training.evaluate(model, points, ALPHA);
        model.zeroGrad();
        start.loss().backward();
        lesson.show("start", "Before training", String.format(Locale.ROOT, "loss %.4f, accuracy %.0f%%",
                start.loss().data(), 100 * start.accuracy()));
        checkAgainstPlain(lesson, "before training", model, points, start);
        for (Value p : model.parameters()) {
            lesson.check("d loss/d " + p.label() + " by a finite difference", finiteDifference(model, points, p),
                    p.grad(), FINITE_DIFFERENCE_TOLERANCE);
        }

        double[] losses = new double[STEPS];
        double[] accuracies = new double[STEPS];
        StringBuilder everyStep = new StringBuilder();
        for (int k = 0; k < STEPS; k++) {
            double[] expected = plainLossAndAccuracy(model, points);
            Evaluation e = Training.step(model, points, ALPHA, Training.learningRate(k));
            losses[k] = e.loss().data();
            accuracies[k] = e.accuracy();
            everyStep.append(String.format(Locale.ROOT, "step %2d loss %.4f accuracy %3.0f%%%n",
                    k, losses[k], 100 * accuracies[k]));
            lesson.check("the loss at step " + k, expected[0], losses[k], 1e-12);
            lesson.check("the accuracy at step " + k, expected[1], accuracies[k]);
        }
        lesson.show("training", "Training: 100 steps of gradient descent, one line per step", everyStep);

        Evaluation end = Training.evaluate(model, points, ALPHA);
        checkAgainstPlain(lesson, "after training", model, points, end);
        StringBuilder table = new StringBuilder("step    loss  accuracy\n");
        for (int k = 0; k < STEPS; k += 10) {
            table.append(String.format(Locale.ROOT, "%4d  %.4f  %7.0f%%%n", k, losses[k], 100 * accuracies[k]));
        }
        table.append(String.format(Locale.ROOT, "%4s  %.4f  %7.0f%%%n", "end", end.loss().data(), 100 * end.accuracy()));
        lesson.show("progress", "The loss falls and the accuracy climbs to 100%", table);
        lesson.check("the loss fell at least fivefold", true, end.loss().data() < losses[0] / 5);
        lesson.check("the training accuracy at the end", 1.0, end.accuracy());

        Charts.progress(losses, accuracies, lesson.dir().resolve("progress.svg"));
        Charts.boundary("Decision boundary, training points", points, (x, y) -> Training.plainScore(model, x, y),
                lesson.dir().resolve("boundary.svg"));

        // tag::held-out[]
        List<Point> fresh = Moons.generate(100, 0.1, HELD_OUT_SEED);
        Evaluation heldOut = Training.evaluate(model, fresh, ALPHA);
        // end::held-out[]
        lesson.show("held-out", "Accuracy on the training points, and on 100 fresh points drawn with another seed",
                String.format(Locale.ROOT, "training points (seed %d):  loss %.4f, accuracy %3.0f%%, %2d points inside the margin%n"
                        + "fresh points    (seed %d):  loss %.4f, accuracy %3.0f%%, %2d points inside the margin",
                        DATA_SEED, end.loss().data(), 100 * end.accuracy(), insideMargin(model, points),
                        HELD_OUT_SEED, heldOut.loss().data(), 100 * heldOut.accuracy(), insideMargin(model, fresh)));
        lesson.check("training points inside the margin", 0, insideMargin(model, points));
        lesson.check("some fresh points inside the margin", true, insideMargin(model, fresh) > 0);
        checkAgainstPlain(lesson, "on the fresh points", model, fresh, heldOut);
        lesson.check("the fresh points are other points", false, fresh.get(0).equals(points.get(0)));
        lesson.check("the accuracy on the fresh points", 1.0, heldOut.accuracy());
        Charts.boundary("Decision boundary, fresh points", fresh, (x, y) -> Training.plainScore(model, x, y),
                lesson.dir().resolve("boundary-fresh.svg"));

        // tag::learning-rates[]
        MLP gentle = Training.chapter8Model();
        MLP hasty = Training.chapter8Model();
        double[] gentleLosses = new double[RATE_STEPS];
        double[] hastyLosses = new double[RATE_STEPS];
        for (int k = 0; k < RATE_STEPS; k++) {
            gentleLosses[k] = Training.step(gentle, points, ALPHA, GENTLE_RATE).loss().data();
            hastyLosses[k] = Training.step(hasty, points, ALPHA, TOO_LARGE_RATE).loss().data();
        }
        // end::learning-rates[]
        StringBuilder rates = new StringBuilder(String.format(Locale.ROOT, "step  %-16s %s%n",
                "rate " + GENTLE_RATE, "rate " + TOO_LARGE_RATE));
        for (int k = 0; k < RATE_STEPS; k++) {
            if (k < 8 || k % 5 == 0 || k == RATE_STEPS - 1) {
                rates.append(String.format(Locale.ROOT, "%4d  %-16.4f %.4g%n", k, gentleLosses[k], hastyLosses[k]));
            }
        }
        int[] gentleDead = deadUnits(gentle, points);
        int[] hastyDead = deadUnits(hasty, points);
        double gentleAccuracy = plainLossAndAccuracy(gentle, points)[1];
        double hastyAccuracy = plainLossAndAccuracy(hasty, points)[1];
        double squares = 0;
        for (Value w : hasty.parameters()) {
            squares += w.data() * w.data();
        }
        double dataTerm = 0;
        for (Point p : points) {
            dataTerm += Math.max(0, 1 - p.label() * Training.plainScore(hasty, p.x(), p.y())) / points.size();
        }
        double regularisationShare = ALPHA * squares / plainLossAndAccuracy(hasty, points)[0];
        rates.append(String.format(Locale.ROOT, "%nafter %d steps:%n"
                        + "  rate %s: accuracy %3.0f%%, dead units %d of 16 and %d of 16%n"
                        + "  rate %s: accuracy %3.0f%%, dead units %d of 16 and %d of 16",
                RATE_STEPS, GENTLE_RATE, 100 * gentleAccuracy, gentleDead[0], gentleDead[1],
                TOO_LARGE_RATE, 100 * hastyAccuracy, hastyDead[0], hastyDead[1]));
        rates.append(String.format(Locale.ROOT, "%n  rate %s: loss %.4g = data term %.4f + regularisation %.4g",
                TOO_LARGE_RATE, plainLossAndAccuracy(hasty, points)[0], dataTerm, ALPHA * squares));
        lesson.show("learning-rates", "The same model trained with a gentle and with a too large learning rate", rates);
        for (int k = 0; k < RATE_STEPS; k++) {
            lesson.check("a finite loss at step " + k, true, Double.isFinite(gentleLosses[k]) && Double.isFinite(hastyLosses[k]));
        }
        lesson.check("both rates start from the same loss", gentleLosses[0], hastyLosses[0]);
        lesson.check("the gentle rate lowers the loss", true, gentleLosses[RATE_STEPS - 1] < gentleLosses[0]);
        lesson.check("the too large rate makes the loss grow a millionfold", true,
                max(hastyLosses) > 1e6 * hastyLosses[0]);
        lesson.check("the too large rate ends far above the start", true, hastyLosses[RATE_STEPS - 1] > 1e6 * hastyLosses[0]);
        lesson.check("the gentle rate leaves units alive in the second layer", true, gentleDead[1] < 16);
        lesson.check("the too large rate kills the whole second layer", 16, hastyDead[1]);
        lesson.check("the too large rate's first step makes the loss grow", true, hastyLosses[1] > hastyLosses[0]);
        lesson.check("the too large loss is a millionfold by step 3", true, hastyLosses[3] > 1e6 * hastyLosses[0]);
        for (int k = 7; k < RATE_STEPS; k++) {
            lesson.check("the too large loss stops growing at step " + k, true, hastyLosses[k] <= hastyLosses[k - 1]);
        }
        lesson.check("the gentle rate's accuracy after 30 steps, as at the start", start.accuracy(), gentleAccuracy);
        lesson.check("one score for every point: the accuracy of a guess", 0.5, hastyAccuracy);
        lesson.check("the too large loss is nearly all regularisation", true, regularisationShare > 0.999);
        Charts.learningRates(gentleLosses, hastyLosses, lesson.dir().resolve("learning-rates.svg"));

        List<Experiment> experiments = experiments(points);
        StringBuilder tried = new StringBuilder(String.format(Locale.ROOT, "%-34s %10s  %s%n", "setting", "end loss", "accuracy"));
        tried.append(String.format(Locale.ROOT, "%-34s %10.4f  %7.0f%%%n", "moons, chapter 8 as above", end.loss().data(),
                100 * end.accuracy()));
        for (Experiment x : experiments) {
            tried.append(String.format(Locale.ROOT, "%-34s %10.4f  %7.0f%%%n", x.setting(), x.loss(), 100 * x.accuracy()));
        }
        lesson.show("experiments", "The trainer's guided experiments, each trained for " + STEPS + " steps", tried);
        lesson.check("no hidden layer: a straight line gets most of the moons, not all", true,
                experiments.get(0).accuracy() > 0.75 && experiments.get(0).accuracy() < 0.95);
        lesson.check("a fixed learning rate of 5 ends no better than a coin", true,
                experiments.get(1).accuracy() <= 0.6 && experiments.get(1).loss() > 100 * end.loss().data());
        lesson.check("tanh solves the moons too", 1.0, experiments.get(2).accuracy());
        lesson.check("no straight line separates two rings", true, experiments.get(3).accuracy() <= 0.65);
        lesson.check("hidden layers draw a closed boundary around the inner ring", true, experiments.get(4).accuracy() >= 0.95);

        lesson.show("charts", "Four charts", "progress.svg: the loss and the accuracy at each step\n"
                + "boundary.svg: the sign of the score over the plane, and the training points\n"
                + "boundary-fresh.svg: the same boundary, and the fresh points\n"
                + "learning-rates.svg: the loss at each step for a gentle and a too large learning rate");
    }

    /** For each hidden layer, how many of its units give 0 for every point: dead units, which no gradient reaches. */
    /** A training run of the trainer's guided experiments: its setting, and the loss and accuracy it ends on. */
    record Experiment(String setting, double loss, double accuracy) {
    }

    // tag::experiments[]
    /** Trains a fresh model for STEPS steps, at the schedule's rate or at a fixed one, and evaluates it. */
    static Experiment run(String setting, List<Point> points, Activation hidden, double fixedRate, int... sizes) {
        MLP model = new MLP(new Random(MODEL_SEED), hidden, Activation.LINEAR, sizes);
        for (int k = 0; k < STEPS; k++) {
            Training.step(model, points, ALPHA, fixedRate > 0 ? fixedRate : Training.learningRate(k));
        }
        Evaluation end = Training.evaluate(model, points, ALPHA);
        return new Experiment(setting, end.loss().data(), end.accuracy());
    }
    // end::experiments[]

    static List<Experiment> experiments(List<Point> moons) {
        List<Point> circles = Circles.generate(POINTS, NOISE, DATA_SEED);
        return List.of(
                run("moons, no hidden layer (2-1)", moons, Activation.RELU, 0, 2, 1),
                run("moons, learning rate fixed at 5", moons, Activation.RELU, 5, 2, 16, 16, 1),
                run("moons, tanh instead of ReLU", moons, Activation.TANH, 0, 2, 16, 16, 1),
                run("circles, no hidden layer (2-1)", circles, Activation.RELU, 0, 2, 1),
                run("circles, chapter 8's network", circles, Activation.RELU, 0, 2, 16, 16, 1));
    }

    static int[] deadUnits(MLP model, List<Point> points) {
        int hidden = model.layers().size() - 1;
        int[] dead = new int[hidden];
        boolean[][] alive = new boolean[hidden][];
        for (int l = 0; l < hidden; l++) {
            alive[l] = new boolean[model.layers().get(l).neurons().size()];
        }
        for (Point p : points) {
            double[] a = {p.x(), p.y()};
            for (int l = 0; l < hidden; l++) {
                a = Training.plainLayer(model.layers().get(l), a);
                for (int j = 0; j < a.length; j++) {
                    alive[l][j] |= a[j] > 0;
                }
            }
        }
        for (int l = 0; l < hidden; l++) {
            for (boolean unit : alive[l]) {
                dead[l] += unit ? 0 : 1;
            }
        }
        return dead;
    }

    /** The points whose score is on the right side by less than the margin of 1, so they still cost loss. */
    static int insideMargin(MLP model, List<Point> points) {
        int inside = 0;
        for (Point p : points) {
            inside += p.label() * Training.plainScore(model, p.x(), p.y()) < 1 ? 1 : 0;
        }
        return inside;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static void checkAgainstPlain(Lesson lesson, String when, MLP model, List<Point> points, Evaluation e) {
        double[] expected = plainLossAndAccuracy(model, points);
        lesson.check("the loss " + when, expected[0], e.loss().data(), 1e-12);
        lesson.check("the accuracy " + when, expected[1], e.accuracy());
    }

    /** The loss and the accuracy computed with plain doubles, without a graph, in the engine's order. */
    static double[] plainLossAndAccuracy(MLP model, List<Point> points) {
        double margins = 0;
        int correct = 0;
        for (Point p : points) {
            double s = Training.plainScore(model, p.x(), p.y());
            margins += Math.max(0, s * -p.label() + 1);
            if ((s > 0) == (p.label() > 0)) {
                correct++;
            }
        }
        double squares = 0;
        for (Value w : model.parameters()) {
            squares += w.data() * w.data();
        }
        return new double[] {margins * Math.pow(points.size(), -1) + squares * ALPHA, (double) correct / points.size()};
    }

    /** A central difference of the plain loss in one parameter. */
    static double finiteDifference(MLP model, List<Point> points, Value p) {
        double h = 1e-6;
        double data = p.data();
        p.setData(data + h);
        double up = plainLossAndAccuracy(model, points)[0];
        p.setData(data - h);
        double down = plainLossAndAccuracy(model, points)[0];
        p.setData(data);
        return (up - down) / (2 * h);
    }

    /** The two charts, drawn with JFreeChart into SVG files with JFreeSVG. */
    static final class Charts {
        private static final Color UPPER = new Color(0x1f77b4);
        private static final Color LOWER = new Color(0xd62728);
        private static final Color UPPER_AREA = new Color(0xc6dbef);
        private static final Color LOWER_AREA = new Color(0xfcbba1);

        private Charts() {
        }

        // tag::progress-chart[]
        /** The loss (left axis) and the accuracy (right axis) at each step. */
        static void progress(double[] losses, double[] accuracies, Path file) throws IOException {
            XYSeries loss = new XYSeries("loss");
            XYSeries accuracy = new XYSeries("accuracy");
            for (int k = 0; k < losses.length; k++) {
                loss.add(k, losses[k]);
                accuracy.add(k, accuracies[k]);
            }
            XYLineAndShapeRenderer lossLine = new XYLineAndShapeRenderer(true, false);
            lossLine.setSeriesPaint(0, UPPER);
            lossLine.setDrawSeriesLineAsPath(true);
            XYPlot plot = new XYPlot(new XYSeriesCollection(loss), new NumberAxis("step"),
                    new NumberAxis("loss"), lossLine);
            plot.setRangeAxis(1, new NumberAxis("accuracy"));
            plot.setDataset(1, new XYSeriesCollection(accuracy));
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer accuracyLine = new XYLineAndShapeRenderer(true, false);
            accuracyLine.setSeriesPaint(0, LOWER);
            accuracyLine.setDrawSeriesLineAsPath(true);
            plot.setRenderer(1, accuracyLine);
            ChartSvg.write(new JFreeChart("Training on two moons", plot), 640, 360, "progress", file);
        }
        // end::progress-chart[]

        // tag::boundary-chart[]
        /**
         * The sign of the score over the plane, drawn as columns of boxes (one box per run of the
         * same sign, so the SVG stays small), with the points on top.
         */
        static void boundary(String title, List<Point> points, DoubleBinaryOperator score, Path file) throws IOException {
            double minX = -1.5;
            double maxX = 2.5;
            double minY = -1.0;
            double maxY = 1.5;
            int columns = 40;
            int rows = 100;
            double width = (maxX - minX) / columns;
            double height = (maxY - minY) / rows;
            XYSeries upper = new XYSeries("label -1");
            XYSeries lower = new XYSeries("label +1");
            for (Point p : points) {
                (p.label() < 0 ? upper : lower).add(p.x(), p.y());
            }
            XYSeriesCollection scatter = new XYSeriesCollection(upper);
            scatter.addSeries(lower);
            XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
            dots.setSeriesPaint(0, UPPER);
            dots.setSeriesPaint(1, LOWER);
            for (int i = 0; i < columns; i++) {
                double x = minX + (i + 0.5) * width;
                int start = 0;
                boolean positive = score.applyAsDouble(x, minY + 0.5 * height) > 0;
                for (int j = 1; j <= rows; j++) {
                    boolean next = j < rows && score.applyAsDouble(x, minY + (j + 0.5) * height) > 0;
                    if (j == rows || next != positive) {
                        dots.addAnnotation(new XYBoxAnnotation(minX + i * width, minY + start * height,
                                minX + (i + 1.05) * width, minY + j * height, null, null,
                                positive ? LOWER_AREA : UPPER_AREA), org.jfree.chart.ui.Layer.BACKGROUND);
                        start = j;
                        positive = next;
                    }
                }
            }
            NumberAxis xAxis = new NumberAxis("x");
            xAxis.setRange(minX, maxX);
            NumberAxis yAxis = new NumberAxis("y");
            yAxis.setRange(minY, maxY);
            ChartSvg.write(new JFreeChart(title, new XYPlot(scatter, xAxis, yAxis, dots)), 560, 400, "boundary", file);
        }
        // end::boundary-chart[]

        // tag::learning-rates-chart[]
        /** The loss at each step for two learning rates, on a logarithmic axis that fits both. */
        static void learningRates(double[] gentle, double[] tooLarge, Path file) throws IOException {
            XYSeries slow = new XYSeries("learning rate " + GENTLE_RATE);
            XYSeries fast = new XYSeries("learning rate " + TOO_LARGE_RATE);
            for (int k = 0; k < gentle.length; k++) {
                slow.add(k, gentle[k]);
                fast.add(k, tooLarge[k]);
            }
            XYSeriesCollection both = new XYSeriesCollection(slow);
            both.addSeries(fast);
            XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
            lines.setSeriesPaint(0, UPPER);
            lines.setSeriesPaint(1, LOWER);
            LogAxis loss = new LogAxis("loss (log scale)");
            loss.setNumberFormatOverride(new DecimalFormat("0.#E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            ChartSvg.write(new JFreeChart("A learning rate too large", new XYPlot(both, new NumberAxis("step"), loss, lines)),
                    640, 360, "rates", file);
        }
        // end::learning-rates-chart[]
    }
}
