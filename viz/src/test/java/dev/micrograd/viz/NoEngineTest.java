package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoEngineTest {
    @TempDir
    Path tmp;

    @Test
    void withNoEngineTheDotFileIsWrittenAndTheMessageSaysHowToViewIt() throws IOException, InterruptedException {
        // With V8 forced, a file where the cache folder should be stops it; an empty PATH hides any dot command.
        Path blocked = Files.writeString(tmp.resolve("not-a-folder"), "");
        Path out = tmp.resolve("out");
        RenderOnce.Run run = RenderOnce.inItsOwnJvm(out, Map.of("XDG_CACHE_HOME", blocked.toString(),
                "MICROGRAD_GRAPHVIZ", "v8"));
        String output = run.output();

        assertEquals(3, run.exit(), output);
        Path dot = out.resolve("b.dot");
        assertTrue(Files.readString(dot).contains("label=\"{ b | data 4.0000 | grad 0.0000 }\""), output);
        assertTrue(output.startsWith("could not draw " + out.resolve("b.svg") + ": the bundled V8 engine could not start:"
                + " cannot unpack its library into " + blocked), output);
        assertEquals(1, output.lines().count(), "one line and no stack trace: " + output);
        assertTrue(output.contains("The DOT source is in " + dot), output);
        assertTrue(output.contains("dot -Tsvg " + dot + " -o " + out.resolve("b.svg")), output);
        assertTrue(Files.notExists(out.resolve("b.svg")), output);
    }
}
