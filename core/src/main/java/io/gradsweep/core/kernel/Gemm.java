package io.gradsweep.core.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of a training step, register-blocked with the Vector API.
 *
 * <p>Every output element is one fused multiply-add chain over the inner dimension, in index
 * order, starting from zero or from the element's current value: c = fma(a0, b0, c), then
 * fma(a1, b1, c), ... The blocking only decides which chains run side by side, never the order
 * inside a chain, so the result is bitwise the same as {@link ReferenceGemm}'s textbook loops,
 * whatever the vector width, the JIT or the machine. The species is fixed at 256 bits (not
 * SPECIES_PREFERRED) so that every x86-64 machine with AVX2 runs the same native code.
 *
 * <p>All matrices are dense, row-major, starting at index 0 of their arrays.
 */
public final class Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;
    private static final int ROWS = 4;
    private static final int COLS = 2 * L;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private Gemm() {
    }

    /**
     * C[m x n] = A[m x k] B[k x n], or C += A B when {@code accumulate}. C's rows may be
     * pre-filled (e.g. with the bias) and accumulated into.
     */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        int full = n - n % L;
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            int j = 0;
            for (; j + COLS <= full; j += COLS) {
                block4x16(a, b, c, i, j, k, n, accumulate);
            }
            for (; j < full; j += L) {
                block4x8(a, b, c, i, j, k, n, accumulate);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < full; j += L) {
                block1x8(a, b, c, i, j, k, n, accumulate);
            }
        }
        if (full < n) {
            multiplyColumnTail(a, b, c, m, k, n, full, accumulate);
        }
    }

    /**
     * The last n - j0 (< 8) columns, through the vector blocks on zero-padded copies of those
     * columns of B and C: an output layer of 10 classes would otherwise run 2 of its 10 columns
     * as scalar chains. Padding lanes are computed and dropped; they never touch the real ones.
     */
    private static void multiplyColumnTail(float[] a, float[] b, float[] c, int m, int k, int n, int j0,
                                           boolean accumulate) {
        int t = n - j0;
        float[] pb = scratch(0, k * L);
        float[] pc = scratch(1, m * L);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n + j0, pb, p * L, t);
        }
        if (accumulate) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(c, r * n + j0, pc, r * L, t);
            }
        }
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            block4x8(a, pb, pc, i, 0, k, L, accumulate);
        }
        for (; i < m; i++) {
            block1x8(a, pb, pc, i, 0, k, L, accumulate);
        }
        for (int r = 0; r < m; r++) {
            System.arraycopy(pc, r * L, c, r * n + j0, t);
        }
    }

    /** A per-thread, zeroed scratch buffer of at least {@code size} floats; slot 0 or 1. */
    private static float[] scratch(int slot, int size) {
        float[][] buffers = SCRATCH.get();
        if (buffers[slot].length < size) {
            buffers[slot] = new float[size];
        } else {
            Arrays.fill(buffers[slot], 0, size, 0f);
        }
        return buffers[slot];
    }

    private static void block4x16(float[] a, float[] b, float[] c, int i, int j, int k, int n, boolean acc) {
        int c0 = i * n + j;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s00 = start(c, c0, acc);
        FloatVector s01 = start(c, c0 + L, acc);
        FloatVector s10 = start(c, c1, acc);
        FloatVector s11 = start(c, c1 + L, acc);
        FloatVector s20 = start(c, c2, acc);
        FloatVector s21 = start(c, c2 + L, acc);
        FloatVector s30 = start(c, c3, acc);
        FloatVector s31 = start(c, c3 + L, acc);
        int a0 = i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0, bp = j; p < k; p++, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    private static void block4x8(float[] a, float[] b, float[] c, int i, int j, int k, int n, boolean acc) {
        int c0 = i * n + j;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s0 = start(c, c0, acc);
        FloatVector s1 = start(c, c1, acc);
        FloatVector s2 = start(c, c2, acc);
        FloatVector s3 = start(c, c3, acc);
        int a0 = i * k;
        for (int p = 0, bp = j; p < k; p++, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(b0, s0);
            s1 = FloatVector.broadcast(S, a[a0 + k + p]).fma(b0, s1);
            s2 = FloatVector.broadcast(S, a[a0 + 2 * k + p]).fma(b0, s2);
            s3 = FloatVector.broadcast(S, a[a0 + 3 * k + p]).fma(b0, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    private static void block1x8(float[] a, float[] b, float[] c, int i, int j, int k, int n, boolean acc) {
        int c0 = i * n + j;
        FloatVector s0 = start(c, c0, acc);
        int a0 = i * k;
        for (int p = 0, bp = j; p < k; p++, bp += n) {
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }
        /**
     * C[m x n] = A^T B where A is stored as [k x m] (so C[i][j] = sum over p of A[p][i] B[p][j]),
     * or C += A^T B when {@code accumulate}. This is the weight gradient X^T dY without a
     * transposed copy of X: A is read down its columns, four at a time.
     */
    public static void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        int full = n - n % L;
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            int j = 0;
            for (; j + COLS <= full; j += COLS) {
                blockT4x16(a, b, c, i, j, m, k, n, accumulate);
            }
            for (; j < full; j += L) {
                blockT4x8(a, b, c, i, j, m, k, n, accumulate);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < full; j += L) {
                blockT1x8(a, b, c, i, j, m, k, n, accumulate);
            }
        }
        if (full < n) {
            multiplyTransposedAColumnTail(a, b, c, m, k, n, full, accumulate);
        }
    }

    /** As {@link #multiplyColumnTail}, for A^T B. */
    private static void multiplyTransposedAColumnTail(float[] a, float[] b, float[] c, int m, int k, int n, int j0,
                                                      boolean accumulate) {
        int t = n - j0;
        float[] pb = scratch(0, k * L);
        float[] pc = scratch(1, m * L);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n + j0, pb, p * L, t);
        }
        if (accumulate) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(c, r * n + j0, pc, r * L, t);
            }
        }
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            blockT4x8(a, pb, pc, i, 0, m, k, L, accumulate);
        }
        for (; i < m; i++) {
            blockT1x8(a, pb, pc, i, 0, m, k, L, accumulate);
        }
        for (int r = 0; r < m; r++) {
            System.arraycopy(pc, r * L, c, r * n + j0, t);
        }
    }

    private static void blockT4x16(float[] a, float[] b, float[] c, int i, int j, int m, int k, int n, boolean acc) {
        int c0 = i * n + j;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector s00 = start(c, c0, acc);
        FloatVector s01 = start(c, c0 + L, acc);
        FloatVector s10 = start(c, c1, acc);
        FloatVector s11 = start(c, c1 + L, acc);
        FloatVector s20 = start(c, c2, acc);
        FloatVector s21 = start(c, c2 + L, acc);
        FloatVector s30 = start(c, c3, acc);
        FloatVector s31 = start(c, c3 + L, acc);
        for (int p = 0, ap = i, bp = j; p < k; p++, ap += m, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    private static void blockT4x8(float[] a, float[] b, float[] c, int i, int j, int m, int k, int n, boolean acc) {
        int c0 = i * n + j;
        FloatVector s0 = start(c, c0, acc);
        FloatVector s1 = start(c, c0 + n, acc);
        FloatVector s2 = start(c, c0 + 2 * n, acc);
        FloatVector s3 = start(c, c0 + 3 * n, acc);
        for (int p = 0, ap = i, bp = j; p < k; p++, ap += m, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            s0 = FloatVector.broadcast(S, a[ap]).fma(b0, s0);
            s1 = FloatVector.broadcast(S, a[ap + 1]).fma(b0, s1);
            s2 = FloatVector.broadcast(S, a[ap + 2]).fma(b0, s2);
            s3 = FloatVector.broadcast(S, a[ap + 3]).fma(b0, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + n);
        s2.intoArray(c, c0 + 2 * n);
        s3.intoArray(c, c0 + 3 * n);
    }

    private static void blockT1x8(float[] a, float[] b, float[] c, int i, int j, int m, int k, int n, boolean acc) {
        int c0 = i * n + j;
        FloatVector s0 = start(c, c0, acc);
        for (int p = 0, ap = i, bp = j; p < k; p++, ap += m, bp += n) {
            s0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }

    private static FloatVector start(float[] c, int offset, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, offset) : FloatVector.zero(S);
    }

    /**
     * dst[cols x rows] = src[rows x cols]^T. Eight source rows at a time: eight sequential read
     * streams, and each destination row gets 32 contiguous bytes per pass.
     */
    public static void transpose(float[] src, int rows, int cols, float[] dst) {
        int i = 0;
        for (; i + 8 <= rows; i += 8) {
            int s0 = i * cols;
            for (int j = 0, d = i; j < cols; j++, d += rows) {
                dst[d] = src[s0 + j];
                dst[d + 1] = src[s0 + cols + j];
                dst[d + 2] = src[s0 + 2 * cols + j];
                dst[d + 3] = src[s0 + 3 * cols + j];
                dst[d + 4] = src[s0 + 4 * cols + j];
                dst[d + 5] = src[s0 + 5 * cols + j];
                dst[d + 6] = src[s0 + 6 * cols + j];
                dst[d + 7] = src[s0 + 7 * cols + j];
            }
        }
        for (; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[i * cols + j];
            }
        }
    }
}
