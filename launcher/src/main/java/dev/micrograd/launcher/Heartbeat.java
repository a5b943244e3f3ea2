package dev.micrograd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * While JBang prepares a script for the first time (fetching its libraries, then compiling it), says every few seconds
 * how far it has got: the files that arrived in the Maven repository since it started, and the time so far. JBang
 * itself is silent while it downloads.
 */
final class Heartbeat {
    /** The first line waits this long, so that a quick build prints nothing. */
    static final long FIRST_MILLIS = 4_000;
    static final long EVERY_MILLIS = 5_000;

    private final Thread thread;
    private volatile boolean done;

    private Heartbeat(String what, Path repository, PrintStream out) {
        long start = System.currentTimeMillis();
        thread = new Thread(() -> beat(what, repository, out, start), "jbang wrapper progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the heartbeat for a script, for the repository JBang resolves into. */
    static Heartbeat start(String what, Path repository, PrintStream out) {
        return new Heartbeat(what, repository, out);
    }

    /** JBang's local Maven repository: JBANG_REPO, else the user's ~/.m2/repository. */
    static Path repository(Os os, java.util.Map<String, String> env, String userHome) {
        return Path.of(os.variable(env, "JBANG_REPO").orElse(os.join(os.join(userHome, ".m2"), "repository")));
    }

    private void beat(String what, Path repository, PrintStream out, long start) {
        long next = start + FIRST_MILLIS;
        while (!done) {
            try {
                TimeUnit.MILLISECONDS.sleep(Math.max(10, Math.min(200, next - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                return;
            }
            if (!done && System.currentTimeMillis() >= next) {
                long[] fetched = fetchedSince(repository, start - 1_000);
                if (!done) {
                    out.println(Launcher.NAME + line(what, (System.currentTimeMillis() - start) / 1000,
                            (int) fetched[0], fetched[1]));
                    out.flush();
                }
                next = System.currentTimeMillis() + EVERY_MILLIS;
            }
        }
    }

    /** One progress line. */
    static String line(String what, long seconds, int files, long bytes) {
        String fetched = files == 0 ? "" : String.format(Locale.ROOT, ", %d %s fetched (%.1f MB)", files,
                files == 1 ? "library" : "libraries", bytes / 1e6);
        return "JBang is preparing " + what + ", first run only: " + seconds + " s so far" + fetched + "...";
    }

    /** The jars that arrived in the repository since a time, and their size. */
    static long[] fetchedSince(Path repository, long sinceMillis) {
        long[] count = new long[2];
        if (!Files.isDirectory(repository)) {
            return count;
        }
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".jar")
                            && attributes.lastModifiedTime().toMillis() >= sinceMillis) {
                        count[0]++;
                        count[1] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Only the message depends on it.
        }
        return count;
    }

    /** Stops the lines: JBang has finished. */
    void close() {
        done = true;
        thread.interrupt();
    }
}
