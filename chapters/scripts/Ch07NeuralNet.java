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

import dev.micrograd.engine.Value;
import dev.micrograd.lesson.Lesson;
import dev.micrograd.lesson.chart.ChartSvg;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.Layer;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Neuron;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Chapter 7: a neuron, a layer and an MLP built from Values, trained by hand-written gradient descent. */
class Ch07NeuralNet {
    /** How far a central finite difference may be from the gradient backward() computes. */
    static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;

    public static void main(String... args) {
        Lesson.main(args, "ch07", "Neurons, layers, MLP", Ch07NeuralNet::teach);
    }

    /** Steps of the run with and without zeroGrad(), and their learning rate: the chapter's own descent. */
    static final int FORGET_STEPS = 30;
    static final double LEARNING_RATE = 0.1;

    static void teach(Lesson lesson) throws IOException {
        // tag::neuron[]
        Random random = new Random(42);
        Neuron neuron = new Neuron(2, Activation.TANH, random);
        List<Value> x = List.of(Value.of(2.0, "x1"), Value.of(3.0, "x2"));
        Value out = neuron.apply(x).label("out");
        out.backward();
        // end::neuron[]
        Value w1 = neuron.weights().get(0);
        lesson.show("neuron", "A neuron with two inputs, x = [2.0, 3.0]", String.format(Locale.ROOT,
                "%s%nw = %s, b = %s%nout = tanh(w1*x1 + w2*x2 + b) = %.4f%nw1.grad = (1 - out^2) * x1 = %.4f",
                neuron, neuron.weights(), neuron.bias(), out.data(), w1.grad()));
        lesson.check("w1.grad", (1 - out.data() * out.data()) * 2.0, w1.grad(), 1e-15);
        for (Value p : neuron.parameters()) {
            lesson.check("a weight drawn from [-1, 1)", true, p.data() >= -1 && p.data() < 1);
        }
        lesson.check("the neuron's output", plain(neuron, new double[] {2.0, 3.0}), out.data(), 1e-15);
        lesson.graph("neuron-graph", "The graph of one neuron", out);
        lesson.graph("neuron-diagram", "One neuron: inputs, weights, the sum with its bias, the activation",
                neuronDiagram(neuron, List.of("x1 = 2.0", "x2 = 3.0")));


        // tag::layer[]
        Layer layer = new Layer(2, 3, Activation.TANH, random);
        List<Value> outs = layer.apply(x);
        // end::layer[]
        StringBuilder layerText = new StringBuilder(layer + "\n");
        for (int i = 0; i < outs.size(); i++) {
            layerText.append(String.format(Locale.ROOT, "out[%d] = %.4f%n", i, outs.get(i).data()));
            lesson.check("the layer's output " + i, plain(layer.neurons().get(i), new double[] {2.0, 3.0}),
                    outs.get(i).data(), 1e-15);
        }
        lesson.show("layer", "A layer of three neurons, all seeing the same x", layerText);

        // tag::mlp[]
        MLP mlp = new MLP(3, 4, 4, 1);
        Value guess = mlp.apply(2.0, 3.0, -1.0).get(0);
        // end::mlp[]
        lesson.show("mlp", "An MLP with 3 inputs, two layers of 4 and one output", String.format(Locale.ROOT,
                "%s%n%d parameters%nmlp(2.0, 3.0, -1.0) = %.4f",
                mlp, mlp.parameters().size(), guess.data()));
        lesson.check("parameters: 3*4+4 + 4*4+4 + 4*1+1", 41, mlp.parameters().size());
        String network = networkDiagram(mlp);
        lesson.graph("mlp-diagram", "The MLP(3, 4, 4, 1): every input feeds every neuron of the next layer", network);
        lesson.check("edges in the diagram: 3*4 + 4*4 + 4*1 inputs, 1 output", 33, network.split(" -> ", -1).length - 1);

        lesson.check("the MLP's output", plain(mlp, new double[] {2.0, 3.0, -1.0}), guess.data(), 1e-15);

        // tag::dataset[]
        double[][] xs = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
        double[] ys = {1.0, -1.0, -1.0, 1.0};
        // end::dataset[]

        Value before = loss(mlp, xs, ys);
        mlp.zeroGrad();
        before.backward();
        Value w = mlp.layers().get(0).neurons().get(0).weights().get(0);
        double estimate = finiteDifference(mlp, w, xs, ys);
        lesson.show("first-gradient", "Before training: the loss, and its gradient for the first weight",
                String.format(Locale.ROOT, "loss = %.4f%ndloss/dw = %.6f (backward)%ndloss/dw = %.6f (finite difference)",
                        before.data(), w.grad(), estimate));
        lesson.check("the loss before training", plainLoss(mlp, xs, ys), before.data(), 1e-12);
        for (Value p : mlp.parameters()) {
            lesson.check("dloss/d" + p.label(), finiteDifference(mlp, p, xs, ys), p.grad(), FINITE_DIFFERENCE_TOLERANCE);
        }

        oneDimension(lesson);

        StringBuilder progress = new StringBuilder();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int k = 0; k < 20; k++) {
            double expected = plainLoss(mlp, xs, ys);
            double loss = step(mlp, xs, ys, LEARNING_RATE);
            progress.append(String.format(Locale.ROOT, "step %2d  loss %.4f%n", k, loss));
            lesson.check("the loss at step " + k, expected, loss, 1e-12);
            if (k == 0) {
                first = loss;
            } else {
                lesson.check("the loss falls at step " + k, true, loss < last);
            }
            last = loss;
        }
        lesson.show("descent", "Gradient descent, 20 steps of size 0.1: the loss falls", progress);
        lesson.check("the loss fell at least tenfold", true, last < first / 10);

