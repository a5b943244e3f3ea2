package dev.micrograd.exercise;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of one exercise file. Each check has two halves: an <em>ask</em> that runs in the checking JVM,
 * calls the student's code on some inputs and returns an {@link Answer}, and a <em>judge</em> that runs in
 * the supervisor's JVM, computes what it expects for the same inputs and compares. The checking JVM never
 * decides a verdict: anything it sends is an answer, judged like any other.
 *
 * <p>Writing a check: put everything that touches the student's code (building their values, calling their
 * methods, reading results back) in the ask, and turn what it got into numbers or text. Put every expected
 * value and every comparison in the judge; it may use the engine, which the checking JVM of sets 1 to 6 does
 * not have. Inputs that should change from run to run come from the {@code seed}, which both halves get.
 */
public final class Checks {
    /** How long one check may run unless it asks for more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** The half of a check that runs in the checking JVM: it calls the student's code and returns what it got. */
    @FunctionalInterface
    public interface Ask {
        Answer ask(long seed) throws Exception;
    }

    /** The half that runs in the supervisor: it throws {@link Mismatch} when the answer is not the expected one. */
    @FunctionalInterface
    public interface Judge {
        void judge(Answer answer, long seed) throws Exception;
    }

    private record Check(String name, String hint, Duration timeout, Ask ask, Judge judge) {
    }

    private final String id;
    private final String title;
    private final List<Check> checks = new ArrayList<>();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;

