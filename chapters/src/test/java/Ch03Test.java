import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
