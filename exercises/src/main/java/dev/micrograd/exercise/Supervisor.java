package dev.micrograd.exercise;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks one exercise file without running any of its code in this JVM. It copies the file into a private
 * scratch folder, compiles it there in a child JVM, and starts a checking JVM (fenced in by {@link Isolation})
 * that runs the ask half of each check and writes the answers to its own standard output. This JVM judges
 * every answer with expectations it computes itself, for inputs drawn fresh for the run: whatever the
 * checking JVM sends, it can only send answers. A check without an answer fails with the reason: the JVM
 * ended, was killed at the time limit, ran out of memory, or the file did not compile.
 */
public final class Supervisor {
    /** How long a JVM may take to start and begin, even on a loaded machine. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** Slack on top of a check's own limit before the supervisor kills the JVM itself. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** How long the harness may take between two checks. */
    static final Duration BETWEEN = Duration.ofSeconds(10);
    /** How much of the JVM's own error output is kept, for the reason of a crash. */
    static final int RAW_LIMIT = 8000;
    /** The hint of every check of a file that does not compile. */
    static final String COMPILE_HINT = "Fix the first error javac reports, at the line it names; the checks run once"
            + " the file compiles.";

    /**
     * How to check.
     *
     * @param defaultTimeout the time limit of checks that do not choose their own, or null for the declared one
     * @param maxHeapMegabytes the checked JVM's heap, so that a memory hog fails fast and alone
     * @param cache where compiled files are kept, by content, or null to keep nothing between checks
     * @param maxStarts how many JVMs one file may use when its code ends or stalls them
     * @param sandbox whether a sandbox is required (an error where there is none)
     * @param compile javac's time limit and heap
     * @param hidden folders a sandboxed check must not see (the other students' work)
     * @param fileLimit the wall-clock time one file may take in all, compiling included, or null for no limit
     */
    record Options(Duration defaultTimeout, int maxHeapMegabytes, Path cache, int maxStarts, boolean sandbox,
                   StudentCompiler.Limits compile, List<Path> hidden, Duration fileLimit) {
        Options(Duration defaultTimeout, int maxHeapMegabytes, Path cache, int maxStarts) {
            this(defaultTimeout, maxHeapMegabytes, cache, maxStarts, false, StudentCompiler.Limits.DEFAULT, List.of(), null);
        }

        static Options defaults() {
            String base = System.getenv("XDG_CACHE_HOME");
            Path cache = base != null && !base.isBlank() ? Path.of(base)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return new Options(null, 256, cache.resolve("micrograd-java").resolve("checker"), 4);
        }

        Options withCache(Path dir) {
            return new Options(defaultTimeout, maxHeapMegabytes, dir, maxStarts, sandbox, compile, hidden, fileLimit);
        }

        Options withSandbox(boolean required) {
            return new Options(defaultTimeout, maxHeapMegabytes, cache, maxStarts, required, compile, hidden, fileLimit);
        }

        Options withCompile(StudentCompiler.Limits limits) {
            return new Options(defaultTimeout, maxHeapMegabytes, cache, maxStarts, sandbox, limits, hidden, fileLimit);
        }

        Options withHidden(List<Path> folders) {
            return new Options(defaultTimeout, maxHeapMegabytes, cache, maxStarts, sandbox, compile, List.copyOf(folders), fileLimit);
        }

        Options withFileLimit(Duration limit) {
            return new Options(defaultTimeout, maxHeapMegabytes, cache, maxStarts, sandbox, compile, hidden, limit);
        }
    }

