package io.gradsweep.core.kernel;

/**
 * The textbook loops that {@link Gemm} must match bit for bit: one fma chain per output element,
 * over the inner index in order. Kept beside the fast kernels as their specification; slow.
 */
public final class ReferenceGemm {
    private ReferenceGemm() {
    }

    /** C = A B (or C += A B), A [m x k], B [k x n]. */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * k + p], b[p * n + j], s);
                }
                c[i * n + j] = s;
            }
        }
    }

    /** C = A^T B (or C += A^T B), A stored [k x m], B [k x n]. */
    public static void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[p * m + i], b[p * n + j], s);
                }
                c[i * n + j] = s;
            }
        }
    }

    /** C = A B^T (or C += A B^T), A [m x k], B stored [n x k]. */
    public static void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * k + p], b[j * k + p], s);
                }
                c[i * n + j] = s;
            }
        }
    }
}
