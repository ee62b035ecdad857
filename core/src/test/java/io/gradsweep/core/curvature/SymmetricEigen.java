package io.gradsweep.core.curvature;

/** Eigenvalues of a small dense symmetric matrix by cyclic Jacobi rotations, in double: the tests' independent truth. */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** All eigenvalues of symmetric {@code a} (not modified), unsorted. */
    static double[] eigenvalues(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] == 0) {
                        continue;
                    }
                    // the rotation that zeroes m[p][q] (Golub and Van Loan, algorithm 8.4.1)
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        return values;
    }

    /** The eigenvalue of largest magnitude: what power iteration converges to. */
    static double dominant(double[][] a) {
        double best = 0;
        for (double v : eigenvalues(a)) {
            if (Math.abs(v) > Math.abs(best)) {
                best = v;
            }
        }
        return best;
    }
}