    /**
     * The checking JVMs still running, each with what ends it and everything it started (its own run's mark
     * included), called when the supervisor is interrupted (Ctrl+C).
     */
    private static final Map<Process, Runnable> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.values().forEach(Runnable::run),
                "stop checked JVMs"));
    }

    private Supervisor() {
    }

    /** Checks the file; throws IllegalArgumentException when its name is not {@code ExNN...java}. */
    static Run check(Path source, Options options) throws IOException {
        return check(source, Files.readAllBytes(source), options, Isolation.here(options.sandbox()));
    }

    /** Checks {@code text}, the content of {@code source} read once, fenced in by {@code isolation}. */
    static Run check(Path source, byte[] text, Options options, Isolation isolation) throws IOException {
        ExerciseSet set = ExerciseSet.ofFile(source).orElseThrow(() -> new IllegalArgumentException(
                "not an exercise file (ExNN...java with checks for NN): " + source));
        String fileName = source.getFileName().toString();
        String className = fileName.substring(0, fileName.length() - ".java".length());
        long fileDeadline = options.fileLimit() == null ? Long.MAX_VALUE : System.nanoTime() + options.fileLimit().toNanos();

        Path scratch = Files.createTempDirectory("micrograd-check-");
        try {
            // The private copy is the run's working folder; nothing else is writable in a sandbox.
            Files.write(scratch.resolve(fileName), text);
            Path classPathBase = options.cache() != null ? options.cache().resolve("classpath") : scratch.resolve("classpath");
            String classPath = ChildClassPath.of(set, classPathBase);
            Child child = new Child(set, className, classPath, options, isolation, scratch);
            // The first JVM starts first, and waits for its classes on its standard input while this one prepares.
            Child.Launch launch = child.launch(1);
            Checks declared;
            List<Checks.Spec> specs;
            Outcomes outcomes;
            long runSeed;
            StudentCompiler.Compiled compiled;
            try {
                declared = set.declared();
                if (options.defaultTimeout() != null) {
                    declared.defaultTimeout(options.defaultTimeout());
                }
                specs = declared.specs();
                outcomes = new Outcomes(declared, specs.size());
                runSeed = new SecureRandom().nextLong();
                StudentCompiler.Limits limits = options.compile();
                if (options.fileLimit() != null && options.fileLimit().compareTo(limits.time()) < 0) {
                    limits = new StudentCompiler.Limits(options.fileLimit(), limits.heapMegabytes());
                }
                compiled = StudentCompiler.compile(text, source, className, classPath, options.cache(), scratch,
                        limits, isolation);
            } catch (IOException | RuntimeException e) {
                launch.abandon();
                throw e;
            }
            if (!compiled.ok()) {
                launch.abandon();
                outcomes.compileFailed(compiled.errors().get(0));
                return outcomes.run(set, declared, source, compiled.errors(), isolation);
            }
            int n = specs.size();
            int from = 1;
            boolean firstLaunch = true;
            String lastStartFailure = null;
            for (int starts = 0; from <= n; starts++) {
                if (System.nanoTime() - fileDeadline >= 0) {
                    outcomes.failFrom(from, "did not run: the file's time limit of " + Checks.seconds(options.fileLimit())
                            + " ran out");
                    outcomes.timedOut = true;
                    break;
                }
                if (starts == options.maxStarts()) {
                    outcomes.failFrom(from, String.format(Locale.ROOT,
                            "did not run: your code ended or stalled the checking JVM %d times; fix that first", starts));
                    break;
                }
                Child.Launch current = firstLaunch ? launch : child.launch(from);
                firstLaunch = false;
                int after = current.finish(compiled.classes(), specs, outcomes, runSeed, fileDeadline);
                if (current.startFailure != null) {
                    // That JVM ended before any of the student's code was loaded: the machine's doing, not the file's.
                    if (lastStartFailure != null) {
                        outcomes.failFrom(from, "did not run: the checker could not start a JVM for your code ("
                                + current.startFailure + "); this is not your file's fault, so check it again");
                        break;
                    }
                    lastStartFailure = current.startFailure;
                    starts--;
                    continue;
                }
                lastStartFailure = null;
                from = after;
            }
            return outcomes.run(set, declared, source, List.of(), isolation);
        } finally {
            StudentCompiler.deleteTree(scratch);
        }
    }

    /** The results gathered so far, by check number. */
    private static final class Outcomes {
        private final Checks declared;
        private final Result[] results;
        private final String[] printed;
        private final long[] millis;
        /** Whether the file's own time limit cut the run short. */
        boolean timedOut;

        Outcomes(Checks declared, int n) {
            this.declared = declared;
            this.results = new Result[n];
            this.printed = new String[n];
            this.millis = new long[n];
            Arrays.fill(printed, "");
        }

        boolean has(int number) {
            return results[number - 1] != null;
        }

        void set(int number, boolean passed, List<String> lines, String output, long elapsed) {
            results[number - 1] = declared.withHint(number, passed, lines);
            printed[number - 1] = output;
            millis[number - 1] = elapsed;
        }

        void fail(int number, String reason) {
            set(number, false, List.of("reason:   " + reason), "", 0);
        }

        void failFrom(int from, String reason) {
            for (int i = from; i <= results.length; i++) {
                if (results[i - 1] == null) {
                    fail(i, reason);
                }
            }
        }

        /** Every check fails for the same reason, with the compiler's hint instead of the check's own. */
        void compileFailed(String firstError) {
            for (int i = 1; i <= results.length; i++) {
                Result r = declared.withHint(i, true, List.of());
                results[i - 1] = new Result(i, r.name(), false, List.of("reason:   your file does not compile: " + firstError,
                        "hint:     " + COMPILE_HINT));
            }
        }

        Run run(ExerciseSet set, Checks checks, Path source, List<String> errors, Isolation isolation) {
            for (int i = 1; i <= results.length; i++) {
                if (results[i - 1] == null) {
                    fail(i, "did not run: no result reached the checker");
                }
            }
            List<Long> times = new ArrayList<>();
            for (long m : millis) {
                times.add(m);
            }
            return new Run(set.id(), checks.title(), source, List.of(results), List.of(printed), List.copyOf(errors),
                    Collections.unmodifiableList(times), isolation.kind(), timedOut);
        }
    }

    /** The checking JVMs of one file: each runs the checks from some number on until it finishes, ends, or is killed. */
    private static final class Child {
        private static final List<String> END = List.of();
        private final ExerciseSet set;
        private final String className;
        private final String classPath;
        private final Options options;
        private final Isolation isolation;
        private final Path scratch;

        Child(ExerciseSet set, String className, String classPath, Options options, Isolation isolation, Path scratch) {
            this.set = set;
            this.className = className;
            this.classPath = classPath;
            this.options = options;
            this.isolation = isolation;
            this.scratch = scratch;
        }

        /** A started JVM that waits for the student's classes before it loads any student code. */
        final class Launch {
            private final Process process;
            private final String token;
            private final Drain raw;
            private final BlockingQueue<List<String>> messages;
            private final int from;
            /** Set when the JVM ended before it loaded any of the student's code: how it ended. */
            String startFailure;

            Launch(Process process, String token, Drain raw, BlockingQueue<List<String>> messages, int from) {
                this.process = process;
                this.token = token;
                this.raw = raw;
                this.messages = messages;
                this.from = from;
            }

            void abandon() {
                kill();
            }

            void kill() {
                isolation.kill(process, token);
                LIVE.remove(process);
            }

            /** Sends the classes, judges the answers and returns the number of the first check still to run. */
            int finish(Map<String, byte[]> classes, List<Checks.Spec> specs, Outcomes outcomes, long runSeed,
                       long fileDeadline) {
                try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream())) {
                    stdin.write((runSeed + "\n" + classes.size() + "\n").getBytes(StandardCharsets.US_ASCII));
                    for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                        stdin.write((c.getKey() + "\n" + c.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
                        stdin.write(c.getValue());
                    }
                } catch (IOException e) {
                    // The JVM ended before reading its classes; the conversation below says so.
                }
                try {
                    return converse(specs, outcomes, runSeed, fileDeadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.failFrom(from, "the checker was interrupted");
                    return specs.size() + 1;
                } finally {
                    kill();
                }
            }

            private int converse(List<Checks.Spec> specs, Outcomes outcomes, long runSeed, long fileDeadline)
                    throws InterruptedException {
                int n = specs.size();
                int current = -1;
                int next = from;
                boolean started = false;
                long began = System.nanoTime();
                // However the JVM announces its checks, it never gets more time than all of them together.
                Duration total = START_LIMIT.plus(Harness.INIT_TIMEOUT).plus(GRACE);
                for (int i = from; i <= n; i++) {
                    total = total.plus(specs.get(i - 1).timeout()).plus(GRACE);
                }
                long deadline = Math.min(began + total.toNanos(), fileDeadline);
                String exitSite = null;
                String stop = null;
                while (true) {
                    Duration limit = current < 0 ? (started ? BETWEEN : START_LIMIT)
                            : (current == 0 ? Harness.INIT_TIMEOUT : specs.get(current - 1).timeout()).plus(GRACE);
                    long until = Math.min(began + limit.toNanos(), deadline);
                    List<String> message = messages.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (message == null && System.nanoTime() - fileDeadline >= 0) {
                        kill();
                        outcomes.timedOut = true;
                        outcomes.failFrom(from, "did not run: the file's time limit ran out");
                        return n + 1;
                    }
                    if (message == null) {
                        stop = current < 0 ? "the checking JVM stopped answering and was killed"
                                : "the process was killed after the time limit of " + Checks.seconds(limit)
                                + " (an endless loop?)";
                        break;
                    }
                    if (message == END) {
                        break;
                    }
                    switch (field(message, 0)) {
                        case "begin" -> {
                            int number = number(field(message, 1), 0, n);
                            if (number >= 0) {
                                current = number;
                                started = true;
                                began = System.nanoTime();
                            }
                        }
                        case "end" -> {
                            current = -1;
                            began = System.nanoTime();
                        }
                        case "answer", "fail" -> {
                            int number = number(field(message, 1), from, n);
                            if (number > 0 && !outcomes.has(number)) {
                                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                                String printed = cleanPrinted(field(message, 2));
                                if (message.get(0).equals("answer")) {
                                    Answer answer = Answer.ofFields(message.subList(3, message.size()));
                                    Checks.Attempt verdict = outcomes.declared.judge(number, answer, Checks.seed(runSeed, number));
                                    outcomes.set(number, verdict.passed(), verdict.lines().stream().map(Supervisor::clean)
                                            .toList(), printed, elapsed);
                                } else {
                                    List<String> lines = message.size() > 4 ? message.subList(4, message.size())
                                            : List.of("reason:   your code failed");
                                    outcomes.set(number, false, lines.stream().limit(5).map(Supervisor::clean).toList(),
                                            printed, elapsed);
                                }
                                next = Math.max(next, number + 1);
                            }
                            current = -1;
                            began = System.nanoTime();
                        }
                        case "init-failed" -> {
                            outcomes.failFrom(from, clean(field(message, 1)));
                            return n + 1;
                        }
                        case "exit" -> exitSite = field(message, 1);
                        case "restart" -> {
                            return next;
                        }
                        case "done" -> {
                            return n + 1;
                        }
                        default -> {
                            // Anything else on the channel is noise: it answers nothing.
                        }
                    }
                }
                int code = 0;
                if (stop == null) {
                    // The JVM ended on its own: what it printed is read before kill() closes its streams.
                    code = exitCode(process);
                    raw.awaitEnd();
                }
                kill();
                if (stop == null) {
                    if (!started && exitSite == null) {
                        startFailure = "it ended with exit code " + code + said(raw);
                        return from;
                    }
                    stop = ended(code, raw, exitSite);
                }
                if (current == 0 || !started) {
                    outcomes.failFrom(from, "while your class was being initialised, " + stop);
                    return n + 1;
                }
                if (current > 0) {
                    if (!outcomes.has(current)) {
                        outcomes.fail(current, stop);
                    }
                    return Math.max(next, current + 1);
                }
                return next;
            }
        }

        Launch launch(int from) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long timeout = options.defaultTimeout() == null ? -1 : options.defaultTimeout().toMillis();
            // C1 only and the serial collector: the checked JVM lives for seconds, so starting fast matters most.
            // The JVM's own messages go to the error stream, kept for the reason of a crash, not into the channel.
            List<String> command = List.of(java, "-Xmx" + options.maxHeapMegabytes() + "m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:-PrintWarnings", "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                    "-XX:+DisplayVMOutputToStderr",
                    "-XX:MaxDirectMemorySize=32m", "-XX:ReservedCodeCacheSize=32m", "-XX:CompressedClassSpaceSize=64m",
                    "-XX:MaxMetaspaceSize=128m", "-Djava.awt.headless=true", "-cp", classPath, Harness.class.getName(),
                    set.id(), className, Integer.toString(from), Long.toString(timeout));
            String token = UUID.randomUUID().toString();
            ProcessBuilder builder = new ProcessBuilder(isolation.wrap(command, scratch,
                    StudentCompiler.paths(classPath), options.hidden(), memoryCap(options.maxHeapMegabytes())))
                    .directory(scratch.toFile());
            builder.environment().put(Isolation.TOKEN, token);
            Process process = builder.start();
            LIVE.put(process, () -> isolation.kill(process, token));
            BlockingQueue<List<String>> messages = new ArrayBlockingQueue<>(256);
            Thread reader = new Thread(() -> {
                Channel.Reader channel = new Channel.Reader(new BufferedInputStream(process.getInputStream()));
                try {
                    for (List<String> m = channel.read(); m != null; m = channel.read()) {
                        if (!m.isEmpty()) {
                            messages.put(m);
                        }
                    }
                } catch (IOException e) {
                    // The JVM is gone.
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    messages.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "checker channel");
            reader.setDaemon(true);
            reader.start();
            return new Launch(process, token, Drain.start(process.getErrorStream(), RAW_LIMIT), messages, from);
        }

        /** The JVM's exit code, or -1 when it has not ended within 5 seconds. */
        private static int exitCode(Process process) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                return process.exitValue();
            } catch (InterruptedException | IllegalThreadStateException e) {
                return -1;
            }
        }

        /** Why the JVM ended on its own with {@code code}, in the student's terms; {@code raw} is read to its end. */
        private static String ended(int code, Drain raw, String exitSite) {
            String output = raw.text();
            if (output.contains("OutOfMemoryError")) {
                return "your code ran out of memory (java.lang.OutOfMemoryError) and the JVM ended";
            }
            if (exitSite != null) {
                return "your code called System.exit(" + code + ")" + (exitSite.isEmpty() ? "" : " at " + clean(exitSite))
                        + " and ended the checking JVM (checks never exit)";
            }
            return "your code ended the checking JVM with exit code " + code
                    + " (Runtime.halt or a crash), so this check could not finish" + said(raw);
        }

        private static String said(Drain raw) {
            String first = raw.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return first.isEmpty() ? "" : "; it printed: " + clean(first);
        }
    }

    /**
     * The address space a JVM with this heap may use: the heap, plus room for what the JVM reserves beside it
     * (metaspace, the code cache, thread stacks, the modules image) and for javac. A JVM compiling an exercise with
     * a 384 MB heap peaks at 1.66 GB of address space on JDK 17 and 1.55 GB on JDK 25; 2.5 GB beside the heap
     * leaves a wide margin and still stops a 4 GB allocation.
     */
    static long memoryCap(int heapMegabytes) {
        return (heapMegabytes + 2560L) << 20;
    }

    private static String field(List<String> message, int i) {
        return i < message.size() ? message.get(i) : "";
    }

    /** A check number from the channel, or -1 when it is not a number from {@code min} to {@code max}. */
    private static int number(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            return n >= min && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Keeps the first bytes of a stream and throws the rest away, so a flood of output never blocks or fills memory. */
    static final class Drain implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Thread thread;

        private Drain(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        static Drain start(InputStream in, int limit) {
            Drain drain = new Drain(in, limit);
            Thread thread = new Thread(drain, "checker output drain");
            thread.setDaemon(true);
            drain.thread = thread;
            thread.start();
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int r; (r = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        kept.write(buffer, 0, Math.max(0, Math.min(r, limit - kept.size())));
                    }
                }
            } catch (IOException e) {
                // The JVM is gone; what was read is kept.
            }
        }

        /** Waits a little for the stream to end, so that the last words of a dying JVM are kept. */
        void awaitEnd() {
            awaitEnd(Duration.ofSeconds(2));
        }

        /**
         * Waits at most {@code limit} for the stream to end. Call it before the process is destroyed: destroying
         * a {@link Process} closes its streams, and whatever was not read by then is lost.
         */
        void awaitEnd(Duration limit) {
            try {
                thread.join(limit.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    /** One line of a detail, with control characters (terminal escapes, carriage returns) made harmless. */
    static String clean(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> s.appendCodePoint(Character.isISOControl(c) || isBidi(c) ? ' ' : c));
        return text.codePointCount(0, text.length()) > 2000 ? s + " ..." : s.toString();
    }

    /** Printed output keeps its line breaks and tabs, and loses every other control character. */
    static String cleanPrinted(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> s.appendCodePoint(c == '\n' || c == '\t' ? c
                : Character.isISOControl(c) || isBidi(c) ? ' ' : c));
        return s.toString().stripTrailing();
    }

    private static boolean isBidi(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F;
    }
}
