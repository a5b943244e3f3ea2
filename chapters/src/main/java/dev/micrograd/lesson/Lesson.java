package dev.micrograd.lesson;

import dev.micrograd.engine.Value;
import dev.micrograd.viz.GraphRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every chapter script shares: its command line, printing each step under a caption,
 * writing each step's text and graphs for the site, and checking the numbers it teaches.
 *
 * <p>A chapter's {@code main} calls {@link #main}; the body then runs top to bottom like a
 * notebook. A failed check stops the chapter with a clear message and a non-zero exit code.
 */
public final class Lesson {
    /** Set this system property to have {@link #main} throw {@link Exit} instead of exiting the JVM. */
    public static final String NO_EXIT_PROPERTY = "micrograd.lesson.noExit";

    /** The folder under the current directory where outputs go without {@code --out}. */
    public static final String DEFAULT_OUT = "micrograd-output";

    /** The body of a chapter. */
    @FunctionalInterface
    public interface Body {
        void teach(Lesson lesson) throws Exception;
    }

    /** Thrown by a check that fails: the number the chapter teaches is not what it computed. */
    public static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }

    /** Thrown by {@link #main} instead of exiting when {@link #NO_EXIT_PROPERTY} is set. */
    public static final class Exit extends RuntimeException {
        private final int code;

        Exit(int code) {
            super("chapter exited with code " + code);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final String chapter;
    private final Path dir;
    private final PrintStream out;
    private final boolean quiet;
    private int checks;
    private int graphs;

    private Lesson(String chapter, Path dir, PrintStream out, boolean quiet) {
        this.chapter = chapter;
        this.dir = dir;
        this.out = out;
        this.quiet = quiet;
    }

    /** Runs a chapter from its command line and exits with its code (0 when all went well). */
    public static void main(String[] args, String chapter, String title, Body body) {
        int code = run(args, chapter, title, body, System.out, System.err);
        if (Boolean.getBoolean(NO_EXIT_PROPERTY)) {
            if (code != 0) {
                throw new Exit(code);
            }
            return;
        }
        System.exit(code);
    }

    /** Runs a chapter and returns its exit code: 0 done, 1 failed, 2 bad command line. */
    public static int run(String[] args, String chapter, String title, Body body, PrintStream out, PrintStream err) {
        Path outRoot = Path.of(DEFAULT_OUT);
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h": case "--help":
                    out.print(usage(chapter, title));
                    return 0;
                case "-q": case "--quiet":
                    quiet = true;
                    break;
                case "--out":
                    if (i + 1 == args.length || args[i + 1].isBlank()) {
                        err.println("error: --out needs a folder");
                        err.print(usage(chapter, title));
                        return 2;
                    }
                    outRoot = Path.of(args[++i]);
                    break;
                default:
                    err.println("error: unknown option '" + args[i] + "'");
                    err.print(usage(chapter, title));
                    return 2;
            }
        }
        Path dir = outRoot.resolve(chapter).toAbsolutePath().normalize();
        FileTime started;
        try {
            Files.createDirectories(dir);
            // A name of our own, not createTempFile, whose SecureRandom costs a short chapter a tenth of a second.
            Path probe = dir.resolve(".write-check-" + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            // The file system's own clock, to tell the pictures of this run from those of an earlier one.
            started = Files.getLastModifiedTime(probe);
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            err.println("error: cannot write the outputs to " + dir + " (" + reason(e) + ")");
            return 1;
        }
        Lesson lesson = new Lesson(chapter, dir, out, quiet);
        lesson.say("# " + chapter + ": " + title + "\n");
        try {
            body.teach(lesson);
        } catch (CheckFailed e) {
            err.println("error: " + chapter + " teaches a wrong number: " + e.getMessage());
            return 1;
        } catch (GraphRenderer.RenderException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception | StackOverflowError e) {
            err.println("error: " + chapter + " stopped: " + reason(e));
            return 1;
        }
        lesson.say(String.format(Locale.ROOT, "%n%s done: %d check%s passed, %s drawn. Outputs in %s%n",
                chapter, lesson.checks, lesson.checks == 1 ? "" : "s",
                drawn(lesson.graphs, picturesSince(dir, started) - lesson.graphs), dir));
        return 0;
    }

    /** What a run drew, as its summary says it: "3 graphs", "4 charts", "7 graphs and 1 chart". */
    static String drawn(int graphs, int charts) {
        String g = graphs + (graphs == 1 ? " graph" : " graphs");
        String c = charts + (charts == 1 ? " chart" : " charts");
        if (charts <= 0) {
            return g;
        }
        return graphs == 0 ? c : g + " and " + c;
    }

    /** The SVG files in a folder written since a time: the graphs drawn and the charts the chapter wrote itself. */
    private static int picturesSince(Path dir, FileTime since) {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".svg")).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(since) >= 0;
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String usage(String chapter, String title) {
        return "Usage: ./jbang " + chapter + " [--out DIR] [--quiet] [--help]\n"
                + "  Runs the chapter '" + title + "': prints each step and checks every number it teaches.\n"
                + "  --out DIR  write each step's text and graphs (DOT and SVG) to DIR/" + chapter
                + " (default: ./" + DEFAULT_OUT + ")\n"
                + "  --quiet    print only errors\n"
                + "  --help     show this help\n"
                + "Exit code: 0 done, 1 a check or an output failed, 2 bad options.\n";
    }

    private static String reason(Throwable e) {
        // A file system error's message is often only the path; say what went wrong with it.
        if (e instanceof NoSuchFileException) {
            return ((NoSuchFileException) e).getFile() + " does not exist and cannot be created";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof FileAlreadyExistsException) {
            return ((FileAlreadyExistsException) e).getFile() + " is a file, not a folder";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The folder this chapter writes to. */
    public Path dir() {
        return dir;
    }

    /**
     * Prints a step under its caption and writes the same text to {@code step.txt} for the site.
     *
     * @param step a kebab-case name, unique within the chapter
     */
    public void show(String step, String caption, Object text) {
        String body = String.valueOf(text);
        if (!body.endsWith("\n")) {
            body += "\n";
        }
        say("\n== " + caption + "\n" + body);
        write(step + ".txt", body);
    }

    /** Writes {@code step.dot} and {@code step.svg}, the drawing of the graph behind {@code root}. */
    public void graph(String step, String caption, Value root) {
        try {
            GraphRenderer.render(root, dir, step, GraphRenderer.Picture.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph " + step + " to " + dir, e);
        }
        graphs++;
        say("\n== " + caption + "\n(graph: " + dir.resolve(step + ".svg") + ")\n");
    }

    /**
     * Writes {@code step.dot} and {@code step.svg} from DOT text, such as the lecture's {@code Value.dot()}.
     */
    public void graph(String step, String caption, String dot) {
        draw(step, dot);
        say("\n== " + caption + "\n(graph: " + dir.resolve(step + ".svg") + ")\n");
    }

    /**
     * The same DOT text laid out from top to bottom with its ranks close together, so that a long graph, or a
     * sequence of graphs side by side, fits the width of a page.
     */
    public static String topToBottom(String dot) {
        if (!dot.contains("rankdir=LR;")) {
            throw new IllegalArgumentException("the DOT text has no 'rankdir=LR;' to turn: " + dot);
        }
        return dot.replace("rankdir=LR;", "rankdir=TB; ranksep=0.25;");
    }

    /** One picture of a sequence: what it shows, and the graph as DOT text. */
    public record Frame(String caption, String dot) {
        public Frame {
            Objects.requireNonNull(dot, "a frame needs DOT text");
            if (caption == null || caption.isBlank() || caption.matches("(?s).*[\"\\]\n].*")) {
                throw new IllegalArgumentException("a frame's caption must be one line of text without \" or ],"
                        + " got: " + caption);
            }
        }
    }

    /**
     * Draws a sequence of pictures, {@code step-01.svg}, {@code step-02.svg}, ..., and writes {@code step.adoc},
     * the sequence as Asciidoctor image blocks (each alt text its whole caption) for a page to include.
     */
    public void frames(String step, String caption, List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("the sequence " + step + " has no frames");
        }
        StringBuilder adoc = new StringBuilder("[.frames]\n--\n");
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            String name = String.format(Locale.ROOT, "%s-%02d", step, i + 1);
            draw(name, frame.dot());
            String title = String.format(Locale.ROOT, "%d of %d: %s", i + 1, frames.size(), frame.caption());
            // A pass macro keeps Asciidoctor from reading a label such as x1*w1 as markup.
            adoc.append(".pass:[").append(title).append("]\n")
                    .append("[caption=\"\"]\n")
                    .append("image::").append(chapter).append('/').append(name).append(".svg[\"")
                    .append(title).append("\"]\n\n");
            printed.append(title).append("\n(graph: ").append(dir.resolve(name + ".svg")).append(")\n");
        }
        adoc.setLength(adoc.length() - 1);
        write(step + ".adoc", adoc.append("--\n").toString());
        say("\n== " + caption + "\n" + printed);
    }

    /** A number the reader predicts before the page shows it: what it is, the chapter's answer, and a hint. */
    public record Prediction(String what, double answer, String hint) {
    }

    /**
     * Writes {@code step.adoc}, a small form in which the reader types each prediction and the page checks it
     * against the answer this run computed (the site's {@code theme/predict.js} does the checking).
     */
    public void predict(String step, String caption, List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("the prediction " + step + " asks for nothing");
        }
        StringBuilder html = new StringBuilder("[pass,subs=attributes]\n++++\n<form class=\"mg-predict\" autocomplete=\"off\">\n")
                .append("<p><strong>").append(html(caption)).append("</strong></p>\n");
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            String id = chapter + "-" + step + "-" + (i + 1);
            html.append("<div class=\"mg-predict-row\" data-answer=\"").append(p.answer())
                    .append("\" data-hint=\"").append(html(p.hint())).append("\">")
                    .append("<label for=\"").append(id).append("\">").append(html(p.what())).append("</label>")
                    .append("<input id=\"").append(id).append("\" type=\"text\" inputmode=\"decimal\">")
                    .append("<span class=\"mg-verdict\" aria-live=\"polite\"></span></div>\n");
            printed.append(p.what()).append(" = ").append(p.answer()).append('\n');
        }
        html.append("<button type=\"submit\">Check</button>")
                .append("<button type=\"button\" class=\"mg-reveal\">Show the answers</button>")
                .append(" <span class=\"mg-score\" aria-live=\"polite\"></span>\n</form>\n")
                .append("<script defer src=\"{site-root}theme/predict.js\"></script>\n++++\n");
        write(step + ".adoc", html.toString());
        say("\n== " + caption + "\n" + printed);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void draw(String name, String dot) {
        try {
            GraphRenderer.renderDot(dot, dir, name, GraphRenderer.Picture.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph " + name + " to " + dir, e);
        }
        graphs++;
    }

    /** Checks a number the chapter teaches, within {@code tolerance}; a mismatch stops the chapter. */
    public void check(String what, double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new CheckFailed(String.format(Locale.ROOT, "%s: expected %s, computed %s (tolerance %s)",
                    what, expected, actual, tolerance));
        }
        checks++;
    }

    /** Checks a number exactly. */
    public void check(String what, double expected, double actual) {
        check(what, expected, actual, 0);
    }

    /** Checks something that is not a number, such as an op or a dtype. */
    public void check(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new CheckFailed(what + ": expected " + expected + ", got " + actual);
        }
        checks++;
    }

    private void say(String text) {
        if (!quiet) {
            out.print(text);
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }
}