    public Checks(String id, String title) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Adds a check that may run for {@link #DEFAULT_TIMEOUT}. */
    public Checks check(String name, String hint, Ask ask, Judge judge) {
        checks.add(new Check(name, hint, null, ask, judge));
        return this;
    }

    /** Adds a check that needs longer than usual, such as a training run. */
    public Checks check(String name, String hint, Duration timeout, Ask ask, Judge judge) {
        checks.add(new Check(name, hint, timeout, ask, judge));
        return this;
    }

    /** Changes the time limit of the checks that did not choose their own (tests make it short). */
    public Checks defaultTimeout(Duration timeout) {
        this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Runs every check in this JVM (the checker's own tests), prints each outcome and the summary line. */
    public Report run(PrintStream out, boolean onlyFailures) {
        out.println("# " + id + ": " + title);
        long runSeed = new java.security.SecureRandom().nextLong();
        List<Result> results = new ArrayList<>();
        for (int i = 1; i <= checks.size(); i++) {
            long seed = seed(runSeed, i);
            Asked asked = ask(i, seed);
            Attempt attempt = asked.answer() == null ? new Attempt(false, asked.failure(), asked.timedOut())
                    : judge(i, asked.answer(), seed);
            Result result = withHint(i, attempt.passed(), attempt.lines());
            results.add(result);
            if (!result.passed() || !onlyFailures) {
                print(result, out);
            }
        }
        Report report = new Report(List.copyOf(results));
        out.println();
        out.println(report.summary());
        out.flush();
        return report;
    }

    /** The inputs of check {@code number} in a run: both halves of the check get the same seed. */
    static long seed(long runSeed, int number) {
        long z = runSeed + number * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What a check is, without its halves: the supervisor knows these before any student code runs. */
    record Spec(String name, String hint, Duration timeout) {
    }

    /** The verdict on one check: the detail lines hold no hint, the caller adds it. */
    record Attempt(boolean passed, List<String> lines, boolean timedOut) {
    }

    /** What the ask half produced: an answer, or the reason it has none (the student's code threw or hung). */
    record Asked(Answer answer, List<String> failure, boolean timedOut) {
    }

    /** The checks in order, with the time limit each one gets. */
    List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (Check check : checks) {
            specs.add(new Spec(check.name(), check.hint(), check.timeout() != null ? check.timeout() : defaultTimeout));
        }
        return List.copyOf(specs);
    }

    /** The result of check {@code number} (from 1) with the check's own hint added to a failure. */
    Result withHint(int number, boolean passed, List<String> lines) {
        Check check = checks.get(number - 1);
        if (passed) {
            return new Result(number, check.name(), true, List.of());
        }
        List<String> details = new ArrayList<>(lines);
        if (check.hint() != null && !check.hint().isBlank()) {
            details.add("hint:     " + check.hint());
        }
        return new Result(number, check.name(), false, List.copyOf(details));
    }

    /**
     * Runs the ask half of check {@code number} (from 1) on its own daemon thread, within its time limit. A
     * failure is explained on that thread too, so no code of the student's (an exception's getMessage) runs
     * on the caller's.
     */
    Asked ask(int number, long seed) {
        Check check = checks.get(number - 1);
        Duration timeout = check.timeout() != null ? check.timeout() : defaultTimeout;
        AtomicReference<Asked> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                Answer answer = check.ask().ask(seed);
                outcome.set(answer == null ? new Asked(null, List.of("reason:   the check made no answer"), false)
                        : new Asked(answer, List.of(), false));
            } catch (Throwable e) {
                try {
                    outcome.set(new Asked(null, List.copyOf(failureLines(e)), false));
                } catch (Throwable again) {
                    outcome.set(new Asked(null, List.of("reason:   your code threw an exception that could not be described"),
                            false));
                }
            }
        }, id + " check " + number);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Asked(null, List.of("reason:   the checker was interrupted"), false);
        }
        Asked asked = outcome.get();
        if (asked == null) {
            // A daemon thread cannot be killed safely; interrupting it is the polite request to stop.
            thread.interrupt();
            return new Asked(null, List.of(String.format(Locale.ROOT,
                    "reason:   your code did not finish within %s (an endless loop?)", seconds(timeout))), true);
        }
        return asked;
    }

    private static List<String> failureLines(Throwable e) {
        if (e instanceof Mismatch m) {
            return List.of("expected: " + m.expected(), "actual:   " + m.actual());
        }
        return List.of("reason:   " + explain(e));
    }

    /** Runs the judge half of check {@code number} on an answer: trusted code, in the supervisor's JVM. */
    Attempt judge(int number, Answer answer, long seed) {
        Check check = checks.get(number - 1);
        try {
            check.judge().judge(answer, seed);
            return new Attempt(true, List.of(), false);
        } catch (Mismatch m) {
            return new Attempt(false, List.of("expected: " + m.expected(), "actual:   " + m.actual()), false);
        } catch (Exception | StackOverflowError e) {
            return new Attempt(false, List.of("reason:   the answer could not be judged (" + e + ")"), false);
        }
    }

    /** Says what went wrong in the student's code, and where, in one line. */
    static String explain(Throwable e) {
        String where = studentFrame(e);
        String at = where.isEmpty() ? "" : " (at " + where + ")";
        if (e instanceof OutOfMemoryError) {
            return "your code ran out of memory (OutOfMemoryError: " + e.getMessage() + ")" + at;
        }
        String what = e instanceof StackOverflowError
                ? "StackOverflowError: the recursion went too deep (use a loop with an explicit stack)"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof UnsupportedOperationException && String.valueOf(e.getMessage()).startsWith("TODO")) {
            return "not written yet, " + e.getMessage() + at;
        }
        return "your code threw " + what + at;
    }

    /** The first stack frame in a script of the default package, where students write. */
    static String studentFrame(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (!frame.getClassName().contains(".") && frame.getFileName() != null) {
                return frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%s s", d.toMillis() % 1000 == 0
                ? Long.toString(d.toMillis() / 1000) : Double.toString(d.toMillis() / 1000.0));
    }

    static void print(Result result, PrintStream out) {
        String status = result.passed() ? "PASS" : Points.bonus(result.name()) ? "OPEN" : "FAIL";
        out.printf(Locale.ROOT, "%s %2d  %s%n", status, result.number(), result.name());
        for (String line : result.details()) {
            out.println("         " + line);
        }
    }
}
