package dev.micrograd.exercise;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's file with javac inside the supervisor (javac runs none of the code it compiles, and
 * annotation processing is off), against the trusted class path, into memory; a cache folder keyed by the
 * file's content makes a second check of the same text skip javac.
 */
final class StudentCompiler {
    /** The compiled classes by name, or the compiler's errors as {@code File.java:line: error: message}. */
    record Compiled(Map<String, byte[]> classes, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private StudentCompiler() {
    }

    /**
     * Compiles the text read from {@code source} (read once, so what is checked is what was compiled); with
     * a null cache nothing touches the disk, so no student's code can change what another check loads.
     */
    static Compiled compile(byte[] text, Path source, String className, String classPath, Path cache) throws IOException {
        if (cache == null) {
            return javac(text, source, className, classPath);
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
        Compiled compiled = javac(text, source, className, classPath);
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

    private static Compiled javac(byte[] text, Path source, String className, String classPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Compiled(Map.of(), List.of("the checker needs a JDK (with javac), not only a Java runtime"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> output = new TreeMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
             JavaFileManager files = new InMemory(standard, output)) {
            List<String> options = List.of("-classpath", classPath, "-sourcepath", "", "-proc:none", "-implicit:none",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g");
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
            Map<String, byte[]> classes = new TreeMap<>();
            output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
            if (errors.isEmpty()) {
                errors.addAll(layoutProblems(source, className, classes));
            }
            return errors.isEmpty() ? new Compiled(classes, List.of()) : new Compiled(Map.of(), List.copyOf(errors));
        }
    }

    /** Keeps javac's class files in memory. */
    private static final class InMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> output;

        InMemory(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> output) {
            super(files);
            this.output = output;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    output.put(className, bytes);
                    return bytes;
                }
            };
        }
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
