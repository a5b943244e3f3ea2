package dev.micrograd.exercise;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each check is worth, in one place: one point, unless this table gives a check (by its set and the start of
 * its name) more. Grades add the points of the checks that pass, so a set can be partly earned.
 */
final class Points {
    /** The checks that take a whole task working together, worth two points each. */
    static final Map<String, List<String>> DOUBLE = Map.of(
            "ex04", List.of("task 2: a chain of ", "task 3: 200 random expressions"),
            "ex06", List.of("task 6: 200 random expressions: the engine's gradients"),
            "ex07", List.of("task 6: 50 steps at rate"),
            "ex08", List.of("task 3: 50 steps with your loss", "task 4: trained on "));

    private Points() {
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

    /** The points of every check. */
    static double possible(String id, List<String> names) {
        return names.stream().mapToDouble(n -> of(id, n)).sum();
    }

    /** "12" or "12.5": points as teachers write them. */
    static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(Locale.ROOT, "%.2f", points)
                .replaceAll("0+$", "");
    }
}
