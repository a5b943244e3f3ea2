import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.exercise.Checks;
import dev.micrograd.exercise.Ex01Checks;
import dev.micrograd.exercise.Exercise;
import dev.micrograd.exercise.Report;
import dev.micrograd.exercise.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both directions for every exercise file: the untouched starter fails every check, the solution passes all. */
class ExercisesTest {
    static Stream<Arguments> exercises() {
        return Stream.of(
                Arguments.of("ex01", (Supplier<Checks>) () -> Ex01Checks.of(Ex01DataStructure::new),
                        (Supplier<Checks>) () -> Ex01Checks.of(Ex01DataStructureSolution::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theUntouchedStarterFailsEveryCheck(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        Run run = run(starter.get());
        List<Result> passed = run.report.results().stream().filter(Result::passed).toList();
        assertEquals(List.of(), passed, run.output);
        assertTrue(run.report.results().size() >= 2, run.output);
        assertEquals(1, run.code, run.output);
        assertTrue(run.output.endsWith("0 passed, " + run.report.results().size() + " failed\n"), run.output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theSolutionPassesEveryCheck(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        Run run = run(solution.get());
        assertEquals(0, run.report.failed(), run.output);
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.endsWith(run.report.results().size() + " passed, 0 failed\n"), run.output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void starterAndSolutionRunTheSameChecks(String id, Supplier<Checks> starter, Supplier<Checks> solution) {
        List<String> starterNames = run(starter.get()).report.results().stream().map(Result::name).toList();
        List<String> solutionNames = run(solution.get()).report.results().stream().map(Result::name).toList();
        assertEquals(starterNames, solutionNames);
    }

    private record Run(Report report, int code, String output) {
    }

    private static Run run(Checks checks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Report report = checks.run(out, false);
        // Exercise.run runs the checks a second time, which also proves a run leaves no state behind.
        int code = Exercise.run(new String[0], checks, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), out);
        return new Run(report, code, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