        // tag::predictions[]
        List<Value> predictions = new ArrayList<>();
        for (double[] xi : xs) {
            predictions.add(mlp.apply(xi).get(0));
        }
        // end::predictions[]
        StringBuilder table = new StringBuilder("target  prediction\n");
        for (int i = 0; i < ys.length; i++) {
            double p = predictions.get(i).data();
            table.append(String.format(Locale.ROOT, "%6.1f  %10.4f%n", ys[i], p));
            lesson.check("prediction " + i, plain(mlp, xs[i]), p, 1e-15);
            lesson.check("the sign of prediction " + i, Math.signum(ys[i]), Math.signum(p));
        }
        lesson.show("predictions", "After training: every prediction has the sign of its target", table);

        // tag::forgot-zero-grad[]
        MLP careful = new MLP(3, 4, 4, 1);
        MLP forgetful = new MLP(3, 4, 4, 1);
        double[] withZeroGrad = new double[FORGET_STEPS];
        double[] withoutZeroGrad = new double[FORGET_STEPS];
        for (int k = 0; k < FORGET_STEPS; k++) {
            withZeroGrad[k] = step(careful, xs, ys, LEARNING_RATE);
            withoutZeroGrad[k] = stepWithoutZeroGrad(forgetful, xs, ys, LEARNING_RATE);
        }
        // end::forgot-zero-grad[]
        lossCurves(withZeroGrad, withoutZeroGrad, lesson.dir().resolve("zero-grad.svg"));
        StringBuilder forgot = new StringBuilder("step   with zeroGrad()   without\n");
        for (int k = 0; k < FORGET_STEPS; k += k < 10 ? 1 : 5) {
            forgot.append(String.format(Locale.ROOT, "%4d   %15.4f   %7.4f%n", k, withZeroGrad[k], withoutZeroGrad[k]));
        }
        forgot.append(String.format(Locale.ROOT, "%4d   %15.4f   %7.4f%n", FORGET_STEPS - 1,
                withZeroGrad[FORGET_STEPS - 1], withoutZeroGrad[FORGET_STEPS - 1]));
        Value wCareful = careful.parameters().get(0);
        Value wForgetful = forgetful.parameters().get(0);
        forgot.append(String.format(Locale.ROOT, "%nthe first weight's grad after the last step: %.4f with zeroGrad(),"
                + " %.4f without (the sum of all %d gradients)%n", wCareful.grad(), wForgetful.grad(), FORGET_STEPS));
        lesson.show("zero-grad", "The same network, trained with and without zeroGrad()", forgot);
        lesson.check("without zeroGrad() the loss still fell: it seemed to train", true,
                withoutZeroGrad[FORGET_STEPS - 1] < withoutZeroGrad[0] / 100);
        lesson.check("the piled-up gradient is larger than this step's", true,
                Math.abs(wForgetful.grad()) > Math.abs(wCareful.grad()));
        lesson.check("both runs start from the same loss", withZeroGrad[0], withoutZeroGrad[0]);
        lesson.check("the first step is the same: nothing has piled up yet", withZeroGrad[1], withoutZeroGrad[1], 1e-12);
        checkGradientsPileUp(lesson, xs, ys);

