import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 4's outputs hold the topological order, the same gradients three ways, and accumulation. */
class Ch04Test {
    static final String LEAF_GRADS = "x1.grad = -1.5000\nw1.grad = 1.0000\nx2.grad = 0.5000\nw2.grad = 0.0000\nb.grad = 0.5000\n";

    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch04TopologicalBackprop", tmp);
    }

    @Test
    void threeWaysGiveChapterThreesGradients() throws IOException {
        assertEquals(LEAF_GRADS, ChapterRunsTest.read(dir, "steps-by-hand.txt"));
        assertEquals(LEAF_GRADS, ChapterRunsTest.read(dir, "reverse-order.txt"));
        assertEquals(LEAF_GRADS, ChapterRunsTest.read(dir, "backward.txt"));
    }

    @Test
    void topologicalOrderPutsChildrenFirst() throws IOException {
        String order = ChapterRunsTest.read(dir, "topological-order.txt");
        assertTrue(order.startsWith(" 1. x1             data 2.0\n 2. w1             data -3.0\n 3. x1*w1 "), order);
        assertTrue(order.endsWith(" 9. n              data 0.8813735870195432\n10. o              data 0.7071067811865477\n"), order);
    }

    @Test
    void aUsedTwiceCollectsTwo() throws IOException {
        assertTrue(ChapterRunsTest.read(dir, "a-plus-a.txt").contains("b = -4.0, a.grad = 2.0\n"));
        String dot = ChapterRunsTest.read(dir, "a-plus-a.dot");
        assertEquals(2, dot.split("v0 -> v1_op;", -1).length - 1, "two arrows from a: " + dot);
        assertEquals("c = -8.0, b.grad = 2.0, a.grad = 4.0\n", ChapterRunsTest.read(dir, "b-plus-b.txt"));
    }

    @Test
    void aDeepChainBackpropagates() throws IOException {
        assertEquals("nodes: 200001, start.grad = 1.0\n", ChapterRunsTest.read(dir, "deep-chain.txt"));
    }
}
