package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher compiling its own package, and knowing when to do it again. */
class BootstrapTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theStampChangesWithAnyEditAddedOrRemovedSource(@TempDir Path sources) throws Exception {
        Path a = Files.writeString(sources.resolve("A.java"), "class A { int x = 1; }\n");
        Files.writeString(sources.resolve("notes.txt"), "not a source");
        String first = Bootstrap.stamp(sources);
        assertEquals(first, Bootstrap.stamp(sources));

        FileTime time = Files.getLastModifiedTime(a);
        Files.writeString(a, "class A { int x = 2; }\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(time.toMillis() + 1));
        String edited = Bootstrap.stamp(sources);
        assertNotEquals(first, edited, "an edit of the same size, a millisecond later");

        Files.writeString(sources.resolve("B.java"), "class B {}\n");
        String added = Bootstrap.stamp(sources);
        assertNotEquals(edited, added);
        Files.delete(sources.resolve("B.java"));
        assertEquals(edited, Bootstrap.stamp(sources));
        Files.writeString(sources.resolve("notes.txt"), "still not a source");
        assertEquals(edited, Bootstrap.stamp(sources), "only .java files count");
    }

    @Test
    void thePackageCompilesIntoAFreshFolderWithItsStamp(@TempDir Path dir) throws Exception {
        Path sources = REPO.resolve(Bootstrap.SOURCES);
        Path classes = dir.resolve("launcher");
        Files.createDirectories(classes.resolve("stale"));
        String stamp = Bootstrap.stamp(sources);

        assertNull(Bootstrap.compile(sources, classes, stamp));

        assertEquals(stamp, Bootstrap.recorded(classes));
        assertTrue(Files.isRegularFile(classes.resolve("dev/micrograd/launcher/Launcher.class")));
        assertTrue(Files.notExists(classes.resolve("stale")), "the old copy is replaced whole");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("launcher"), left.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    "no temporary folder is left");
        }
    }

    @Test
    void aSourceThatDoesNotCompileIsReportedAndTheOldCopyKept(@TempDir Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("Broken.java"), "package dev.micrograd.launcher;\nclass Broken { int x = ; }\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve(Bootstrap.STAMP), "old");

        String error = Bootstrap.compile(sources, classes, Bootstrap.stamp(sources));

        assertTrue(error != null && error.contains("Broken.java:2: error: illegal start of expression"), error);
        assertEquals("old", Bootstrap.recorded(classes));
    }

    @Test
    void theRootIsFoundFromTheSourceFileOrTheCompiledFolder() throws Exception {
        Path root = REPO;
        URL source = root.resolve(Bootstrap.SOURCES).resolve("Bootstrap.java").toUri().toURL();
        assertEquals(root, Bootstrap.root(source));
        Path classes = Files.createDirectories(Files.createTempDirectory("repo").resolve(Bootstrap.CLASSES));
        try {
            assertEquals(classes.resolve("../../..").normalize(), Bootstrap.root(classes.toUri().toURL()));
        } finally {
            Bootstrap.deleteTree(classes.resolve("../../..").normalize());
        }
    }
}
