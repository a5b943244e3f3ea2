package dev.micrograd.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Two interleaving half circles, the data set of micrograd's demo, with the geometry of
 * scikit-learn's {@code make_moons}: the upper moon is labelled -1, the lower one +1.
 */
public final class Moons {
    /** One point and its label, -1 or +1. */
    public record Point(double x, double y, int label) {
    }

    private Moons() {
    }

    /**
     * {@code n} points, half on each moon (the upper one gets the smaller half), shifted by
     * Gaussian noise with standard deviation {@code noise}, shuffled; the same seed gives the same points.
     */
    public static List<Point> generate(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("two moons need at least 2 points, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        Random random = new Random(seed);
        int upper = n / 2;
        int lower = n - upper;
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < upper; i++) {
            double t = Math.PI * i / (upper - 1 == 0 ? 1 : upper - 1);
            points.add(new Point(Math.cos(t), Math.sin(t), -1));
        }
        for (int i = 0; i < lower; i++) {
            double t = Math.PI * i / (lower - 1 == 0 ? 1 : lower - 1);
            points.add(new Point(1 - Math.cos(t), 0.5 - Math.sin(t), 1));
        }
        Collections.shuffle(points, random);
        List<Point> noisy = new ArrayList<>(n);
        for (Point p : points) {
            noisy.add(new Point(p.x() + noise * random.nextGaussian(), p.y() + noise * random.nextGaussian(), p.label()));
        }
        return List.copyOf(noisy);
    }
}
