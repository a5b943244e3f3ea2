import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 2's outputs hold the traced graph of L, the lecture Value's DOT text and its drawings. */
class Ch02Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch02Visualization", tmp);
    }

    @Test
    void traceListsNodesRootFirstThenEdges() throws IOException {
        assertEquals("L = -8.0  (made by *)\ne = 4.0  (made by +)\nd = -6.0  (made by *)\na = 2.0  (a leaf)\n"
                + "b = -3.0  (a leaf)\nc = 10.0  (a leaf)\nf = -2.0  (a leaf)\n"
                + "e -> L\nd -> e\na -> d\nb -> d\nc -> e\nf -> L\n", ChapterRunsTest.read(dir, "trace.txt"));
    }

    @Test
    void dotTextIsWhatTheDrawingWasMadeFrom() throws IOException {
        String dot = ChapterRunsTest.read(dir, "dot.txt");
        assertTrue(dot.contains("  v6 [shape=record, label=\"{ f | data -2.0000 }\"];\n"), dot);
        assertTrue(dot.contains("  v3 -> v2op;\n  v4 -> v2op;\n"), dot);
        assertEquals(dot, ChapterRunsTest.read(dir, "l-graph.dot"));
    }

    @Test
    void highlightedDrawingDiffersOnlyInTheMarkedNodes() throws IOException {
        String plain = ChapterRunsTest.read(dir, "l-graph.dot");
        String marked = ChapterRunsTest.read(dir, "l-graph-marked.dot");
        assertEquals(plain, marked.replace(", style=filled, fillcolor=\"#fde68a\"", ""));
        assertNotEquals(ChapterRunsTest.read(dir, "l-graph.svg"), ChapterRunsTest.read(dir, "l-graph-marked.svg"));
    }

    @Test
    void drawingShowsEveryValue() throws IOException {
        String svg = ChapterRunsTest.read(dir, "l-graph.svg");
        assertTrue(svg.contains("<svg"), "not an SVG");
        for (String data : new String[] {"data 2.0000", "data -3.0000", "data -6.0000", "data 10.0000", "data 4.0000",
                "data -2.0000", "data -8.0000"}) {
            // Graphviz writes a minus sign as the entity &#45; in SVG text.
            assertTrue(svg.contains(data.replace("-", "&#45;")), "the drawing lacks " + data);
        }
        assertEquals(2, ChapterRunsTest.read(dir, "twice.dot").split("v1 -> v0op;", -1).length - 1);
    }
}
