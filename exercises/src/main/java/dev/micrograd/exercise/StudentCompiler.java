package dev.micrograd.exercise;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's file with javac in a child JVM of its own, with a time limit and a heap cap, so that a
 * file made to keep javac busy costs only its own check (javac runs none of the code it compiles, and
 * annotation processing is off). A cache folder keyed by the file's content makes a second check of the
 * same text skip javac.
 */
final class StudentCompiler {
    /** The compiled classes by name, or the compiler's errors as {@code File.java:line: error: message}. */
    record Compiled(Map<String, byte[]> classes, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** How long javac may take, and how much heap it gets. */
    record Limits(Duration time, int heapMegabytes) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(90), 384);
    }

    private StudentCompiler() {
    }

    /**
     * Compiles the text read from {@code source} (read once, so what is checked is what was compiled) in
     * {@code scratch}; with a null cache nothing is kept, so no student's code can change what another check loads.
     */
    static Compiled compile(byte[] text, Path source, String className, String classPath, Path cache, Path scratch,
                            Limits limits, Isolation isolation) throws IOException {
        if (cache == null) {
            return javac(text, source, className, classPath, scratch, limits, isolation);
        }
        Path entry = cache.resolve(key(text, source.getFileName().toString(), classPath));
        Path classes = entry.resolve("classes");
        Path errors = entry.resolve("errors.txt");
        if (Files.isDirectory(classes)) {
            return new Compiled(read(classes), List.of());
        }
        if (Files.isRegularFile(errors)) {
            return new Compiled(Map.of(), Files.readAllLines(errors, StandardCharsets.UTF_8));
        }
        Compiled compiled = javac(text, source, className, classPath, scratch, limits, isolation);
        if (compiled.errors().size() == 1 && (compiled.errors().get(0).contains(LIMIT_MARK)
                || compiled.errors().get(0).contains(MACHINE_MARK) || compiled.errors().get(0).contains(HEAP_MARK))) {
            // A time-out, a full heap or a JVM that could not start depends on the machine: never cache it.
            return compiled;
        }
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, "compiling-");
        try {
            Path staged = Files.createDirectories(work.resolve("entry"));
            if (compiled.ok()) {
                Path dir = Files.createDirectories(staged.resolve("classes"));
                for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                    Files.write(dir.resolve(c.getKey() + ".class"), c.getValue());
                }
            } else {
                Files.write(staged.resolve("errors.txt"), compiled.errors(), StandardCharsets.UTF_8);
            }
            publish(staged, entry);
        } finally {
            deleteTree(work);
        }
        return compiled;
    }

    static final String LIMIT_MARK = "javac did not finish";

    private static Map<String, byte[]> read(Path classes) throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                bytes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        return bytes;
    }

    /** How a javac JVM ended: within its time limit or not, its exit code, and what it printed. */
    private record Ending(boolean finished, int exit, String output) {
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /**
     * What went wrong in a javac JVM that ended with {@code exit} after printing {@code lines}: nothing beyond
     * the file's own errors ({@code NONE}), a full heap ({@code HEAP}), or javac never ran ({@code START}: the JVM
     * could not start, or was killed before it said anything about the file).
     */
    enum Trouble { NONE, HEAP, START }

    static Trouble trouble(int exit, List<String> lines, String fileName) {
        if (exit == 0) {
            return Trouble.NONE;
        }
        // Only a full heap is the file's doing; a JVM short of native memory or threads is the machine's.
        if (lines.stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError: Java heap space")
                || l.contains("java.lang.OutOfMemoryError: GC overhead limit exceeded"))) {
            return Trouble.HEAP;
        }
        return lines.stream().anyMatch(l -> l.startsWith(fileName + ":")) ? Trouble.NONE : Trouble.START;
    }

    /** Mark errors that depend on the machine's state rather than only on the file, so they are never cached. */
    static final String HEAP_MARK = "javac ran out of its";
    static final String MACHINE_MARK = "the checker could not run javac";

    /**
     * Runs javac in a child JVM on a copy of the text in {@code scratch}, and reads back the classes it wrote. A
     * JVM that could not run javac at all (one that could not start, say, when the machine is short of memory for
     * a moment) is tried once more before the run says so.
     */
    private static Compiled javac(byte[] text, Path source, String className, String classPath, Path scratch,
                                  Limits limits, Isolation isolation) throws IOException {
        String fileName = source.getFileName().toString();
        Path sources = Files.createDirectories(scratch.resolve("javac-source"));
        Path out = Files.createDirectories(scratch.resolve("javac-classes"));
        Path copy = Files.write(sources.resolve(fileName), text);
        Ending ending = runJavac(copy, className, out, classPath, scratch, limits, isolation);
        if (ending.finished() && trouble(ending.exit(), ending.lines(), fileName) == Trouble.START) {
            deleteTree(out);
            Files.createDirectories(out);
            ending = runJavac(copy, className, out, classPath, scratch, limits, isolation);
        }
        if (!ending.finished()) {
            return new Compiled(Map.of(), List.of(fileName + ": error: " + LIMIT_MARK + " within "
                    + Checks.seconds(limits.time()) + " (something in the file makes the compiler work very hard)"));
        }
        List<String> errors = ending.lines();
        switch (trouble(ending.exit(), errors, fileName)) {
            case HEAP -> {
                return new Compiled(Map.of(), List.of(fileName + ": error: " + HEAP_MARK + " "
                        + limits.heapMegabytes() + " MB of memory (something in the file makes the compiler work very hard)"));
            }
            case START -> {
                String said = errors.isEmpty() ? "it printed nothing" : "it printed: " + errors.get(0);
                return new Compiled(Map.of(), List.of(fileName + ": error: " + MACHINE_MARK + " (exit code "
                        + ending.exit() + "; " + said + "); this is not your file's fault, so check it again"));
            }
            default -> {
                if (ending.exit() != 0) {
                    return new Compiled(Map.of(), errors.stream().filter(l -> l.startsWith(fileName + ":")).toList());
                }
            }
        }
        Map<String, byte[]> classes = new TreeMap<>();
        boolean packaged = false;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(f).toString();
                if (!name.endsWith(".class")) {
                    continue;
                }
                packaged |= f.getParent() != null && !f.getParent().equals(out);
                classes.put(name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'),
                        Files.readAllBytes(f));
            }
        }
        List<String> layout = packaged ? List.of(fileName + ":1: error: an exercise file has no package line; remove it")
                : layoutProblems(source, className, classes);
        return layout.isEmpty() ? new Compiled(classes, List.of()) : new Compiled(Map.of(), layout);
    }

    private static Ending runJavac(Path copy, String className, Path out, String classPath, Path scratch,
                                  Limits limits, Isolation isolation) throws IOException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(javaCommand, "-Xmx" + limits.heapMegabytes() + "m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=32m",
                "-XX:CompressedClassSpaceSize=64m", "-cp", ownClassPath(),
                StudentCompiler.class.getName(), copy.toString(), className, out.toString(), classPath);
        String token = UUID.randomUUID().toString();
        Path printed = scratch.resolve("javac-output.txt");
        ProcessBuilder builder = new ProcessBuilder(isolation.wrap(command, scratch,
                paths(ownClassPath() + File.pathSeparator + classPath), List.of(), Supervisor.memoryCap(limits.heapMegabytes()))).directory(scratch.toFile())
                // A file, not a pipe: ending a Process closes its pipes, and whatever a drain had not read by then
                // was lost (on a busy machine, now and then every error of the file). javac runs no student code,
                // so what it prints is small.
                .redirectErrorStream(true).redirectOutput(printed.toFile());
        builder.environment().put(Isolation.TOKEN, token);
        Process process = builder.start();
        boolean finished = false;
        try {
            finished = process.waitFor(limits.time().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            isolation.kill(process, token);
        }
        if (!finished) {
            return new Ending(false, -1, "");
        }
        try (InputStream in = Files.newInputStream(printed)) {
            return new Ending(true, process.exitValue(), new String(in.readNBytes(64_000), StandardCharsets.UTF_8));
        }
    }

    /** The entries of a class path. */
    static List<Path> paths(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                paths.add(Path.of(e).toAbsolutePath());
            }
        }
        return paths;
    }

    /** This JVM's class path with absolute entries, since the compiler's JVM works in another folder. */
    static String ownClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The compiler's own JVM: arguments source file, class name, output folder, class path. Prints the errors
     * as {@code File.java:line: error: message} and exits 1, or exits 0.
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.out.println(file.getFileName() + ": error: the checker needs a JDK (with javac), not only a Java runtime");
            System.exit(1);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", args[3], "-sourcepath", "", "-proc:none", "-implicit:none",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g", "-d", args[2]);
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                errors.add(file.getFileName() + ":" + d.getLineNumber() + ": error: " + message);
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(file.getFileName() + ": error: javac failed without a message");
        }
        errors.forEach(System.out::println);
        System.out.flush();
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    /** The student's classes must sit in the default package, and the file must declare its own class. */
    private static List<String> layoutProblems(Path source, String className, Map<String, byte[]> classes) {
        if (classes.keySet().stream().anyMatch(name -> name.indexOf('.') >= 0)) {
            return List.of(source.getFileName() + ":1: error: an exercise file has no package line; remove it");
        }
        if (!classes.containsKey(className)) {
            return List.of(source.getFileName() + ":1: error: the file must declare the class " + className);
        }
        return List.of();
    }

    /** Moves a finished compilation into place; when another run got there first, its copy is the same. */
    private static void publish(Path staged, Path entry) throws IOException {
        try {
            Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // An identical entry is already there.
        } catch (IOException e) {
            if (!Files.isDirectory(entry)) {
                throw e;
            }
        }
    }

    /** The file's content and name, the class path with each jar's size and time, and the Java version. */
    static String key(byte[] text, String fileName, String classPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text);
            StringBuilder context = new StringBuilder("\n").append(fileName).append('\n')
                    .append(System.getProperty("java.version")).append('\n');
            for (String element : classPath.split(File.pathSeparator)) {
                File f = new File(element);
                context.append(element).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
            }
            sha.update(context.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
