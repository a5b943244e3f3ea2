package dev.micrograd.lesson;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every chapter script in one JVM for the site build, each with {@code --out DIR --quiet}.
 *
 * <p>The chapters are found from the file names in the scripts folder ({@code Ch01DataStructure.java}
 * is the class {@code Ch01DataStructure}, writing to {@code DIR/ch01}), so a new chapter is picked up
 * without touching the build. The chapters run again only when a class-path entry changed.
 * {@code --announce FILE} only prints where the built site is.
 */
public final class RunChapters {
    /** The file in the output folder recording what the last complete run depended on. */
    static final String STAMP = ".chapters-stamp";
    private static final Pattern SCRIPT = Pattern.compile("(Ch(\\d\\d)\\w*)\\.java");

    private RunChapters() {
    }

    public static void main(String... args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns the exit code: 0 done, 1 a chapter failed, 2 bad options. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 2 && args[0].equals("--announce")) {
            return announce(Path.of(args[1]), out, err);
        }
        if (args.length != 4 || !args[0].equals("--scripts") || !args[2].equals("--out")) {
            err.println("Usage: RunChapters --scripts DIR --out DIR   (runs every ChNN*.java chapter)");
            err.println("       RunChapters --announce FILE            (prints where the built site is)");
            return 2;
        }
        Path scripts = Path.of(args[1]);
        Path outRoot = Path.of(args[3]);
        List<Chapter> chapters;
        try {
            chapters = find(scripts);
        } catch (IOException e) {
            err.println("error: cannot list the chapter scripts in " + scripts + " (" + e.getMessage() + ")");
            return 1;
        }
        if (chapters.isEmpty()) {
            err.println("error: no chapter scripts (ChNN*.java) in " + scripts);
            return 1;
        }
        String stagesProblem = writeStages(scripts, outRoot);
        if (stagesProblem != null) {
            err.println("error: " + stagesProblem);
            return 1;
        }
        String stamp = stamp(chapters);
        Path stampFile = outRoot.resolve(STAMP);
        if (upToDate(stampFile, stamp, chapters, outRoot)) {
            out.println("Chapter outputs in " + outRoot + " are up to date");
            return 0;
        }
        String previous = System.setProperty(Lesson.NO_EXIT_PROPERTY, "true");
        try {
            Files.deleteIfExists(stampFile);
            long start = System.nanoTime();
            for (Chapter chapter : chapters) {
                String problem = runOne(chapter, outRoot);
                if (problem != null) {
                    err.println("error: " + scripts.resolve(chapter.className + ".java") + ": " + problem);
                    return 1;
                }
            }
            out.printf(Locale.ROOT, "Ran %d chapters into %s in %.1f s%n",
                    chapters.size(), outRoot, (System.nanoTime() - start) / 1e9);
            try {
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("warning: cannot write " + stampFile + "; the chapters will run again next time");
            }
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write to " + outRoot + " (" + e.getMessage() + ")");
            return 1;
        } finally {
            if (previous == null) {
                System.clearProperty(Lesson.NO_EXIT_PROPERTY);
            } else {
                System.setProperty(Lesson.NO_EXIT_PROPERTY, previous);
            }
        }
    }

    /**
     * Writes {@code DIR/lecture/stages.adoc}, the lines each stage of the lecture's Value adds, for the pages to
     * highlight; returns what went wrong, or null. A scripts folder without stages beside it has nothing to write.
     */
    static String writeStages(Path scripts, Path outRoot) {
        Path folder = scripts.toAbsolutePath().normalize().resolveSibling(Stages.FOLDER);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Path file = outRoot.resolve("lecture").resolve("stages.adoc");
        try {
            List<Stages.Stage> stages = Stages.read(folder);
            String adoc = Stages.attributes(stages);
            Files.createDirectories(file.getParent());
            Files.writeString(file, adoc, StandardCharsets.UTF_8);
            // What each stage adds, in context, for the pages that show only the new lines with the class a click away.
            for (int k = 1; k < stages.size(); k++) {
                Stages.Stage stage = stages.get(k);
                List<Integer> added = Stages.added(stages.get(k - 1).lines(), stage.lines());
                Files.writeString(file.resolveSibling(stage.id() + "-new.java"),
                        Stages.excerpt(stage.lines(), added, Stages.CONTEXT).text(), StandardCharsets.UTF_8);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "the stages of the lecture's Value in " + folder + " drifted apart: " + e.getMessage();
        } catch (IOException e) {
            return "cannot write " + file + " (" + e.getMessage() + ")";
        }
    }

    /**
     * What the outputs depend on: the chapters and every class-path entry with its size and time, so
     * the site can be rebuilt without running the chapters again when only its pages changed.
     */
    static String stamp(List<Chapter> chapters) {
        StringBuilder stamp = new StringBuilder();
        chapters.forEach(chapter -> stamp.append(chapter.className).append('\n'));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    stamp.append(file).append(' ').append(Files.size(file)).append(' ')
                            .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                }
            } catch (IOException e) {
                stamp.append(entry).append(" unreadable\n");
            }
        }
        return stamp.toString();
    }

    private static boolean upToDate(Path stampFile, String stamp, List<Chapter> chapters, Path outRoot) {
        try {
            return Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                    && chapters.stream().allMatch(chapter -> Files.isDirectory(outRoot.resolve(chapter.id)));
        } catch (IOException e) {
            return false;
        }
    }

    /** A chapter script: its class name and the output folder name Lesson uses ({@code ch01}). */
    record Chapter(String className, String id) {
    }

    /** The chapter scripts in the folder, in chapter order. */
    static List<Chapter> find(Path scripts) throws IOException {
        try (Stream<Path> files = Files.list(scripts)) {
            return files.map(file -> SCRIPT.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> new Chapter(m.group(1), "ch" + m.group(2)))
                    .sorted(Comparator.comparing(Chapter::id).thenComparing(Chapter::className))
                    .collect(Collectors.toList());
        }
    }

    /** Runs one chapter into a fresh folder, so no stale output of an earlier run can reach the site. */
    private static String runOne(Chapter chapter, Path outRoot) {
        Method main;
        try {
            main = Class.forName(chapter.className).getDeclaredMethod("main", String[].class);
            main.setAccessible(true);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return "not compiled into the chapters jar; rebuild it with ./mvnw -pl chapters install";
        }
        try {
            deleteTree(outRoot.resolve(chapter.id));
            main.invoke(null, (Object) new String[] {"--out", outRoot.toString(), "--quiet"});
            return null;
        } catch (UncheckedIOException e) {
            return "cannot clear its old outputs (" + e.getCause().getMessage() + ")";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Lesson.Exit) {
                return "the chapter failed with exit code " + ((Lesson.Exit) cause).code() + " (see the error above)";
            }
            return "the chapter stopped: " + cause;
        } catch (IllegalAccessException e) {
            return "cannot call its main method (" + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int announce(Path file, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println("error: the site was not built: " + file + " is missing");
            return 1;
        }
        out.println("Tutorial site: " + file.toAbsolutePath().normalize().toUri());
        return 0;
    }
}
