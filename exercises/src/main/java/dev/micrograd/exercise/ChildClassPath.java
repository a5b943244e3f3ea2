package dev.micrograd.exercise;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class path of a checking JVM: the checker's own classes, plus the engine only for the sets whose
 * students use it (7 and 8). Where students write their own {@code Value} (sets 1 to 6) the engine is not
 * there to delegate to, and where they write their own neurons, layers and MLP (set 7) neither is the
 * engine's {@code nn} package. The classes are copied out of wherever the supervisor has them (a JBang jar
 * or Maven's class folders) into folders named by their content, once.
 */
final class ChildClassPath {
    /** Packages whose classes the harness needs. */
    static final List<String> HARNESS = List.of("dev/micrograd/exercise/");
    /** Packages a student of set 8 builds on. */
    static final List<String> ENGINE = List.of("dev/micrograd/engine/", "dev/micrograd/nn/", "dev/micrograd/data/");
    /** Packages a student of set 7 builds on: the engine's Value, without the networks they write themselves. */
    static final List<String> VALUE_ONLY = List.of("dev/micrograd/engine/");

    private ChildClassPath() {
    }

    /** Whether the students of a set write their own Value, so the engine stays off their class path. */
    static boolean engineAllowed(ExerciseSet set) {
        return set.id().compareTo("ex07") >= 0;
    }

    /** The engine's packages on the class path of {@code set}: none, its Value only, or all that set 8 uses. */
    static List<String> enginePackages(ExerciseSet set) {
        if (!engineAllowed(set)) {
            return List.of();
        }
        return set.id().equals("ex07") ? VALUE_ONLY : ENGINE;
    }

    /** The class path for {@code set}, made under {@code base} (a cache folder) on first use. */
    static String of(ExerciseSet set, Path base) throws IOException {
        List<String> path = new ArrayList<>();
        path.add(folder(base, "harness", Harness.class, HARNESS).toString());
        List<String> engine = enginePackages(set);
        if (!engine.isEmpty()) {
            path.add(folder(base, "engine", engineAnchor(), engine).toString());
        }
        return String.join(File.pathSeparator, path);
    }

    private static Class<?> engineAnchor() throws IOException {
        try {
            return Class.forName("dev.micrograd.engine.Value", false, ChildClassPath.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("the engine's classes are missing from the checker", e);
        }
    }

    /** A folder holding the packages' classes from where {@code anchor} was loaded, keyed by that place's identity. */
    private static synchronized Path folder(Path base, String name, Class<?> anchor, List<String> packages)
            throws IOException {
        Path source = location(anchor);
        String key = StudentCompiler.key(fingerprint(source, packages), name + String.join(",", packages),
                source.toString());
        Path target = base.resolve(name + "-" + key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(base);
        Path staged = Files.createTempDirectory(base, name + "-staging-");
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String entry = source.relativize(f).toString().replace(File.separatorChar, '/');
                        if (wanted(entry, packages)) {
                            copy(Files.newInputStream(f), staged.resolve(entry));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (!e.isDirectory() && wanted(e.getName(), packages)) {
                            copy(jar.getInputStream(e), staged.resolve(e.getName()));
                        }
                    }
                }
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        } finally {
            StudentCompiler.deleteTree(staged);
        }
        return target;
    }

    /** For a class folder, every wanted file's name, size and time; a jar's size and time are in the key already. */
    private static byte[] fingerprint(Path source, List<String> packages) throws IOException {
        StringBuilder s = new StringBuilder();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String entry = source.relativize(f).toString().replace(File.separatorChar, '/');
                    if (wanted(entry, packages)) {
                        s.append(entry).append(' ').append(Files.size(f)).append(' ')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    }
                }
            }
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean wanted(String entry, List<String> packages) {
        return entry.endsWith(".class") && packages.stream().anyMatch(entry::startsWith);
    }

    private static void copy(InputStream in, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (in) {
            Files.copy(in, to);
        }
    }

    private static Path location(Class<?> c) throws IOException {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("cannot tell where " + c.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