        // tag::relu[]
        List<Value> points = List.of(Value.of(2.0, "x"), Value.of(-2.0, "x"), Value.of(0.0, "x"));
        for (Value point : points) {
            point.relu().backward();
        }
        // end::relu[]
        StringBuilder relu = new StringBuilder();
        for (Value point : points) {
            relu.append(String.format(Locale.ROOT, "x = %4.1f   relu(x) = %.1f   d relu/dx = %.1f%n",
                    point.data(), Math.max(0, point.data()), point.grad()));
            lesson.check("relu'(" + point.data() + ")", point.data() > 0 ? 1.0 : 0.0, point.grad());
        }
        lesson.show("relu", "ReLU passes the gradient on where its input is positive, and stops it elsewhere", relu);

        // tag::dead-unit[]
        Neuron unit = new Neuron(3, Activation.RELU, new Random(7));
        unit.bias().setData(-10.0);
        List<Value> outputs = new ArrayList<>();
        for (double[] xi : xs) {
            outputs.add(unit.apply(values(xi)));
        }
        Value total = Value.sum(outputs);
        total.backward();
        // end::dead-unit[]
        lesson.show("dead-unit", "A ReLU unit with bias -10: dead for every sample", unitReport(unit, xs, outputs));
        for (int i = 0; i < xs.length; i++) {
            lesson.check("the dead unit's sum for sample " + i, true, plainSum(unit, xs[i]) < 0);
            lesson.check("the dead unit's output for sample " + i, 0.0, outputs.get(i).data());
        }
        for (Value p : unit.parameters()) {
            lesson.check("the dead unit's gradient for " + p.label(), 0.0, p.grad());
        }

