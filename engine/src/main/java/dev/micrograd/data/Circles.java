package dev.micrograd.data;

import dev.micrograd.data.Moons.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Two rings around the origin, radius 1 labelled -1 and radius 0.5 labelled +1: no straight line separates them. */
public final class Circles {
    private Circles() {
    }

    /** {@code n} points at random angles, alternating between the rings, shifted by Gaussian noise; the same seed gives the same points. */
    public static List<Point> generate(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("two circles need at least 2 points, got " + n);
        }
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = i % 2 == 0 ? -1 : 1;
            double r = label < 0 ? 1.0 : 0.5;
            double t = 2 * Math.PI * random.nextDouble();
            points.add(new Point(r * Math.cos(t) + noise * random.nextGaussian(),
                    r * Math.sin(t) + noise * random.nextGaussian(), label));
        }
        return points;
    }
}
