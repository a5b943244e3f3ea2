import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 4's outputs: the topological order, a frame per backward step, accumulation, and the deep chain. */
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
    void byHandAndBackwardGiveChapterThreesGradients() throws IOException {
        assertEquals(LEAF_GRADS, ChapterRunsTest.read(dir, "steps-by-hand.txt"));
        assertEquals(LEAF_GRADS, ChapterRunsTest.read(dir, "backward.txt"));
    }

    @Test
    void topologicalOrderPutsChildrenFirst() throws IOException {
        String order = ChapterRunsTest.read(dir, "topological-order.txt");
        assertTrue(order.startsWith(" 1. x1             data 2.0\n 2. w1             data -3.0\n 3. x1*w1 "), order);
        // Math.tanh may differ in the last bit between JDKs (JDK 24 and later use a faster routine on x64).
        assertTrue(order.endsWith(" 9. n              data 0.8813735870195432\n10. o              data "
                + Math.tanh(0.8813735870195432) + "\n"), order);
    }

    @Test
    void eachBackwardStepHasAFrameWithTheOrderNumbersAndTheStepsThatRan() throws IOException {
        String first = ChapterRunsTest.read(dir, "backward-steps-01.dot");
        assertTrue(first.contains("rankdir=TB;"), "frames are drawn top to bottom to sit side by side: " + first);
        assertTrue(first.contains("{ 10. o | data 0.7071 | grad 1.0000 }\"];"), first);
        assertTrue(first.contains("{ 9. n | data 0.8814 | grad 0.0000 }\"];"), first);
        assertEquals(0, first.split("style=filled", -1).length - 1, "no step ran yet: " + first);
        String second = ChapterRunsTest.read(dir, "backward-steps-02.dot");
        assertTrue(second.contains("{ 10. o | data 0.7071 | grad 1.0000 }\", style=filled"), second);
        assertTrue(second.contains("{ 9. n | data 0.8814 | grad 0.5000 }\"];"), second);
        assertTrue(second.contains("{ 8. b | data 6.8814 | grad 0.0000 }\"];"), second);
        String third = ChapterRunsTest.read(dir, "backward-steps-03.dot");
        assertTrue(third.contains("{ 9. n | data 0.8814 | grad 0.5000 }\", style=filled"), third);
        assertTrue(third.contains("{ 8. b | data 6.8814 | grad 0.5000 }\"];"), "b's own step runs after n's: " + third);
        String fourth = ChapterRunsTest.read(dir, "backward-steps-04.dot");
        assertTrue(fourth.contains("{ 8. b | data 6.8814 | grad 0.5000 }\", style=filled"), "a leaf's step runs too: " + fourth);
        String last = ChapterRunsTest.read(dir, "backward-steps-06.dot");
        assertTrue(last.contains("{ 3. x1*w1 | data -6.0000 | grad 0.5000 }\", style=filled"), last);
        assertTrue(last.contains("{ 1. x1 | data 2.0000 | grad -1.5000 }\"];"), last);
        assertEquals(8, last.split("style=filled", -1).length - 1, "steps 10 down to 3 ran: " + last);
        String adoc = ChapterRunsTest.read(dir, "backward-steps.adoc");
        assertTrue(adoc.startsWith("[.frames]\n--\n.pass:[1 of 6: o.grad = 1, before any step]\n[caption=\"\"]\n"
                + "image::ch04/backward-steps-01.svg[\"1 of 6: o.grad = 1, before any step\"]\n"), adoc);
        assertTrue(adoc.contains("image::ch04/backward-steps-06.svg[\"6 of 6: number 3, the step of x1*w1 (*), ran\"]\n--\n"), adoc);
    }

    @Test
    void aUsedTwiceCollectsTwo() throws IOException {
        assertTrue(ChapterRunsTest.read(dir, "a-plus-a.txt").startsWith("b = 6.0, a.grad = 2.0\n"));
        String dot = ChapterRunsTest.read(dir, "a-plus-a.dot");
        assertEquals(2, dot.split("v1 -> v0op;", -1).length - 1, "two arrows from a: " + dot);
        assertEquals("c = -8.0, b.grad = 2.0, a.grad = 4.0\n", ChapterRunsTest.read(dir, "b-plus-b.txt"));
    }

    @Test
    void theStepThatSetsGetsTheLecturesWrongGradients() throws IOException {
        assertEquals("step sets (=):   a.grad = 1.0\nstep adds (+=):  a.grad = 2.0\n",
                ChapterRunsTest.read(dir, "a-plus-a-bug.txt"));
        String twoUses = ChapterRunsTest.read(dir, "two-uses.txt");
        assertTrue(twoUses.contains("a.grad   3.0        -3.0       2ab + b^2 = -3.0\n"), twoUses);
        assertTrue(twoUses.contains("b.grad   -2.0       -8.0       a^2 + 2ab = -8.0\n"), twoUses);
        String both = ChapterRunsTest.read(dir, "two-uses-both.adoc");
        assertTrue(both.contains("the step sets: a.grad = 3.0, b.grad = -2.0, wrong"), both);
        assertTrue(ChapterRunsTest.read(dir, "two-uses-both-01.dot").contains("{ a | data -2.0000 | grad 3.0000 }"));
        assertTrue(ChapterRunsTest.read(dir, "two-uses-both-02.dot").contains("{ a | data -2.0000 | grad -3.0000 }"));
    }

    @Test
    void theRecursiveSortOverflowsOnADeepChainAndTheEngineDoesNot() throws IOException {
        assertEquals("a chain of   1,000 operations: sorted, x.grad = 1.0\n"
                + "a chain of 100,000 operations: StackOverflowError\n"
                + "so the recursion ran out of stack between 1,000 and 100,000 levels deep\n",
                ChapterRunsTest.read(dir, "deep-chain.txt"));
        assertEquals("nodes: 100002, x.grad = 1.0\n", ChapterRunsTest.read(dir, "engine-chain.txt"));
    }
}
