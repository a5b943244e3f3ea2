package dev.micrograd.exercise;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The trusted main of the JVM that runs a student's code: it reads the run's secret and connects to the
 * supervisor before it loads the student's class, then initialises that class and runs the checks one by
 * one, sending each outcome signed. It keeps the secret and the connection in local variables only, where
 * the student's code cannot reach them by reflection.
 */
public final class Harness {
    /** How long the student's static initializer may run. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(5);
    /** How much of what one check prints is sent to the supervisor. */
    static final int PRINTED_LIMIT = 4000;

    private Harness() {
    }

    /**
     * Arguments: exercise id, student class, supervisor port, first check, default time limit in ms or -1.
     * The standard input brings the run's secret and then the student's compiled classes.
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true));
        } finally {
            // Halting skips the shutdown hooks and outlives any thread the student's code left running.
            Runtime.getRuntime().halt(0);
        }
    }

    private static void run(String[] args) throws Exception {
        String id = args[0];
        String className = args[1];
        int port = Integer.parseInt(args[2]);
        int from = Integer.parseInt(args[3]);
        long defaultTimeoutMillis = Long.parseLong(args[4]);
        // Trusted classes load while the supervisor may still be compiling; the student's class waits for the secret.
        Class<?> checksClass = Class.forName("dev.micrograd.exercise." + ExerciseSet.checksClassName(id));
        Class<?> tasks = Class.forName(checksClass.getName() + "$Tasks");
        Method of = checksClass.getMethod("of", Supplier.class);
        Channel.warmUp();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        String secret = readLine(in);
        if (secret.isEmpty()) {
            return;
        }
        Map<String, byte[]> classes = new HashMap<>();
        int classCount = Integer.parseInt(readLine(in));
        for (int i = 0; i < classCount; i++) {
            String name = readLine(in);
            byte[] bytes = new byte[Integer.parseInt(readLine(in))];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        System.in.close();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        BufferedOutputStream stream = new BufferedOutputStream(socket.getOutputStream());
        Channel.Writer channel = new Channel.Writer(stream, secret);
        Channel.Writer exitChannel = new Channel.Writer(stream, Channel.exitSecret(secret));
        channel.send("hello");

        Capture printed = new Capture(PRINTED_LIMIT);
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                exitChannel.send("exit", exitSite());
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
            Checks.Attempt attempt = checks.attempt(i);
            List<String> fields = new ArrayList<>(List.of("end", Integer.toString(i),
                    attempt.passed() ? "pass" : "fail", attempt.timedOut() ? "timeout" : "", printed.take()));
            fields.addAll(attempt.lines());
            channel.send(fields.toArray(String[]::new));
            if (attempt.timedOut()) {
                // The stuck thread cannot be stopped; a fresh JVM runs the remaining checks.
                channel.send("restart");
                return;
            }
        }
        channel.send("done");
    }

    /** Runs the student's static initializer within its time limit; null when it went well, else why not. */
    private static String initialise(String className, ClassLoader loader) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                Class.forName(className, true, loader);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "static initializer of " + className);
        thread.setDaemon(true);
        thread.start();
        thread.join(INIT_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            return "the static initializer of " + className + " did not finish within "
                    + Checks.seconds(INIT_TIMEOUT) + " (an endless loop?)";
        }
        Throwable e = failure.get();
        if (e == null) {
            return null;
        }
        Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
        return "the static initializer of " + className + " failed: " + Checks.explain(cause);
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
