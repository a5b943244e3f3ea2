package dev.micrograd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.data.Moons.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
    void theSeedsPointsAreThoseOfEveryEarlierRun() {
        // Golden values written by Collections.shuffle before the shuffle was written out: the JVM's data did not change.
        List<Point> points = Moons.generate(100, 0.1, 1);
        assertEquals(new Point(0.46042420869062506, -0.4931054051582211, 1), points.get(0));
        assertEquals(new Point(0.47146921582332135, 0.8775359245599939, -1), points.get(1));
        assertEquals(new Point(1.5471852542125872, -0.5239333775763588, 1), points.get(2));
        assertEquals(new Point(0.44879284004732717, -0.2863987651774312, 1), points.get(50));
        assertEquals(new Point(1.4058567998504647, -0.333369950349495, 1), points.get(99));
        StringBuilder labels = new StringBuilder();
        for (Point p : points) {
            labels.append(p.label() > 0 ? '+' : '-');
        }
        assertEquals("+-+++++--+--+--+++-+---++++++-+++++-----+-+--+--+++++--++--++--+--+---+--++--+--+--+---+-++++--+---+",
                labels.toString());
    }

    @Test
    void theWrittenOutShuffleOrdersAsCollectionsShuffleDoes() {
        for (int size : new int[] {0, 1, 2, 3, 7, 64, 100, 1000}) {
            for (long seed = 0; seed < 20; seed++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    expected.add(i);
                }
                List<Integer> actual = new ArrayList<>(expected);
                Collections.shuffle(expected, new Random(seed));
                Moons.shuffle(actual, new Random(seed));
                assertEquals(expected, actual, "size " + size + ", seed " + seed);
            }
        }
    }

    @Test
    void theWrittenOutNextIntDrawsAsRandomDoes() {
        // Powers of two, small bounds, and bounds just above 2^30 where most draws are redrawn.
        int[] bounds = {1, 2, 3, 5, 8, 10, 100, 1 << 20, (1 << 30) + 1, Integer.MAX_VALUE};
        for (int bound : bounds) {
            Random jdk = new Random(bound);
            Random ours = new Random(bound);
            for (int i = 0; i < 2000; i++) {
                assertEquals(jdk.nextInt(bound), Moons.nextInt(ours, bound), "bound " + bound + ", draw " + i);
            }
            assertEquals(jdk.nextLong(), ours.nextLong(), "both generators end in the same state");
        }
        assertMessage("bound must be positive, got 0", () -> Moons.nextInt(new Random(1), 0));
    }

    @Test
    void theWrittenOutGaussianDrawsAsRandomDoes() {
        for (long seed = 0; seed < 10; seed++) {
            Random jdk = new Random(seed);
            Random ours = new Random(seed);
            Moons.Gaussian gaussian = new Moons.Gaussian(ours);
            for (int i = 0; i < 5000; i++) {
                assertEquals(jdk.nextGaussian(), gaussian.next(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void theWrittenOutLogIsStrictMathsBitForBit() {
        double[] special = {0.0, -0.0, -1.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, 0.5, 1.0, 1.0000001,
            Math.nextUp(1.0), Math.nextDown(1.0), 2.0, Math.E, 10.0, 1e300, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NaN};
        for (double x : special) {
            assertEquals(StrictMath.log(x), Moons.log(x), "log " + x);
        }
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            double x = i % 3 == 0 ? random.nextDouble() : i % 3 == 1 ? Math.exp(random.nextGaussian() * 50)
                    : 1 + random.nextGaussian() * 1e-6;
            assertEquals(Double.doubleToLongBits(StrictMath.log(x)), Double.doubleToLongBits(Moons.log(x)), "log " + x);
        }
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
