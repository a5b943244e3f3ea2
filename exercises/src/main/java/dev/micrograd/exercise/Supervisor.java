package dev.micrograd.exercise;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks one exercise file without running any of its code in this JVM: it compiles the file, starts a
 * separate JVM whose trusted {@link Harness} runs the checks, and believes only the signed messages that
 * arrive on its own loopback connection. A check without such a message fails with the reason: the JVM
 * ended, was killed at the time limit, ran out of memory, or the file did not compile.
 */
public final class Supervisor {
    /** How long a JVM may take to start and say hello, even on a loaded machine. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** Slack on top of a check's own limit before the supervisor kills the JVM itself. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** How long the harness may take between two checks. */
    static final Duration BETWEEN = Duration.ofSeconds(10);
    /** How much of the JVM's own output (outside any check) is kept, for the reason of a crash. */
    static final int RAW_LIMIT = 8000;

    /**
     * How to check.
     *
     * @param defaultTimeout the time limit of checks that do not choose their own, or null for the declared one
     * @param maxHeapMegabytes the checked JVM's heap, so that a memory hog fails fast and alone
     * @param cache where compiled files are kept, by content, or null to compile in memory only
     * @param maxStarts how many JVMs one file may use when its code ends or stalls them
     */
    record Options(Duration defaultTimeout, int maxHeapMegabytes, Path cache, int maxStarts) {
        static Options defaults() {
            String base = System.getenv("XDG_CACHE_HOME");
            Path cache = base != null && !base.isBlank() ? Path.of(base)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return new Options(null, 256, cache.resolve("micrograd-java").resolve("checker"), 4);
        }

        Options withCache(Path dir) {
            return new Options(defaultTimeout, maxHeapMegabytes, dir, maxStarts);
        }
    }

