package dev.micrograd.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Exercise files for the checker's tests, made from the real starters and solutions in temporary folders. */
final class Fixtures {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path STARTERS = MODULE.resolve("starters");
    static final Path SOLUTIONS = MODULE.resolve("solutions");
    static final String SLOPE = "return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;";
    static final String TANH = "return 1 - o * o;";
    static final String EX03_CLASS = "class Ex03ManualBackprop implements Ex03Checks.Tasks<Ex03ManualBackprop.Value> {";

    private Fixtures() {
    }

    /** The declared time limits, a small heap, and a compile cache for each test class. */
    static Supervisor.Options options(Path cache) {
        return new Supervisor.Options(null, 96, cache, 4);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The solution of exercises 3 under the starter's name, so that it is the student's file. */
    static String solvedEx03() {
        return read(SOLUTIONS.resolve("Ex03ManualBackpropSolution.java")).replace("Ex03ManualBackpropSolution", "Ex03ManualBackprop");
    }

    /** The solved file with one piece of code replaced; fails the test when the piece is not there. */
    static String replace(String text, String piece, String with) {
        if (!text.contains(piece)) {
            throw new IllegalStateException("the fixture's source no longer contains: " + piece);
        }
        return text.replace(piece, with);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed and returned. */
    record Outcome(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Outcome command(Supervisor.Options options, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Checker.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), options);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
