package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A determined student's attacks on the checker, one or more per class of attack, each proved blocked: no
 * check passes, no point is earned, no process outlives its check, no other student is touched.
 */
class AttacksTest {
    @TempDir
    Path temp;

    private static final int EX03 = new ExerciseSet("ex03").declared().specs().size();
    private static final boolean BWRAP = Isolation.find("bwrap").isPresent() && System.getProperty("os.name").contains("Linux");

    private static Isolation processGroup() {
        return new Isolation(Isolation.Kind.PROCESS_GROUP, null);
    }

    private static Isolation sandbox() throws IOException {
        return Isolation.choose("Linux", Isolation.find("bwrap"), true);
    }

    private Run check(String text, Isolation isolation) throws IOException {
        Path file = Fixtures.write(temp.resolve(UUID.randomUUID().toString()), "Ex03ManualBackprop.java", text);
        return Supervisor.check(file, Files.readAllBytes(file), Fixtures.options(temp.resolve("cache")), isolation);
    }

    private static String starter() {
        return Fixtures.read(Fixtures.STARTERS.resolve("Ex03ManualBackprop.java"));
    }

    /** Java that writes lines on the checking JVM's real standard output, which is the channel to the supervisor. */
    private static String forge(String... lines) {
        StringBuilder s = new StringBuilder("java.io.PrintStream real = new java.io.PrintStream("
                + "new java.io.FileOutputStream(java.io.FileDescriptor.out), true);\n");
        for (String line : lines) {
            s.append("real.println(\"").append(line.replace("\t", "\\t")).append("\");\n");
        }
        return s.toString();
    }

