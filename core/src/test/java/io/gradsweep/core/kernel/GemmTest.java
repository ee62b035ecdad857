package io.gradsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

class GemmTest {
    // Shapes that exercise every path: full 4x16 blocks, 4x8 blocks, scalar column tails, row tails.
    private static final int[][] SHAPES = {
            {1, 1, 1}, {3, 5, 7}, {4, 8, 16}, {4, 3, 24}, {5, 7, 9}, {64, 64, 128}, {64, 128, 10},
            {17, 33, 31}, {128, 64, 128}, {2, 130, 1}, {9, 1, 40}, {8, 300, 24}, {12, 257, 33},
    };

    private static float[] random(SplitMix64 rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    @Test
    void multiplyIsBitwiseTheTextbookFmaChain() {
        SplitMix64 rng = new SplitMix64(1);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(rng, m * k);
            float[] b = random(rng, k * n);
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rng, m * n);
                float[] fast = start.clone();
                float[] ref = start.clone();
                Gemm.multiply(a, b, fast, m, k, n, acc);
                ReferenceGemm.multiply(a, b, ref, m, k, n, acc);
                assertArrayEquals(ref, fast, 0f, () -> "shape " + m + "x" + k + "x" + n + " acc=" + acc);
            }
        }
    }

    @Test
    void transposedAIsBitwiseTheTextbookFmaChain() {
        SplitMix64 rng = new SplitMix64(2);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(rng, k * m);
            float[] b = random(rng, k * n);
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rng, m * n);
                float[] fast = start.clone();
                float[] ref = start.clone();
                Gemm.multiplyTransposedA(a, b, fast, m, k, n, acc);
                ReferenceGemm.multiplyTransposedA(a, b, ref, m, k, n, acc);
                assertArrayEquals(ref, fast, 0f, () -> "shape " + m + "x" + k + "x" + n + " acc=" + acc);
            }
        }
    }

    @Test
    void transposedBIsBitwiseTheTextbookFmaChain() {
        SplitMix64 rng = new SplitMix64(4);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(rng, m * k);
            float[] b = random(rng, n * k);
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rng, m * n);
                float[] fast = start.clone();
                float[] ref = start.clone();
                Gemm.multiplyTransposedB(a, b, fast, m, k, n, acc);
                ReferenceGemm.multiplyTransposedB(a, b, ref, m, k, n, acc);
                assertArrayEquals(ref, fast, 0f, () -> "shape " + m + "x" + k + "x" + n + " acc=" + acc);
            }
        }
    }

    @Test
    void multiplyAgreesWithDoublePrecisionProduct() {
        SplitMix64 rng = new SplitMix64(3);
        int m = 13, k = 100, n = 37;
        float[] a = random(rng, m * k);
        float[] b = random(rng, k * n);
        float[] c = new float[m * n];
        Gemm.multiply(a, b, c, m, k, n, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    exact += (double) a[i * k + p] * b[p * n + j];
                    magnitude += Math.abs((double) a[i * k + p] * b[p * n + j]);
                }
                // float rounding error of a k-term sum is bounded by about k * 2^-24 * sum|terms|
                assertEquals(exact, c[i * n + j], k * 0x1p-24 * magnitude);
            }
        }
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        float[] src = new float[11 * 19];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        float[] dst = new float[src.length];
        Gemm.transpose(src, 11, 19, dst);
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 19; j++) {
                assertEquals(src[i * 19 + j], dst[j * 11 + i]);
            }
        }
    }
}
