package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import dev.micrograd.viz.GraphRenderer.Engine;
import dev.micrograd.viz.GraphRenderer.Picture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drawing to files with the engine bundled for this machine, and refusing what cannot be drawn. */
class GraphRendererTest {
    @TempDir
    Path dir;

    /** The engine that draws when Graphviz is not installed, forced so that these tests also run where it is. */
    private static Engine bundledEngine() {
        List<Engine> withoutDot = GraphRenderer.choose(System.getProperty("os.name"), System.getProperty("os.arch"),
                null, false);
        return GraphRenderer.use(withoutDot, GraphRenderer::start, System.err);
    }

    @Test
    void rendersSvgThroughTheBundledEngine() throws IOException {
        Engine engine = bundledEngine();
        Value L = LExample.build();
        L.backward();
        List<Path> files = GraphRenderer.render(L, dir.resolve("out"), "l-graph", Picture.SVG);

        assertEquals(List.of(dir.resolve("out/l-graph.dot"), dir.resolve("out/l-graph.svg")), files);
        assertEquals(Dot.of(L), Files.readString(files.get(0)));
        String svg = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, Math.min(80, svg.length())));
        assertTrue(svg.contains("<svg"), "an SVG document");
        assertTrue(svg.contains("grad 6.0000"), "a's gradient is drawn");
        assertTrue(svg.contains("data &#45;8.0000") || svg.contains("data -8.0000"), "L's data is drawn");
        if (engine == Engine.V8) {
            try (var cached = Files.list(GraphRenderer.cacheDir())) {
                assertTrue(cached.anyMatch(f -> f.getFileName().toString().startsWith("libj2v8")),
                        "the native engine is unpacked in our cache folder");
            }
        }
    }

    @Test
    void rendersPng() throws IOException {
        bundledEngine();
        Value a = Value.of(3.0, "a");
        List<Path> files = GraphRenderer.render(a.add(a).label("b"), dir, "twice", Picture.SVG, Picture.PNG);
        assertEquals(List.of(dir.resolve("twice.dot"), dir.resolve("twice.svg"), dir.resolve("twice.png")), files);
        byte[] png = Files.readAllBytes(files.get(2));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void aGraphOverTheLimitIsRefused() {
        Value x = Value.of(1.0, "x");
        Value v = x;
        for (int i = 0; i < GraphRenderer.MAX_VALUES; i++) {
            v = v.add(x);
        }
        Value big = v;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphRenderer.render(big, dir, "big", Picture.SVG));
        assertEquals("the graph of 'big' has 501 values; drawings are limited to 500 values to stay legible",
                e.getMessage());
        assertEquals(0, dir.toFile().list().length, "nothing is written");
    }

    @Test
    void anUnwritableLocationFailsWithAnIOException() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Value a = Value.of(1.0, "a");
        assertThrows(IOException.class, () -> GraphRenderer.render(a, file, "g", Picture.SVG));
        assertThrows(IOException.class, () -> GraphRenderer.render(a, file.resolve("below"), "g", Picture.SVG));
        assertThrows(IOException.class, () -> GraphRenderer.renderDot("digraph G {}\n", file, "g"));
    }

    @Test
    void nullArgumentsAreRejectedWithAMessage() {
        Value a = Value.of(1.0, "a");
        assertNullMessage("cannot draw a null Value", () -> GraphRenderer.render(null, dir, "g"));
        assertNullMessage("cannot draw into a null folder", () -> GraphRenderer.render(a, null, "g"));
        assertNullMessage("a drawing needs a file name, got null", () -> GraphRenderer.render(a, dir, null));
        assertNullMessage("cannot draw null DOT text", () -> GraphRenderer.renderDot(null, dir, "g"));
    }

    interface Call {
        void run() throws IOException;
    }

    private static void assertNullMessage(String message, Call call) {
        assertEquals(message, assertThrows(NullPointerException.class, call::run).getMessage());
    }

    @Test
    void cacheFolderIsOurs() {
        Path cache = GraphRenderer.cacheDir();
        assertTrue(cache.endsWith(Path.of("micrograd-java", "graphviz")), cache.toString());
    }
}
