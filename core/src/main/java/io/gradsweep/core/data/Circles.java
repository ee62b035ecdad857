package io.gradsweep.core.data;

import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;

/**
 * Two concentric circles (binary): class 0 on the circle of radius 1, class 1 on the circle of
 * radius {@code factor}, angles uniform, Gaussian noise added to each coordinate.
 */
public final class Circles {
    public static final int DEFAULT_N = 400;
    public static final double DEFAULT_NOISE = 0.05;
    public static final double DEFAULT_FACTOR = 0.5;

    private Circles() {
    }

    /** @param factor inner radius over outer radius, strictly between 0 and 1 */
    public static Dataset generate(long seed, int n, double noise, double factor) {
        Shapes.check("circles", n, 2);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("circles: factor must lie strictly between 0 and 1, was " + factor);
        }
        SplitMix64 where = new SplitMix64(Seeds.derive(seed, "positions"));
        SplitMix64 jitter = new SplitMix64(Seeds.derive(seed, "noise"));
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double radius = label == 0 ? 1 : factor;
            double angle = 2 * StrictMath.PI * where.nextDouble();
            x[2 * i] = (float) (radius * StrictMath.cos(angle) + noise * jitter.nextGaussian());
            x[2 * i + 1] = (float) (radius * StrictMath.sin(angle) + noise * jitter.nextGaussian());
            labels[i] = label;
        }
        return Dataset.binary("circles", x, n, 2, labels);
    }
}
