import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 1's outputs: the lecture's Value prints its data, and keeps its children in a list. */
class Ch01Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch01DataStructure", tmp);
    }

    @Test
    void buildsLAsTheEngineDoes() throws IOException {
        assertEquals("d = Value(data=-6.0)\ne = Value(data=4.0)\nL = Value(data=-8.0)\n", ChapterRunsTest.read(dir, "expression.txt"));
        assertEquals("L = -8.0 (ours: -8.0)\n", ChapterRunsTest.read(dir, "engine.txt"));
    }

    @Test
    void childrenComeInOperandOrder() throws IOException {
        assertEquals("d.children = [Value(data=2.0), Value(data=-3.0)]\nd.op       = \"*\"\n"
                + "L.children = [Value(data=4.0), Value(data=-2.0)]\nL.op       = \"*\"\n", ChapterRunsTest.read(dir, "children.txt"));
        assertEquals("twice = Value(data=4.0)\ntwice.children = [Value(data=2.0), Value(data=2.0)]\n",
                ChapterRunsTest.read(dir, "twice.txt"));
    }
}
