import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 7 builds a neuron, a layer and an MLP, and trains the MLP until every sign is right. */
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
        assertTrue(read(dir, "neuron-graph.dot").contains("label=\"tanh\""));
        assertTrue(read(dir, "neuron-graph.svg").contains("<svg"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
