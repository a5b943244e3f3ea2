package dev.micrograd.exercise;

import java.io.PrintStream;

/**
 * The command line every exercise file shares: it runs the checks of the student's work and
 * exits 0 when all pass, 1 while any fails, 2 on a bad option.
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

    /** Runs the checks from an exercise's command line and exits with the code. */
    public static void main(String[] args, Checks checks) {
        int code = run(args, checks, System.out, System.err);
        if (Boolean.getBoolean(NO_EXIT_PROPERTY)) {
            if (code != 0) {
                throw new Exit(code);
            }
            return;
        }
        System.exit(code);
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
