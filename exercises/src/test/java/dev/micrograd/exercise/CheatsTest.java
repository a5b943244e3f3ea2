package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Files that try to fool the checker or break it, each a solved exercises 3 with one method changed: every
 * one exits non-zero, says why, and keeps the results of the checks its trick did not touch.
 */
class CheatsTest {
    @TempDir
    static Path temp;
    private static ExecutorService pool;
    private static final Map<String, Future<Fixtures.Outcome>> RUNS = new LinkedHashMap<>();
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();
    /** The checks of exercises 3 as declared, so the expected numbers follow the set when it changes. */
    private static final List<Checks.Spec> SPECS = new ExerciseSet("ex03").declared().specs();
    private static final String EVERY_CHECK_PASSED = SPECS.size() + " passed, 0 failed";

    /** The numbers of the checks whose names start with {@code prefix}; fails the test when there are none. */
    private static List<Integer> checksOf(String prefix) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            if (SPECS.get(i).name().startsWith(prefix)) {
                numbers.add(i + 1);
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalStateException("exercises 3 has no check named " + prefix + "...");
        }
        return numbers;
    }

    /** Every check, 1 to the last. */
    private static List<Integer> everyCheck() {
        return IntStream.rangeClosed(1, SPECS.size()).boxed().toList();
    }

    /** The only check that asks task 2 for the slope at x = 3, where {@link #inOneCheck} puts its cheat. */
    private static int slopeAt3() {
        List<Integer> numbers = new ArrayList<>();
        for (int n : checksOf("task 2: ")) {
            if (SPECS.get(n - 1).name().contains("at x = 3 ")) {
                numbers.add(n);
            }
        }
        if (numbers.size() != 1) {
            throw new IllegalStateException("exercises 3 should have one check of the slope at x = 3, not " + numbers);
        }
        return numbers.get(0);
    }

    private static String summary(List<Integer> failed) {
        return (SPECS.size() - failed.size()) + " passed, " + failed.size() + " failed";
    }

    /** The line (from 1) of the first occurrence of {@code piece} in {@code text}. */
    private static int lineOf(String text, String piece) {
        int at = text.indexOf(piece);
        if (at < 0) {
            throw new IllegalStateException("the fixture's source does not contain: " + piece);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The cheat runs when task 2 is asked for the slope at x = 3, which one check does. */
    private static String inOneCheck(String code) {
        return Fixtures.replace(Fixtures.solvedEx03(), Fixtures.SLOPE,
                "if (x == 3.0) { " + code + " }\n        " + Fixtures.SLOPE);
    }

    private static void start(String name, String text) {
        TEXTS.put(name, text);
        Path file = Fixtures.write(temp.resolve(name), "Ex03ManualBackprop.java", text);
        Path junit = temp.resolve(name + ".xml");
        Supervisor.Options options = Fixtures.options(temp.resolve("cache"));
        RUNS.put(name, pool.submit(() -> Fixtures.command(options, "check", file.toString(), "--junit", junit.toString())));
    }

    @BeforeAll
    static void startEveryRun() {
        pool = Executors.newFixedThreadPool(3);
        start("exit", inOneCheck("System.exit(0);"));
        start("halt", inOneCheck("Runtime.getRuntime().halt(0);"));
        start("static", Fixtures.replace(Fixtures.solvedEx03(), Fixtures.EX03_CLASS,
                Fixtures.EX03_CLASS + "\n    static { System.exit(0); }"));
        start("thread", Fixtures.replace(Fixtures.replace(Fixtures.solvedEx03(), Fixtures.TANH, "return 0;"), Fixtures.SLOPE,
                "Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(0)));\n"
                        + "        Thread t = new Thread(() -> { while (true) { System.out.println(\""
                        + EVERY_CHECK_PASSED + "\"); } });\n"
                        + "        t.start();\n        " + Fixtures.SLOPE));
        start("fake", Fixtures.replace(Fixtures.solvedEx03(), Fixtures.SLOPE,
                "System.out.println(\"PASS  1  task 1\\n\\n" + EVERY_CHECK_PASSED + "\");\n"
                        + "        new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true)"
                        + ".println(\"" + EVERY_CHECK_PASSED + "\");\n        return 0;"));
        start("oom", inOneCheck(
                "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) { hog.add(new long[1 << 24]); }"));
        start("loop", inOneCheck("while (true) { }"));
        start("print", inOneCheck("while (true) { System.out.println(\"spam spam spam\"); }"));
        start("broken", Fixtures.replace(Fixtures.solvedEx03(), Fixtures.TANH, "return 1 - o * o"));
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Fixtures.Outcome outcome(String name) throws Exception {
        return RUNS.get(name).get();
    }

    /** The FAIL lines of a transcript, by check number. */
    private static List<Integer> failed(String out) {
        List<Integer> numbers = new ArrayList<>();
        var m = Pattern.compile("(?m)^FAIL +(\\d+)  ").matcher(out);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    @Test
    void systemExitInATaskFailsThatCheckAndTheOthersStillRun() throws Exception {
        Fixtures.Outcome o = outcome("exit");
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of(slopeAt3()), failed(o.out()), o.out());
        assertTrue(o.out().contains("reason:   your code called System.exit(0) at Ex03ManualBackprop.java:"
                + lineOf(TEXTS.get("exit"), "System.exit(0)") + " and ended the checking JVM"), o.out());
        assertEquals(summary(List.of(slopeAt3())), o.lastLine());
    }

    @Test
    void runtimeHaltFailsThatCheck() throws Exception {
        Fixtures.Outcome o = outcome("halt");
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of(slopeAt3()), failed(o.out()), o.out());
        assertTrue(o.out().contains("reason:   your code ended the checking JVM with exit code 0 (Runtime.halt or a crash)"),
                o.out());
        assertEquals(summary(List.of(slopeAt3())), o.lastLine());
    }

    @Test
    void systemExitInAStaticInitializerFailsEveryCheck() throws Exception {
        Fixtures.Outcome o = outcome("static");
        assertEquals(1, o.code(), o.out());
        assertEquals(everyCheck(), failed(o.out()), o.out());
        assertTrue(o.out().contains("reason:   while your class was being initialised, your code called System.exit(0) at "
                + "Ex03ManualBackprop.java:" + lineOf(TEXTS.get("static"), "static { System.exit(0); }")
                + " and ended the checking JVM"), o.out());
        assertEquals(summary(everyCheck()), o.lastLine());
    }

    @Test
    void aThreadLeftRunningAndAShutdownHookChangeNothing() throws Exception {
        Fixtures.Outcome o = outcome("thread");
        // The slope of task 2 still works; tanh's local gradient of task 3 is 0, and task 4 uses it for n.grad.
        List<Integer> expected = new ArrayList<>(checksOf("task 3: "));
        expected.addAll(checksOf("task 4: "));
        assertEquals(1, o.code(), o.out());
        assertEquals(expected, failed(o.out()), o.out());
        assertEquals(summary(expected), o.lastLine());
    }

    @Test
    void aPrintedSummaryIsShownAsPrintedAndTheRealOneComesLast() throws Exception {
        Fixtures.Outcome o = outcome("fake");
        assertEquals(1, o.code(), o.out());
        assertEquals(checksOf("task 2: "), failed(o.out()), o.out());
        assertTrue(o.out().contains("         printed:  PASS  1  task 1\n"), o.out());
        assertFalse(Pattern.compile("(?m)^(PASS  1  task 1|" + EVERY_CHECK_PASSED + ")$").matcher(o.out()).find(), o.out());
        assertEquals(summary(checksOf("task 2: ")), o.lastLine());
    }

    @Test
    void runningOutOfMemoryIsReportedAsSuch() throws Exception {
        Fixtures.Outcome o = outcome("oom");
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of(slopeAt3()), failed(o.out()), o.out());
        assertTrue(o.out().contains("reason:   your code ran out of memory (OutOfMemoryError: Java heap space) "
                + "(at Ex03ManualBackprop.java:"
                + lineOf(TEXTS.get("oom"), "hog.add") + ")"), o.out());
        assertEquals(summary(List.of(slopeAt3())), o.lastLine());
    }

    @Test
    void anEndlessLoopFailsAtTheTimeLimit() throws Exception {
        Fixtures.Outcome o = outcome("loop");
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of(slopeAt3()), failed(o.out()), o.out());
        String limit = Checks.seconds(SPECS.get(slopeAt3() - 1).timeout());
        assertTrue(o.out().contains("reason:   your code did not finish within " + limit + " (an endless loop?)"), o.out());
        assertEquals(summary(List.of(slopeAt3())), o.lastLine());
    }

    @Test
    void endlessPrintingIsCutAndCannotBuryTheSummary() throws Exception {
        Fixtures.Outcome o = outcome("print");
        assertEquals(1, o.code(), o.out());
        assertEquals(List.of(slopeAt3()), failed(o.out()), o.out());
        assertTrue(o.out().length() < 10_000, "the transcript has " + o.out().length() + " characters");
        assertTrue(Pattern.compile("\n {19}\\.\\.\\. \\(\\d+ more lines\\)\n").matcher(o.out()).find(), o.out());
        assertEquals(summary(List.of(slopeAt3())), o.lastLine());
    }

    @Test
    void aFileThatDoesNotCompileFailsEveryCheckWithTheCompilerError() throws Exception {
        Fixtures.Outcome o = outcome("broken");
        assertEquals(1, o.code(), o.out());
        assertTrue(o.out().contains("Your file does not compile:\n  Ex03ManualBackprop.java:"
                + lineOf(TEXTS.get("broken"), "return 1 - o * o") + ": error: ';' expected\n"), o.out());
        assertEquals(everyCheck(), failed(o.out()), o.out());
        assertEquals(summary(everyCheck()), o.lastLine());
    }

    @Test
    void theJUnitReportMatchesThePrintedSummary() throws Exception {
        for (String name : RUNS.keySet()) {
            Fixtures.Outcome o = outcome(name);
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(temp.resolve(name + ".xml").toFile());
            Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
            NodeList cases = xml.getElementsByTagName("testcase");
            List<Integer> failedCases = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                assertTrue(o.out().contains("  " + c.getAttribute("name") + "\n"), name + ": " + c.getAttribute("name"));
                NodeList failure = c.getElementsByTagName("failure");
                if (failure.getLength() > 0) {
                    failedCases.add(i + 1);
                    String text = failure.item(0).getTextContent();
                    assertTrue(text.contains("hint:     "), name + ": " + text);
                    assertTrue(text.contains("reason:   ") || text.contains("expected: ") && text.contains("actual:   "),
                            name + ": " + text);
                }
            }
            int passed = cases.getLength() - failedCases.size();
            assertEquals(passed + " passed, " + failedCases.size() + " failed", o.lastLine(), name);
            assertEquals(failed(o.out()), failedCases, name);
            assertEquals(Integer.toString(cases.getLength()), suite.getAttribute("tests"), name);
            assertEquals(Integer.toString(failedCases.size()), suite.getAttribute("failures"), name);
        }
    }
}
