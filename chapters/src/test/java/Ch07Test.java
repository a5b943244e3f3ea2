import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 7 builds a neuron, a layer and an MLP, trains the MLP until every sign is right, and shows dead ReLU units. */
class Ch07Test {
    @TempDir
    Path tmp;

    @Test
    void trainsTheLecturesMlp() throws IOException {
        Ch07NeuralNet.main("--out", tmp.toString(), "--quiet");
        Path dir = tmp.resolve("ch07");

        assertTrue(read(dir, "neuron.txt").contains("out = tanh(w1*x1 + w2*x2 + b) = 0.9256\n"));
        assertTrue(read(dir, "mlp.txt").contains("41 parameters\nmlp(2.0, 3.0, -1.0) = -0.2120\n"));
        assertTrue(read(dir, "first-gradient.txt").contains("dloss/dw = 0.406113 (backward)\n"
                + "dloss/dw = 0.406113 (finite difference)"));
        List<String> steps = read(dir, "descent.txt").lines().toList();
        assertEquals(20, steps.size());
        assertEquals("step  0  loss 4.3717", steps.get(0));
        assertEquals("step 19  loss 0.0255", steps.get(19));
        assertEquals("target  prediction\n"
                + "   1.0      0.9632\n"
                + "  -1.0     -0.9060\n"
                + "  -1.0     -0.9298\n"
                + "   1.0      0.9081\n", read(dir, "predictions.txt"));
        assertEquals("x =  2.0   relu(x) = 2.0   d relu/dx = 1.0\n"
                + "x = -2.0   relu(x) = 0.0   d relu/dx = 0.0\n"
                + "x =  0.0   relu(x) = 0.0   d relu/dx = 0.0\n", read(dir, "relu.txt"));
        String dead = read(dir, "dead-unit.txt");
        assertTrue(dead.contains("     0   -7.2788  0.0000\n"), dead);
        assertTrue(dead.endsWith("d total/d w1 = 0.0000\nd total/d w2 = 0.0000\nd total/d w3 = 0.0000\n"
                + "d total/d b = 0.0000\n"), dead);
        String live = read(dir, "live-unit.txt");
        assertTrue(live.contains("     0    1.7212  1.7212\n     1   -0.2658  0.0000\n"), live);
        assertTrue(live.endsWith("d total/d w1 = 3.0000\nd total/d w2 = 4.0000\nd total/d w3 = -2.0000\n"
                + "d total/d b = 2.0000\n"), live);
        String zeroGrad = read(dir, "zero-grad.txt");
        assertTrue(zeroGrad.startsWith("step   with zeroGrad()   without\n"
                + "   0            4.3717    4.3717\n   1            3.3717    3.3717\n"), zeroGrad);
        assertTrue(read(dir, "zero-grad.svg").contains(">without zeroGrad()<"), "the chart names both runs");
        assertTrue(read(dir, "one-dimension.txt").contains("learning rate 1.1: w = 6.60   L = 12.96"));
        assertTrue(read(dir, "one-dimension.svg").contains("<svg"));
        String network = read(dir, "mlp-diagram.dot");
        assertEquals(4 * 3 + 4 * 4 + 4 + 1 + 0, network.split(" -> ", -1).length - 1, network);
        assertTrue(read(dir, "neuron-diagram.dot").contains("x0 -> sum [label=\"w1 = "), "the neuron diagram labels its weights");
        assertTrue(read(dir, "neuron-graph.dot").contains("label=\"tanh\""));
        assertTrue(read(dir, "neuron-graph.svg").contains("<svg"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
