package io.gradsweep.core.data;

import io.gradsweep.core.random.SplitMix64;

/**
 * A fixed random MLP used as the ground-truth function of the teacher-student generator: tanh
 * hidden layers, linear output, weights N(0, 1/fan_in) and biases N(0, 0.1^2) from a seed. Its
 * own small forward pass (double precision, StrictMath.tanh) keeps the generator independent
 * of the training code it is meant to test.
 */
public final class Teacher {
    static final double BIAS_STD = 0.1;

    private final int[] widths;
    /** weights[l] is widths[l+1] x widths[l], row-major. */
    private final double[][] weights;
    private final double[][] biases;

    private Teacher(int[] widths, double[][] weights, double[][] biases) {
        this.widths = widths;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * @param depth number of tanh hidden layers of {@code width} units; 0 gives a linear teacher
     */
    public static Teacher random(long seed, int inputs, int width, int depth, int outputs) {
        if (inputs < 1 || outputs < 1 || depth < 0 || (depth > 0 && width < 1)) {
            throw new IllegalArgumentException("teacher: needs inputs, outputs >= 1, depth >= 0 and width >= 1, was "
                    + inputs + ", " + outputs + ", " + depth + ", " + width);
        }
        int[] widths = new int[depth + 2];
        widths[0] = inputs;
        for (int l = 1; l <= depth; l++) {
            widths[l] = width;
        }
        widths[depth + 1] = outputs;
        SplitMix64 rng = new SplitMix64(seed);
        double[][] w = new double[depth + 1][];
        double[][] b = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            double std = 1 / StrictMath.sqrt(widths[l]); // keeps pre-activations O(1), so tanh is neither flat nor saturated
            w[l] = new double[widths[l + 1] * widths[l]];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = std * rng.nextGaussian();
            }
            b[l] = new double[widths[l + 1]];
            for (int i = 0; i < b[l].length; i++) {
                b[l][i] = BIAS_STD * rng.nextGaussian();
            }
        }
        return new Teacher(widths, w, b);
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** The teacher's outputs for the input row {@code x[offset .. offset + inputs)}. */
    public double[] forward(float[] x, int offset) {
        double[] a = new double[widths[0]];
        for (int i = 0; i < a.length; i++) {
            a[i] = x[offset + i];
        }
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                double s = biases[l][o];
                for (int i = 0; i < in; i++) {
                    s += weights[l][o * in + i] * a[i];
                }
                z[o] = l < layers - 1 ? StrictMath.tanh(s) : s;
            }
            a = z;
        }
        return a;
    }
}
