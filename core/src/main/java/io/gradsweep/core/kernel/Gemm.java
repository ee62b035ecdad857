package io.gradsweep.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of a training step, register-blocked with the Vector API.
 *
 * <p>Every output element is one fused multiply-add chain over the inner dimension, in index
 * order, starting from zero or from the element's current value: c = fma(a0, b0, c), then
 * fma(a1, b1, c), ... Blocking, packing and padding only decide which chains run side by side and
 * where their operands are read from, never the order inside a chain, so the result is bitwise
 * the same as {@link ReferenceGemm}'s textbook loops whatever the vector width, the JIT or the
 * machine. The species is fixed at 256 bits (not SPECIES_PREFERRED) so that every x86-64 machine
 * with AVX2 runs the same native code.
 *
 * <p>B is packed into contiguous column panels first (as BLAS does): read in place, a panel's rows
 * lie a power-of-two stride apart and fall into a handful of L1 sets, which thrashes at widths
 * of 128 and more. All matrices are dense, row-major, starting at index 0 of their arrays.
 */
public final class Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;
    private static final int ROWS = 4;
    private static final int WIDE = 2 * L;
    private static final int K_CHUNK = 128;
    private static final int PACKED_B = 0;
    private static final int TRANSPOSED_A = 1;
    private static final int PADDED_C = 2;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][0]);

    private Gemm() {
    }

    /**
     * C[m x n] = A[m x k] B[k x n], or C += A B when {@code accumulate}. C's rows may be
     * pre-filled (e.g. with the bias) and accumulated into.
     */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        product(a, b, c, m, k, n, accumulate);
    }

    /**
     * C[m x n] = A^T B where A is stored as [k x m] (so C[i][j] = sum over p of A[p][i] B[p][j]),
     * or C += A^T B when {@code accumulate}: the weight gradient X^T dY. A is transposed into
     * scratch first, so that both products run the same kernels with unit stride along p.
     */
    public static void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        float[] at = buffer(SCRATCH.get(), TRANSPOSED_A, m * k);
        transpose(a, k, m, at);
        product(at, b, c, m, k, n, accumulate);
    }

    /**
     * C[m x n] = A B^T where B is stored as [n x k] (so C[i][j] = sum over p of A[i][p] B[j][p]),
     * or C += A B^T: the backward product dY W^T without a transposed copy of W. B's panels are
     * gathered straight from its rows.
     */
    public static void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        float[][] scratch = SCRATCH.get();
        productPacked(a, packTransposedB(scratch, b, k, n), c, m, k, n, accumulate);
    }

    /**
     * The shared driver. A is read in place, four rows as four unit-stride streams: with a
     * compile-time-constant stride along p, C2 drops the range checks from the inner loop (with a
     * variable stride it cannot, and the kernel runs a third slower).
     */
    private static void product(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        float[][] scratch = SCRATCH.get();
        productPacked(a, packB(scratch, b, k, n), c, m, k, n, accumulate);
    }

    /** The driver proper, on B already packed into panels by {@link #packB} or {@link #packTransposedB}. */
    private static void productPacked(float[] a, float[] pb, float[] c, int m, int k, int n, boolean accumulate) {
        float[][] scratch = SCRATCH.get();
        int groups = m / ROWS;
        int full = n - n % L;
        for (int j = 0, panel = 0; j < n; ) {
            int width = n - j >= WIDE ? WIDE : L; // the last panel may be a zero-padded tail
            boolean tail = j >= full;
            float[] target = tail ? padTail(scratch, c, m, n, j, accumulate) : c;
            int cBase = tail ? 0 : j;
            int ldc = tail ? L : n;
            // k in chunks so that a panel's chunk (at most 128 x 16 floats, 8 KB) stays in L1 while
            // every row group uses it; a chain continues exactly through C between chunks.
            for (int k0 = 0; k0 < k; k0 += K_CHUNK) {
                int kc = Math.min(K_CHUNK, k - k0);
                boolean acc = accumulate || k0 > 0;
                int b0 = panel + k0 * width;
                for (int g = 0; g < groups; g++) {
                    int c0 = g * ROWS * ldc + cBase;
                    if (width == WIDE) {
                        block4x16(a, g * ROWS * k + k0, k, pb, b0, target, c0, ldc, kc, acc);
                    } else {
                        block4x8(a, g * ROWS * k + k0, k, pb, b0, target, c0, ldc, kc, acc);
                    }
                }
                for (int i = groups * ROWS; i < m; i++) {
                    for (int h = 0; h < width; h += L) {
                        block1x8(a, i * k + k0, pb, b0 + h, width, target, i * ldc + cBase + h, kc, acc);
                    }
                }
            }
            if (tail) {
                for (int r = 0; r < m; r++) {
                    System.arraycopy(target, r * L, c, r * n + j, n - j);
                }
            }
            panel += width * k;
            j += width;
        }
    }

    /** B [k x n] as panels of 16 (then 8) columns, each [k x width] contiguous; the tail zero-padded to 8. */
    private static float[] packB(float[][] scratch, float[] b, int k, int n) {
        int padded = (n + L - 1) / L * L;
        float[] pb = buffer(scratch, PACKED_B, k * padded);
        int full = n - n % L;
        int offset = 0;
        for (int j = 0; j < n; ) {
            int width = n - j >= WIDE ? WIDE : L;
            if (j < full) {
                for (int p = 0, src = j, dst = offset; p < k; p++, src += n, dst += width) {
                    FloatVector.fromArray(S, b, src).intoArray(pb, dst);
                    if (width == WIDE) {
                        FloatVector.fromArray(S, b, src + L).intoArray(pb, dst + L);
                    }
                }
            } else {
                int t = n - j;
                for (int p = 0, dst = offset; p < k; p++, dst += L) {
                    System.arraycopy(b, p * n + j, pb, dst, t);
                    for (int q = t; q < L; q++) {
                        pb[dst + q] = 0f;
                    }
                }
            }
            offset += width * k;
            j += width;
        }
        return pb;
    }

    /**
     * The panels {@link #packB} would make of B^T, from B stored [n x k]: panel column q is row
     * j + q of B, read sequentially; the panel (at most 16 x k floats) is written in L1.
     */
    private static float[] packTransposedB(float[][] scratch, float[] b, int k, int n) {
        int padded = (n + L - 1) / L * L;
        float[] pb = buffer(scratch, PACKED_B, k * padded);
        int full = n - n % L;
        int offset = 0;
        for (int j = 0; j < n; ) {
            int width = n - j >= WIDE ? WIDE : L;
            int rows = j < full ? width : n - j;
            for (int q = 0; q < rows; q++) {
                for (int p = 0, src = (j + q) * k, dst = offset + q; p < k; p++, src++, dst += width) {
                    pb[dst] = b[src];
                }
            }
            for (int q = rows; q < width; q++) { // zero padding of the tail panel
                for (int p = 0, dst = offset + q; p < k; p++, dst += width) {
                    pb[dst] = 0f;
                }
            }
            offset += width * k;
            j += width;
        }
        return pb;
    }

    /** The last n - j (< 8) columns of C as [m x 8], zero-padded (copied in if accumulating). */
    private static float[] padTail(float[][] scratch, float[] c, int m, int n, int j, boolean accumulate) {
        float[] pc = buffer(scratch, PADDED_C, m * L);
        java.util.Arrays.fill(pc, 0, m * L, 0f);
        if (accumulate) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(c, r * n + j, pc, r * L, n - j);
            }
        }
        return pc;
    }

    private static float[] buffer(float[][] scratch, int slot, int size) {
        if (scratch[slot].length < size) {
            scratch[slot] = new float[size];
        }
        return scratch[slot];
    }

    /**
     * Four rows x 16 columns: eight accumulators, enough independent chains to cover the fma
     * latency on two pipes. A(r, p) = x[a0 + r lda + p].
     */
    private static void block4x16(float[] x, int a0, int lda, float[] b, int b0, float[] c, int c0, int ldc, int k,
                                  boolean acc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = start(c, c0, acc);
        FloatVector s01 = start(c, c0 + L, acc);
        FloatVector s10 = start(c, c1, acc);
        FloatVector s11 = start(c, c1 + L, acc);
        FloatVector s20 = start(c, c2, acc);
        FloatVector s21 = start(c, c2 + L, acc);
        FloatVector s30 = start(c, c3, acc);
        FloatVector s31 = start(c, c3 + L, acc);
        int r1 = lda;
        int r2 = 2 * lda;
        int r3 = 3 * lda;
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap++, bp += WIDE) {
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector v = FloatVector.broadcast(S, x[ap]);
            s00 = v.fma(b0v, s00);
            s01 = v.fma(b1v, s01);
            v = FloatVector.broadcast(S, x[ap + r1]);
            s10 = v.fma(b0v, s10);
            s11 = v.fma(b1v, s11);
            v = FloatVector.broadcast(S, x[ap + r2]);
            s20 = v.fma(b0v, s20);
            s21 = v.fma(b1v, s21);
            v = FloatVector.broadcast(S, x[ap + r3]);
            s30 = v.fma(b0v, s30);
            s31 = v.fma(b1v, s31);
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

    /** Four rows x 8 columns from a panel of width 8; A as for {@link #block4x16}. */
    private static void block4x8(float[] a, int a0, int lda, float[] b, int b0, float[] c, int c0, int ldc, int k,
                                 boolean acc) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s0 = start(c, c0, acc);
        FloatVector s1 = start(c, c1, acc);
        FloatVector s2 = start(c, c2, acc);
        FloatVector s3 = start(c, c3, acc);
        int r1 = lda;
        int r2 = 2 * lda;
        int r3 = 3 * lda;
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap++, bp += L) {
            FloatVector bv = FloatVector.fromArray(S, b, bp);
            s0 = FloatVector.broadcast(S, a[ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[ap + r1]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[ap + r2]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[ap + r3]).fma(bv, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    /** One leftover row x 8 columns of a panel of width {@code panelWidth}. */
    private static void block1x8(float[] a, int a0, float[] b, int b0, int panelWidth, float[] c, int c0, int k,
                                 boolean acc) {
        FloatVector s0 = start(c, c0, acc);
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap++, bp += panelWidth) {
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
