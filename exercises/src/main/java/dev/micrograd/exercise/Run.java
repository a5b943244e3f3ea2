package dev.micrograd.exercise;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the supervisor learned about one exercise file: a result for every declared check (a check that
 * did not run is a failure that says why), what each check printed, and the compiler's errors if any.
 *
 * @param printed what the student's code printed during each check, by check number minus one
 * @param millis how long each check ran, by check number minus one
 * @param isolation how the checking JVM was fenced in
 * @param timedOut whether the file's own time limit (in grading) cut the run short
 */
record Run(String id, String title, Path source, List<Result> results, List<String> printed,
           List<String> compileErrors, List<Long> millis, Isolation.Kind isolation, boolean timedOut) {
    /** How many printed lines of one check are shown. */
    static final int PRINTED_LINES = 20;

    Report report() {
        return new Report(results);
    }

    /** Whether every check passed, bonus checks aside. */
    boolean allPassed() {
        return !results.isEmpty() && report().failed() == 0;
    }

    /** The first failing check, if any, else the first open bonus check. */
    Result firstFailure() {
        return results.stream().filter(r -> !r.passed() && !Points.bonus(r.name())).findFirst()
                .orElse(results.stream().filter(r -> !r.passed()).findFirst().orElse(null));
    }

    /** The transcript a student reads: compile errors, PASS or FAIL per check, and the summary line last. */
    void print(PrintStream out, boolean onlyFailures) {
        out.println("# " + id + ": " + title);
        out.println("  checked in a separate JVM, isolation: " + isolation.description());
        if (!compileErrors.isEmpty()) {
            out.println("Your file does not compile:");
            for (String error : compileErrors) {
                out.println("  " + Supervisor.clean(error));
            }
            out.println("  hint: " + Supervisor.COMPILE_HINT);
            // The reason is said once above; each check only shows that it did not run.
            for (Result result : results) {
                Checks.print(new Result(result.number(), result.name(), false, List.of()), out);
            }
        } else {
            for (Result result : results) {
                if (!result.passed() || !onlyFailures) {
                    printResult(result, out);
                }
            }
        }
        out.println();
        out.println(report().summary());
        out.flush();
    }

    void printResult(Result result, PrintStream out) {
        Checks.print(result, out);
        String text = printed.get(result.number() - 1);
        if (!text.isEmpty()) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < Math.min(lines.size(), PRINTED_LINES); i++) {
                out.println((i == 0 ? "         printed:  " : "                   ") + lines.get(i));
            }
            if (lines.size() > PRINTED_LINES) {
                out.printf(Locale.ROOT, "                   ... (%d more lines)%n", lines.size() - PRINTED_LINES);
            }
        }
    }
}
