package dev.micrograd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.data.Moons.Point;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The two-moons data set: deterministic, balanced, on its two half circles. */
class MoonsTest {

    /** Distance from the half circle a point's label puts it on: upper around (0, 0), lower around (1, 0.5). */
    private static double offCircle(Point p) {
        double cx = p.label() < 0 ? 0 : 1;
        double cy = p.label() < 0 ? 0 : 0.5;
        return Math.abs(Math.hypot(p.x() - cx, p.y() - cy) - 1);
    }

    @Test
    void sameSeedSamePoints() {
        assertEquals(Moons.generate(100, 0.1, 42), Moons.generate(100, 0.1, 42));
        assertNotEquals(Moons.generate(100, 0.1, 42), Moons.generate(100, 0.1, 43));
    }

    @Test
    void halfTheLabelsAreEach() {
        List<Point> points = Moons.generate(100, 0.1, 42);
        assertEquals(100, points.size());
        assertEquals(50, points.stream().filter(p -> p.label() == -1).count());
        assertEquals(50, points.stream().filter(p -> p.label() == 1).count());
        List<Point> odd = Moons.generate(7, 0.1, 1);
        assertEquals(3, odd.stream().filter(p -> p.label() == -1).count(), "the upper moon gets the smaller half");
    }

    @Test
    void pointsLieNearTheirHalfCircles() {
        List<Point> points = Moons.generate(100, 0.1, 42);
        for (Point p : points) {
            assertTrue(offCircle(p) < 0.5, () -> p + " is five noise deviations off its moon");
        }
        double mean = points.stream().mapToDouble(MoonsTest::offCircle).average().orElseThrow();
        assertTrue(mean < 0.15, "mean distance " + mean + " fits noise 0.1");
        assertTrue(points.stream().filter(p -> p.label() == -1).mapToDouble(Point::y).average().orElseThrow() > 0.4);
        assertTrue(points.stream().filter(p -> p.label() == 1).mapToDouble(Point::y).average().orElseThrow() < 0.1);
    }

    @Test
    void withoutNoiseThePointsAreExactlyScikitLearnsMoons() {
        List<Point> points = Moons.generate(6, 0, 3).stream()
                .sorted(Comparator.comparingInt(Point::label).thenComparingDouble(Point::x))
                .collect(Collectors.toList());
        // Three points per moon sit at angles 0, pi/2 and pi.
        double[][] expected = {
            {-1, 0, -1}, {0, 1, -1}, {1, 0, -1},
            {0, 0.5, 1}, {1, -0.5, 1}, {2, 0.5, 1},
        };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], points.get(i).x(), 1e-12, "x of " + i);
            assertEquals(expected[i][1], points.get(i).y(), 1e-12, "y of " + i);
            assertEquals((int) expected[i][2], points.get(i).label());
        }
    }

    @Test
    void pointsAreShuffled() {
        List<Point> points = Moons.generate(100, 0.1, 42);
        long labelChanges = 0;
        for (int i = 1; i < points.size(); i++) {
            labelChanges += points.get(i).label() != points.get(i - 1).label() ? 1 : 0;
        }
        assertTrue(labelChanges > 20, "the two moons are interleaved, not in two blocks: " + labelChanges);
    }

    @Test
    void badArgumentsAreRejected() {
        assertMessage("two moons need at least 2 points, got 1", () -> Moons.generate(1, 0.1, 1));
        assertMessage("two moons need at least 2 points, got -5", () -> Moons.generate(-5, 0.1, 1));
        assertMessage("noise must be a finite number >= 0, got -0.1", () -> Moons.generate(10, -0.1, 1));
        assertMessage("noise must be a finite number >= 0, got NaN", () -> Moons.generate(10, Double.NaN, 1));
        assertMessage("noise must be a finite number >= 0, got Infinity",
                () -> Moons.generate(10, Double.POSITIVE_INFINITY, 1));
    }

    private static void assertMessage(String message, Runnable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
