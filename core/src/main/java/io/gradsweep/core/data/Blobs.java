package io.gradsweep.core.data;

import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;

/**
 * Isotropic Gaussian blobs (classification): one centre per class drawn uniformly from the box
 * [-5, 5]^features, points scattered around it with standard deviation {@code spread}. Labels
 * cycle 0, 1, ..., classes-1 so the classes are balanced.
 */
public final class Blobs {
    public static final int DEFAULT_CLASSES = 3;
    public static final int DEFAULT_FEATURES = 2;
    public static final int DEFAULT_N = 300;
    public static final double DEFAULT_SPREAD = 1.0;
    /** Half-width of the box the centres are drawn from (as scikit-learn's make_blobs, halved). */
    public static final double BOX = 5.0;

    private Blobs() {
    }

    public static Dataset generate(long seed, int classes, int features, int n, double spread) {
        Shapes.check("blobs", n, features);
        if (classes < 2) {
            throw new IllegalArgumentException("blobs: classes must be at least 2, was " + classes);
        }
        double[] centres = centres(seed, classes, features);
        SplitMix64 scatter = new SplitMix64(Seeds.derive(seed, "points"));
        float[] x = new float[n * features];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % classes;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) (centres[label * features + j] + spread * scatter.nextGaussian());
            }
            labels[i] = label;
        }
        return Dataset.classification("blobs", x, n, features, labels, classes);
    }

    /** The class centres, row-major classes x features; the same for any n and spread. */
    public static double[] centres(long seed, int classes, int features) {
        SplitMix64 rng = new SplitMix64(Seeds.derive(seed, "centres"));
        double[] c = new double[classes * features];
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextDouble(-BOX, BOX);
        }
        return c;
    }
}
