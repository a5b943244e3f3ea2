package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The checker itself: a student's mistake is a failed check with a reason, never a crash. */
class ChecksTest {
    /** A judge that accepts the answer "ok", for checks whose ask is the point of the test. */
    private static final Checks.Judge OK = (a, seed) -> Expect.equal("ok", a.text());
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void printsPassAndFailWithExpectedActualAndHintThenTheSummary() {
        Report report = new Checks("ex99", "Demo")
                .check("right", "no hint needed", seed -> Answer.number(0.5), (a, seed) -> Expect.near(0.5, a.number(), 0))
                .check("wrong", "think again", seed -> Answer.number(0.25), (a, seed) -> Expect.near(0.5, a.number(), 1e-9))
                .run(out, false);
        assertEquals("# ex99: Demo\n"
                + "PASS  1  right\n"
                + "FAIL  2  wrong\n"
                + "         expected: 0.500000 (within 1e-9)\n"
                + "         actual:   0.250000\n"
                + "         hint:     think again\n"
                + "\n"
                + "1 passed, 1 failed\n", output());
        assertEquals(List.of(true, false), report.results().stream().map(Result::passed).toList());
    }

    @Test
    void anExceptionFailsOnlyItsCheckAndNamesTheReason() {
        Report report = new Checks("ex99", "Demo")
                .check("throws", "", seed -> {
                    throw new IllegalStateException("boom");
                }, OK)
                .check("after", "", seed -> Answer.text("a"), (a, seed) -> Expect.equal("a", a.text()))
                .run(out, false);
        assertEquals("1 passed, 1 failed", report.summary());
        assertTrue(output().contains("reason:   your code threw IllegalStateException: boom\n"), output());
    }

    @Test
    void aTodoIsReportedAsNotWrittenYet() {
        new Checks("ex99", "Demo").check("todo", "", seed -> {
            throw new UnsupportedOperationException("TODO: task 1");
        }, OK).run(out, false);
        assertTrue(output().contains("reason:   not written yet, TODO: task 1\n"), output());
    }

    @Test
    void aDeepRecursionIsAFailedCheck() {
        Report report = new Checks("ex99", "Demo").check("recursion", "", seed -> Answer.number(recurse(0)), OK).run(out, false);
        assertEquals(1, report.failed());
        assertTrue(output().contains("StackOverflowError: the recursion went too deep"), output());
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void anEndlessLoopFailsAfterTheTimeoutAndTheNextCheckStillRuns() {
        long start = System.nanoTime();
        Report report = new Checks("ex99", "Demo")
                .defaultTimeout(Duration.ofMillis(200))
                .check("loops", "look at the loop condition", seed -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    return Answer.text("ok");
                }, OK)
                .check("after", "", Duration.ofSeconds(30), seed -> Answer.text("ok"), OK)
                .run(out, false);
        assertEquals(List.of(false, true), report.results().stream().map(Result::passed).toList());
        assertTrue(output().contains("reason:   your code did not finish within 0.2 s (an endless loop?)"), output());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the timeout was not honoured");
    }

    @Test
    void theJudgeDecidesAndAnAnswerCannotSayItPassed() {
        Report report = new Checks("ex99", "Demo")
                .check("claims", "", seed -> Answer.text("pass"), (a, seed) -> Expect.near(6, a.number(), 1e-9))
                .check("seeded", "", seed -> Answer.number(seed), (a, seed) -> Expect.near(seed, a.number(), 0))
                .run(out, false);
        assertEquals(List.of(false, true), report.results().stream().map(Result::passed).toList());
        assertTrue(output().contains("expected: a number\n         actual:   'pass', not a number\n"), output());
    }

    @Test
    void eachCheckOfARunGetsItsOwnSeedAndEachRunOthers() {
        assertEquals(Checks.seed(7, 1), Checks.seed(7, 1));
        assertTrue(Checks.seed(7, 1) != Checks.seed(7, 2) && Checks.seed(7, 1) != Checks.seed(8, 1));
    }

    @Test
    void anExceptionsOwnMessageRunsOnTheChecksThreadNotTheCallers() {
        Thread caller = Thread.currentThread();
        Thread[] describedOn = new Thread[1];
        RuntimeException sneaky = new RuntimeException() {
            @Override
            public String getMessage() {
                describedOn[0] = Thread.currentThread();
                return "sneaky";
            }
        };
        Checks.Asked asked = new Checks("ex99", "Demo").check("throws", "", seed -> {
            throw sneaky;
        }, OK).ask(1, 0);
        assertEquals(List.of("reason:   your code threw : sneaky"), asked.failure());
        assertTrue(describedOn[0] != null && describedOn[0] != caller, "described on " + describedOn[0]);
    }

    @Test
    void aWrongTypeShowsBothTypes() {
        new Checks("ex99", "Demo").check("type", "", seed -> Answer.text("ok"), (a, seed) -> Expect.equal(3, 3L)).run(out, false);
        assertTrue(output().contains("expected: 3 (Integer)\n         actual:   3 (Long)\n"), output());
    }

    @Test
    void numbersUseAPointInEveryLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("-2.500000", Expect.number(-2.5));
            assertEquals("1.234568e+08", Expect.number(123456789));
            assertEquals("[0.500000, 1.000000e-05]", Expect.numbers(new double[] {0.5, 1e-5}));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void failuresOnlyHidesThePassedChecksButKeepsTheSummary() {
        new Checks("ex99", "Demo")
                .check("right", "", seed -> Answer.number(1), (a, seed) -> Expect.equal(1, a.integer()))
                .check("wrong", "", seed -> Answer.number(2), (a, seed) -> Expect.equal(1, a.integer()))
                .run(out, true);
        assertEquals("# ex99: Demo\nFAIL  2  wrong\n         expected: 1\n         actual:   2\n\n1 passed, 1 failed\n",
                output());
    }

    @Test
    void theCommandLineExitsZeroOneOrTwo() {
        Checks passing = new Checks("ex99", "Demo").check("right", "", seed -> Answer.number(1), (a, seed) -> Expect.equal(1, a.integer()));
        Checks failing = new Checks("ex99", "Demo").check("wrong", "", seed -> Answer.number(2), (a, seed) -> Expect.equal(1, a.integer()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Exercise.run(new String[0], passing, out, errStream));
        assertEquals(1, Exercise.run(new String[0], failing, out, errStream));
        assertEquals(2, Exercise.run(new String[] {"--bogus"}, passing, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: unknown option '--bogus'"));
        bytes.reset();
        assertEquals(0, Exercise.run(new String[] {"--help"}, failing, out, errStream));
        assertTrue(output().startsWith("Usage: ./jbang ex99 [--failures] [--help]\n"), output());
    }

    @Test
    void mainOutsideAnExerciseFileSaysToUseTheCheckerAndNeverRunsTheChecks() {
        boolean[] ran = {false};
        Checks checks = new Checks("ex99", "Demo").check("would pass", "", seed -> {
            ran[0] = true;
            return Answer.text("ok");
        }, OK);
        PrintStream console = System.err;
        System.setErr(out);
        try {
            Exercise.Exit exit = org.junit.jupiter.api.Assertions.assertThrows(Exercise.Exit.class,
                    () -> Exercise.main(new String[0], checks));
            assertEquals(2, exit.code());
        } finally {
            System.setErr(console);
        }
        assertEquals(false, ran[0]);
        assertTrue(output().startsWith("Check this file with ./jbang ex99 (from the repository): the checks run in a"
                + " separate, supervised JVM, never in the file's own.\n"), output());
    }
}
