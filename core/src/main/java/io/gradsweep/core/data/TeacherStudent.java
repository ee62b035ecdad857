package io.gradsweep.core.data;

import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;

/**
 * Teacher-student data: standard normal inputs labelled by a random {@link Teacher} MLP, either
 * its outputs plus optional Gaussian noise (regression) or the argmax of its outputs
 * (classification). Teacher, inputs and noise have separate streams derived from the seed, so
 * the same seed gives the same teacher whatever n, and the first rows do not change with n.
 */
public final class TeacherStudent {
    public static final int DEFAULT_INPUTS = 10;
    public static final int DEFAULT_WIDTH = 32;
    public static final int DEFAULT_DEPTH = 2;
    public static final int DEFAULT_OUTPUTS = 1;
    public static final int DEFAULT_CLASSES = 3;
    public static final int DEFAULT_N = 1000;
    public static final double DEFAULT_NOISE = 0.0;
    static final String NAME = "teacher_student";

    private TeacherStudent() {
    }

    /** The teacher that {@link #regression} and {@link #classification} use for this seed. */
    public static Teacher teacher(long seed, int inputs, int width, int depth, int outputs) {
        return Teacher.random(Seeds.derive(seed, "teacher"), inputs, width, depth, outputs);
    }

    /** Targets = teacher outputs + noise * N(0, 1), {@code outputs} columns. */
    public static Dataset regression(long seed, int inputs, int width, int depth, int outputs, int n, double noise) {
        Teacher teacher = teacher(seed, inputs, width, depth, outputs);
        float[] x = inputs(seed, n, inputs);
        SplitMix64 jitter = new SplitMix64(Seeds.derive(seed, "noise"));
        float[] targets = new float[n * outputs];
        for (int r = 0; r < n; r++) {
            double[] y = teacher.forward(x, r * inputs);
            for (int o = 0; o < outputs; o++) {
                targets[r * outputs + o] = (float) (noise == 0 ? y[o] : y[o] + noise * jitter.nextGaussian());
            }
        }
        return Dataset.regression(NAME, x, n, inputs, targets, outputs);
    }

    /** Label = argmax over the teacher's {@code classes} outputs (the first on a tie). */
    public static Dataset classification(long seed, int inputs, int width, int depth, int classes, int n) {
        if (classes < 2) {
            throw new IllegalArgumentException(NAME + ": classes must be at least 2, was " + classes);
        }
        Teacher teacher = teacher(seed, inputs, width, depth, classes);
        float[] x = inputs(seed, n, inputs);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            double[] y = teacher.forward(x, r * inputs);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (y[c] > y[best]) {
                    best = c;
                }
            }
            labels[r] = best;
        }
        return Dataset.classification(NAME, x, n, inputs, labels, classes);
    }

    private static float[] inputs(long seed, int n, int inputs) {
        Shapes.check(NAME, n, inputs);
        SplitMix64 rng = new SplitMix64(Seeds.derive(seed, "inputs"));
        float[] x = new float[n * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }
}
