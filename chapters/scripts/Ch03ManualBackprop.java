///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/*.java
//SOURCES ../src/main/java/dev/micrograd/lesson/chart/*.java
//SOURCES ../lecture/dev/micrograd/lecture/ch03/Value.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36
//DEPS org.jfree:jfreechart:1.5.6
//DEPS org.jfree:org.jfree.svg:5.0.7

import static dev.micrograd.data.LectureNeuron.BIAS;

import dev.micrograd.lecture.ch03.Value;
import dev.micrograd.lesson.Lesson;
import dev.micrograd.lesson.chart.ChartSvg;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chapter 3: the slope of a function by nudging, then the gradients of L and of a neuron filled in by hand
 * on the lecture's Value, checked against the nudged slopes and against the shared engine.
 */
class Ch03ManualBackprop {
    static final List<String> L_NODES = List.of("a", "b", "c", "d", "e", "f", "L");
    static final List<String> NEURON_LEAVES = List.of("x1", "x2", "w1", "w2", "b");

    /** The points where the warm-up measures the slope of f: rising, flat and falling. */
    static final double[] WARM_UP_POINTS = {3.0, 2.0 / 3.0, -3.0};

    public static void main(String... args) {
        // The chart is drawn without a screen, on a build server too.
        System.setProperty("java.awt.headless", "true");
        Lesson.main(args, "ch03", "Manual backprop", Ch03ManualBackprop::teach);
    }

    static void teach(Lesson lesson) throws IOException {
        warmUp(lesson);
        severalInputs(lesson);
        expressionL(lesson);
        neuron(lesson);
    }

    // tag::f[]
    /** The warm-up function of the lecture, f(x) = 3x^2 - 4x + 5. */
    static double f(double x) {
        return 3 * x * x - 4 * x + 5;
    }

    /** The slope of f at x, by nudging x up by h. */
    static double slope(double x, double h) {
        return (f(x + h) - f(x)) / h;
    }
    // end::f[]

    /** The derivative of f worked out on paper, 6x - 4, to check the nudged slopes against. */
    static double derivative(double x) {
        return 6 * x - 4;
    }

    static void warmUp(Lesson lesson) throws IOException {
        lesson.show("f-of-3", "The warm-up function at x = 3", String.format(Locale.ROOT, "f(3.0) = %s", f(3.0)));
        lesson.check("f(3)", 20.0, f(3.0));

        StringBuilder slopes = new StringBuilder("     x      6x - 4   nudged with h = 0.001\n");
        for (double x : WARM_UP_POINTS) {
            double nudged = slope(x, 0.001);
            slopes.append(String.format(Locale.ROOT, "%9.6f %10.6f %12.6f%n", x, derivative(x), nudged));
            // f is a parabola, so the one-sided slope overshoots by exactly 3h, rounding aside.
            lesson.check("slope of f at " + x + " by nudging", derivative(x) + 3 * 0.001, nudged, 1e-9);
        }
        lesson.check("slope of f at 3", 14.0, derivative(3.0));
        lesson.check("the central slope of f at 3, with no 3h overshoot", 14.0, (f(3.001) - f(2.999)) / 0.002, 1e-9);
        lesson.check("slope of f at 2/3", 0.0, derivative(2.0 / 3.0), 1e-15);
        lesson.check("slope of f at -3", -22.0, derivative(-3.0));
        lesson.show("warm-up-slopes", "The slope of f by nudging, beside the derivative 6x - 4", slopes);

        Path chart = lesson.dir().resolve("warm-up.svg");
        drawWarmUp(chart);
        lesson.show("warm-up-chart", "f and its tangents at x = 3, 2/3 and -3",
                "warm-up.svg: f from -5 to 5 and a short tangent at each point, drawn with the nudged slope");

        // tag::too-small-h[]
        double[] steps = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8,
                1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15, 1e-16};
        StringBuilder table = new StringBuilder("h        nudge taken        slope at 3    error\n");
        for (double h : steps) {
            double taken = (3.0 + h) - 3.0;     // the nudge the computer really made
            double estimate = slope(3.0, h);
            table.append(String.format(Locale.ROOT, "%-8.0e %-11.3e %17.12f  %+.1e%n",
                    h, taken, estimate, estimate - 14.0));
        }
        // end::too-small-h[]
        lesson.show("too-small-h", "The slope of f at 3 as h shrinks: 14 is the exact answer", table);

