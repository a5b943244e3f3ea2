import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 2's outputs hold the traced graph of L, its DOT text and its drawing. */
class Ch02Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch02Visualization", tmp);
    }

    @Test
    void nodesComeInTraceOrderWithTheirData() throws IOException {
        assertEquals("a = 2.0  (leaf)\nb = -3.0  (leaf)\nd = -6.0  (made by *)\nc = 10.0  (leaf)\n"
                + "e = 4.0  (made by +)\nf = -2.0  (leaf)\nL = -8.0  (made by *)\n", ChapterRunsTest.read(dir, "nodes.txt"));
    }

    @Test
    void edgesFollowTheOperandOrder() throws IOException {
        assertEquals("a -> d\nb -> d\nd -> e\nc -> e\ne -> L\nf -> L\n", ChapterRunsTest.read(dir, "edges.txt"));
    }

    @Test
    void dotTextIsWhatTheDrawingWasMadeFrom() throws IOException {
        String dot = ChapterRunsTest.read(dir, "dot.txt");
        assertTrue(dot.contains("v6 [shape=record, label=\"{ L | data -8.0000 | grad 0.0000 }\"];"), dot);
        assertTrue(dot.contains("v0 -> v2_op;\n  v1 -> v2_op;"), dot);
        assertEquals(dot, ChapterRunsTest.read(dir, "l-graph.dot"));
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
    }
}