    private static String passEverything() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= EX03; i++) {
            lines.add("begin\t" + i);
            lines.add("answer\t" + i + "\t\tpass");
            lines.add("end\t" + i + "\tpass\t\t");
        }
        lines.add("done");
        return forge(lines.toArray(String[]::new));
    }

    private static String withStatic(String text, String code) {
        return Fixtures.replace(text, Fixtures.EX03_CLASS, Fixtures.EX03_CLASS + "\n    static {\n" + code + "\n    }");
    }

    // 1. The checking JVM held the secret and decided the verdict.

    @Test
    void anUntouchedStarterThatForgesAPassForEveryCheckEarnsNothing() throws Exception {
        Run run = check(withStatic(starter(), passEverything()), Isolation.here(false));
        assertEquals(0, run.report().passed(), run.results().toString());
        assertEquals(EX03, run.report().failed());
    }

    @Test
    void theWholeCommandSaysFailedAndExitsOne() {
        Path file = Fixtures.write(temp.resolve("cmd"), "Ex03ManualBackprop.java", withStatic(starter(), passEverything()));
        Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), "check", file.toString());
        assertEquals(1, o.code(), o.out());
        assertEquals("0 passed, " + EX03 + " failed", o.lastLine());
    }

    @Test
    void withoutTheEngineOnItsClassPathASetOneToSixFileCannotDelegateToIt() throws Exception {
        String solved = Fixtures.solvedEx03();
        Run run = check(Fixtures.replace(solved, Fixtures.SLOPE,
                "try { Class.forName(\"dev.micrograd.engine.Value\"); return 6; }"
                        + " catch (ClassNotFoundException e) { throw new IllegalStateException(\"no engine here\"); }"),
                Isolation.here(false));
        assertEquals(List.of(4, 5, 6), run.results().stream().filter(r -> !r.passed()).map(Result::number).toList());
        assertTrue(run.results().get(3).details().get(0).contains("no engine here"), run.results().get(3).toString());
    }

    // 2. Student code ran on the checker's reporting thread.

    @Test
    void anExceptionWhoseMessageForgesPassesEarnsNothing() throws Exception {
        String text = Fixtures.replace(starter(), "throw new UnsupportedOperationException(\"TODO: task 2, the slope\");",
                "throw new RuntimeException() { @Override public String getMessage() {\n" + passEverything()
                        + "return \"forged\"; } };");
        Run run = check(text, Isolation.here(false));
        assertEquals(0, run.report().passed(), run.results().toString());
    }

    // 3. A process outlived its check.

    private static boolean alive(String mark) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(mark));
    }

    private static String escape(String command) {
        return "try { new ProcessBuilder(" + command + ").start(); } catch (Exception e) { throw new RuntimeException(e); }";
    }

    @Test
    void aProcessThatLeavesTheProcessGroupDiesWithItsCheck() throws Exception {
        String mark = "7." + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        String text = withStatic(Fixtures.solvedEx03(),
                escape("\"setsid\", \"sh\", \"-c\", \"sleep " + mark + "\"") + "\n"
                        + escape("\"sh\", \"-c\", \"nohup sleep " + mark + "1 >/dev/null 2>&1 &\""));
        Run run = check(text, processGroup());
        assertEquals(EX03, run.report().passed(), run.results().toString());
        Thread.sleep(500);
        assertFalse(alive("sleep " + mark), "a process of the check is still running");
    }

    @Test
    void inTheSandboxEvenAProcessWithACleanEnvironmentDiesWithItsCheck() throws Exception {
        assumeTrue(BWRAP, "bubblewrap is not installed");
        String mark = "8." + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        String text = withStatic(Fixtures.solvedEx03(), escape("\"env\", \"-i\", \"/usr/bin/setsid\", \"/bin/sh\", \"-c\", "
                + "\"sleep " + mark + "\""));
        Run run = check(text, sandbox());
        assertEquals(EX03, run.report().passed(), run.results().toString());
        Thread.sleep(500);
        assertFalse(alive("sleep " + mark), "a process of the check is still running");
    }

    // 4. Students reached each other.

    private Path classWithAPlanter(String target) throws IOException {
        Path dir = temp.resolve("class");
        Path bob = Files.createDirectories(dir.resolve("bob"));
        Fixtures.write(bob, "Ex03ManualBackprop.java", Fixtures.solvedEx03());
        String plant = "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + bob.resolve("Ex03Aaa.java").toString().replace("\\", "\\\\") + "\"), \"class Ex03Aaa {}\");"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + bob.resolve("Ex03ManualBackprop.java").toString().replace("\\", "\\\\") + "\"), \"broken\");"
                + " } catch (Exception e) { }";
        Fixtures.write(dir.resolve(target), "Ex03ManualBackprop.java", withStatic(starter(), plant));
        return dir;
    }

    @Test
    void aFilePlantedInAnotherStudentsFolderChangesNothingOfTheirGrade() throws Exception {
        Path dir = classWithAPlanter("amy");
        List<Grade.Row> rows = Grade.grade(dir, List.of(new ExerciseSet("ex03")), 1,
                Fixtures.options(null).withHidden(List.of(dir)), processGroup(), new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream()), snapshot -> { });
        assertEquals("amy", rows.get(0).student());
        assertEquals(EX03, rows.get(1).points(), 0, rows.toString());
    }

    @Test
    void inTheSandboxTheOtherStudentsFolderIsNotEvenThere() throws Exception {
        assumeTrue(BWRAP, "bubblewrap is not installed");
        Path dir = classWithAPlanter("amy");
        Grade.grade(dir, List.of(new ExerciseSet("ex03")), 1, Fixtures.options(null).withHidden(List.of(dir)), sandbox(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), snapshot -> { });
        assertFalse(Files.exists(dir.resolve("bob").resolve("Ex03Aaa.java")));
        assertEquals(Fixtures.solvedEx03(), Fixtures.read(dir.resolve("bob").resolve("Ex03ManualBackprop.java")));
    }

    @Test
    void theCheckerOpensNoNetworkPortThatAnotherProcessCouldTake() throws IOException {
        for (Class<?> c : List.of(Supervisor.class, Harness.class, Channel.class, Checks.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("java/net/"), c + " uses java.net");
            }
        }
    }

    // 5. One file stopped a whole class.

    /** Nested generic conditionals: javac's work grows about fourfold with each level. */
    static String javacBomb(int depth) {
        String e = "null";
        for (int i = 0; i < depth; i++) {
            e = "id(b ? " + e + " : null)";
        }
        return "class Ex03ManualBackprop { static <T> T id(T t) { return t; } static boolean b; Object o = " + e + "; }\n";
    }

    @Test
    void aFileThatKeepsJavacBusyAndOneThatLeavesAProcessCostOnlyTheirOwnRows() throws Exception {
        Path dir = temp.resolve("class");
        Fixtures.write(dir.resolve("bomb"), "Ex03ManualBackprop.java", javacBomb(16));
        String mark = "9." + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        Fixtures.write(dir.resolve("orphan"), "Ex03ManualBackprop.java", withStatic(starter(),
                escape("\"sh\", \"-c\", \"nohup sleep " + mark + " >/dev/null 2>&1 &\"")));
        Fixtures.write(dir.resolve("zoe"), "Ex03ManualBackprop.java", Fixtures.solvedEx03());
        List<List<Grade.Row>> written = new ArrayList<>();
        long start = System.nanoTime();
        Supervisor.Options options = Fixtures.options(null).withCompile(new StudentCompiler.Limits(Duration.ofSeconds(5), 256))
                .withFileLimit(Duration.ofSeconds(40));
        List<Grade.Row> rows = Grade.grade(dir, List.of(new ExerciseSet("ex03")), 2, options, Isolation.here(false),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), written::add);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "grading took " + seconds + " s");
        assertEquals(List.of("bomb", "orphan", "zoe"), rows.stream().map(Grade.Row::student).toList());
        assertEquals("ex03 compile timeout", rows.get(0).notes(List.of(new ExerciseSet("ex03"))));
        assertEquals(EX03, rows.get(2).points(), 0);
        assertEquals(3, written.size(), "the CSV is written after each student");
        assertTrue(written.get(0).stream().anyMatch(r -> !r.done()), "the first CSV comes while others are graded");
        Thread.sleep(500);
        assertFalse(alive("sleep " + mark), "a process of the check is still running");
        // Only this JVM's own children: other builds on the machine may be compiling students' files too.
        assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(StudentCompiler.class.getName())), "javac is still running");
    }

    @Test
    void aFileThatStallsEveryCheckStopsAtTheFilesTimeLimit() throws Exception {
        Path dir = temp.resolve("class");
        Fixtures.write(dir.resolve("stall"), "Ex03ManualBackprop.java",
                Fixtures.replace(Fixtures.solvedEx03(), Fixtures.SLOPE, "while (true) { }"));
        long start = System.nanoTime();
        List<Grade.Row> rows = Grade.grade(dir, List.of(new ExerciseSet("ex03")), 1,
                Fixtures.options(null).withFileLimit(Duration.ofSeconds(3)), Isolation.here(false),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), snapshot -> { });
        assertTrue((System.nanoTime() - start) / 1_000_000_000L < 30, "the file's limit was not honoured");
        assertTrue(rows.get(0).notes(List.of(new ExerciseSet("ex03"))).contains("timeout"), rows.toString());
    }

    // 6. CI: the student's code could rewrite the wrapper.

    @Test
    void inTheSandboxTheStudentsCodeCannotRewriteTheRepository() throws Exception {
        assumeTrue(BWRAP, "bubblewrap is not installed");
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path wrapper = Files.writeString(repo.resolve("jbang"), "#!/bin/sh\nexec java ...\n");
        String text = withStatic(Fixtures.solvedEx03(), "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + wrapper.toString().replace("\\", "\\\\") + "\"), \"exit 0\"); } catch (Exception e) { }");
        Run run = check(text, sandbox());
        assertEquals(EX03, run.report().passed());
        assertEquals("#!/bin/sh\nexec java ...\n", Files.readString(wrapper));
    }

    // Partly: native memory beyond the heap.

    @Test
    void nativeMemoryBeyondTheCapFailsTheCheck() throws Exception {
        assumeTrue(Isolation.find("prlimit").isPresent(), "prlimit is not installed");
        String text = Fixtures.replace(Fixtures.solvedEx03(), Fixtures.SLOPE,
                "try { java.lang.reflect.Field uf = Class.forName(\"sun.misc.Unsafe\").getDeclaredField(\"theUnsafe\");"
                        + " uf.setAccessible(true); Object u = uf.get(null);"
                        + " u.getClass().getMethod(\"allocateMemory\", long.class).invoke(u, 4L << 30);"
                        + " } catch (ReflectiveOperationException e) { throw new IllegalStateException(\"refused: \" + e.getCause()); }\n"
                        + "        " + Fixtures.SLOPE);
        Run run = check(text, Isolation.here(false));
        List<Integer> failed = run.results().stream().filter(r -> !r.passed()).map(Result::number).toList();
        assertEquals(List.of(4, 5, 6), failed, run.results().toString());
        assertTrue(run.results().get(3).details().get(0).contains("OutOfMemoryError"), run.results().get(3).toString());
    }

    @Test
    void isolationIsChosenPerOperatingSystem() throws IOException {
        Path bwrap = Path.of("/usr/bin/bwrap");
        assertEquals(Isolation.Kind.SANDBOX, Isolation.choose("Linux", java.util.Optional.of(bwrap), false).kind());
        assertEquals(Isolation.Kind.PROCESS_GROUP, Isolation.choose("Linux", java.util.Optional.empty(), false).kind());
        assertEquals(Isolation.Kind.PROCESS_GROUP, Isolation.choose("Mac OS X", java.util.Optional.empty(), false).kind());
        assertEquals(Isolation.Kind.PROCESS_TREE, Isolation.choose("Mac OS X", java.util.Optional.empty(), false, false).kind());
        assertEquals(Isolation.Kind.PROCESS_TREE, Isolation.choose("Windows 11", java.util.Optional.empty(), false).kind());
        assertEquals(Isolation.Kind.PROCESS_TREE, Isolation.choose("Windows 11", java.util.Optional.of(bwrap), false).kind());
        for (String os : List.of("Linux", "Mac OS X", "Windows 11")) {
            org.junit.jupiter.api.Assertions.assertThrows(Isolation.Unavailable.class,
                    () -> Isolation.choose(os, java.util.Optional.empty(), true), os);
        }
        List<String> line = Isolation.choose("Linux", java.util.Optional.of(bwrap), false)
                .wrap(List.of("java"), Path.of("/tmp/s"), List.of(), List.of(Path.of("/class")));
        assertEquals(List.of("/usr/bin/bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/", "/",
                "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/class", "--bind", "/tmp/s", "/tmp/s",
                "--chdir", "/tmp/s", "--", "java"), line);
        assertEquals(List.of("java"), new Isolation(Isolation.Kind.PROCESS_TREE, null)
                .wrap(List.of("java"), Path.of("s"), List.of(), List.of()));
    }
}
