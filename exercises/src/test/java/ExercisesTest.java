import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.exercise.Checks;
import dev.micrograd.exercise.Ex01Checks;
import dev.micrograd.exercise.Ex02Checks;
import dev.micrograd.exercise.Ex03Checks;
import dev.micrograd.exercise.Ex04Checks;
import dev.micrograd.exercise.Ex05Checks;
import dev.micrograd.exercise.Ex06Checks;
import dev.micrograd.exercise.Ex07Checks;
import dev.micrograd.exercise.Ex08Checks;
import dev.micrograd.exercise.Report;
import dev.micrograd.exercise.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both directions for every exercise file: the untouched starter fails every check, the solution passes all. */
class ExercisesTest {
    static Stream<Arguments> exercises() {
        return Stream.of(
                exercise("ex01", () -> Ex01Checks.of(Ex01DataStructure::new), () -> Ex01Checks.of(Ex01DataStructureSolution::new)),
                exercise("ex02", () -> Ex02Checks.of(Ex02Visualization::new), () -> Ex02Checks.of(Ex02VisualizationSolution::new)),
                exercise("ex03", () -> Ex03Checks.of(Ex03ManualBackprop::new), () -> Ex03Checks.of(Ex03ManualBackpropSolution::new)),
                exercise("ex04", () -> Ex04Checks.of(Ex04TopologicalBackprop::new), () -> Ex04Checks.of(Ex04TopologicalBackpropSolution::new)),
                exercise("ex05", () -> Ex05Checks.of(Ex05Promotion::new), () -> Ex05Checks.of(Ex05PromotionSolution::new)),
                exercise("ex06", () -> Ex06Checks.of(Ex06TanhAndNewOps::new), () -> Ex06Checks.of(Ex06TanhAndNewOpsSolution::new)),
                exercise("ex07", () -> Ex07Checks.of(Ex07NeuralNet::new), () -> Ex07Checks.of(Ex07NeuralNetSolution::new)),
                exercise("ex08", () -> Ex08Checks.of(Ex08TwoMoons::new), () -> Ex08Checks.of(Ex08TwoMoonsSolution::new)));
    }

    private static Arguments exercise(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        return Arguments.of(id, starter, solution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theUntouchedStarterFailsEveryCheck(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        Run run = RUNS.computeIfAbsent(id + " starter", key -> run(starter.get()));
        List<String> passed = run.report.results().stream().filter(Result::passed).map(Result::name).toList();
        assertEquals(List.of(), passed, run.output);
        assertTrue(run.report.results().size() >= 4, run.output);
        long bonus = run.report.results().stream().filter(r -> r.name().startsWith("bonus")).count();
        String open = bonus == 0 ? "" : ", " + bonus + " bonus check" + (bonus == 1 ? "" : "s") + " open";
        assertTrue(run.output.endsWith("\n0 passed, " + (run.report.results().size() - bonus) + " failed" + open + "\n"),
                run.output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theSolutionPassesEveryCheck(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        Run run = RUNS.computeIfAbsent(id + " solution", key -> run(solution.get()));
        assertEquals(0, run.report.failed(), run.output);
        assertTrue(run.output.endsWith("\n" + run.report.results().size() + " passed, 0 failed\n"), run.output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void starterAndSolutionRunTheSameChecks(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        Run started = RUNS.computeIfAbsent(id + " starter", key -> run(starter.get()));
        Run solved = RUNS.computeIfAbsent(id + " solution", key -> run(solution.get()));
        assertEquals(started.report.results().stream().map(Result::name).toList(),
                solved.report.results().stream().map(Result::name).toList());
        assertTrue(started.output.startsWith("# " + id + ": "), started.output);
    }

    @Test
    void theSetsHoldAtLeast120ChecksInAll() {
        int total = 0;
        StringBuilder perSet = new StringBuilder();
        for (Arguments arguments : exercises().toList()) {
            String id = (String) arguments.get()[0];
            @SuppressWarnings("unchecked")
            Supplier<Checks> starter = (Supplier<Checks>) arguments.get()[1];
            int checks = RUNS.computeIfAbsent(id + " starter", key -> run(starter.get())).report.results().size();
            total += checks;
            perSet.append(id).append(' ').append(checks).append(", ");
        }
        assertTrue(total >= 120, perSet + "total " + total);
    }

    private record Run(Report report, String output) {
    }

    /** Each file's checks run once per test class; three tests read the outcome. */
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private static Run run(Checks checks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = checks.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        return new Run(report, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
