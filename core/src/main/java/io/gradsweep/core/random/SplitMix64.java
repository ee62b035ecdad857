package io.gradsweep.core.random;

/**
 * A small counter-based generator (Steele, Lea, Flood 2014): the same seed gives the same stream
 * on every JVM and machine, which the determinism contract needs; java.util.Random would too, but
 * SplitMix64 also gives the {@link #mix} function used to derive independent seeds.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser: a bijective, well-avalanching 64-bit mix. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's method with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /**
     * Standard normal by the polar Box-Muller method. StrictMath, not Math, so that the value is
     * the same bit pattern on every JVM (Math.log may be an intrinsic that differs by an ulp).
     */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /** Fisher-Yates shuffle of {@code order} in place. */
    public void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