        // tag::live-unit[]
        unit.bias().setData(-1.0);
        unit.zeroGrad();
        outputs.clear();
        for (double[] xi : xs) {
            outputs.add(unit.apply(values(xi)));
        }
        total = Value.sum(outputs);
        total.backward();
        // end::live-unit[]
        lesson.show("live-unit", "The same unit with bias -1: alive for two of the four samples", unitReport(unit, xs, outputs));
        int alive = 0;
        for (int i = 0; i < xs.length; i++) {
            double z = plainSum(unit, xs[i]);
            lesson.check("the live unit's output for sample " + i, Math.max(0, z), outputs.get(i).data(), 1e-15);
            alive += z > 0 ? 1 : 0;
        }
        lesson.check("samples for which the unit is alive", 2.0, alive);
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (double[] xi : xs) {
                expected += plainSum(unit, xi) > 0 ? xi[j] : 0;
            }
            lesson.check("the live unit's gradient for w" + (j + 1), expected, unit.weights().get(j).grad(), 1e-15);
        }
        lesson.check("the live unit's gradient for b", (double) alive, unit.bias().grad());
    }

    /** Each sample's weighted sum and output, then the gradient of the summed output for every parameter. */
    static String unitReport(Neuron unit, double[][] xs, List<Value> outputs) {
        StringBuilder report = new StringBuilder("sample   w.x + b   relu\n");
        for (int i = 0; i < xs.length; i++) {
            report.append(String.format(Locale.ROOT, "%6d  %8.4f  %6.4f%n", i, plainSum(unit, xs[i]), outputs.get(i).data()));
        }
        for (Value p : unit.parameters()) {
            report.append(String.format(Locale.ROOT, "d total/d %s = %.4f%n", p.label(), p.grad()));
        }
        return report.toString();
    }

    /** A unit's weighted sum w.x + b with plain doubles, before its activation. */
    static double plainSum(Neuron neuron, double[] x) {
        double sum = neuron.bias().data();
        for (int i = 0; i < x.length; i++) {
            sum += neuron.weights().get(i).data() * x[i];
        }
        return sum;
    }

    /** Plain numbers as leaves, to feed a neuron. */
    static List<Value> values(double[] x) {
        List<Value> leaves = new ArrayList<>();
        for (double xi : x) {
            leaves.add(Value.of(xi));
        }
        return leaves;
    }

    // tag::loss[]
    /** The squared-error loss: the sum over the samples of (prediction - target)^2. */
    static Value loss(MLP mlp, double[][] xs, double[] ys) {
        List<Value> errors = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            Value prediction = mlp.apply(xs[i]).get(0);
            errors.add(prediction.sub(ys[i]).pow(2));
        }
        return Value.sum(errors);
    }
    // end::loss[]

    // tag::step[]
    /** One step of gradient descent: forward pass, backward pass, update; returns the loss before the update. */
    static double step(MLP mlp, double[][] xs, double[] ys, double learningRate) {
        Value loss = loss(mlp, xs, ys);
        mlp.zeroGrad();
        loss.backward();
        for (Value p : mlp.parameters()) {
            p.setData(p.data() - learningRate * p.grad());
        }
        return loss.data();
    }
    // end::step[]

    // tag::neuron-diagram[]
    /** A picture of a neuron drawn from the neuron itself: one arrow per input, labelled with its weight. */
    static String neuronDiagram(Neuron neuron, List<String> inputs) {
        StringBuilder dot = new StringBuilder("digraph neuron {\n  rankdir=LR;\n  node [fontname=Helvetica, fontsize=11];\n"
                + "  edge [fontname=Helvetica, fontsize=10];\n");
        dot.append(String.format(Locale.ROOT, "  sum [shape=circle, label=\"\u03a3 + b\\nb = %.4f\"];%n", neuron.bias().data()));
        dot.append("  act [shape=box, style=rounded, label=\"").append(neuron.activation().name().toLowerCase(Locale.ROOT))
                .append("\"];\n  out [shape=plaintext, label=\"out\"];\n");
        for (int i = 0; i < inputs.size(); i++) {
            dot.append("  x").append(i).append(" [shape=plaintext, label=\"").append(inputs.get(i)).append("\"];\n");
            dot.append(String.format(Locale.ROOT, "  x%d -> sum [label=\"w%d = %.4f\"];%n",
                    i, i + 1, neuron.weights().get(i).data()));
        }
        return dot.append("  sum -> act;\n  act -> out;\n}\n").toString();
    }

    /** The layers of an MLP as columns of circles, every neuron joined to every neuron of the next layer. */
    static String networkDiagram(MLP mlp) {
        StringBuilder dot = new StringBuilder("digraph mlp {\n  rankdir=LR;\n  splines=line;\n  nodesep=0.2;\n  ranksep=1.1;\n"
                + "  node [fontname=Helvetica, fontsize=10, shape=circle, width=0.5, fixedsize=true];\n");
        int inputs = mlp.layers().get(0).neurons().get(0).weights().size();
        List<String> previous = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            dot.append("  in").append(i).append(" [label=\"x").append(i + 1).append("\", style=filled, fillcolor=\"#e5e7eb\"];\n");
            previous.add("in" + i);
        }
        for (int l = 0; l < mlp.layers().size(); l++) {
            List<String> current = new ArrayList<>();
            for (int j = 0; j < mlp.layers().get(l).neurons().size(); j++) {
                Neuron n = mlp.layers().get(l).neurons().get(j);
                String id = "l" + l + "n" + j;
                dot.append("  ").append(id).append(" [label=\"").append(n.activation().name().toLowerCase(Locale.ROOT))
                        .append("\"];\n");
                for (String from : previous) {
                    dot.append("  ").append(from).append(" -> ").append(id).append(";\n");
                }
                current.add(id);
            }
            previous = current;
        }
        for (String last : previous) {
            dot.append("  out [shape=plaintext, fixedsize=false, label=\"prediction\"];\n  ").append(last).append(" -> out;\n");
        }
        return dot.append("}\n").toString();
    }
    // end::neuron-diagram[]

    /** Gradient descent on a loss of one number, L(w) = (w - 3)^2, from w = 0: a good step and one too large. */
    static void oneDimension(Lesson lesson) throws IOException {
        // tag::one-dimension[]
        double w = 0.0;
        double grad = 2 * (w - 3);            // dL/dw at w = 0: -6, so downhill is to the right
        double good = w - 0.1 * grad;         // learning rate 0.1
        double tooFar = w - 1.1 * grad;       // learning rate 1.1
        // end::one-dimension[]
        lesson.show("one-dimension", "L(w) = (w - 3)^2 from w = 0, one step with each learning rate",
                String.format(Locale.ROOT, "w = %.1f   L = %.2f   dL/dw = %.1f%n", w, oneLoss(w), grad)
                        + String.format(Locale.ROOT, "learning rate 0.1: w = %.2f   L = %.2f   (downhill)%n", good, oneLoss(good))
                        + String.format(Locale.ROOT, "learning rate 1.1: w = %.2f   L = %.2f   (past the bottom and up the other side)%n",
                                tooFar, oneLoss(tooFar)));
        lesson.check("dL/dw at 0", -6.0, grad);
        lesson.check("the good step lowers the loss", true, oneLoss(good) < oneLoss(w));
        lesson.check("the step of 1.1 raises the loss", true, oneLoss(tooFar) > oneLoss(w));
        // For (w - 3)^2 a step multiplies the distance to the bottom by (1 - 2 * rate): it grows once rate > 1.
        lesson.check("distance after the good step", 0.8 * 3, 3 - good, 1e-12);
        lesson.check("distance after the step of 1.1", -1.2 * 3, 3 - tooFar, 1e-12);

        XYSeries curve = new XYSeries("L(w) = (w - 3)^2");
        for (int k = 0; k <= 80; k++) {
            double x = -1 + k * 0.1;
            curve.add(x, oneLoss(x));
        }
        XYSeries gentle = new XYSeries("one step, learning rate 0.1");
        gentle.add(w, oneLoss(w));
        gentle.add(good, oneLoss(good));
        XYSeries overshoot = new XYSeries("one step, learning rate 1.1");
        overshoot.add(w, oneLoss(w));
        overshoot.add(tooFar, oneLoss(tooFar));
        XYSeriesCollection data = new XYSeriesCollection(curve);
        data.addSeries(gentle);
        data.addSeries(overshoot);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, Color.GRAY);
        lines.setSeriesPaint(1, new Color(0x1f, 0x77, 0xb4));
        lines.setSeriesShapesVisible(1, true);
        lines.setSeriesPaint(2, new Color(0xd6, 0x27, 0x28));
        lines.setSeriesShapesVisible(2, true);
        ChartSvg.write(new JFreeChart("A good step and one that overshoots",
                new XYPlot(data, new NumberAxis("w"), new NumberAxis("loss L(w)"), lines)),
                640, 340, "one-dimension", lesson.dir().resolve("one-dimension.svg"));
    }

    static double oneLoss(double w) {
        return (w - 3) * (w - 3);
    }

    // tag::step-without-zero-grad[]
    /** The lecture's first training loop: the same step, with the line mlp.zeroGrad() missing. */
    static double stepWithoutZeroGrad(MLP mlp, double[][] xs, double[] ys, double learningRate) {
        Value loss = loss(mlp, xs, ys);
        loss.backward();
        for (Value p : mlp.parameters()) {
            p.setData(p.data() - learningRate * p.grad());
        }
        return loss.data();
    }
    // end::step-without-zero-grad[]

    /** Without zeroGrad(), each backward pass adds this step's gradient to the sum of all the earlier ones. */
    static void checkGradientsPileUp(Lesson lesson, double[][] xs, double[] ys) {
        MLP forgetful = new MLP(3, 4, 4, 1);
        Value w = forgetful.parameters().get(0);
        double piled = 0;
        for (int k = 0; k < 5; k++) {
            double fresh = finiteDifference(forgetful, w, xs, ys);
            stepWithoutZeroGrad(forgetful, xs, ys, LEARNING_RATE);
            piled += fresh;
            lesson.check("w.grad after " + (k + 1) + " steps without zeroGrad() is the sum of the gradients so far",
                    piled, w.grad(), FINITE_DIFFERENCE_TOLERANCE * (k + 1));
        }
    }

    /** The two loss curves side by side, on one loss axis. */
    static void lossCurves(double[] with, double[] without, java.nio.file.Path file) throws IOException {
        NumberAxis loss = new NumberAxis("loss");
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(loss);
        String[] titles = {"with zeroGrad()", "without zeroGrad()"};
        double[][] curves = {with, without};
        Color[] colors = {new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28)};
        for (int c = 0; c < 2; c++) {
            XYSeries series = new XYSeries(titles[c]);
            for (int k = 0; k < curves[c].length; k++) {
                series.add(k, curves[c][k]);
            }
            XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
            line.setSeriesPaint(0, colors[c]);
            plot.add(new XYPlot(new XYSeriesCollection(series), new NumberAxis("step"), null, line));
        }
        ChartSvg.write(new JFreeChart("The loss at each step, learning rate " + LEARNING_RATE, plot),
                720, 340, "zero-grad", file);
    }

    /** The squared-error loss computed with plain doubles, without building a graph. */
    static double plainLoss(MLP mlp, double[][] xs, double[] ys) {
        double loss = 0;
        for (int i = 0; i < xs.length; i++) {
            double d = plain(mlp, xs[i]) - ys[i];
            loss += d * d;
        }
        return loss;
    }

    /** A central difference of the plain loss in one parameter. */
    static double finiteDifference(MLP mlp, Value p, double[][] xs, double[] ys) {
        double h = 1e-6;
        double data = p.data();
        p.setData(data + h);
        double up = plainLoss(mlp, xs, ys);
        p.setData(data - h);
        double down = plainLoss(mlp, xs, ys);
        p.setData(data);
        return (up - down) / (2 * h);
    }

    /** The MLP's output computed with plain doubles, to check the graph's forward pass. */
    static double plain(MLP mlp, double[] x) {
        double[] a = x;
        for (Layer layer : mlp.layers()) {
            double[] next = new double[layer.neurons().size()];
            for (int j = 0; j < next.length; j++) {
                next[j] = plain(layer.neurons().get(j), a);
            }
            a = next;
        }
        return a[0];
    }

    /** One tanh neuron's output with plain doubles, summed in the engine's order: bias first. */
    static double plain(Neuron neuron, double[] x) {
        double sum = neuron.bias().data();
        for (int i = 0; i < x.length; i++) {
            sum += neuron.weights().get(i).data() * x[i];
        }
        return Math.tanh(sum);
    }
}
