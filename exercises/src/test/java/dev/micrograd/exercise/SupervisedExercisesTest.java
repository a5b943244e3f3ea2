package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every starter and every solution as students run them, through the supervisor: the starter fails all, the solution passes all. */
class SupervisedExercisesTest {
    @TempDir
    static Path cache;
    private static ExecutorService pool;
    private static final Map<String, Future<Run>> RUNS = new TreeMap<>();

    static Stream<String> sets() {
        return ExerciseSet.all().stream().map(ExerciseSet::id);
    }

    @BeforeAll
    static void startEveryRun() {
        pool = Executors.newFixedThreadPool(3);
        Supervisor.Options options = Supervisor.Options.defaults().withCache(cache);
        for (ExerciseSet set : ExerciseSet.all()) {
            Path starter = set.fileIn(Fixtures.STARTERS).orElseThrow();
            Path solution = Fixtures.SOLUTIONS.resolve(starter.getFileName().toString().replace(".java", "Solution.java"));
            RUNS.put(set.id() + " starter", pool.submit(() -> Supervisor.check(starter, options)));
            RUNS.put(set.id() + " solution", pool.submit(() -> Supervisor.check(solution, options)));
        }
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static String transcript(Run run) {
        var bytes = new java.io.ByteArrayOutputStream();
        run.print(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), false);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theUntouchedStarterFailsEveryCheck(String id) throws Exception {
        Run run = RUNS.get(id + " starter").get();
        int declared = new ExerciseSet(id).declared().specs().size();
        assertEquals(declared, run.results().size(), transcript(run));
        assertEquals(List.of(), run.results().stream().filter(Result::passed).map(Result::name).toList(), transcript(run));
        assertTrue(run.compileErrors().isEmpty(), transcript(run));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theSolutionPassesEveryCheck(String id) throws Exception {
        Run run = RUNS.get(id + " solution").get();
        assertTrue(run.allPassed(), transcript(run));
        assertEquals(new ExerciseSet(id).declared().specs().size(), run.results().size());
    }
}
