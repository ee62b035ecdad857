package io.gradsweep.core.data;

import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;

/**
 * Two interleaved spirals (binary): class 1 is class 0 turned by half a turn. Positions along the
 * arms and the noise come from separate streams, so changing the noise moves the same points.
 */
public final class Spirals {
    public static final int DEFAULT_N = 400;
    public static final double DEFAULT_NOISE = 0.05;
    public static final double DEFAULT_TURNS = 1.5;
    /** Radius where the arms start: at 0 the two arms would meet and the classes overlap. */
    static final double INNER_RADIUS = 0.1;

    private Spirals() {
    }

    /**
     * @param n     rows; labels alternate 0, 1, 0, ... so the classes differ by at most one row
     * @param noise standard deviation of the Gaussian added to each coordinate
     * @param turns how many full turns each arm makes between radius 0.1 and 1
     */
    public static Dataset generate(long seed, int n, double noise, double turns) {
        Shapes.check("spirals", n, 2);
        SplitMix64 where = new SplitMix64(Seeds.derive(seed, "positions"));
        SplitMix64 jitter = new SplitMix64(Seeds.derive(seed, "noise"));
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double u = where.nextDouble();
            double radius = INNER_RADIUS + (1 - INNER_RADIUS) * u;
            double angle = 2 * StrictMath.PI * turns * u + StrictMath.PI * label;
            x[2 * i] = (float) (radius * StrictMath.cos(angle) + noise * jitter.nextGaussian());
            x[2 * i + 1] = (float) (radius * StrictMath.sin(angle) + noise * jitter.nextGaussian());
            labels[i] = label;
        }
        return Dataset.binary("spirals", x, n, 2, labels);
    }
}
