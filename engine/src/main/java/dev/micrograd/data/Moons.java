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
        Gaussian gaussian = new Gaussian(random);
        List<Point> noisy = new ArrayList<>(n);
        for (Point p : points) {
            noisy.add(new Point(p.x() + noise * gaussian.next(), p.y() + noise * gaussian.next(), p.label()));
        }
        return List.copyOf(noisy);
    }

    /**
     * {@code Random.nextGaussian()} as its documentation specifies it (the polar method, with StrictMath),
     * built on {@code nextDouble()}, which every runtime draws alike; the second number of each pair is kept
     * for the next call, as Random keeps it.
     */
    static final class Gaussian {
        private final Random random;
        private double kept;
        private boolean haveKept;

        Gaussian(Random random) {
            this.random = random;
        }

        double next() {
            if (haveKept) {
                haveKept = false;
                return kept;
            }
            double v1;
            double v2;
            double s;
            do {
                v1 = 2 * random.nextDouble() - 1;
                v2 = 2 * random.nextDouble() - 1;
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            double multiplier = StrictMath.sqrt(-2 * log(s) / s);
            kept = v2 * multiplier;
            haveKept = true;
            return v1 * multiplier;
        }
    }

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    /**
     * StrictMath.log, which is fdlibm's {@code __ieee754_log}, written out in Java: a browser's Math.log
     * differs from it in the last bit for some numbers, which would move some points of the data set.
     */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) {
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            // A subnormal number: scale it up into the normal range first.
            k -= 54;
            x *= TWO54;
            hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // Normalise x, or x/2, into [sqrt(2)/2, sqrt(2)).
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        if ((0x000fffff & (2 + hx)) < 3) {
            if (f == 0) {
                if (k == 0) {
                    return 0;
                }
                dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
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
