package dev.micrograd.exercise;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One set of exercises, {@code exNN}: its checks class and where its file lives. */
record ExerciseSet(String id) {
    private static final Pattern ID = Pattern.compile("ex(\\d\\d)");
    private static final Pattern FILE = Pattern.compile("Ex(\\d\\d)[A-Za-z0-9_$]*\\.java");

    /** {@code ex03} for {@code ex03}, empty for anything else. */
    static Optional<ExerciseSet> ofId(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() && exists(id) ? Optional.of(new ExerciseSet(id)) : Optional.empty();
    }

    /** {@code ex03} for {@code Ex03ManualBackprop.java} or {@code Ex03ManualBackpropSolution.java}. */
    static Optional<ExerciseSet> ofFile(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() ? ofId("ex" + m.group(1)) : Optional.empty();
    }

    /** Every set there are checks for, in order. */
    static List<ExerciseSet> all() {
        List<ExerciseSet> sets = new ArrayList<>();
        for (int n = 1; n <= 99; n++) {
            String id = String.format(Locale.ROOT, "ex%02d", n);
            if (exists(id)) {
                sets.add(new ExerciseSet(id));
            } else if (n > 1) {
                break;
            }
        }
        return sets;
    }

    static String checksClassName(String id) {
        return "Ex" + id.substring(2) + "Checks";
    }

    private static boolean exists(String id) {
        try {
            Class.forName("dev.micrograd.exercise." + checksClassName(id), false, ExerciseSet.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The set's checks, built with a student that is never called: the supervisor learns their names, hints
     * and time limits without running any student code.
     */
    Checks declared() {
        try {
            Class<?> c = Class.forName("dev.micrograd.exercise." + checksClassName(id));
            Method of = c.getMethod("of", Supplier.class);
            Supplier<Object> absent = () -> {
                throw new IllegalStateException("the supervisor never runs a check");
            };
            return (Checks) of.invoke(null, absent);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(checksClassName(id) + " has no method of(Supplier)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(checksClassName(id) + ".of failed", e.getCause());
        }
    }

    /** The file of this set in a folder of exercise files ({@code ExNN*.java}, solutions excluded), if any. */
    Optional<Path> fileIn(Path folder) {
        String prefix = "Ex" + id.substring(2);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".java") && !name.endsWith("Solution.java")
                        && FILE.matcher(name).matches() && Files.isRegularFile(f);
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The folder {@code exercises/starters} of the repository: above the current folder, else above the
     * wrapper that started us, else above where our classes are.
     */
    static Optional<Path> starters() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        String launcher = System.getenv("JBANG_LAUNCH_CMD");
        if (launcher != null && !launcher.isBlank()) {
            starts.add(Path.of(launcher).toAbsolutePath().getParent());
        }
        try {
            starts.add(Path.of(ExerciseSet.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // Without a code source the other two places still apply.
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path starters = dir.resolve("exercises").resolve("starters");
                if (Files.isDirectory(starters)) {
                    return Optional.of(starters);
                }
            }
        }
        return Optional.empty();
    }
}
