package dev.micrograd.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Compiles this package into {@code .mvn/jbang/launcher} and starts one of its main classes. The shims run this file
 * with the JDK's source launcher the first time (which compiles one file only, so this one uses nothing else of the
 * package) and the compiled class after that:
 *
 * <pre>
 *   java launcher/src/main/java/dev/micrograd/launcher/Bootstrap.java Launcher ./jbang ch01
 *   java -classpath .mvn/jbang/launcher dev.micrograd.launcher.Bootstrap Launcher ./jbang ch01
 * </pre>
 *
 * <p>The compiled copy carries a stamp of the sources it came from; an edited, added or removed source makes the next
 * start compile again.
 */
public final class Bootstrap {
    /** The package's sources, relative to the repository root. */
    static final String SOURCES = "launcher/src/main/java/dev/micrograd/launcher";
    /** Where the package is compiled, relative to the repository root. */
    static final String CLASSES = ".mvn/jbang/launcher";
    static final String STAMP = "launcher.stamp";
    private static final String PACKAGE = "dev.micrograd.launcher.";

    private Bootstrap() {
    }

    /** {@code argv[0]} names the main class in this package; the rest are its arguments. */
    public static void main(String[] argv) throws Throwable {
        if (argv.length == 0) {
            System.err.println("usage: java Bootstrap.java MAIN-CLASS [ARGS...]");
            System.exit(2);
        }
        URL location = Bootstrap.class.getProtectionDomain().getCodeSource().getLocation();
        boolean fromSource = Files.isRegularFile(Path.of(location.toURI()));
        Path root = root(location);
        Path sources = root.resolve(SOURCES);
        Path classes = root.resolve(CLASSES);
        String stamp = stamp(sources);
        // Without its sources (a copy of the compiled folder alone) the compiled copy is all there is.
        boolean current = stamp.equals(recorded(classes)) || stamp.equals("missing") && Files.isDirectory(classes);
        if (!current) {
            String name = argv[0].equals("Launcher") ? "jbang wrapper: " : "run-tests: ";
            System.err.println(name + (Files.isDirectory(classes) ? "the launcher's sources changed, compiling them"
                    + " again..." : "compiling the launcher into " + CLASSES + " (once)..."));
            String error = compile(sources, classes, stamp);
            if (error != null) {
                System.err.println(name + "cannot compile the launcher in " + sources + ":\n" + error);
                System.exit(1);
            }
        }
        String[] args = Arrays.copyOfRange(argv, 1, argv.length);
        if (current && !fromSource) {
            invoke(Class.forName(PACKAGE + argv[0]), args);
            return;
        }
        // The classes just compiled, in a loader of their own, so that nothing of an older copy mixes in.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        invoke(Class.forName(PACKAGE + argv[0], true, loader), args);
    }

    private static void invoke(Class<?> type, String[] args) throws Throwable {
        Method main = type.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The stamp the compiled copy was made from, or "" when there is none. */
    static String recorded(Path classes) {
        try {
            return Files.readString(classes.resolve(STAMP), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Every source's name, size and modification time, so that an edit, a new file or a removed one changes it. No
     * checksum: this runs on every start, and an editor or git always leaves a new time.
     */
    static String stamp(Path sources) {
        List<String> stamps = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sources)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".java")) {
                    BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
                    stamps.add(name + " " + a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                }
            }
        } catch (IOException e) {
            return "missing";
        }
        stamps.sort(null);
        return String.join(";", stamps);
    }

    /** Size, modification time and a checksum of the content, so that even an edit within the same second shows. */
    static String fileStamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            CRC32 crc = new CRC32();
            if (a.isRegularFile()) {
                crc.update(Files.readAllBytes(file));
            }
            return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + Long.toHexString(crc.getValue());
        } catch (IOException e) {
            return "missing";
        }
    }

    /**
     * Compiles every source into a new folder and puts it in place of {@code classes}: null when done (or when the
     * JDK has no compiler but an older copy can serve), else what went wrong, such as javac's report.
     */
    static String compile(Path sources, Path classes, String stamp) throws IOException {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Files.isDirectory(classes) ? null : "this Java has no compiler: set JAVA_HOME to a JDK 17 or newer";
        }
        List<String> files;
        try (Stream<Path> all = Files.list(sources)) {
            files = all.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
        Path tmp = classes.resolveSibling(classes.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try {
            Files.createDirectories(tmp);
            List<String> options = new ArrayList<>(List.of("-d", tmp.toString(), "-nowarn", "-encoding", "UTF-8",
                    "--release", "17",
                    // Plain string concatenation: the invokedynamic kind costs start-up time on every run.
                    "-XDstringConcat=inline"));
            options.addAll(files);
            int exit = javac.run(null, messages, messages, options.toArray(new String[0]));
            if (exit != 0) {
                deleteTree(tmp);
                return messages.toString(Charset.defaultCharset()).trim();
            }
            Files.writeString(tmp.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            if (recorded(classes).equals(stamp)) {
                // Another run compiled the same sources first, and may be running from them now.
                deleteTree(tmp);
                return null;
            }
            deleteTree(classes);
            move(tmp, classes);
            return null;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (recorded(classes).equals(stamp)) {
                return null;
            }
            return "cannot write " + classes + ": " + e.getMessage();
        }
    }

    /** Moves a file or folder into place, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The repository root for this class's code source: the source file, or the compiled folder. */
    static Path root(URL codeSource) throws URISyntaxException {
        Path here = Path.of(codeSource.toURI());
        return Files.isRegularFile(here) ? here.getParent().resolve("../../../../../../..").normalize()
                : here.resolve("../../..").normalize();
    }
}
