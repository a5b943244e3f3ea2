package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student's loop: the overview and the re-check on save, with runs made up so that no JVM starts. */
class LearnTest {
    @TempDir
    Path temp;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** A run of a set whose first {@code passing} checks pass. */
    private static Run run(Path file, int passing) {
        ExerciseSet set = ExerciseSet.ofFile(file).orElseThrow();
        Checks checks = set.declared();
        List<Result> results = new ArrayList<>();
        List<Checks.Spec> specs = checks.specs();
        for (int i = 1; i <= specs.size(); i++) {
            results.add(checks.withHint(i, i <= passing, List.of("reason:   not written yet")));
        }
        return new Run(set.id(), checks.title(), file, results, Collections.nCopies(specs.size(), ""), List.of(),
                Collections.nCopies(specs.size(), 0L), Isolation.Kind.PROCESS_GROUP, false);
    }

    @Test
    void theOverviewShowsEverySetAndTheNextCheck() throws Exception {
        Path starters = Files.createDirectories(temp.resolve("starters"));
        List<ExerciseSet> sets = ExerciseSet.all().subList(0, 3);
        for (ExerciseSet set : sets) {
            Files.copy(set.fileIn(Fixtures.STARTERS).orElseThrow(), starters.resolve(set.fileIn(Fixtures.STARTERS)
                    .orElseThrow().getFileName()));
        }
        Learn.overview(starters, sets, file -> run(file, file.getFileName().toString().startsWith("Ex01") ? 1000 : 1), 2, out);
        Checks ex02 = new ExerciseSet("ex02").declared();
        List<Checks.Spec> specs = ex02.specs();
        int ex01 = new ExerciseSet("ex01").declared().specs().size();
        int ex03 = new ExerciseSet("ex03").declared().specs().size();
        assertTrue(output().startsWith(String.format(java.util.Locale.ROOT,
                "micrograd-java exercises: %d of %d checks pass%n%n", ex01 + 2, ex01 + specs.size() + ex03)), output());
        assertTrue(output().contains("  ex01  "), output());
        assertTrue(output().contains(" done\n"), output());
        assertTrue(output().contains("next: " + specs.get(1).name() + "\n"), output());
        assertTrue(output().contains("Next: ex02, \"" + specs.get(1).name() + "\" in Ex02Visualization.java\n  hint: "
                + specs.get(1).hint() + "\n"), output());
    }

    @Test
    void watchReChecksEachSavedExerciseFileAndGivesTheFirstHint() throws Exception {
        Path ex03 = Fixtures.STARTERS.resolve("Ex03ManualBackprop.java");
        Deque<Path> saves = new ArrayDeque<>(List.of(ex03, temp.resolve("notes.java"), ex03));
        List<Path> checked = new ArrayList<>();
        int[] passing = {2, 1000};
        Learn.watch(saves::poll, file -> {
            checked.add(file);
            return run(file, passing[checked.size() - 1]);
        }, out);
        assertEquals(List.of(ex03, ex03), checked);
        Checks.Spec third = new ExerciseSet("ex03").declared().specs().get(2);
        assertTrue(output().contains("== Ex03ManualBackprop.java saved\n# ex03: "), output());
        assertTrue(output().contains("Next: ex03, \"" + third.name() + "\" in Ex03ManualBackprop.java\n  hint: "
                + third.hint() + "\n"), output());
        assertTrue(output().endsWith("Every check of ex03 passes. On to the next set!\n"), output());
    }

    @Test
    void aFileThatDoesNotCompileIsReportedOnceWithTheCompilersHintNotATasks() throws Exception {
        String broken = Fixtures.replace(Fixtures.solvedEx03(), Fixtures.TANH, "return 1 - o * o");
        Path file = Fixtures.write(temp.resolve("broken"), "Ex03ManualBackprop.java", broken);
        Deque<Path> saves = new ArrayDeque<>(List.of(file));
        Learn.watch(saves::poll, f -> Supervisor.check(f, Fixtures.options(temp.resolve("cache"))), out);
        String text = output();
        assertEquals(2, text.split("';' expected", -1).length - 1, "once in the transcript, once in Next: " + text);
        assertTrue(text.contains("Next: make Ex03ManualBackprop.java compile: Ex03ManualBackprop.java:"), text);
        assertTrue(text.contains("  hint: " + Supervisor.COMPILE_HINT + "\n"), text);
        for (Checks.Spec spec : new ExerciseSet("ex03").declared().specs()) {
            assertTrue(!text.contains(spec.hint()), "a task's hint: " + spec.hint());
        }
    }

    @Test
    void theWatchServiceReportsASavedFile() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("watched"));
        Learn.Saves saves = Learn.watching(folder);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Path> next = thread.submit(saves::next);
            Path file = Fixtures.write(folder, "Ex03ManualBackprop.java", "class Ex03ManualBackprop {}\n");
            assertEquals(file, next.get(20, TimeUnit.SECONDS));
        } finally {
            thread.shutdownNow();
        }
    }
}
