package io.gradsweep.core.init;

import io.gradsweep.core.random.SplitMix64;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a weight matrix [fanIn x fanOut] is drawn. Scales follow the papers (He et al. 2015,
 * Glorot and Bengio 2010, LeCun et al. 1998, Saxe et al. 2014) as PyTorch and Keras implement
 * them, with plain (untruncated) normals; {@code gain} multiplies the scale.
 */
public enum Initializer {
    HE_NORMAL, HE_UNIFORM, GLOROT_NORMAL, GLOROT_UNIFORM, LECUN_NORMAL, LECUN_UNIFORM, ORTHOGONAL;

    /** The name users type, e.g. {@code he_normal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's name; an unknown one is an error listing the known names. */
    public static Initializer parse(String name) {
        for (Initializer i : values()) {
            if (i.label().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialiser '" + name + "'; known: " + labels());
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Initializer::label).toList();
    }

    /** The standard deviation the weights are drawn with (uniform draws have the same variance). */
    public double standardDeviation(int fanIn, int fanOut, double gain) {
        return switch (this) {
            case HE_NORMAL, HE_UNIFORM -> gain * StrictMath.sqrt(2.0 / fanIn);
            case GLOROT_NORMAL, GLOROT_UNIFORM -> gain * StrictMath.sqrt(2.0 / (fanIn + fanOut));
            case LECUN_NORMAL, LECUN_UNIFORM -> gain * StrictMath.sqrt(1.0 / fanIn);
            case ORTHOGONAL -> gain / StrictMath.sqrt(Math.max(fanIn, fanOut));
        };
    }

    /** Fills w[fanIn x fanOut] (row-major) from {@code rng}. */
    public void fill(float[] w, int fanIn, int fanOut, double gain, SplitMix64 rng) {
        double std = standardDeviation(fanIn, fanOut, gain);
        switch (this) {
            case HE_NORMAL, GLOROT_NORMAL, LECUN_NORMAL -> {
                for (int i = 0; i < fanIn * fanOut; i++) {
                    w[i] = (float) (std * rng.nextGaussian());
                }
            }
            case HE_UNIFORM, GLOROT_UNIFORM, LECUN_UNIFORM -> {
                double limit = std * StrictMath.sqrt(3.0); // uniform(-a, a) has variance a^2 / 3
                for (int i = 0; i < fanIn * fanOut; i++) {
                    w[i] = (float) rng.nextDouble(-limit, limit);
                }
            }
            case ORTHOGONAL -> orthogonal(w, fanIn, fanOut, gain, rng);
        }
    }

    /**
     * A (semi-)orthogonal matrix times gain: Gram-Schmidt on the rows (or columns, whichever are
     * fewer) of a Gaussian matrix, in double, with the sign convention of a QR with positive R diagonal.
     */
    private static void orthogonal(float[] w, int fanIn, int fanOut, double gain, SplitMix64 rng) {
        boolean byRows = fanIn <= fanOut; // orthonormalise the shorter side's vectors
        int count = byRows ? fanIn : fanOut;
        int length = byRows ? fanOut : fanIn;
        double[][] v = new double[count][length];
        for (double[] row : v) {
            for (int j = 0; j < length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < count; i++) {
            for (int pass = 0; pass < 2; pass++) { // twice is enough for full double precision
                for (int p = 0; p < i; p++) {
                    double dot = 0;
                    for (int j = 0; j < length; j++) {
                        dot += v[i][j] * v[p][j];
                    }
                    for (int j = 0; j < length; j++) {
                        v[i][j] -= dot * v[p][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < length; j++) {
                norm += v[i][j] * v[i][j];
            }
            norm = StrictMath.sqrt(norm);
            for (int j = 0; j < length; j++) {
                v[i][j] /= norm;
            }
        }
        for (int r = 0; r < fanIn; r++) {
            for (int c = 0; c < fanOut; c++) {
                w[r * fanOut + c] = (float) (gain * (byRows ? v[r][c] : v[c][r]));
            }
        }
    }
}
