package dev.micrograd.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line every exercise file shares. Started from the file itself it hands over to the supervised
 * {@link Checker}; {@link #run} checks in this JVM, for the checker's own tests.
 */
public final class Exercise {
    /** Set this system property to have {@link #main} throw {@link Exit} instead of exiting the JVM. */
    public static final String NO_EXIT_PROPERTY = "micrograd.exercise.noExit";

    /** Thrown by {@link #main} instead of exiting when {@link #NO_EXIT_PROPERTY} is set. */
    public static final class Exit extends RuntimeException {
        private final int code;

        Exit(int code) {
            super("exercise exited with code " + code);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private Exercise() {
    }

    /**
     * Runs when an exercise file is started directly (JBang, an IDE): the checks must not run in this JVM,
     * which the student's code owns, so this hands the file to the supervised checker and exits with its code.
     */
    public static void main(String[] args, Checks checks) {
        int code = delegate(args, checks, System.err);
        if (Boolean.getBoolean(NO_EXIT_PROPERTY)) {
            if (code != 0) {
                throw new Exit(code);
            }
            return;
        }
        System.exit(code);
    }

    /** Starts the checker on the calling exercise file in a new JVM and returns its exit code. */
    static int delegate(String[] args, Checks checks, PrintStream err) {
        Optional<Path> source = StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName).filter(name -> name.indexOf('.') < 0).findFirst())
                .flatMap(Exercise::sourceOf);
        if (source.isEmpty()) {
            err.println("Check this file with ./jbang " + checks.id() + " (from the repository): the checks run in a"
                    + " separate, supervised JVM, never in the file's own.");
            return 2;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Checker.class.getName(), "check", source.get().toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            err.println("error: cannot start the checker: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** {@code exercises/starters/NAME.java} or {@code exercises/solutions/NAME.java} of the repository. */
    private static Optional<Path> sourceOf(String className) {
        return ExerciseSet.starters().flatMap(starters -> Stream.of(starters, starters.resolveSibling("solutions"))
                .map(dir -> dir.resolve(className + ".java")).filter(Files::isRegularFile).findFirst());
    }

    /** Runs the checks and returns the exit code: 0 all passed, 1 some failed, 2 bad command line. */
    public static int run(String[] args, Checks checks, PrintStream out, PrintStream err) {
        boolean onlyFailures = false;
        for (String arg : args) {
            switch (arg) {
                case "-h": case "--help":
                    out.print(usage(checks));
                    return 0;
                case "-f": case "--failures":
                    onlyFailures = true;
                    break;
                default:
                    err.println("error: unknown option '" + arg + "'");
                    err.print(usage(checks));
                    return 2;
            }
        }
        return checks.run(out, onlyFailures).failed() == 0 ? 0 : 1;
    }

    private static String usage(Checks checks) {
        return "Usage: ./jbang " + checks.id() + " [--failures] [--help]\n"
                + "  Checks your work on the exercises '" + checks.title() + "': prints PASS or FAIL per check,\n"
                + "  with the expected and the actual answer and a hint, then 'N passed, N failed'.\n"
                + "  --failures  print only the checks that fail, and the summary\n"
                + "  --help      show this help\n"
                + "Exit code: 0 all checks pass, 1 some check fails, 2 bad options.\n";
    }
}
