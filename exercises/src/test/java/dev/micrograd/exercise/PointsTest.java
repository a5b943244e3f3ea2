package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of points names real checks, one each, and the report shows them. */
class PointsTest {
    @Test
    void everyEntryOfTheTableNamesExactlyOneCheck() {
        for (Map.Entry<String, List<String>> e : Points.DOUBLE.entrySet()) {
            List<String> names = new ExerciseSet(e.getKey()).declared().specs().stream().map(Checks.Spec::name).toList();
            for (String start : e.getValue()) {
                assertEquals(1, names.stream().filter(n -> n.startsWith(start)).count(), e.getKey() + ": " + start);
            }
        }
    }

    @Test
    void pointsAddUpAndPrintAsTeachersWriteThem() {
        List<String> names = new ExerciseSet("ex04").declared().specs().stream().map(Checks.Spec::name).toList();
        long required = names.stream().filter(n -> !Points.bonus(n)).count();
        String twoPoints = names.stream().filter(n -> n.startsWith(Points.DOUBLE.get("ex04").get(0))).findFirst().orElseThrow();
        String bonus = names.stream().filter(Points::bonus).findFirst().orElseThrow();
        assertEquals(required + 1, Points.possible("ex04", names), 0, "one check worth 2, the bonus checks not possible");
        List<Result> results = List.of(new Result(1, twoPoints, true, List.of()), new Result(2, names.get(0), true, List.of()),
                new Result(3, names.get(1), false, List.of()));
        assertEquals(3, Points.earned("ex04", results), 0);
        assertEquals(4, Points.earned("ex04", List.of(results.get(0), results.get(1), new Result(4, bonus, true, List.of()))), 0,
                "a passed bonus check is extra credit");
        assertEquals("3", Points.format(3));
        assertEquals("2.5", Points.format(2.5));
        assertEquals("0.25", Points.format(0.25));
    }
}
