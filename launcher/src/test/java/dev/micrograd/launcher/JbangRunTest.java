package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs chapters through the wrapper exactly as a student would (./jbang, or jbang.cmd on Windows), with a JBang
 * cache and a command cache nobody has used, and the user's own Maven settings.
 */
class JbangRunTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Os OS = Os.current();

    /** Shared by every run, so only the first one pays for a cold JBang cache. */
    @TempDir
    static Path jbangHome;
    @TempDir
    static Path commandCache;

    /** The launcher compiles itself when its sources changed, and says so: that line belongs to no test. */
    @BeforeAll
    static void theLauncherIsCompiled(@TempDir Path work) throws Exception {
        Run run = jbang(work, work, Map.of(), "--help");
        assertEquals(0, run.exit, run::describe);
    }

    @Test
    void aChapterRunsFromTheRepositoryRoot(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");

        Run run = jbang(REPO, work, Map.of(), "ch01", "--out", out.toString(), "--quiet");

        assertEquals(0, run.exit, run::describe);
        assertEquals("", run.stdout, run::describe);
        assertEquals("d = Value(data=-6.0)\ne = Value(data=4.0)\nL = Value(data=-8.0)\n",
                Files.readString(out.resolve("ch01/expression.txt"), StandardCharsets.UTF_8), run::describe);
        assertEquals(List.of("children.txt", "engine.txt", "expression.txt", "leaf.txt", "leaves.txt", "twice.txt"), fileNames(out.resolve("ch01")));
    }

    @Test
    void anUnknownOptionFromASubfolderExitsWithTwo(@TempDir Path work) throws Exception {
        Run run = jbang(REPO.resolve("chapters/scripts"), work, Map.of(), "ch01", "--bogus");

        assertEquals(2, run.exit, run::describe);
        assertTrue(run.stderr.contains("unknown option '--bogus'"), run::describe);
    }

    @Test
    void anEmptyOutFolderIsRefusedNotDropped(@TempDir Path work) throws Exception {
        Run run = jbang(work, work, Map.of(), "ch01", "--out", "", "--quiet");

        assertEquals(2, run.exit, run::describe);
        assertTrue(run.stderr.startsWith("error: --out needs a folder"), run::describe);
        assertEquals(List.of("stderr.txt", "stdout.txt"), fileNames(work), "nothing written");
    }

    @Test
    void aliasesWorkFromOutsideTheRepository(@TempDir Path work) throws Exception {
        Run run = jbang(work, work, Map.of(), "ch01", "--help");

        assertEquals(0, run.exit, run::describe);
        assertTrue(run.stdout.startsWith("Usage: ./jbang ch01 [--out DIR]"), run::describe);
    }

    @Test
    void theFullPathToAScriptWorksToo(@TempDir Path work) throws Exception {
        Run run = jbang(REPO, work, Map.of(), "chapters/scripts/Ch01DataStructure.java", "--help");

        assertEquals(0, run.exit, run::describe);
        assertTrue(run.stdout.startsWith("Usage: ./jbang ch01 [--out DIR]"), run::describe);
    }

    @Test
    void nonAsciiFolderNamesSurviveAPosixLocale(@TempDir Path work) throws Exception {
        assumeTrue(OS != Os.WINDOWS, "a POSIX locale is a Linux and macOS matter");
        String name = "Übung-ø-λ";

        Run run = jbang(work, work, Map.of("LANG", "C", "LC_ALL", "C"), "ch01", "--out", name, "--quiet");

        assertEquals(0, run.exit, run::describe);
        assertTrue(Files.isRegularFile(work.resolve(name).resolve("ch01/expression.txt")),
                () -> "files in " + work + ": " + list(work) + "\n" + run.describe());
    }

    @Test
    void anEditToTheScriptOrAnIncludedSourceIsPickedUp(@TempDir Path work) throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        Path lib = Files.createDirectories(work.resolve("lib/greet"));
        Files.writeString(app.resolve("Hello.java"), "//SOURCES ../lib/**/*.java\n"
                + "class Hello { public static void main(String[] a) { System.out.println(greet.Words.WORD + a.length); } }\n");
        Files.writeString(lib.resolve("Words.java"), "package greet;\npublic class Words { public static final String WORD = \"one\"; }\n");
        String script = app.resolve("Hello.java").toString();

        assertEquals("one2\n", jbang(work, work, Map.of(), script, "x", "").stdout);
        assertEquals("one0\n", jbang(work, work, Map.of(), script).stdout, "the cached command");

        Files.writeString(lib.resolve("Words.java"), "package greet;\npublic class Words { public static final String WORD = \"two\"; }\n");
        assertEquals("two0\n", jbang(work, work, Map.of(), script).stdout, "an edited source");

        Files.writeString(lib.resolve("Extra.java"), "package greet;\nclass Extra { }\n");
        Files.writeString(lib.resolve("Words.java"), "package greet;\npublic class Words { public static final String WORD = Extra.class.getSimpleName(); }\n");
        assertEquals("Extra0\n", jbang(work, work, Map.of(), script).stdout, "a new source under the glob");
    }

    @Test
    void aloneOrWithHelpTheWrapperListsWhatThereIsToRun(@TempDir Path work) throws Exception {
        for (String[] args : List.of(new String[0], new String[] {"--help"})) {
            Run run = jbang(work, work, Map.of(), args);

            assertEquals(0, run.exit, run::describe);
            assertTrue(run.stdout.startsWith("Usage: " + Launcher.wrapperName(OS) + " NAME [OPTIONS]"), run::describe);
            for (String name : List.of("ch01", "ch08", "ex01", "ex08", "learn", "check", "grade", "shell")) {
                assertTrue(run.stdout.contains("\n  " + name + " "), () -> name + "\n" + run.describe());
            }
        }
    }

    @Test
    void anUnknownNameIsAnsweredWithTheNamesThatExist(@TempDir Path work) throws Exception {
        Run run = jbang(work, work, Map.of(), "ch99");

        assertEquals(2, run.exit, run::describe);
        assertEquals("", run.stdout, run::describe);
        assertTrue(run.stderr.startsWith("error: no chapter, exercise set or tool is called 'ch99'. The names are"
                + " chapters: ch01 ch02 ch03 ch04 ch05 ch06 ch07 ch08; exercises: ex01"), run::describe);
    }

    @Test
    void aScriptRunsInTheLaunchersJvmUnlessForkIsSet(@TempDir Path work) throws Exception {
        Path script = Files.writeString(work.resolve("Where.java"),
                "class Where { public static void main(String[] a) { System.out.println(System.getProperty(\"sun.java.command\")); } }\n");

        Run inside = jbang(work, work, Map.of(), script.toString());
        Run forked = jbang(work, work, Map.of(InProcess.FORK, "1"), script.toString());

        assertEquals(0, inside.exit, inside::describe);
        assertTrue(inside.stdout.startsWith("dev.micrograd.launcher.Bootstrap Launcher "), inside::describe);
        assertEquals(0, forked.exit, forked::describe);
        assertEquals("Where\n", forked.stdout, forked::describe);
    }

    @Test
    void theShellHasTheEngineImported(@TempDir Path work) throws Exception {
        String input = "Value a = Value.of(2.0, \"a\");\nSystem.out.println(\"product \" + a.mul(Value.of(3.0, \"b\")).data());\n/exit\n";

        Run run = jbangWithInput(work, work, Map.of(), input, "shell");

        assertEquals(0, run.exit, run::describe);
        assertTrue(run.stdout.contains("product 6.0"), run::describe);
    }

    @Test
    void anInstalledJbangIsPreferred(@TempDir Path work) throws Exception {
        assumeTrue(OS != Os.WINDOWS, "the stand-in jbang below is a shell script");
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path installed = bin.resolve("jbang");
        Files.writeString(installed, "#!/bin/sh\necho \"installed jbang: $* ($" + Jbang.LOOP_GUARD + ")\"\n");
        assertTrue(installed.toFile().setExecutable(true));

        Run run = jbang(work, work, Map.of("PATH", bin + ":" + System.getenv("PATH")), "ch01", "--out", "");

        assertEquals(0, run.exit, run::describe);
        assertEquals("installed jbang: ch01 --out  (1)\n", run.stdout, run::describe);
    }

    @Test
    void everyChapterScriptHasItsAlias() throws IOException {
        String catalog = Files.readString(REPO.resolve("jbang-catalog.json"), StandardCharsets.UTF_8);
        Matcher alias = Pattern.compile("\"(ch\\d\\d)\"\\s*:\\s*\\{\\s*\"script-ref\"\\s*:\\s*\"chapters/scripts/(Ch\\d\\d\\w+\\.java)\"")
                .matcher(catalog);
        List<String> aliased = new ArrayList<>();
        while (alias.find()) {
            assertEquals(alias.group(1), alias.group(2).substring(0, 4).toLowerCase(Locale.ROOT));
            aliased.add(alias.group(2));
        }
        List<String> scripts = fileNames(REPO.resolve("chapters/scripts")).stream()
                .filter(name -> name.matches("Ch\\d\\d\\w+\\.java"))
                .collect(Collectors.toList());

        assertTrue(aliased.containsAll(scripts), "aliases " + aliased + " for scripts " + scripts);
    }

    private record Run(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs the wrapper for this OS, found through Os.shimCommand, from a folder. */
    private static Run jbang(Path directory, Path work, Map<String, String> extraEnv, String... args) throws Exception {
        return jbangWithInput(directory, work, extraEnv, "", args);
    }

    /** The same, with text on standard input. */
    private static Run jbangWithInput(Path directory, Path work, Map<String, String> extraEnv, String input, String... args)
            throws Exception {
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        List<String> command = new ArrayList<>(OS.shimCommand(REPO.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        // The launcher protocol's variables of an outer JBang run would not be there for a student; the user's
        // Maven settings (MAVEN_OPTS, settings.xml, a proxy) are, and are kept.
        environment.keySet().removeIf(name -> List.of("JBANG_RUNTIME_SHELL", "JBANG_LAUNCH_CMD", "JBANG_STDIN_NOTTY",
                Jbang.LOOP_GUARD).contains(name));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            environment.merge("MAVEN_OPTS", "-Dmaven.repo.local=" + repository, (a, b) -> a + " " + b);
            environment.putIfAbsent("JBANG_REPO", repository);
        }
        environment.put("JBANG_DIR", jbangHome.toString());
        environment.put("XDG_CACHE_HOME", commandCache.toString());
        environment.putAll(extraEnv);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the wrapper took more than 5 minutes:\n" + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> list(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(Path::toString).collect(Collectors.toList());
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }
}