    /** The checked JVMs still running, stopped with the supervisor when it is interrupted (Ctrl+C). */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "stop checked JVMs"));
    }

    private Supervisor() {
    }

    /** Checks the file; throws IllegalArgumentException when its name is not {@code ExNN...java}. */
    static Run check(Path source, Options options) throws IOException {
        ExerciseSet set = ExerciseSet.ofFile(source).orElseThrow(() -> new IllegalArgumentException(
                "not an exercise file (ExNN...java with checks for NN): " + source));
        Checks declared = set.declared();
        if (options.defaultTimeout() != null) {
            declared.defaultTimeout(options.defaultTimeout());
        }
        List<Checks.Spec> specs = declared.specs();
        int n = specs.size();
        String fileName = source.getFileName().toString();
        String className = fileName.substring(0, fileName.length() - ".java".length());
        String classPath = System.getProperty("java.class.path");
        Outcomes outcomes = new Outcomes(declared, n);

        byte[] text = java.nio.file.Files.readAllBytes(source);
        Child child = new Child(set, className, classPath, options);
        // The first JVM starts while this one compiles; it waits for its secret, which comes only after a good compile.
        Child.Launch launch = child.launch(1);
        StudentCompiler.Compiled compiled;
        try {
            compiled = StudentCompiler.compile(text, source, className, classPath, options.cache());
        } catch (IOException | RuntimeException e) {
            launch.abandon();
            throw e;
        }
        if (!compiled.ok()) {
            launch.abandon();
            outcomes.failFrom(1, "your file does not compile: " + compiled.errors().get(0));
            return outcomes.run(set, declared, source, compiled.errors());
        }
        int from = 1;
        for (int starts = 0; from <= n; starts++) {
            if (starts == options.maxStarts()) {
                outcomes.failFrom(from, String.format(Locale.ROOT,
                        "did not run: your code ended or stalled the checking JVM %d times; fix that first", starts));
                break;
            }
            from = (starts == 0 ? launch : child.launch(from)).finish(compiled.classes(), specs, outcomes);
        }
        return outcomes.run(set, declared, source, List.of());
    }

    /** The results gathered so far, by check number. */
    private static final class Outcomes {
        private final Checks declared;
        private final Result[] results;
        private final String[] printed;
        private final long[] millis;

        Outcomes(Checks declared, int n) {
            this.declared = declared;
            this.results = new Result[n];
            this.printed = new String[n];
            this.millis = new long[n];
            Arrays.fill(printed, "");
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
                fail(i, reason);
            }
        }

        Run run(ExerciseSet set, Checks checks, Path source, List<String> errors) {
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
                    Collections.unmodifiableList(times));
        }
    }

    /** The checked JVMs of one file: each runs the checks from some number on until it finishes, ends, or is killed. */
    private static final class Child {
        private final ExerciseSet set;
        private final String className;
        private final String classPath;
        private final Options options;

        Child(ExerciseSet set, String className, String classPath, Options options) {
            this.set = set;
            this.className = className;
            this.classPath = classPath;
            this.options = options;
        }

        /** A started JVM that waits for its secret before it loads any student code. */
        final class Launch {
            private final ServerSocket server;
            private final Process process;
            private final Drain raw;
            private final int from;

            Launch(ServerSocket server, Process process, Drain raw, int from) {
                this.server = server;
                this.process = process;
                this.raw = raw;
                this.from = from;
            }

            void abandon() throws IOException {
                kill(process);
                server.close();
            }

            /** Hands over the secret, runs the checks and returns the number of the first check still to run. */
            int finish(Map<String, byte[]> classes, List<Checks.Spec> specs, Outcomes outcomes) throws IOException {
                int n = specs.size();
                String secret = Channel.newSecret();
                try (server) {
                    try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream())) {
                        stdin.write((secret + "\n" + classes.size() + "\n").getBytes(StandardCharsets.US_ASCII));
                        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                            stdin.write((c.getKey() + "\n" + c.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
                            stdin.write(c.getValue());
                        }
                    } catch (IOException e) {
                        // The JVM ended before reading its secret; the missing hello below says so.
                    }
                    Connection connection = accept(server, secret);
                    server.close();
                    if (connection == null) {
                        kill(process);
                        outcomes.failFrom(from, "the checking JVM did not start" + said(raw));
                        return n + 1;
                    }
                    try (Socket socket = connection.socket()) {
                        return converse(socket, connection.reader(), process, raw, from, specs, outcomes);
                    } finally {
                        kill(process);
                    }
                }
            }
        }

        Launch launch(int from) throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            try {
                Process process = start(server.getLocalPort(), from);
                return new Launch(server, process, Drain.start(process.getInputStream(), RAW_LIMIT), from);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        }

        private Process start(int port, int from) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long timeout = options.defaultTimeout() == null ? -1 : options.defaultTimeout().toMillis();
            // C1 only and the serial collector: the checked JVM lives for seconds, so starting fast matters most.
            List<String> command = List.of(java, "-Xmx" + options.maxHeapMegabytes() + "m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:-PrintWarnings", "-XX:+DisableAttachMechanism",
                    "-Djava.awt.headless=true", "-cp", classPath, Harness.class.getName(), set.id(), className,
                    Integer.toString(port), Integer.toString(from), Long.toString(timeout));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LIVE.add(process);
            return process;
        }

        private record Connection(Socket socket, Channel.Reader reader) {
        }

        /** The first connection that proves it knows the secret; anyone else who connects is dropped. */
        private static Connection accept(ServerSocket server, String secret) throws IOException {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                server.setSoTimeout((int) left);
                Socket socket;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException e) {
                    return null;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                try {
                    Channel.Reader reader = new Channel.Reader(new BufferedInputStream(socket.getInputStream()), secret);
                    List<String> hello = reader.read();
                    if (hello != null && hello.equals(List.of("hello"))) {
                        return new Connection(socket, reader);
                    }
                } catch (IOException e) {
                    // Not the harness: keep waiting for it.
                }
                socket.close();
            }
        }

        private static int converse(Socket socket, Channel.Reader reader, Process process, Drain raw, int from,
                                    List<Checks.Spec> specs, Outcomes outcomes) throws IOException {
            int n = specs.size();
            int current = -1;
            int next = from;
            long began = System.nanoTime();
            String exitSite = null;
            String stop = null;
            while (true) {
                Duration limit = current < 0 ? BETWEEN
                        : (current == 0 ? Harness.INIT_TIMEOUT : specs.get(current - 1).timeout()).plus(GRACE);
                long left = TimeUnit.NANOSECONDS.toMillis(began + limit.toNanos() - System.nanoTime());
                List<String> message;
                try {
                    socket.setSoTimeout((int) Math.max(1, left));
                    message = reader.read();
                } catch (SocketTimeoutException e) {
                    stop = current < 0 ? "the checking JVM stopped answering and was killed"
                            : "the process was killed after the time limit of " + Checks.seconds(limit)
                            + " (an endless loop?)";
                    break;
                } catch (Channel.Forged e) {
                    kill(process);
                    outcomes.failFrom(Math.max(next, current), "a forged message arrived on the checker's own channel ("
                            + e.getMessage() + "); the checking JVM was stopped");
                    return n + 1;
                } catch (IOException e) {
                    message = null;
                }
                if (message == null) {
                    break;
                }
                switch (message.get(0)) {
                    case "begin" -> {
                        current = Integer.parseInt(message.get(1));
                        began = System.nanoTime();
                    }
                    case "end" -> {
                        int number = Integer.parseInt(message.get(1));
                        if (number > 0) {
                            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                            List<String> lines = message.subList(5, message.size()).stream().map(Supervisor::clean).toList();
                            outcomes.set(number, message.get(2).equals("pass"), lines, cleanPrinted(message.get(4)), elapsed);
                            next = number + 1;
                        }
                        current = -1;
                        began = System.nanoTime();
                    }
                    case "init-failed" -> {
                        outcomes.failFrom(from, clean(message.get(1)));
                        return n + 1;
                    }
                    case "exit" -> exitSite = message.get(1);
                    case "restart" -> {
                        return next;
                    }
                    case "done" -> {
                        return n + 1;
                    }
                    default -> {
                        // A signed message the supervisor does not know cannot come from this harness.
                    }
                }
            }
            kill(process);
            if (stop == null) {
                stop = ended(process, raw, exitSite);
            }
            if (current == 0) {
                outcomes.failFrom(from, "while your class was being initialised, " + stop);
                return n + 1;
            }
            if (current > 0) {
                outcomes.fail(current, stop);
                return current + 1;
            }
            return next;
        }

        /** Why the JVM ended on its own, in the student's terms. */
        private static String ended(Process process, Drain raw, String exitSite) {
            int code;
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                code = process.exitValue();
            } catch (InterruptedException | IllegalThreadStateException e) {
                code = -1;
            }
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

        private static void kill(Process process) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
        }
    }

    /** Keeps the first bytes of a stream and throws the rest away, so a flood of output never blocks or fills memory. */
    static final class Drain implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        private Drain(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        static Drain start(InputStream in, int limit) {
            Drain drain = new Drain(in, limit);
            Thread thread = new Thread(drain, "checker output drain");
            thread.setDaemon(true);
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
