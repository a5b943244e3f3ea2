package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.viz.GraphRenderer.Engine;
import dev.micrograd.engine.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine draws on each OS and processor, and the pure-Java one drawing with no native library. */
class EngineChoiceTest {
    @Test
    void dotFirstWhenInstalledThenV8WhereItHasANativeLibraryThenJava() {
        assertEquals(List.of(Engine.DOT, Engine.V8, Engine.JAVA), GraphRenderer.choose("Linux", "amd64", null, true));
        assertEquals(List.of(Engine.V8, Engine.JAVA), GraphRenderer.choose("Linux", "amd64", null, false));
        assertEquals(List.of(Engine.V8, Engine.JAVA), GraphRenderer.choose("Windows 11", "amd64", null, false));
        assertEquals(List.of(Engine.V8, Engine.JAVA), GraphRenderer.choose("Mac OS X", "x86_64", null, false));
        assertEquals(List.of(Engine.DOT, Engine.JAVA), GraphRenderer.choose("Mac OS X", "aarch64", null, true));
    }

    @Test
    void appleSiliconAndArmLinuxWithoutGraphvizDrawInPureJava() {
        assertEquals(List.of(Engine.JAVA), GraphRenderer.choose("Mac OS X", "aarch64", null, false));
        assertEquals(List.of(Engine.JAVA), GraphRenderer.choose("Linux", "aarch64", null, false));
        assertEquals(List.of(Engine.JAVA), GraphRenderer.choose("Windows 11", "aarch64", "", false));
    }

    @Test
    void v8NativeLibrariesThatGraphvizJavaShips() {
        assertTrue(GraphRenderer.v8HasNativeLibrary("Linux", "amd64"));
        assertTrue(GraphRenderer.v8HasNativeLibrary("Mac OS X", "x86_64"));
        assertTrue(GraphRenderer.v8HasNativeLibrary("Windows 10", "amd64"));
        assertTrue(GraphRenderer.v8HasNativeLibrary("Windows 10", "x86"));
        assertFalse(GraphRenderer.v8HasNativeLibrary("Mac OS X", "aarch64"));
        assertFalse(GraphRenderer.v8HasNativeLibrary("Linux", "aarch64"));
        assertFalse(GraphRenderer.v8HasNativeLibrary("FreeBSD", "amd64"));
    }

