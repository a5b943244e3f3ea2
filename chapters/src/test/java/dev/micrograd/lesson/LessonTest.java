package dev.micrograd.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chapter draws graphs from DOT text, and sequences of frames a page includes as one block. */
class LessonTest {
    static final String DOT = "digraph G {\n  a [label=\"a\"];\n  b [label=\"b\"];\n  a -> b;\n}\n";

    @TempDir
    Path tmp;

    private int run(Lesson.Body body, ByteArrayOutputStream err) {
        return Lesson.run(new String[] {"--out", tmp.toString(), "--quiet"}, "ch99", "Test", body,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAPredictionFormWithTheRunsAnswersEscaped() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(lesson -> lesson.predict("guess", "Guess <these>", List.of(
                new Lesson.Prediction("a.grad", -1.5, "the \"other\" operand & more"))), err), err.toString());
        String adoc = Files.readString(tmp.resolve("ch99/guess.adoc"));
        assertTrue(adoc.startsWith("[pass,subs=attributes]\n++++\n<form class=\"mg-predict\""), adoc);
        assertTrue(adoc.contains("<strong>Guess &lt;these&gt;</strong>"), adoc);
        assertTrue(adoc.contains("data-answer=\"-1.5\" data-hint=\"the &quot;other&quot; operand &amp; more\">"
                + "<label for=\"ch99-guess-1\">a.grad</label><input id=\"ch99-guess-1\""), adoc);
        assertTrue(adoc.endsWith("<script defer src=\"{site-root}theme/predict.js\"></script>\n++++\n"), adoc);
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        assertEquals(1, run(lesson -> lesson.predict("none", "Nothing", List.of()), empty));
        assertTrue(empty.toString().contains("the prediction none asks for nothing"), empty.toString());
    }

    @Test
    void drawsDotText() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(lesson -> lesson.graph("pair", "A pair", DOT), err), err.toString());
        assertEquals(DOT, Files.readString(tmp.resolve("ch99/pair.dot")));
        assertTrue(Files.readString(tmp.resolve("ch99/pair.svg")).contains("<svg"));
    }

    @Test
    void drawsFramesAndTheBlockThatShowsThem() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Lesson.Frame> frames = List.of(new Lesson.Frame("x1*w1's step ran", DOT),
                new Lesson.Frame("b, done", DOT.replace("\"b\"", "\"b2\"")));
        assertEquals(0, run(lesson -> lesson.frames("steps", "Two steps", frames), err), err.toString());
        assertEquals("[.frames]\n--\n"
                + ".pass:[1 of 2: x1*w1's step ran]\n"
                + "[caption=\"\"]\n"
                + "image::ch99/steps-01.svg[\"1 of 2: x1*w1's step ran\"]\n\n"
                + ".pass:[2 of 2: b, done]\n"
                + "[caption=\"\"]\n"
                + "image::ch99/steps-02.svg[\"2 of 2: b, done\"]\n"
                + "--\n", Files.readString(tmp.resolve("ch99/steps.adoc")));
        assertTrue(Files.readString(tmp.resolve("ch99/steps-02.dot")).contains("b2"));
        assertTrue(Files.isRegularFile(tmp.resolve("ch99/steps-01.svg")));
    }

    @Test
    void aCaptionThatWouldBreakTheBlockIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Lesson.Frame("say \"hi\"", DOT));
        assertThrows(IllegalArgumentException.class, () -> new Lesson.Frame("a ] b", DOT));
        assertThrows(IllegalArgumentException.class, () -> new Lesson.Frame("two\nlines", DOT));
        assertThrows(IllegalArgumentException.class, () -> new Lesson.Frame(" ", DOT));
    }

    @Test
    void topToBottomTurnsALeftToRightGraph() {
        assertEquals("digraph G {\n  rankdir=TB; ranksep=0.25;\n}\n", Lesson.topToBottom("digraph G {\n  rankdir=LR;\n}\n"));
        assertThrows(IllegalArgumentException.class, () -> Lesson.topToBottom(DOT));
    }

    @Test
    void anEmptySequenceStopsTheChapter() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(lesson -> lesson.frames("none", "Nothing", List.of()), err));
        assertTrue(err.toString().contains("the sequence none has no frames"), err.toString());
    }

    @Test
    void theSummaryCountsTheGraphsAndTheChartsThisRunWrote() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ch99"));
        Path stale = Files.writeString(dir.resolve("old-chart.svg"), "<svg/>");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Lesson.run(new String[] {"--out", tmp.toString()}, "ch99", "Test", lesson -> {
            lesson.graph("g", "A graph", DOT);
            Files.writeString(lesson.dir().resolve("chart-1.svg"), "<svg/>");
            Files.writeString(lesson.dir().resolve("chart-2.svg"), "<svg/>");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("ch99 done: 0 checks passed, 1 graph and 2 charts drawn."), printed);
    }

    @Test
    void drawnSaysWhatThereIs() {
        assertEquals("0 graphs", Lesson.drawn(0, 0));
        assertEquals("1 graph", Lesson.drawn(1, 0));
        assertEquals("4 charts", Lesson.drawn(0, 4));
        assertEquals("7 graphs and 1 chart", Lesson.drawn(7, 1));
    }
}
