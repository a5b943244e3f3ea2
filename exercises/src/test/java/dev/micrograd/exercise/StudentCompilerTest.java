package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the compiler's JVM ending is read: the file's own errors, a full heap, or a JVM that never ran javac. */
class StudentCompilerTest {
    private static final String FILE = "Ex03ManualBackprop.java";

    @TempDir
    Path temp;

    @Test
    void theFilesOwnErrorsAreTheFilesFault() {
        assertEquals(StudentCompiler.Trouble.NONE, StudentCompiler.trouble(0, List.of(), FILE));
        assertEquals(StudentCompiler.Trouble.NONE,
                StudentCompiler.trouble(1, List.of(FILE + ":12: error: ';' expected"), FILE));
        assertEquals(StudentCompiler.Trouble.NONE, StudentCompiler.trouble(1,
                List.of("OpenJDK 64-Bit Server VM warning: Options -Xverify:none are deprecated", FILE + ":3: error: x"), FILE));
    }

    @Test
    void aFullHeapIsTheCompilersWork() {
        assertEquals(StudentCompiler.Trouble.HEAP, StudentCompiler.trouble(1,
                List.of("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"), FILE));
    }

    @Test
    void aJvmThatNeverRanJavacIsTheMachines() {
        assertEquals(StudentCompiler.Trouble.START, StudentCompiler.trouble(1, List.of("Exception in thread \"main\" "
                + "java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory"), FILE));
        assertEquals(StudentCompiler.Trouble.START, StudentCompiler.trouble(137, List.of(), FILE));
        assertEquals(StudentCompiler.Trouble.START, StudentCompiler.trouble(1, List.of(
                "There is insufficient memory for the Java Runtime Environment to continue.",
                "Native memory allocation (mmap) failed to map 65536 bytes for committing reserved memory."), FILE));
        assertEquals(StudentCompiler.Trouble.START, StudentCompiler.trouble(1,
                List.of("Error occurred during initialization of VM", "Too small maximum heap"), FILE));
    }

    /**
     * Every error javac printed reaches the student, however busy the machine: compiles run side by side with
     * threads that keep every core busy. (Read through a pipe, javac's output was now and then lost when the
     * process was cleaned up before a drain had read it, and the file was said to exhaust javac's memory.)
     */
    @Test
    void aBusyMachineLosesNoneOfJavacsErrors() throws Exception {
        String broken = Fixtures.replace(Fixtures.solvedEx03(), Fixtures.TANH, "return 1 - o * o");
        String classPath = ChildClassPath.of(new ExerciseSet("ex03"), temp.resolve("classpath"));
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicBoolean busy = new AtomicBoolean(true);
        for (int i = 0; i < cores; i++) {
            Thread t = new Thread(() -> {
                // Clock reads, not an empty loop: on the old pipe code this lost the output in 2 of 9 runs,
                // an empty loop in 0 of 10.
                long x = 0;
                while (busy.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print(""); // uses x, so the loop's work is not dropped
                }
            });
            t.setDaemon(true);
            t.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StudentCompiler.Compiled>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path dir = temp.resolve("busy" + i);
                Path source = Fixtures.write(dir, FILE, broken);
                Path scratch = Files.createDirectories(dir.resolve("scratch"));
                runs.add(pool.submit(() -> StudentCompiler.compile(Files.readAllBytes(source), source,
                        "Ex03ManualBackprop", classPath, null, scratch, StudentCompiler.Limits.DEFAULT, Isolation.here(false))));
            }
            for (Future<StudentCompiler.Compiled> run : runs) {
                List<String> errors = run.get().errors();
                assertEquals(1, errors.size(), errors.toString());
                assertTrue(errors.get(0).matches(Pattern.quote(FILE) + ":\\d+: error: ';' expected"),
                        errors.toString());
            }
        } finally {
            busy.set(false);
            pool.shutdownNow();
        }
    }

    /** A heap too small for any JVM to start stands in for a machine that is short of memory for a moment. */
    @Test
    void aJvmThatCannotStartIsTriedAgainReportedAsTheCheckersFaultAndNotCached() throws Exception {
        Path source = Fixtures.write(temp.resolve("student"), FILE, Fixtures.solvedEx03());
        byte[] text = Files.readAllBytes(source);
        Path cache = temp.resolve("cache");
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        String classPath = ChildClassPath.of(new ExerciseSet("ex03"), temp.resolve("classpath"));
        StudentCompiler.Compiled compiled = StudentCompiler.compile(text, source, "Ex03ManualBackprop", classPath, cache,
                scratch, new StudentCompiler.Limits(Duration.ofSeconds(60), 1), Isolation.here(false));
        assertFalse(compiled.ok());
        assertEquals(1, compiled.errors().size(), compiled.errors().toString());
        String error = compiled.errors().get(0);
        assertTrue(error.startsWith(FILE + ": error: the checker could not run javac (exit code 1; it printed: "
                + "Error occurred during initialization of VM)"), error);
        assertTrue(error.endsWith("this is not your file's fault, so check it again"), error);
        boolean cached;
        try (Stream<Path> entries = Files.exists(cache) ? Files.walk(cache) : Stream.empty()) {
            cached = entries.anyMatch(p -> p.getFileName().toString().equals("errors.txt"));
        }
        assertFalse(cached, "a failure of the machine was cached");

        StudentCompiler.Compiled again = StudentCompiler.compile(text, source, "Ex03ManualBackprop", classPath, cache,
                scratch, StudentCompiler.Limits.DEFAULT, Isolation.here(false));
        assertTrue(again.ok(), again.errors().toString());
        assertTrue(again.classes().containsKey("Ex03ManualBackprop"), again.classes().keySet().toString());
        assertEquals(new String(text, StandardCharsets.UTF_8), Files.readString(source));
    }

    /** The same for the JVM that runs the checks: one that ends before loading the student's code is retried once. */
    @Test
    void aCheckingJvmThatCannotStartIsTheCheckersFault() throws Exception {
        Path source = Fixtures.write(temp.resolve("student"), FILE, Fixtures.solvedEx03());
        Supervisor.Options options = new Supervisor.Options(null, 1, temp.resolve("cache"), 4);
        long start = System.nanoTime();
        Run run = Supervisor.check(source, options);
        assertTrue(run.results().size() > 10, run.results().toString());
        for (Result r : run.results()) {
            assertFalse(r.passed(), r.toString());
            assertEquals("reason:   did not run: the checker could not start a JVM for your code (it ended with "
                    + "exit code 1; it printed: Error occurred during initialization of VM); this is not your file's "
                    + "fault, so check it again", r.details().get(0), r.toString());
        }
        assertTrue((System.nanoTime() - start) / 1_000_000_000L < 30, "two failed starts should take seconds");
    }
}
