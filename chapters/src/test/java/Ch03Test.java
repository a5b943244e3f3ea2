import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals("n.grad = 1 - o^2 = 0.500000\nnumerically (tanh(n + h) - tanh(n - h)) / 2h = 0.500000\n",
                ChapterRunsTest.read(dir, "tanh-derivative.txt"));
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
    void graphsBeforeAndAfterDiffer() throws IOException {
        assertTrue(ChapterRunsTest.read(dir, "neuron-before.dot").contains("{ x1 | data 2.0000 | grad 0.0000 }"));
        assertTrue(ChapterRunsTest.read(dir, "neuron-after.dot").contains("{ x1 | data 2.0000 | grad -1.5000 }"));
        assertTrue(ChapterRunsTest.read(dir, "neuron-after.svg").contains("grad &#45;1.5000"));
    }
}
