package dev.micrograd.exercise;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The main of the checking JVM, which runs a student's code: it reads the run's seed and the student's
 * classes from its standard input, runs the ask half of each check and writes what came back to its
 * standard output. It holds no secret and decides nothing; the supervisor judges every answer.
 */
public final class Harness {
    /** How long the student's static initializer may run. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(5);
    /** How much of what one check prints is sent to the supervisor. */
    static final int PRINTED_LIMIT = 4000;

    private Harness() {
    }

    /**
     * Arguments: exercise id, student class, first check, default time limit in ms or -1. The standard input
     * brings the run's seed and then the student's compiled classes.
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        } finally {
            // Halting skips the shutdown hooks and outlives any thread the student's code left running.
            Runtime.getRuntime().halt(0);
        }
    }

    private static void run(String[] args) throws Exception {
        String id = args[0];
        String className = args[1];
        int from = Integer.parseInt(args[2]);
        long defaultTimeoutMillis = Long.parseLong(args[3]);
        // Trusted classes load while the supervisor may still be compiling; the student's classes come after.
        Class<?> checksClass = Class.forName("dev.micrograd.exercise." + ExerciseSet.checksClassName(id));
        Class<?> tasks = Class.forName(checksClass.getName() + "$Tasks");
        Method of = checksClass.getMethod("of", Supplier.class);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        String seedLine = readLine(in);
        if (seedLine.isEmpty()) {
            return;
        }
        long runSeed = Long.parseLong(seedLine);
        Map<String, byte[]> classes = new HashMap<>();
        int classCount = Integer.parseInt(readLine(in));
        for (int i = 0; i < classCount; i++) {
            String name = readLine(in);
            byte[] bytes = new byte[Integer.parseInt(readLine(in))];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        Channel.Writer channel = new Channel.Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));

        Capture printed = new Capture(PRINTED_LIMIT);
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                channel.send("exit", exitSite());
            } catch (IOException | RuntimeException e) {
                // The supervisor still sees the exit code; the place of the call is a courtesy.
            }
        }, "checker exit report"));

        StudentLoader loader = new StudentLoader(classes, Harness.class.getClassLoader());

        channel.send("begin", "0");
        Class<?> student = Class.forName(className, false, loader);
        if (!tasks.isAssignableFrom(student)) {
            channel.send("init-failed", "the class " + className + " does not implement "
                    + checksClass.getSimpleName() + ".Tasks", printed.take());
            return;
        }
        Constructor<?> constructor;
        try {
            constructor = student.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            channel.send("init-failed", "the class " + className + " needs a constructor without parameters",
                    printed.take());
            return;
        }
        String initProblem = initialise(className, loader);
        if (initProblem != null) {
            channel.send("init-failed", initProblem, printed.take());
            return;
        }
        channel.send("end", "0", printed.take());

        Supplier<Object> supplier = () -> newInstance(constructor);
        Checks checks = (Checks) of.invoke(null, supplier);
        if (defaultTimeoutMillis > 0) {
            checks.defaultTimeout(Duration.ofMillis(defaultTimeoutMillis));
        }
        int count = checks.specs().size();
        for (int i = from; i <= count; i++) {
            channel.send("begin", Integer.toString(i));
            Checks.Asked asked = checks.ask(i, Checks.seed(runSeed, i));
            List<String> fields = new ArrayList<>();
            if (asked.answer() != null) {
                fields.addAll(List.of("answer", Integer.toString(i), printed.take()));
                fields.addAll(asked.answer().fields());
            } else {
                fields.addAll(List.of("fail", Integer.toString(i), printed.take(), asked.timedOut() ? "timeout" : ""));
                fields.addAll(asked.failure());
            }
            channel.send(fields);
            if (asked.timedOut()) {
                // The stuck thread cannot be stopped; a fresh JVM runs the remaining checks.
                channel.send("restart");
                return;
            }
        }
        channel.send("done");
    }

    /**
     * Runs the student's static initializer within its time limit; null when it went well, else why not. The
     * failure is described on the initializer's own thread, where the student's code may run.
     */
    private static String initialise(String className, ClassLoader loader) throws InterruptedException {
        AtomicReference<String> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                Class.forName(className, true, loader);
                failure.set("");
            } catch (Throwable e) {
                Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                try {
                    failure.set("the static initializer of " + className + " failed: " + Checks.explain(cause));
                } catch (Throwable again) {
                    failure.set("the static initializer of " + className + " failed");
                }
            }
        }, "static initializer of " + className);
        thread.setDaemon(true);
        thread.start();
        thread.join(INIT_TIMEOUT.toMillis());
        String problem = failure.get();
        if (problem == null) {
            return "the static initializer of " + className + " did not finish within "
                    + Checks.seconds(INIT_TIMEOUT) + " (an endless loop?)";
        }
        return problem.isEmpty() ? null : problem;
    }

    private static Object newInstance(Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw Harness.<RuntimeException>rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the student's object: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable e) throws T {
        throw (T) e;
    }

    /** Where the student's code called System.exit, from the stack of the thread that is exiting. */
    private static String exitSite() {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = entry.getValue();
            boolean exiting = false;
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Shutdown") || frame.getClassName().equals("java.lang.Runtime")
                        && frame.getMethodName().equals("exit")) {
                    exiting = true;
                } else if (exiting && frame.getClassName().indexOf('.') < 0 && frame.getFileName() != null) {
                    return frame.getFileName() + ":" + frame.getLineNumber();
                }
            }
        }
        return "";
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).trim();
    }
}
