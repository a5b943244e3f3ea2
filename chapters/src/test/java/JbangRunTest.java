import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a chapter through ./jbang exactly as a student would, with a JBang cache nobody has used. */
class JbangRunTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** Shared by both runs, so only the first one pays for a cold JBang cache. */
    @TempDir
    static Path jbangHome;

    @Test
    void aChapterRunsFromTheRepositoryRoot(@TempDir Path work) throws Exception {
        Path out = work.resolve("out");

        Run run = jbang(REPO, work, "./jbang", "ch01", "--out", out.toString(), "--quiet");

        assertEquals(0, run.exit, run::describe);
        assertEquals("", run.stdout, run::describe);
        assertEquals("d = Value(data=-6.0)\ne = Value(data=4.0)\nL = Value(data=-8.0)\n",
                Files.readString(out.resolve("ch01/expression.txt"), StandardCharsets.UTF_8), run::describe);
        assertEquals(List.of("children.txt", "engine.txt", "expression.txt", "leaf.txt", "leaves.txt", "twice.txt"), fileNames(out.resolve("ch01")));
    }

    @Test
    void anUnknownOptionFromASubfolderExitsWithTwo(@TempDir Path work) throws Exception {
        Run run = jbang(REPO.resolve("chapters/scripts"), work, "../../jbang", "ch01", "--bogus");

        assertEquals(2, run.exit, run::describe);
        assertTrue(run.stderr.contains("unknown option '--bogus'"), run::describe);
    }

    @Test
    void theFullPathToAScriptWorksToo(@TempDir Path work) throws Exception {
        Run run = jbang(REPO, work, "./jbang", "chapters/scripts/Ch01DataStructure.java", "--help");

        assertEquals(0, run.exit, run::describe);
        assertTrue(run.stdout.startsWith("Usage: ./jbang ch01 [--out DIR]"), run::describe);
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

    private static Run jbang(Path directory, Path work, String... command) throws Exception {
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        // The surrounding Maven build's variables would not be there for a student.
        environment.keySet().removeIf(name -> name.startsWith("MAVEN_") || name.startsWith("JBANG_"));
        environment.put("JBANG_DIR", jbangHome.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./jbang took more than 5 minutes:\n" + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
