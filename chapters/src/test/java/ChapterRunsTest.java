import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.micrograd.lesson.Lesson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script in chapters/scripts runs end to end, deterministically, and handles its command line. */
class ChapterRunsTest {
    static final Path SCRIPTS = Path.of("scripts");

    /** The class names of all chapter scripts, such as Ch01DataStructure. */
    static List<String> chapters() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("Ch\\d\\d\\w*\\.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .sorted()
                    .collect(Collectors.toList());
            assertFalse(names.isEmpty(), "no chapter scripts found in " + SCRIPTS.toAbsolutePath());
            return names;
        }
    }

    /** Runs a chapter quietly into {@code out} and returns its folder, such as out/ch02; fails on a non-zero exit. */
    static Path run(String chapter, Path out) {
        Captured run = capture(chapter, "--quiet", "--out", out.toString());
        if (run.code != 0) {
            fail(chapter + " exited with " + run.code + ": " + run.err);
        }
        assertEquals("", run.out, chapter + " printed despite --quiet");
        return out.resolve(id(chapter));
    }

    /** Reads one output file of a chapter run. */
    static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void runsTwiceWithByteIdenticalOutputs(String chapter, @TempDir Path tmp) throws IOException {
        Map<String, byte[]> first = outputs(run(chapter, tmp.resolve("first")));
        Map<String, byte[]> second = outputs(run(chapter, tmp.resolve("second")));
        assertFalse(first.isEmpty(), chapter + " wrote no .txt, .dot or .svg output");
        assertEquals(first.keySet(), second.keySet());
        for (String file : first.keySet()) {
            assertArrayEquals(first.get(file), second.get(file), chapter + ": " + file + " differs between two runs");
        }
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void helpExitsZeroWithUsage(String chapter) {
        Captured run = capture(chapter, "--help");
        assertEquals(0, run.code);
        assertTrue(run.out.startsWith("Usage: ./jbang " + id(chapter) + " [--out DIR]"), run.out);
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void unknownOptionExitsTwo(String chapter) {
        Captured run = capture(chapter, "--frobnicate");
        assertEquals(2, run.code);
        assertTrue(run.err.startsWith("error: unknown option '--frobnicate'\nUsage:"), run.err);
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void unwritableOutExitsOne(String chapter, @TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Captured run = capture(chapter, "--out", file.toString());
        assertEquals(1, run.code);
        assertTrue(run.err.startsWith("error: cannot write the outputs to "), run.err);
        assertFalse(run.err.contains("\tat "), "a stack trace: " + run.err);
    }

    @Test
    void lessonRunReportsAnUnwritableFolderClearly(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Lesson.run(new String[] {"--out", file.toString()}, "ch99", "Never taught",
                lesson -> fail("the body must not run"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: cannot write the outputs to "
                + file.resolve("ch99").toAbsolutePath()), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void headerIsTheSameInEveryScript(String chapter) throws IOException {
        List<String> model = Files.readAllLines(SCRIPTS.resolve("Ch01DataStructure.java")).subList(0, 6);
        assertEquals(List.of("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", "//JAVA 17+",
                "//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED"
                        + " -Dsun.misc.unsafe.memory.access=allow",
                "//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java",
                "//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java",
                "//SOURCES ../src/main/java/dev/micrograd/lesson/*.java"), model);
        assertEquals(model, Files.readAllLines(SCRIPTS.resolve(chapter + ".java")).subList(0, 6));
    }

    /** ch02 for Ch02Visualization. */
    static String id(String chapter) {
        return "ch" + chapter.substring(2, 4);
    }

    private static Map<String, byte[]> outputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, byte[]> contents = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(txt|dot|svg|adoc)$")).collect(Collectors.toList())) {
                contents.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
            return contents;
        }
    }

    /** What a chapter's main printed, and its exit code. */
    record Captured(int code, String out, String err) {
    }

    /** Calls a chapter's main in-process, with System.out and System.err captured. */
    static Captured capture(String chapter, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = 0;
        try {
            assertEquals("true", System.getProperty(Lesson.NO_EXIT_PROPERTY), "the test would exit the JVM");
            Class.forName(chapter).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Lesson.Exit exit = assertThrows(Lesson.Exit.class, () -> {
                throw e.getCause();
            }, chapter + " threw instead of exiting");
            code = exit.code();
        } catch (ReflectiveOperationException e) {
            fail("cannot call " + chapter + ".main", e);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
