package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.viz.GraphRenderer.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void thePureJavaEngineDrawsAndUnpacksNoNativeLibrary(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path home = Files.createDirectories(tmp.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), RenderOnce.class.getName(), out.toString());
        builder.environment().put("MICROGRAD_GRAPHVIZ", "java");
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        builder.environment().put("PATH", "");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        String output = new String(bytes, StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), output);
        String svg = Files.readString(out.resolve("b.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("data 4.0000"), svg);
        assertTrue(output.startsWith("note: drawing with a JavaScript engine in pure Java"), output);
        assertTrue(output.contains("install Graphviz"), output);
        assertEquals(1, output.lines().count(), "one line of note and nothing else: " + output);
        assertEquals(List.of(), nativeLibraries(tmp), "native libraries unpacked");
    }

    private static List<Path> nativeLibraries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(so|dylib|dll|jnilib)"))
                    .collect(Collectors.toList());
        }
    }
}
