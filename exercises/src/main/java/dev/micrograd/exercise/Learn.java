package dev.micrograd.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The student's loop, after Rustlings: how far every set has got, and a re-run of the file just saved. */
final class Learn {
    /** How a file is checked; the command uses the supervisor, tests may use something quicker. */
    @FunctionalInterface
    interface Checker {
        Run check(Path file) throws IOException;
    }

    /** Where saved files come from: each call blocks until a file was saved, and null ends the loop. */
    @FunctionalInterface
    interface Saves {
        Path next() throws IOException, InterruptedException;
    }

    private Learn() {
    }

    /** Prints one line per set (passed / total and the next check to do) and where to go next. */
    static void overview(Path starters, List<ExerciseSet> sets, Checker checker, int jobs, PrintStream out)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Optional<Run>>> runs = new ArrayList<>();
            for (ExerciseSet set : sets) {
                runs.add(pool.submit(() -> {
                    Optional<Path> file = set.fileIn(starters);
                    return file.isPresent() ? Optional.of(checker.check(file.get())) : Optional.<Run>empty();
                }));
            }
            int passed = 0;
            int total = 0;
            Run next = null;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                Optional<Run> run;
                try {
                    run = runs.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    lines.add(String.format(Locale.ROOT, "  %s  could not be checked: %s", sets.get(i).id(), e.getCause()));
                    continue;
                }
                if (run.isEmpty()) {
                    lines.add(String.format(Locale.ROOT, "  %s  no file in %s", sets.get(i).id(), starters));
                    continue;
                }
                Run r = run.get();
                long ok = r.report().passed();
                passed += (int) ok;
                total += r.results().size();
                // A set whose required checks pass is done; its open bonus checks do not hold the student back.
                Result failure = r.allPassed() ? null : r.firstFailure();
                long open = r.report().open();
                lines.add(String.format(Locale.ROOT, "  %s  %-32s %3d/%-3d %s", r.id(), r.title(), ok, r.results().size(),
                        failure == null ? (open == 0 ? "done" : "done, bonus open: " + open)
                                : !r.compileErrors().isEmpty() ? "does not compile" : "next: " + failure.name()));
                if (failure != null && next == null) {
                    next = r;
                }
            }
            out.printf(Locale.ROOT, "micrograd-java exercises: %d of %d checks pass%n%n", passed, total);
            lines.forEach(out::println);
            out.println();
            if (next == null) {
                out.println("Every check passes. Well done!");
            } else {
                printNext(next, out);
                out.println("Run ./jbang " + next.id() + " for every check, or ./jbang learn --watch to re-check on save.");
            }
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Re-checks each saved exercise file and shows what fails, ending with the first failure's hint. */
    static void watch(Saves saves, Checker checker, PrintStream out) throws IOException, InterruptedException {
        out.println("Watching the exercise files; save one to check it (Ctrl+C stops).");
        out.flush();
        for (Path file = saves.next(); file != null; file = saves.next()) {
            if (ExerciseSet.ofFile(file).isEmpty()) {
                continue;
            }
            out.println();
            out.println("== " + file.getFileName() + " saved");
            Run run;
            try {
                run = checker.check(file);
            } catch (IOException | RuntimeException e) {
                out.println("could not check " + file.getFileName() + ": " + e.getMessage());
                continue;
            }
            run.print(out, true);
            if (run.allPassed()) {
                out.println(run.report().open() == 0 ? "Every check of " + run.id() + " passes. On to the next set!"
                        : "Every check of " + run.id() + " passes but the bonus ones, which are yours to try. On to the next set!");
            } else {
                printNext(run, out);
            }
            out.flush();
        }
    }

    private static void printNext(Run run, PrintStream out) {
        if (!run.compileErrors().isEmpty()) {
            // The checks did not run, so no task's hint applies: the compiler's error is the next thing to fix.
            out.println("Next: make " + run.source().getFileName() + " compile: "
                    + Supervisor.clean(run.compileErrors().get(0)));
            out.println("  hint: " + Supervisor.COMPILE_HINT);
            return;
        }
        Result failure = run.firstFailure();
        out.println("Next: " + run.id() + ", \"" + failure.name() + "\" in " + run.source().getFileName());
        String hint = JUnitReport.field(failure.details(), "hint:");
        if (hint != null) {
            out.println("  hint: " + hint);
        }
    }

    /** Saved {@code .java} files of a folder, from the JDK's WatchService (it polls on macOS, which is fine). */
    static Saves watching(Path folder) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        return () -> {
            try {
                Path saved = null;
                WatchKey key = service.take();
                while (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path p && p.toString().endsWith(".java")) {
                            saved = folder.resolve(p);
                        }
                    }
                    key.reset();
                    // Editors save in several steps; waiting briefly turns them into one run.
                    key = saved == null ? service.take() : service.poll(150, TimeUnit.MILLISECONDS);
                }
                return saved;
            } catch (ClosedWatchServiceException e) {
                return null;
            }
        };
    }
}
