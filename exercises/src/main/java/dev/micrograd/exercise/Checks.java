package dev.micrograd.exercise;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of one exercise file, run one after another, each on its own daemon thread with a
 * time limit, so a student's exception or endless loop fails that check and nothing else.
 */
public final class Checks {
    /** How long one check may run unless it asks for more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** The body of a check: it calls the student's code and compares with {@link Expect}. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private record Check(String name, String hint, Duration timeout, Body body) {
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
    public Checks check(String name, String hint, Body body) {
        checks.add(new Check(name, hint, null, body));
        return this;
    }

    /** Adds a check that needs longer than usual, such as a training run. */
    public Checks check(String name, String hint, Duration timeout, Body body) {
        checks.add(new Check(name, hint, timeout, body));
        return this;
    }

    /** Changes the time limit of the checks that did not choose their own (tests make it short). */
    public Checks defaultTimeout(Duration timeout) {
        this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Runs every check, prints each outcome as it comes and the summary line, and returns them all. */
    public Report run(PrintStream out, boolean onlyFailures) {
        out.println("# " + id + ": " + title);
        List<Result> results = new ArrayList<>();
        for (int i = 1; i <= checks.size(); i++) {
            Attempt attempt = attempt(i);
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

    /** What a check is, without its body: the supervisor knows these before any student code runs. */
    record Spec(String name, String hint, Duration timeout) {
    }

    /** The outcome of running one check: the detail lines hold no hint, the caller adds it. */
    record Attempt(boolean passed, List<String> lines, boolean timedOut) {
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

    /** Runs check {@code number} (from 1) on its own daemon thread, within its time limit. */
    Attempt attempt(int number) {
        Check check = checks.get(number - 1);
        Duration timeout = check.timeout() != null ? check.timeout() : defaultTimeout;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                check.body().run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, id + " check " + number);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, List.of("reason:   the checker was interrupted"), false);
        }
        if (thread.isAlive()) {
            // A daemon thread cannot be killed safely; interrupting it is the polite request to stop.
            thread.interrupt();
            return new Attempt(false, List.of(String.format(Locale.ROOT,
                    "reason:   your code did not finish within %s (an endless loop?)", seconds(timeout))), true);
        }
        Throwable e = failure.get();
        if (e == null) {
            return new Attempt(true, List.of(), false);
        }
        if (e instanceof Mismatch m) {
            return new Attempt(false, List.of("expected: " + m.expected(), "actual:   " + m.actual()), false);
        }
        return new Attempt(false, List.of("reason:   " + explain(e)), false);
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
        out.printf(Locale.ROOT, "%s %2d  %s%n", result.passed() ? "PASS" : "FAIL", result.number(), result.name());
        for (String line : result.details()) {
            out.println("         " + line);
        }
    }
}
