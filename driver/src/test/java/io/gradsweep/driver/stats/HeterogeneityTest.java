package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeterogeneityTest {
    /**
     * Colditz et al. (1994) BCG vaccine trials, log risk ratios: metafor's dat.bcg with
     * {@code escalc(measure = "RR", ...)}; yi and vi printed from R 4.2.2 / metafor 3.8-1 offline.
     * metafor's documentation publishes Q(df = 12) = 152.2330 and the fixed-effect estimate -0.4303
     * (se 0.0405); full precision from {@code rma(yi, vi, method = "DL")} (Q 152.23300808237329, p
     * 1.9967645908459738e-26, I^2 92.117346854562058%, equal to (Q - df) / Q under DL) and
     * {@code rma(method = "FE")} (-0.43028516365409092, se 0.040498751710863812).
     */
    @Test
    void bcgTrialsMatchMetafor() {
        double[] yi = {-0.88931133392020545, -1.5853886572014306, -1.3480731482996933, -1.4415511900213054,
            -0.21754732221129558, -0.78611558581886398, -1.6208982235983918, 0.011952333523840508, -0.4694176487381494,
            -1.3713448034727844, -0.33935882833839059, 0.44591340057137874, -0.017313948216879815};
        double[] vi = {0.32558476500396133, 0.19458112139814385, 0.41536796536796539, 0.020010031902247573,
            0.051210172169630863, 0.0069056184559087574, 0.22301724757231517, 0.0039615792978177295,
            0.056434210463248966, 0.07302479361302891, 0.01241221397155972, 0.53250584520015276,
            0.071404659683986293};
        double[] se = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            se[i] = Math.sqrt(vi[i]);
        }
        Heterogeneity h = Heterogeneity.cochranQ(yi, se);
        assertEquals(13, h.k());
        assertEquals(12, h.degreesOfFreedom());
        assertEquals(152.2330, h.q(), 5e-5);
        assertEquals(152.23300808237329, h.q(), 1e-9);
        assertEquals(1.9967645908459738e-26, h.pValue(), 1e-35);
        assertEquals(0.92117346854562058, h.iSquared(), 1e-12);
        assertEquals(-0.43028516365409092, h.pooledEstimate(), 1e-12);
        assertEquals(0.040498751710863812, h.pooledStandardError(), 1e-12);
    }

    /**
     * Higgins and Thompson (2002), Statistics in Medicine 21:1539, Table: Q, k, H with its 95%
     * interval and I^2 with its interval, to 2 decimals (as stored in R heterometa's dat.higgins02).
     * AdjuvantChemo's published I^2 of 0.20 is a typo for 0.29 (heterometa's note); its bounds are used.
     */
    @Test
    void higginsAndThompsonPublishedTable() {
        // Q, k, H, Hlo, Hhi, I2, I2lo, I2hi
        double[][] rows = {
            {14.4, 24, 1.00, 1.00, 1.34, 0.00, 0.00, 0.45}, // Albumin
            {14.1, 11, 1.19, 1.00, 1.69, Double.NaN, 0.00, 0.65}, // AdjuvantChemo
            {81.5, 19, 2.13, 1.71, 2.64, 0.78, 0.66, 0.86}, // Sclerotherapy
            {41.5, 7, 2.63, 1.90, 3.65, 0.86, 0.72, 0.92}, // CDPCholine
            {130.3, 3, 8.07, 6.08, 10.72, 0.98, 0.97, 0.99}, // GammaNail
        };
        for (double[] r : rows) {
            Heterogeneity h = Heterogeneity.fromQ(r[0], (int) r[1], 0.95);
            String at = "Q " + r[0];
            assertEquals(r[2], h.h(), 0.005, at);
            assertEquals(r[3], h.hInterval().lower(), 0.005, at);
            assertEquals(r[4], h.hInterval().upper(), 0.005, at);
            if (!Double.isNaN(r[5])) {
                assertEquals(r[5], h.iSquared(), 0.005, at);
            }
            assertEquals(r[6], h.iSquaredInterval().lower(), 0.005, at);
            assertEquals(r[7], h.iSquaredInterval().upper(), 0.005, at);
        }
    }

    @Test
    void identicalEstimatesGiveQZeroAndPOne() {
        Heterogeneity h = Heterogeneity.cochranQ(new double[] {0.3, 0.3, 0.3}, new double[] {0.1, 0.2, 0.3});
        assertEquals(0, h.q(), 1e-15);
        assertEquals(1, h.pValue(), 1e-15);
        assertEquals(0, h.iSquared(), 0);
    }

    @Test
    void swappingArmsNegatesEstimatesAndKeepsQ() {
        double[] y = {0.5, -0.2, 1.1, 0.3};
        double[] s = {0.2, 0.3, 0.25, 0.4};
        double[] minus = {-0.5, 0.2, -1.1, -0.3};
        assertEquals(Heterogeneity.cochranQ(y, s).q(), Heterogeneity.cochranQ(minus, s).q(), 1e-12);
        assertEquals(-Heterogeneity.cochranQ(y, s).pooledEstimate(), Heterogeneity.cochranQ(minus, s).pooledEstimate(),
            1e-12);
    }

    @Test
    void zeroStandardErrorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Heterogeneity.cochranQ(new double[] {1, 2}, new double[] {0.1, 0}));
        assertEquals("cell 1: need a finite estimate and a positive finite standard error, got 2.0 and 0.0",
            e.getMessage());
    }
}
