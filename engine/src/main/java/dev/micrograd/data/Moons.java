package dev.micrograd.data;

import java.util.ArrayList;
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
        shuffle(points, random);
        List<Point> noisy = new ArrayList<>(n);
        for (Point p : points) {
            noisy.add(new Point(p.x() + noise * random.nextGaussian(), p.y() + noise * random.nextGaussian(), p.label()));
        }
        return List.copyOf(noisy);
    }

    /**
     * Collections.shuffle's documented algorithm, written out so that every Java runtime gives the same order:
     * from the last position down, swap each element with one at a random position at or before it.
     */
    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size(); i > 1; i--) {
            list.set(i - 1, list.set(nextInt(random, i), list.get(i - 1)));
        }
    }

    /**
     * {@code Random.nextInt(bound)} as its documentation specifies it, built on {@code nextInt()}: some
     * runtimes that compile Java to JavaScript draw bounded integers another way, which would reorder the points.
     */
    static int nextInt(Random random, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        // The top 31 of nextInt()'s 32 bits are the documented next(31), and nextInt() advances the seed as next(31) does.
        int r = random.nextInt() >>> 1;
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        // Redraw the few values of the last, incomplete run of bound numbers, so every result is equally likely.
        for (int u = r; u - (r = u % bound) + m < 0; u = random.nextInt() >>> 1) {
            // The condition does the work.
        }
        return r;
    }
}
