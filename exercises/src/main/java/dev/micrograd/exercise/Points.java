package dev.micrograd.exercise;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each check is worth, in one place: one point, unless this table gives a check (by its set and the start of
 * its name) more. Grades add the points of the checks that pass, so a set can be partly earned. A bonus check
 * (its name starts with {@link #BONUS}) is extra credit: its point counts when it passes, and it is not among
 * the points possible, so skipping it costs nothing.
 */
final class Points {
    /** The checks that take a whole task working together, worth two points each. */
    static final Map<String, List<String>> DOUBLE = Map.of(
            "ex04", List.of("task 3: 200 random expressions"),
            "ex06", List.of("task 6: 200 random expressions: the engine's gradients"),
            "ex07", List.of("task 6: 50 steps at rate"),
            "ex08", List.of("task 3: 50 steps with your loss", "task 4: trained on "));

    /** How the name of a bonus check starts. */
    static final String BONUS = "bonus";

    private Points() {
    }

    /** Whether a check is a bonus, which a student may skip. */
    static boolean bonus(String name) {
        return name.startsWith(BONUS);
    }

    /** The points of a check of set {@code id}, named {@code name}. */
    static double of(String id, String name) {
        for (String start : DOUBLE.getOrDefault(id, List.of())) {
            if (name.startsWith(start)) {
                return 2;
            }
        }
        return 1;
    }

    /** The points of the checks that passed. */
    static double earned(String id, List<Result> results) {
        return results.stream().filter(Result::passed).mapToDouble(r -> of(id, r.name())).sum();
    }

    /** The points of every check but the bonus ones. */
    static double possible(String id, List<String> names) {
        return names.stream().filter(n -> !bonus(n)).mapToDouble(n -> of(id, n)).sum();
    }

    /** "12" or "12.5": points as teachers write them. */
    static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(Locale.ROOT, "%.2f", points)
                .replaceAll("0+$", "");
    }
}
