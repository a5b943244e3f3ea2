package dev.micrograd.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the trusted checker: {@code exNN}, {@code check}, {@code grade} and {@code learn}.
 * Exit codes: 0 every check passed (or the command did its job), 1 some check failed, 2 bad usage.
 */
public final class Checker {
    private Checker() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Supervisor.Options.defaults()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Supervisor.Options options) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "check" -> check(null, rest, out, err, options);
                case "grade" -> grade(rest, out, err, options);
                case "learn" -> learn(rest, out, err, options);
                default -> {
                    Optional<ExerciseSet> set = ExerciseSet.ofId(args[0]);
                    if (set.isEmpty()) {
                        err.println("error: unknown exercise set or command '" + args[0] + "'");
                        err.print(USAGE);
                        yield 2;
                    }
                    yield check(set.get(), rest, out, err, options);
                }
            };
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 2;
        }
    }

    static final String USAGE = """
            Usage: ./jbang exNN [FILE] [--failures] [--junit REPORT.xml] [--sandbox]
                   ./jbang check FILE [--failures] [--junit REPORT.xml] [--sandbox]
                   ./jbang grade DIR [--only ex01,ex03] [--jobs N] [--limit SECONDS] [--sandbox]
                                  [--similarity]
                   ./jbang learn [--watch]
              exNN     checks exercises/starters/ExNN*.java (or FILE) in a separate, supervised JVM: PASS or FAIL
                       per check with the expected and the actual answer and a hint, then 'N passed, N failed'
              check    the same for the exercise file FILE (ExNN...java)
              --failures  print only the checks that fail, and the summary
              --junit     also write the results as JUnit XML, one test case per check
              grade    checks every student's folder in DIR (a copy of exercises/starters each) and writes DIR/grades.csv,
                       rewritten after each student: points per set (see the teachers' page), a note per student
              --limit     grade: the time one file may take in all (default 300 s)
              --similarity  grade: then the most similar pairs of files per set (JPlag), to read side by side
              --sandbox   fail unless the checks can run in a bubblewrap sandbox (Linux); used when available anyway
              learn    shows how far every set has got and the next check to do; --watch re-checks a file on save
            Exit code: 0 every check passes, 1 some check fails, 2 bad usage.
            """;

    private static int check(ExerciseSet set, List<String> args, PrintStream out, PrintStream err,
                             Supervisor.Options options) throws IOException {
        boolean onlyFailures = false;
        Path junit = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "-f", "--failures" -> onlyFailures = true;
                case "--sandbox" -> options = options.withSandbox(true);
                case "--junit" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
                        err.println("error: --junit needs a file name");
                        return 2;
                    }
                    junit = Path.of(args.get(++i));
                }
                default -> {
                    if (arg.startsWith("-") || file != null) {
                        err.println("error: unknown option '" + arg + "'");
                        err.print(USAGE);
                        return 2;
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            if (set == null) {
                err.println("error: check needs the exercise file, e.g. ./jbang check exercises/starters/Ex03ManualBackprop.java");
                return 2;
            }
            Optional<Path> starters = ExerciseSet.starters();
            Optional<Path> found = starters.flatMap(set::fileIn);
            if (found.isEmpty()) {
                err.println("error: cannot find exercises/starters/Ex" + set.id().substring(2) + "*.java above "
                        + Path.of("").toAbsolutePath() + "; give the file: ./jbang " + set.id() + " path/to/Ex"
                        + set.id().substring(2) + "....java");
                return 2;
            }
            file = found.get();
        }
        if (!Files.isRegularFile(file)) {
            err.println("error: no such file: " + file);
            return 2;
        }
        Optional<ExerciseSet> ofFile = ExerciseSet.ofFile(file);
        if (ofFile.isEmpty() || set != null && !ofFile.get().equals(set)) {
            err.println("error: " + file.getFileName() + " is not " + (set == null ? "an exercise file (ExNN...java)"
                    : "an exercise file of " + set.id() + " (Ex" + set.id().substring(2) + "...java)"));
            return 2;
        }
        Run run = Supervisor.check(file, options);
        run.print(out, onlyFailures);
        if (junit != null) {
            JUnitReport.write(run, junit);
        }
        return run.allPassed() ? 0 : 1;
    }

    private static int grade(List<String> args, PrintStream out, PrintStream err, Supervisor.Options options)
            throws IOException, InterruptedException {
        Path dir = null;
        List<ExerciseSet> sets = ExerciseSet.all();
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        boolean sandbox = false;
        boolean similarity = false;
        java.time.Duration limit = GRADE_FILE_LIMIT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if ((arg.equals("--only") || arg.equals("--jobs") || arg.equals("--limit")) && i + 1 >= args.size()) {
                err.println("error: " + arg + " needs a value");
                return 2;
            }
            if (arg.equals("--only")) {
                List<ExerciseSet> only = new ArrayList<>();
                for (String id : args.get(++i).split(",")) {
                    Optional<ExerciseSet> set = ExerciseSet.ofId(id.strip());
                    if (set.isEmpty()) {
                        err.println("error: --only: no exercise set '" + Supervisor.clean(id.strip()) + "'");
                        return 2;
                    }
                    only.add(set.get());
                }
                sets = only;
            } else if (arg.equals("--jobs") || arg.equals("--limit")) {
                int value;
                try {
                    value = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    value = 0;
                }
                if (value < 1) {
                    err.println("error: " + arg + " needs a number of 1 or more");
                    return 2;
                }
                if (arg.equals("--jobs")) {
                    jobs = value;
                } else {
                    limit = java.time.Duration.ofSeconds(value);
                }
            } else if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--similarity")) {
                similarity = true;
            } else if (arg.startsWith("-") || dir != null) {
                err.println("error: unknown option '" + Supervisor.clean(arg) + "'");
                return 2;
            } else {
                dir = Path.of(arg);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            err.println(dir == null ? "error: grade needs a folder with one subfolder per student"
                    : "error: not a folder: " + Supervisor.clean(dir.toString()));
            return 2;
        }
        Isolation isolation;
        try {
            isolation = Isolation.here(sandbox || options.sandbox());
        } catch (Isolation.Unavailable e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Path classDir = dir.toAbsolutePath();
        List<Double> possible = sets.stream().map(s -> Points.possible(s.id(),
                s.declared().specs().stream().map(Checks.Spec::name).toList())).toList();
        List<ExerciseSet> graded = sets;
        err.println("Grading " + classDir + ", isolation: " + isolation.kind().description());
        // No compile cache: one student's code could otherwise change what another's check loads. Sandboxed checks
        // see the class folder as empty, so no student reads another's work while it is graded.
        Supervisor.Options gradeOptions = options.withCache(null).withFileLimit(limit).withHidden(List.of(classDir));
        Map<Path, List<Grade.Submission>> handedIn = Grade.handIn(dir, sets);
        List<Grade.Row> rows = Grade.grade(handedIn, sets, jobs, gradeOptions, isolation, err, snapshot -> {
            try {
                Grade.writeCsv(classDir, Grade.csv(graded, possible, snapshot, isolation.kind()));
            } catch (IOException e) {
                err.println("error: cannot write " + classDir.resolve("grades.csv") + ": " + e.getMessage());
            }
        });
        out.print(Grade.table(sets, possible, rows));
        Grade.writeCsv(classDir, Grade.csv(sets, possible, rows, isolation.kind()));
        out.println("Wrote " + dir.resolve("grades.csv"));
        if (similarity) {
            return similarity(sets, handedIn, out, err);
        }
        return 0;
    }

    /** The most similar pairs per set, from the files as they were handed in (JPlag, through the checker script). */
    private static int similarity(List<ExerciseSet> sets, Map<Path, List<Grade.Submission>> handedIn, PrintStream out,
                                  PrintStream err) {
        Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
        Map<String, Path> starters = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            ExerciseSet set = sets.get(i);
            Map<String, byte[]> texts = new java.util.TreeMap<>();
            for (Map.Entry<Path, List<Grade.Submission>> e : handedIn.entrySet()) {
                byte[] text = e.getValue().get(i).text();
                if (text != null) {
                    texts.put(Grade.clean(e.getKey().getFileName().toString()), text);
                }
            }
            files.put(set.id(), texts);
            ExerciseSet.starters().flatMap(set::fileIn).ifPresent(starter -> starters.put(set.id(), starter));
        }
        try {
            Class.forName("dev.micrograd.exercise.similarity.Similarity")
                    .getMethod("report", List.class, Map.class, Map.class, PrintStream.class)
                    .invoke(null, sets.stream().map(ExerciseSet::id).toList(), files, starters, out);
            return 0;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            err.println("error: --similarity needs JPlag, which ./jbang grade brings (" + e.getMessage() + ")");
        } catch (java.lang.reflect.InvocationTargetException e) {
            err.println("error: the similarity report failed: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            err.println("error: the similarity report cannot start: " + e);
        }
        return 2;
    }

    /** How long one file may take in {@code grade}, compiling and every check included, unless --limit says otherwise. */
    static final java.time.Duration GRADE_FILE_LIMIT = java.time.Duration.ofSeconds(300);

    private static int learn(List<String> args, PrintStream out, PrintStream err, Supervisor.Options options)
            throws IOException, InterruptedException {
        boolean watch = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (arg.equals("--watch") || arg.equals("-w")) {
                watch = true;
            } else {
                err.println("error: unknown option '" + arg + "'");
                return 2;
            }
        }
        Optional<Path> starters = ExerciseSet.starters();
        if (starters.isEmpty()) {
            err.println("error: cannot find exercises/starters above " + Path.of("").toAbsolutePath());
            return 2;
        }
        Learn.Checker checker = file -> Supervisor.check(file, options);
        Learn.Saves saves = watch ? Learn.watching(starters.get()) : null;
        Learn.overview(starters.get(), ExerciseSet.all(), checker, Runtime.getRuntime().availableProcessors(), out);
        if (watch) {
            out.println();
            Learn.watch(saves, checker, out);
        }
        return 0;
    }
}