        double best = steps[0];
        for (double h : steps) {
            double estimate = slope(3.0, h);
            double taken = (3.0 + h) - 3.0;
            // Each f(x) is off by at most a few units in its last place (ulp), and the difference is divided by h.
            double roundingBound = 4 * Math.ulp(20.0) / h;
            double exactForTheStepTaken = (14 * taken + 3 * taken * taken) / h;
            lesson.check("slope at 3 with h = " + h + ", up to rounding", exactForTheStepTaken, estimate, roundingBound);
            if (Math.abs(estimate - 14) < Math.abs(slope(3.0, best) - 14)) {
                best = h;
            }
        }
        lesson.check("the error with h = 0.1, all of it 3h", 0.3, slope(3.0, 0.1) - 14, 1e-12);
        lesson.check("the h that comes closest to 14", 1e-8, best);
        lesson.check("3 + 1e-16, which rounds back to 3", 3.0, 3.0 + 1e-16);
        lesson.check("the slope with h = 1e-16", 0.0, slope(3.0, 1e-16));
    }

    // tag::warm-up-chart[]
    /** Draws f from -5 to 5 and, at each warm-up point, a short tangent with the slope found by nudging. */
    static void drawWarmUp(Path file) throws IOException {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries curve = new XYSeries("f(x) = 3x^2 - 4x + 5");
        for (int i = 0; i <= 80; i++) {
            double x = -5 + i * 0.125;
            curve.add(x, f(x));
        }
        lines.addSeries(curve);
        XYSeries points = new XYSeries("the points");
        for (double x0 : WARM_UP_POINTS) {
            double m = slope(x0, 0.001);
            XYSeries tangent = new XYSeries(String.format(Locale.ROOT, "tangent at %.2f, slope %.3f", x0, m));
            tangent.add(x0 - 1.5, f(x0) - 1.5 * m);
            tangent.add(x0 + 1.5, f(x0) + 1.5 * m);
            lines.addSeries(tangent);
            points.add(x0, f(x0));
        }
        lines.addSeries(points);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        for (int s = 0; s < 4; s++) {
            renderer.setSeriesPaint(s, colors[s]);
            renderer.setSeriesStroke(s, new BasicStroke(s == 0 ? 2.0f : 1.5f));
        }
        renderer.setSeriesPaint(4, Color.BLACK);
        renderer.setSeriesLinesVisible(4, false);
        renderer.setSeriesShapesVisible(4, true);
        renderer.setSeriesShape(4, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(lines, new NumberAxis("x"), new NumberAxis("f(x)"), renderer);
        ChartSvg.write(new JFreeChart("The slope of f, found by nudging", plot), 640, 400, "warmup", file);
    }
    // end::warm-up-chart[]

    /** The lecture's second warm-up: d = a*b + c depends on three numbers; nudge each in turn and watch d move. */
    static void severalInputs(Lesson lesson) {
        // tag::several-inputs[]
        double h = 0.0001;
        double a = 2.0;
        double b = -3.0;
        double c = 10.0;
        double d1 = a * b + c;
        double nudgeA = ((a + h) * b + c - d1) / h;
        double nudgeB = (a * (b + h) + c - d1) / h;
        double nudgeC = (a * b + (c + h) - d1) / h;
        // end::several-inputs[]
        lesson.show("several-inputs", "d = a*b + c with a = 2, b = -3, c = 10: nudge one input by h = 0.0001",
                String.format(Locale.ROOT, "d = %s%n", d1)
                        + String.format(Locale.ROOT, "nudge a: d becomes %.6f, slope %.6f   (d moves by b per unit of a)%n",
                                (a + h) * b + c, nudgeA)
                        + String.format(Locale.ROOT, "nudge b: d becomes %.6f, slope %.6f   (d moves by a per unit of b)%n",
                                a * (b + h) + c, nudgeB)
                        + String.format(Locale.ROOT, "nudge c: d becomes %.6f, slope %.6f   (d moves one for one with c)%n",
                                a * b + (c + h), nudgeC));
        lesson.check("d", 4.0, d1);
        // The partial derivatives of a*b + c, worked out on paper: b, a and 1.
        lesson.check("dd/da by nudging", b, nudgeA, 1e-9);
        lesson.check("dd/db by nudging", a, nudgeB, 1e-9);
        lesson.check("dd/dc by nudging", 1.0, nudgeC, 1e-9);
    }

    static void expressionL(Lesson lesson) throws IOException {
        // tag::slope-d[]
        double h = 0.001;
        double slopeD = (buildL("d", h).data - buildL("", 0).data) / h;
        // end::slope-d[]
        lesson.show("slope-d", "dL/dd by nudging d by h = 0.001", "(L(d + h) - L(d)) / h = " + slopeD);
        lesson.check("dL/dd, numerically", -2.0, slopeD, 1e-9);
        lesson.check("dL/dd, numerically, on the engine", slopeD,
                (Engine.buildL("d", h).data() - Engine.buildL("", 0).data()) / h);

        StringBuilder slopes = new StringBuilder();
        double[] numerical = new double[L_NODES.size()];
        for (int i = 0; i < L_NODES.size(); i++) {
            String node = L_NODES.get(i);
            numerical[i] = (buildL(node, h).data - buildL("", 0).data) / h;
            slopes.append(String.format(Locale.ROOT, "dL/d%s = %9.6f%n", node, numerical[i]));
        }
        lesson.show("slopes", "The same nudge for every node of L", slopes);

        // tag::chain-rule[]
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = new Value(10.0, "c");
        Value d = a.mul(b);
        d.label = "d";
        Value e = d.add(c);
        e.label = "e";
        Value f = new Value(-2.0, "f");
        Value L = e.mul(f);
        L.label = "L";

        L.grad = 1.0;                  // dL/dL
        f.grad = e.data * L.grad;      // L = e * f, so dL/df = e
        e.grad = f.data * L.grad;      // and dL/de = f
        c.grad = 1.0 * e.grad;         // e = d + c passes its gradient through
        d.grad = 1.0 * e.grad;
        a.grad = b.data * d.grad;      // d = a * b, so dd/da = b: chain rule
        b.grad = a.data * d.grad;
        // end::chain-rule[]
        List<Value> byHand = List.of(a, b, c, d, e, f, L);
        double[] analytic = {6.0, -4.0, -2.0, -2.0, -2.0, 4.0, 1.0};
        StringBuilder grads = new StringBuilder();
        for (int i = 0; i < byHand.size(); i++) {
            Value v = byHand.get(i);
            grads.append(String.format(Locale.ROOT, "%s.grad = %4.1f   (numerically %9.6f)%n",
                    v.label, v.grad, numerical[i]));
            lesson.check(v.label + ".grad by hand", analytic[i], v.grad);
            lesson.check("dL/d" + v.label + " numerically", analytic[i], numerical[i], 1e-9);
        }
        lesson.predict("predict-l", "Your turn: the gradient dL/dv of each value, before the code below fills it in",
                List.of(new Lesson.Prediction("f.grad", f.grad, "L = e * f: a product gives each operand the other's data"),
                        new Lesson.Prediction("e.grad", e.grad, "the same product, the other operand"),
                        new Lesson.Prediction("c.grad", c.grad, "e = d + c: a plus passes e.grad on unchanged"),
                        new Lesson.Prediction("d.grad", d.grad, "the same plus as for c"),
                        new Lesson.Prediction("a.grad", a.grad, "d = a * b, so dd/da = b; multiply by d.grad"),
                        new Lesson.Prediction("b.grad", b.grad, "dd/db = a; multiply by d.grad")));
        lesson.show("chain-rule", "L's gradients filled in by hand with the chain rule", grads);
        lesson.graph("l-by-hand", "L with its gradients filled in by hand", titled(L.dot(), "L, every gradient by hand"));
        List<dev.micrograd.engine.Value> engineL = Engine.graphOfL();
        agree(lesson, "L", byHand, engineL);

        // tag::step-on-l[]
        double step = 0.01;
        a.data += step * a.grad;       // every leaf moves along its own gradient
        b.data += step * b.grad;
        c.data += step * c.grad;
        f.data += step * f.grad;
        Value stepped = a.mul(b).add(c).mul(f);   // the forward pass again, on the new leaves
        // end::step-on-l[]
        double predicted = L.data + step * (6 * 6 + 4 * 4 + 2 * 2 + 4 * 4);
        lesson.show("step-on-l", "One step of 0.01 along the gradients of the leaves", String.format(Locale.ROOT,
                "a = %.2f, b = %.2f, c = %.2f, f = %.2f%nL before the step: %.6f%nL after the step:  %.6f%n"
                        + "the gradients predicted L + 0.01 * (6^2 + 4^2 + 2^2 + 4^2) = %.6f",
                a.data, b.data, c.data, f.data, L.data, stepped.data, predicted));
        lesson.check("L before the step", -8.0, L.data);
        lesson.check("L after one step", -7.286496, stepped.data, 1e-12);
        lesson.check("L rose", true, stepped.data > L.data);
        lesson.check("L as the gradients predicted, to first order", predicted, stepped.data, 0.01);
        lesson.check("L after one step, on the engine", stepped.data, Engine.stepOnL(engineL, step));
        // A tenth of the step leaves a tenth of the gap to the prediction, relative to the rise: it is second order.
        double gap = Math.abs(stepped.data - predicted) / (step * 72);
        double smallerGap = Math.abs(stepL(step / 10) - (-8 + step / 10 * 72)) / (step / 10 * 72);
        lesson.check("the prediction gets closer with a smaller step", true, smallerGap < gap / 5);
    }

    static void neuron(Lesson lesson) throws IOException {
        double h = 0.001;
        // tag::neuron[]
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(BIAS, "b");
        Value x1w1 = x1.mul(w1);
        x1w1.label = "x1*w1";
        Value x2w2 = x2.mul(w2);
        x2w2.label = "x2*w2";
        Value sum = x1w1.add(x2w2);
        sum.label = "x1*w1 + x2*w2";
        Value n = sum.add(b);
        n.label = "n";
        Value o = n.tanh();
        o.label = "o";
        // end::neuron[]
        lesson.show("neuron", "One neuron: o = tanh(x1*w1 + x2*w2 + b)", "n = " + n.data + "\no = " + o.data);
        lesson.check("n", 0.8813735870195432, n.data, 1e-15);
        lesson.check("o", Math.sqrt(0.5), o.data, 1e-15);

        List<Lesson.Frame> frames = new ArrayList<>();
        // tag::step-seed[]
        o.grad = 1.0;                               // do/do
        // end::step-seed[]
        frames.add(frame(o, o, "the seed, o.grad = 1", "o.grad = 1.0"));
        // tag::step-o[]
        n.grad = (1 - o.data * o.data) * o.grad;    // o = tanh(n): do/dn = 1 - o^2
        // end::step-o[]
        double tanhSlope = (Math.tanh(n.data + h) - Math.tanh(n.data - h)) / (2 * h);
        double notebookFormula = 1 - n.data * n.data;
        lesson.show("tanh-derivative", "Through tanh: do/dn = 1 - o^2", String.format(Locale.ROOT,
                "n.grad = 1 - o^2 = %.6f%nnumerically (tanh(n + h) - tanh(n - h)) / 2h = %.6f%n"
                        + "1 - n^2 would give %.6f", n.grad, tanhSlope, notebookFormula));
        lesson.check("n.grad", 0.5, n.grad, 1e-12);
        lesson.check("tanh slope, numerically", 0.5, tanhSlope, 1e-5);
        lesson.check("1 - n^2, the wrong formula", 0.223181, notebookFormula, 1e-6);
        frames.add(frame(o, o, "the step of o, through tanh, fills n.grad",
                "n.grad = (1 - o.data * o.data) * o.grad"));
        // tag::step-n[]
        sum.grad = 1.0 * n.grad;         // n = sum + b: a plus passes it on
        b.grad = 1.0 * n.grad;
        // end::step-n[]
        frames.add(frame(o, n, "the step of n, through +, fills the sum's grad and b.grad",
                "sum.grad = 1.0 * n.grad", "b.grad = 1.0 * n.grad"));
        // tag::step-sum[]
        x1w1.grad = 1.0 * sum.grad;      // sum = x1w1 + x2w2: again a plus
        x2w2.grad = 1.0 * sum.grad;
        // end::step-sum[]
        frames.add(frame(o, sum, "the step of the sum, through +, fills both products' grads",
                "x1w1.grad = 1.0 * sum.grad", "x2w2.grad = 1.0 * sum.grad"));
        // tag::step-x2w2[]
        x2.grad = w2.data * x2w2.grad;   // x2w2 = x2 * w2: the other's data
        w2.grad = x2.data * x2w2.grad;
        // end::step-x2w2[]
        frames.add(frame(o, x2w2, "the step of x2*w2, through *, fills x2.grad and w2.grad",
                "x2.grad = w2.data * x2w2.grad", "w2.grad = x2.data * x2w2.grad"));
        // tag::step-x1w1[]
        x1.grad = w1.data * x1w1.grad;
        w1.grad = x1.data * x1w1.grad;
        // end::step-x1w1[]
        frames.add(frame(o, x1w1, "the step of x1*w1, through *, fills x1.grad and w1.grad",
                "x1.grad = w1.data * x1w1.grad", "w1.grad = x1.data * x1w1.grad"));
        lesson.frames("neuron-steps", "The neuron after each step by hand, the value whose step ran filled in", frames);

        List<Value> leaves = List.of(x1, x2, w1, w2, b);
        double[] expected = {-1.5, 0.5, 1.0, 0.0, 0.5};
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-4s %8s %12s%n", "leaf", "by hand", "numerically"));
        for (int i = 0; i < leaves.size(); i++) {
            Value leaf = leaves.get(i);
            String name = NEURON_LEAVES.get(i);
            double slope = (neuron(name, h).data - neuron(name, -h).data) / (2 * h);
            table.append(String.format(Locale.ROOT, "%-4s %8.4f %12.4f%n", name, leaf.grad, slope));
            lesson.check(name + ".grad by hand", expected[i], leaf.grad, 1e-12);
            lesson.check("do/d" + name + " numerically", expected[i], slope, 1e-5);
        }
        lesson.show("neuron-by-hand", "Every gradient of the neuron, by hand and numerically", table);
        lesson.check("x1w1.grad", 0.5, x1w1.grad, 1e-12);
        lesson.check("x2w2.grad", 0.5, x2w2.grad, 1e-12);
        agree(lesson, "the neuron", List.of(x1, x2, w1, w2, b, x1w1, x2w2, sum, n, o), Engine.neuron());
    }

    /** L after moving a, b, c and f by {@code step} times their gradients 6, -4, -2 and 4. */
    static double stepL(double step) {
        Value a = new Value(2.0 + step * 6, "a");
        Value b = new Value(-3.0 - step * 4, "b");
        Value c = new Value(10.0 - step * 2, "c");
        Value f = new Value(-2.0 + step * 4, "f");
        return a.mul(b).add(c).mul(f).data;
    }

    // tag::build-l[]
    /** L = (a*b + c) * f, with h added to the value labelled {@code nudged} as it is made. */
    static Value buildL(String nudged, double h) {
        Value a = nudge(new Value(2.0, "a"), nudged, h);
        Value b = nudge(new Value(-3.0, "b"), nudged, h);
        Value c = nudge(new Value(10.0, "c"), nudged, h);
        Value d = nudge(a.mul(b), "d", nudged, h);
        Value e = nudge(d.add(c), "e", nudged, h);
        Value f = nudge(new Value(-2.0, "f"), nudged, h);
        return nudge(e.mul(f), "L", nudged, h);
    }

    /** Names {@code v} and nudges it by h if it is the value to nudge. */
    static Value nudge(Value v, String label, String nudged, double h) {
        v.label = label;
        return nudge(v, nudged, h);
    }

    static Value nudge(Value v, String nudged, double h) {
        if (v.label.equals(nudged)) {
            v.data += h;
        }
        return v;
    }
    // end::build-l[]

    // tag::neuron-nudged[]
    /** o = tanh(x1*w1 + x2*w2 + b), with h added to the leaf labelled {@code nudged}. */
    static Value neuron(String nudged, double h) {
        Value x1 = nudge(new Value(2.0, "x1"), nudged, h);
        Value x2 = nudge(new Value(0.0, "x2"), nudged, h);
        Value w1 = nudge(new Value(-3.0, "w1"), nudged, h);
        Value w2 = nudge(new Value(1.0, "w2"), nudged, h);
        Value b = nudge(new Value(BIAS, "b"), nudged, h);
        return x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
    }
    // end::neuron-nudged[]

    /** Checks that the lecture's values and the engine's, node by node, hold the same data and gradients. */
    static void agree(Lesson lesson, String what, List<Value> lecture, List<dev.micrograd.engine.Value> engine) {
        lesson.check("number of values in " + what, lecture.size(), engine.size());
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-14s %10s %13s %19s%n",
                "value", "data", "grad by hand", "grad by backward()"));
        for (int i = 0; i < lecture.size(); i++) {
            Value ours = lecture.get(i);
            dev.micrograd.engine.Value theirs = engine.get(i);
            lesson.check("label in " + what, ours.label, theirs.label());
            lesson.check(ours.label + ".data, lecture against engine", ours.data, theirs.data());
            lesson.check(ours.label + ".grad by hand against the engine's backward()", ours.grad, theirs.grad());
            table.append(String.format(Locale.ROOT, "%-14s %10.6f %13.6f %19.6f%n",
                    ours.label, ours.data, ours.grad, theirs.grad()));
        }
        String step = what.equals("L") ? "engine-l" : "engine-neuron";
        lesson.show(step, "By hand on the lecture's Value, and by backward() on the engine: " + what, table);
    }

    /** The same graphs on the shared engine, dev.micrograd.engine.Value, with backward() doing the work. */
    static final class Engine {
        private Engine() {
        }

        static dev.micrograd.engine.Value buildL(String nudged, double h) {
            dev.micrograd.engine.Value a = nudge(dev.micrograd.engine.Value.of(2.0, "a"), nudged, h);
            dev.micrograd.engine.Value b = nudge(dev.micrograd.engine.Value.of(-3.0, "b"), nudged, h);
            dev.micrograd.engine.Value c = nudge(dev.micrograd.engine.Value.of(10.0, "c"), nudged, h);
            dev.micrograd.engine.Value d = nudge(a.mul(b).label("d"), nudged, h);
            dev.micrograd.engine.Value e = nudge(d.add(c).label("e"), nudged, h);
            dev.micrograd.engine.Value f = nudge(dev.micrograd.engine.Value.of(-2.0, "f"), nudged, h);
            return nudge(e.mul(f).label("L"), nudged, h);
        }

        static dev.micrograd.engine.Value nudge(dev.micrograd.engine.Value v, String nudged, double h) {
            if (v.label().equals(nudged)) {
                v.setData(v.data() + h);
            }
            return v;
        }

        /** a, b, c, d, e, f and L after L.backward(). */
        static List<dev.micrograd.engine.Value> graphOfL() {
            dev.micrograd.engine.Value L = buildL("", 0);
            L.backward();
            dev.micrograd.engine.Value e = L.children().get(0);
            dev.micrograd.engine.Value d = e.children().get(0);
            return List.of(d.children().get(0), d.children().get(1), e.children().get(1), d, e,
                    L.children().get(1), L);
        }

        /** L after one step of the leaves a, b, c and f along their gradients. */
        static double stepOnL(List<dev.micrograd.engine.Value> graph, double step) {
            for (int i : new int[] {0, 1, 2, 5}) {
                dev.micrograd.engine.Value leaf = graph.get(i);
                leaf.setData(leaf.data() + step * leaf.grad());
            }
            return graph.get(0).mul(graph.get(1)).add(graph.get(2)).mul(graph.get(5)).data();
        }

        /** x1, x2, w1, w2, b, x1*w1, x2*w2, their sum, n and o after o.backward(). */
        static List<dev.micrograd.engine.Value> neuron() {
            dev.micrograd.engine.Value x1 = dev.micrograd.engine.Value.of(2.0, "x1");
            dev.micrograd.engine.Value x2 = dev.micrograd.engine.Value.of(0.0, "x2");
            dev.micrograd.engine.Value w1 = dev.micrograd.engine.Value.of(-3.0, "w1");
            dev.micrograd.engine.Value w2 = dev.micrograd.engine.Value.of(1.0, "w2");
            dev.micrograd.engine.Value b = dev.micrograd.engine.Value.of(BIAS, "b");
            dev.micrograd.engine.Value x1w1 = x1.mul(w1).label("x1*w1");
            dev.micrograd.engine.Value x2w2 = x2.mul(w2).label("x2*w2");
            dev.micrograd.engine.Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
            dev.micrograd.engine.Value n = sum.add(b).label("n");
            dev.micrograd.engine.Value o = n.tanh().label("o");
            o.backward();
            return List.of(x1, x2, w1, w2, b, x1w1, x2w2, sum, n, o);
        }
    }

    /**
     * A picture of the graph behind {@code root}, top to bottom so a row of them fits the page, with {@code active}
     * filled in and the lines that ran by hand as its title.
     */
    static Lesson.Frame frame(Value root, Value active, String caption, String... ran) {
        return new Lesson.Frame(caption, titled(Lesson.topToBottom(root.dot(active)), "by hand:\\n" + String.join("\\n", ran)));
    }

    /** The DOT text with a title above the graph, which also keeps each picture unlike any other on the site. */
    static String titled(String dot, String title) {
        String graphAttributes = "  label=\"" + title + "\";\n  labelloc=t;\n  fontname=Helvetica;\n  fontsize=11;\n";
        int body = dot.indexOf("{\n") + 2;
        return dot.substring(0, body) + graphAttributes + dot.substring(body);
    }
}
