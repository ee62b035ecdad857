package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.stats.CrossedVarianceComponents.Component;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossedVarianceComponentsTest {
    /** 3 levels of A x 4 of B x 2 runs; A slowest, then B, then the run (the order of the R vector below). */
    private static final double[] Y = {12.1, 11.4, 13.0, 12.2, 9.8, 10.9, 14.2, 13.1,
        10.3, 10.0, 12.5, 11.1, 8.9, 9.7, 12.8, 12.0,
        13.4, 12.6, 14.9, 14.1, 11.2, 12.3, 15.5, 14.4};

    private static double[][][] table(double[] v, int a, int b, int n) {
        double[][][] y = new double[a][b][n];
        for (int i = 0; i < v.length; i++) {
            y[i / (b * n)][(i / n) % b][i % n] = v[i];
        }
        return y;
    }

    /*
     * Mean squares from R 4.x, computed offline:
     *   A <- factor(rep(1:3, each = 8)); B <- factor(rep(rep(1:4, each = 2), 3))
     *   summary(aov(y ~ A * B))   # y as Y above
     *   -> MS A 13.967916666667, B 12.126666666667, A:B 0.077916666667, Residuals 0.440833333333
     * and on the cell means (one run per cell):
     *   y1 <- tapply(y, list(A, B), mean)
     *   summary(aov(as.vector(y1) ~ factor(rep(1:3, 4)) + factor(rep(1:4, each = 3))))
     *   -> MS 6.983958333333, 6.063333333333, Residuals 0.038958333333
     */
    @Test
    void meanSquaresMatchRsAovAndTheComponentsFollowTheExpectedMeanSquares() {
        CrossedVarianceComponents v = CrossedVarianceComponents.estimate(table(Y, 3, 4, 2));
        assertEquals(13.967916666667, v.msA, 1e-9);
        assertEquals(12.126666666667, v.msB, 1e-9);
        assertEquals(0.077916666667, v.msAB, 1e-9);
        assertEquals(0.440833333333, v.msE, 1e-9);
        assertEquals((13.967916666667 - 0.077916666667) / 8, v.component(Component.A), 1e-9);
        assertEquals((12.126666666667 - 0.077916666667) / 6, v.component(Component.B), 1e-9);
        assertEquals(0, v.component(Component.INTERACTION), "MS_AB < MS_E: a negative estimate is set to 0");
        assertTrue(v.truncated(Component.INTERACTION));
        assertEquals((0.077916666667 - 0.440833333333) / 2, v.unbiased(Component.INTERACTION), 1e-9);
        assertEquals(0.440833333333, v.component(Component.RESIDUAL), 1e-9);
        double total = 1.73625 + 2.008125 + 0.440833333333;
        assertEquals(1.73625 / total, v.shares()[0], 1e-9);

        double[][][] means = new double[3][4][1];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                means[i][j][0] = (Y[8 * i + 2 * j] + Y[8 * i + 2 * j + 1]) / 2;
            }
        }
        CrossedVarianceComponents one = CrossedVarianceComponents.estimate(means);
        assertEquals(6.983958333333, one.msA, 1e-9);
        assertEquals(6.063333333333, one.msB, 1e-9);
        assertEquals(0.038958333333, one.msAB, 1e-9);
        assertFalse(one.interactionSeparate());
        assertEquals(0.038958333333, one.component(Component.INTERACTION), 1e-9, "interaction and residual together");
        assertEquals(0, one.component(Component.RESIDUAL));
    }

    /** y = a_i + b_j + (ab)_ij + e with the given standard deviations, all normal. */
    private static double[][][] simulate(SplittableRandom rng, int a, int b, int n, double sa, double sb, double sab, double se) {
        double[] ai = new double[a];
        double[] bj = new double[b];
        for (int i = 0; i < a; i++) {
            ai[i] = sa * gaussian(rng);
        }
        for (int j = 0; j < b; j++) {
            bj[j] = sb * gaussian(rng);
        }
        double[][][] y = new double[a][b][n];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                double ab = sab * gaussian(rng);
                for (int k = 0; k < n; k++) {
                    y[i][j][k] = 20 + ai[i] + bj[j] + ab + se * gaussian(rng);
                }
            }
        }
        return y;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void aSimulatedStructureIsRecoveredWithinItsIntervals() {
        // 10 init seeds x 10 order seeds x 2 runs; variances 4, 1, 0.5, 1: shares 0.6154, 0.1538, 0.0769, 0.1538
        double[] truth = {4 / 6.5, 1 / 6.5, 0.5 / 6.5, 1 / 6.5};
        double[][][] y = simulate(new SplittableRandom(7), 10, 10, 2, 2, 1, Math.sqrt(0.5), 1);
        double[][] ci = CrossedVarianceComponents.shareIntervals(y, 1000, 11, 0.95);
        double[] est = CrossedVarianceComponents.estimate(y).shares();
        for (int c = 0; c < 4; c++) {
            assertTrue(ci[c][0] <= truth[c] && truth[c] <= ci[c][1],
                    Component.values()[c] + ": true share " + truth[c] + " outside [" + ci[c][0] + ", " + ci[c][1] + "]");
            assertTrue(ci[c][0] <= est[c] && est[c] <= ci[c][1], "the estimate lies in its interval");
        }
    }

    @Test
    void theIntervalsCoverTheTrueSharesAtLeastNearlyAsOftenAsTheyClaim() {
        // 200 simulated studies of 8 x 8 with one run per cell; the 90% intervals should cover the
        // true share of A about 90% of the time (the two-way bootstrap errs on the wide side)
        double truthA = 2.0 / (2.0 + 1.0 + 1.0);
        double truthB = 1.0 / 4.0;
        SplittableRandom rng = new SplittableRandom(2024);
        int coverA = 0;
        int coverB = 0;
        int sims = 200;
        for (int s = 0; s < sims; s++) {
            double[][][] y = simulate(rng, 8, 8, 1, Math.sqrt(2), 1, 1, 0);
            double[][] ci = CrossedVarianceComponents.shareIntervals(y, 400, s, 0.90);
            coverA += ci[0][0] <= truthA && truthA <= ci[0][1] ? 1 : 0;
            coverB += ci[1][0] <= truthB && truthB <= ci[1][1] ? 1 : 0;
        }
        assertTrue(coverA >= 0.84 * sims, "A covered " + coverA + " of " + sims);
        assertTrue(coverB >= 0.84 * sims, "B covered " + coverB + " of " + sims);
    }

    @Test
    void anUnbalancedOrMissingDesignIsRefused() {
        double[][][] y = table(Y, 3, 4, 2);
        y[1][2] = new double[] {1.0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossedVarianceComponents.estimate(y));
        assertTrue(e.getMessage().contains("cell (1, 2) has 1 runs, not 2"), e.getMessage());
        double[][][] z = table(Y, 3, 4, 2);
        z[0][0][0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> CrossedVarianceComponents.estimate(z));
    }
}
