package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run's progress lines, and what counts as fetched. */
class HeartbeatTest {
    @Test
    void theLineSaysWhatIsPreparedHowLongAndWhatArrived() {
        assertEquals("JBang is preparing ch01, first run only: 4 s so far...", Heartbeat.line("ch01", 4, 0, 0));
        assertEquals("JBang is preparing ch02, first run only: 9 s so far, 1 library fetched (0.5 MB)...",
                Heartbeat.line("ch02", 9, 1, 500_000));
        assertEquals("JBang is preparing ch02, first run only: 9 s so far, 12 libraries fetched (31.5 MB)...",
                Heartbeat.line("ch02", 9, 12, 31_500_000));
    }

    @Test
    void onlyJarsThatArrivedSinceTheStartCount(@TempDir Path repository) throws Exception {
        Path folder = Files.createDirectories(repository.resolve("org/graalvm/js/js/22.3.5"));
        Files.write(folder.resolve("js-22.3.5.jar"), new byte[1_000]);
        Files.writeString(folder.resolve("js-22.3.5.pom"), "<project/>");
        Path old = Files.write(repository.resolve("old.jar"), new byte[50]);
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000));

        assertArrayEquals(new long[] {1, 1_000}, Heartbeat.fetchedSince(repository, 2_000));
        assertArrayEquals(new long[] {0, 0}, Heartbeat.fetchedSince(repository.resolve("none"), 0));
    }

    @Test
    void jbangsRepositoryIsJbangRepoElseTheUsersMavenRepository() {
        assertEquals(Path.of("/r"), Heartbeat.repository(Os.LINUX, Map.of("JBANG_REPO", "/r"), "/home/ann"));
        assertEquals(Path.of("/home/ann/.m2/repository"), Heartbeat.repository(Os.LINUX, Map.of(), "/home/ann"));
    }
}
