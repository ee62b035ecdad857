package io.gradsweep.core.data;

import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;

/**
 * The parity problem (binary; XOR is parity of 2 bits): each row is {@code bits} uniform random
 * bits, coded as -1/+1 or 0/1, plus optional Gaussian noise; the label is 1 when an odd number
 * of bits are set (+1 or 1). Bits and noise come from separate streams.
 */
public final class Parity {
    public static final int DEFAULT_N = 400;
    public static final int DEFAULT_XOR_BITS = 2;
    public static final int DEFAULT_PARITY_BITS = 6;
    public static final double DEFAULT_NOISE = 0.0;
    public static final int MAX_BITS = 62;

    private Parity() {
    }

    /** @param signed true for bits coded -1/+1, false for 0/1 */
    public static Dataset generate(long seed, int bits, int n, double noise, boolean signed) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("parity: bits must be 1.." + MAX_BITS + ", was " + bits);
        }
        Shapes.check("parity", n, bits);
        SplitMix64 coin = new SplitMix64(Seeds.derive(seed, "bits"));
        SplitMix64 jitter = new SplitMix64(Seeds.derive(seed, "noise"));
        float[] x = new float[n * bits];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int ones = 0;
            for (int j = 0; j < bits; j++) {
                int bit = (int) (coin.nextLong() >>> 63);
                ones += bit;
                double value = signed ? 2 * bit - 1 : bit;
                x[i * bits + j] = (float) (noise == 0 ? value : value + noise * jitter.nextGaussian());
            }
            labels[i] = ones & 1;
        }
        return Dataset.binary(bits == 2 ? "xor" : "parity", x, n, bits, labels);
    }
}
