package dev.micrograd.exercise;

import java.io.File;
import java.io.IOException;
import java.net.URI;
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
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's file with javac inside the supervisor (javac runs none of the code it compiles, and
 * annotation processing is off), against the trusted class path, into a cache keyed by the file's content.
 */
final class StudentCompiler {
    /** The compiled classes, or the compiler's errors as {@code File.java:line: message}. */
    record Compiled(Path classes, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private StudentCompiler() {
    }

    /** Where the classes of this text will be, known before compiling so that the checked JVM can start at once. */
    static Path classesFor(byte[] text, Path source, String classPath, Path cache) {
        return cache.resolve(key(text, source.getFileName().toString(), classPath)).resolve("classes");
    }

    /** Compiles the text read from {@code source} (read once, so what is checked is what was compiled). */
    static Compiled compile(byte[] text, Path source, String className, String classPath, Path cache) throws IOException {
        Path classes = classesFor(text, source, classPath, cache);
        Path entry = classes.getParent();
        Path errors = entry.resolve("errors.txt");
        if (Files.isDirectory(classes)) {
            return new Compiled(classes, List.of());
        }
        if (Files.isRegularFile(errors)) {
            return new Compiled(null, Files.readAllLines(errors, StandardCharsets.UTF_8));
        }
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, "compiling-");
        try {
            List<String> problems = javac(text, source, className, classPath, work);
            Path done = work.resolve(problems.isEmpty() ? "classes" : "errors.txt");
            if (!problems.isEmpty()) {
                Files.write(done, problems, StandardCharsets.UTF_8);
            }
            publish(work, entry);
            return problems.isEmpty() ? new Compiled(classes, List.of()) : new Compiled(null, problems);
        } finally {
            deleteTree(work);
        }
    }

    private static List<String> javac(byte[] text, Path source, String className, String classPath, Path work)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return List.of("the checker needs a JDK (with javac), not only a Java runtime");
        }
        Path out = Files.createDirectories(work.resolve("classes"));
        Path noSources = Files.createDirectories(work.resolve("no-sources"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath,
                    "-sourcepath", noSources.toString(), "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                    "-nowarn", "-Xlint:none", "-g");
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + source.getFileName()),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return new String(text, StandardCharsets.UTF_8);
                }
            };
            boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                    errors.add(source.getFileName() + ":" + d.getLineNumber() + ": error: " + message);
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(source.getFileName() + ": error: javac failed without a message");
            }
            if (errors.isEmpty()) {
                errors.addAll(layoutProblems(source, className, out));
            }
            if (!errors.isEmpty()) {
                deleteTree(out);
            }
            return errors;
        }
    }

    /** The student's classes must sit in the default package, and the file must declare its own class. */
    private static List<String> layoutProblems(Path source, String className, Path out) throws IOException {
        try (Stream<Path> all = Files.list(out)) {
            if (all.anyMatch(Files::isDirectory)) {
                return List.of(source.getFileName() + ":1: error: an exercise file has no package line; remove it");
            }
        }
        if (!Files.isRegularFile(out.resolve(className + ".class"))) {
            return List.of(source.getFileName() + ":1: error: the file must declare the class " + className);
        }
        return List.of();
    }

    /** Moves a finished compilation into place; when another run got there first, its copy is the same. */
    private static void publish(Path work, Path entry) throws IOException {
        Path staged = Files.createDirectories(work.resolve("entry"));
        for (String name : List.of("classes", "errors.txt")) {
            if (Files.exists(work.resolve(name))) {
                Files.move(work.resolve(name), staged.resolve(name));
            }
        }
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