    @Test
    void theVariableForcesOneEngineWhateverTheMachine() {
        assertEquals(List.of(Engine.JAVA), GraphRenderer.choose("Linux", "amd64", "java", true));
        assertEquals(List.of(Engine.V8), GraphRenderer.choose("Mac OS X", "aarch64", "V8", false));
        assertEquals(List.of(Engine.DOT), GraphRenderer.choose("Windows 11", "amd64", " dot ", false));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> GraphRenderer.choose("Linux", "amd64", "graal", false));
        assertEquals("MICROGRAD_GRAPHVIZ is 'graal'; use dot, v8 or java (or leave it unset to choose automatically)",
                wrong.getMessage());
    }

    @Test
    void dotIsDotExeOnWindows() {
        assertEquals(List.of(Path.of("C:\\Program Files\\Graphviz\\bin", "dot.exe"), Path.of("C:\\tools", "dot.exe")),
                GraphRenderer.dotCandidates("Windows 11", "\"C:\\Program Files\\Graphviz\\bin\";;C:\\tools"));
        assertEquals(List.of(Path.of("/opt/homebrew/bin", "dot"), Path.of("/usr/bin", "dot")),
                GraphRenderer.dotCandidates("Mac OS X", "/opt/homebrew/bin:/usr/bin"));
        assertEquals(List.of(Path.of("/usr/bin", "dot")), GraphRenderer.dotCandidates("Linux", "/usr/bin:"));
        assertEquals(List.of(), GraphRenderer.dotCandidates("Linux", null));
    }

    @Test
    void anEngineThatFailsInAnyWayLeavesOneLineAndTheNextOneDraws(@TempDir Path tmp) throws IOException {
        // What GraalJS 22 does on JDK 22 and later: an Error, not an Exception, from its static initialiser.
        NoSuchMethodError removed = new NoSuchMethodError("'void sun.misc.Unsafe.ensureClassInitialized(java.lang.Class)'");
        List<Engine> choice = new ArrayList<>(List.of(Engine.DOT));
        choice.addAll(GraphRenderer.choose(System.getProperty("os.name"), System.getProperty("os.arch"), null, false));
        ByteArrayOutputStream notes = new ByteArrayOutputStream();

        Engine drawing = GraphRenderer.use(choice, engine -> {
            if (engine == Engine.DOT) {
                throw removed;
            }
            return GraphRenderer.start(engine);
        }, new PrintStream(notes, true, StandardCharsets.UTF_8));

        assertEquals(choice.get(1), drawing);
        assertEquals("note: the dot command could not start: NoSuchMethodError: "
                + "'void sun.misc.Unsafe.ensureClassInitialized(java.lang.Class)'; trying " + drawing.description
                + System.lineSeparator(), notes.toString(StandardCharsets.UTF_8));
        Value a = Value.of(2.0, "a");
        List<Path> files = GraphRenderer.render(a.mul(a).label("b"), tmp, "b", GraphRenderer.Picture.SVG);
        assertTrue(Files.readString(files.get(1)).contains("data 4.0000"), "drawn by the next engine");
    }

    @Test
    void whenNoEngineStartsEveryReasonIsGiven() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> GraphRenderer.use(
                List.of(Engine.DOT, Engine.V8), engine -> {
                    if (engine == Engine.DOT) {
                        throw new IOException("dot: not found");
                    }
                    throw new UnsatisfiedLinkError();
                }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertEquals("the dot command could not start: dot: not found; "
                + "the bundled V8 engine could not start: UnsatisfiedLinkError", none.getMessage());
    }

    @Test
    void aReasonIsOneLine() {
        assertEquals("first", GraphRenderer.reason(new IllegalStateException("first\nsecond")));
        assertEquals("GraphvizException", GraphRenderer.reason(new guru.nidi.graphviz.engine.GraphvizException(null)));
        assertEquals("NoClassDefFoundError: org/graalvm/polyglot/Context",
                GraphRenderer.reason(new NoClassDefFoundError("org/graalvm/polyglot/Context")));
    }

    @Test
    void withAReadOnlyCacheAndHomeTheAutomaticChoiceStillDraws(@TempDir Path tmp) throws Exception {
        // A file where the cache and home folders should be: nothing can be unpacked there, as in a read-only home.
        Path blocked = Files.writeString(tmp.resolve("not-a-folder"), "");
        Path out = tmp.resolve("out");
        Map<String, String> environment = new HashMap<>();
        environment.put("MICROGRAD_GRAPHVIZ", null);
        environment.put("XDG_CACHE_HOME", blocked.toString());
        RenderOnce.Run run = RenderOnce.inItsOwnJvm(out, environment, "-Duser.home=" + blocked);
        String output = run.output();

        assertEquals(0, run.exit(), output);
        String svg = Files.readString(out.resolve("b.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("data 4.0000"), svg);
        List<String> lines = output.lines().collect(Collectors.toList());
        if (GraphRenderer.v8HasNativeLibrary(System.getProperty("os.name"), System.getProperty("os.arch"))) {
            assertTrue(lines.get(0).startsWith("note: the bundled V8 engine could not start: cannot unpack its library"
                    + " into " + blocked.resolve("micrograd-java").resolve("graphviz")), output);
            assertTrue(lines.get(0).endsWith("; trying the pure-Java engine (GraalJS)"), output);
            lines = lines.subList(1, lines.size());
        }
        assertEquals(1, lines.size(), "one note per engine and no JVM warning: " + output);
        assertTrue(lines.get(0).startsWith("note: drawing with a JavaScript engine in pure Java"), output);
        assertTrue(lines.get(0).contains("install Graphviz"), output);
    }

    @Test
    void thePureJavaEngineKeepsItsNativeHelperInOurCacheFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path home = Files.createDirectories(tmp.resolve("home"));
        RenderOnce.Run run = RenderOnce.inItsOwnJvm(out, Map.of("MICROGRAD_GRAPHVIZ", "java",
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()), "-Duser.home=" + home);
        String output = run.output();

        assertEquals(0, run.exit(), output);
        assertTrue(Files.readString(out.resolve("b.svg"), StandardCharsets.UTF_8).contains("data 4.0000"));
        assertEquals(1, output.lines().count(), "one line of note and nothing else: " + output);
        assertEquals(List.of(), nativeLibraries(home), "native libraries unpacked in the home folder");
        for (Path library : nativeLibraries(tmp)) {
            assertTrue(library.startsWith(tmp.resolve("cache/micrograd-java/graphviz/truffle")), library.toString());
        }
    }

    private static List<Path> nativeLibraries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(so|dylib|dll|jnilib)"))
                    .collect(Collectors.toList());
        }
    }
}
