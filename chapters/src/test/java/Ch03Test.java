import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 3's outputs hold the numerical derivative and the gradients filled in by hand. */
class Ch03Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch03ManualBackprop", tmp);
    }

    @Test
    void threeInputsNudgedOneAtATimeAndAPredictionFormForL() throws IOException {
        String several = ChapterRunsTest.read(dir, "several-inputs.txt");
        assertTrue(several.startsWith("d = 4.0\nnudge a: d becomes 3.999700, slope -3.000000"), several);
        assertTrue(several.contains("nudge c: d becomes 4.000100, slope 1.000000"), several);
        String form = ChapterRunsTest.read(dir, "predict-l.adoc");
        for (String answer : new String[] {"4.0", "-2.0", "6.0", "-4.0"}) {
            assertTrue(form.contains("data-answer=\"" + answer + "\""), answer + " in " + form);
        }
        assertEquals(6, form.split("<input ", -1).length - 1, form);
    }

    @Test
    void warmUpSlopesByNudging() throws IOException {
        assertEquals("f(3.0) = 20.0\n", ChapterRunsTest.read(dir, "f-of-3.txt"));
        assertEquals("     x      6x - 4   nudged with h = 0.001\n"
                + " 3.000000  14.000000    14.003000\n"
                + " 0.666667   0.000000     0.003000\n"
                + "-3.000000 -22.000000   -21.997000\n", ChapterRunsTest.read(dir, "warm-up-slopes.txt"));
    }

    @Test
    void tooSmallHBreaksTheSlope() throws IOException {
        List<String> rows = ChapterRunsTest.read(dir, "too-small-h.txt").lines().collect(Collectors.toList());
        assertEquals(17, rows.size(), String.join("\n", rows));
        assertEquals("1e-01    1.000e-01     14.300000000000  +3.0e-01", rows.get(1));
        assertEquals("1e-03    1.000e-03     14.003000000002  +3.0e-03", rows.get(3));
        assertEquals("1e-08    1.000e-08     13.999999737280  -2.6e-07", rows.get(8));
        assertEquals("1e-15    8.882e-16     14.210854715202  +2.1e-01", rows.get(15));
        assertEquals("1e-16    0.000e+00      0.000000000000  -1.4e+01", rows.get(16));
    }

    @Test
    void warmUpChartIsAnSvgOfFAndItsTangents() throws IOException {
        String svg = ChapterRunsTest.read(dir, "warm-up.svg");
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains("width='640.00' height='400.00'"), "640 by 400 px");
        assertTrue(svg.contains("tangent at 3.00, slope 14.003"), "legend of the tangent at 3");
        assertTrue(svg.contains("tangent at -3.00, slope -21.997"), "legend of the tangent at -3");
    }

    @Test
    void nudgingDGivesTheSeedsSlope() throws IOException {
        assertEquals("(L(d + h) - L(d)) / h = -2.000000000000668\n", ChapterRunsTest.read(dir, "slope-d.txt"));
    }

    @Test
    void chainRuleGradientsOfL() throws IOException {
        String grads = ChapterRunsTest.read(dir, "chain-rule.txt");
        assertTrue(grads.startsWith("a.grad =  6.0   (numerically  6.000000)\nb.grad = -4.0   (numerically -4.000000)\n"), grads);
        assertTrue(grads.contains("f.grad =  4.0   (numerically  4.000000)\nL.grad =  1.0"), grads);
    }

    @Test
    void tanhDerivativeIsOneHalf() throws IOException {
        assertEquals("n.grad = 1 - o^2 = 0.500000\nnumerically (tanh(n + h) - tanh(n - h)) / 2h = 0.500000\n"
                + "1 - n^2 would give 0.223181\n", ChapterRunsTest.read(dir, "tanh-derivative.txt"));
    }

    @Test
    void neuronGradientsByHand() throws IOException {
        assertEquals("leaf  by hand  numerically\n"
                + "x1    -1.5000      -1.5000\n"
                + "x2     0.5000       0.5000\n"
                + "w1     1.0000       1.0000\n"
                + "w2     0.0000       0.0000\n"
                + "b      0.5000       0.5000\n", ChapterRunsTest.read(dir, "neuron-by-hand.txt"));
    }

    @Test
    void oneStepUphillRaisesL() throws IOException {
        assertEquals("a = 2.06, b = -3.04, c = 9.98, f = -1.96\n"
                + "L before the step: -8.000000\n"
                + "L after the step:  -7.286496\n"
                + "the gradients predicted L + 0.01 * (6^2 + 4^2 + 2^2 + 4^2) = -7.280000\n",
                ChapterRunsTest.read(dir, "step-on-l.txt"));
    }

    @Test
    void theEngineAgreesWithTheHandMadeGradients() throws IOException {
        String l = ChapterRunsTest.read(dir, "engine-l.txt");
        assertTrue(l.startsWith("value                data  grad by hand  grad by backward()\n"
                + "a                2.000000      6.000000            6.000000\n"), l);
        assertTrue(l.endsWith("L               -8.000000      1.000000            1.000000\n"), l);
        String neuron = ChapterRunsTest.read(dir, "engine-neuron.txt");
        assertTrue(neuron.contains("x1               2.000000     -1.500000           -1.500000\n"), neuron);
        assertEquals(11, neuron.lines().count(), neuron);
    }

    @Test
    void lIsDrawnWithItsGradientsAndATitle() throws IOException {
        String dot = ChapterRunsTest.read(dir, "l-by-hand.dot");
        assertTrue(dot.contains("label=\"L, every gradient by hand\";"), dot);
        assertTrue(dot.contains("{ a | data 2.0000 | grad 6.0000 }"), dot);
        assertTrue(ChapterRunsTest.read(dir, "l-by-hand.svg").contains("grad &#45;4.0000"));
    }

    @Test
    void aFramePerStepFillsTheGradientsFromOBackToTheLeaves() throws IOException {
        String[] active = {"o", "o", "n", "x1*w1 + x2*w2", "x2*w2", "x1*w1"};
        Set<String> pictures = new HashSet<>();
        for (int k = 1; k <= 6; k++) {
            String dot = ChapterRunsTest.read(dir, "neuron-steps-0" + k + ".dot");
            List<String> filled = dot.lines().filter(line -> line.contains("fillcolor"))
                    .collect(Collectors.toList());
            assertEquals(1, filled.size(), dot);
            assertTrue(filled.get(0).contains("label=\"{ " + active[k - 1] + " | "), filled.get(0));
            assertTrue(dot.contains("label=\"by hand:\\n"), "titled with the lines that ran: " + dot);
            assertTrue(dot.contains("rankdir=TB;"), "drawn top to bottom: " + dot);
            String svg = ChapterRunsTest.read(dir, "neuron-steps-0" + k + ".svg");
            assertTrue(pictures.add(svg), "frame " + k + " is the same picture as an earlier one");
            Matcher width = Pattern.compile("<svg width=\"(\\d+)px\"").matcher(svg);
            assertTrue(width.find(), "no width in frame " + k);
            assertTrue(Integer.parseInt(width.group(1)) <= 1600, "frame " + k + " is " + width.group(1) + " px wide");
        }
        String first = ChapterRunsTest.read(dir, "neuron-steps-01.dot");
        assertTrue(first.contains("{ o | data 0.7071 | grad 1.0000 }"), first);
        assertTrue(first.contains("{ n | data 0.8814 | grad 0.0000 }"), first);
        assertTrue(ChapterRunsTest.read(dir, "neuron-steps-02.dot").contains("{ n | data 0.8814 | grad 0.5000 }"));
        String last = ChapterRunsTest.read(dir, "neuron-steps-06.dot");
        assertTrue(last.contains("{ x1 | data 2.0000 | grad -1.5000 }"), last);
        assertTrue(last.contains("{ w1 | data -3.0000 | grad 1.0000 }"), last);
        assertTrue(last.contains("{ w2 | data 1.0000 | grad 0.0000 }"), last);
    }

    @Test
    void theFramesBlockShowsEveryPictureInOrderWithItsWholeCaption() throws IOException {
        String adoc = ChapterRunsTest.read(dir, "neuron-steps.adoc");
        List<String> images = adoc.lines().filter(line -> line.startsWith("image::")).collect(Collectors.toList());
        assertEquals(6, images.size(), adoc);
        assertEquals("image::ch03/neuron-steps-01.svg[\"1 of 6: the seed, o.grad = 1\"]", images.get(0));
        assertEquals("image::ch03/neuron-steps-06.svg[\"6 of 6: the step of x1*w1, through *, fills x1.grad and w1.grad\"]",
                images.get(5));
    }
}
