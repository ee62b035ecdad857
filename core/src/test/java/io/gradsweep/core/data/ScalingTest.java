package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingTest {

    /** Column 0 wide, column 1 constant, column 2 small and shifted. */
    static Dataset sample() {
        int n = 50;
        float[] x = new float[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i * 3] = i * 10f - 7;
            x[i * 3 + 1] = 4.25f;
            x[i * 3 + 2] = 1000 + 0.01f * (i % 7);
            y[i] = i % 2;
        }
        return Dataset.binary("sample", x, n, 3, y);
    }

    static double[] mean(Dataset d) {
        double[] m = new double[d.features()];
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < d.features(); j++) {
                m[j] += d.x()[i * d.features() + j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= d.rows();
        }
        return m;
    }

    static double[] std(Dataset d) {
        double[] m = mean(d);
        double[] s = new double[d.features()];
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < d.features(); j++) {
                double c = d.x()[i * d.features() + j] - m[j];
                s[j] += c * c;
            }
        }
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.sqrt(s[j] / d.rows());
        }
        return s;
    }

    @Test
    void standardGivesMeanZeroAndStdOneAndConstantColumnsBecomeZero() {
        Dataset scaled = Scaling.STANDARD.fit(sample()).apply(sample());
        double[] m = mean(scaled);
        double[] s = std(scaled);
        assertEquals(0, m[0], 1e-6);
        assertEquals(1, s[0], 1e-5);
        assertEquals(0, m[2], 1e-4);
        assertEquals(1, s[2], 1e-3); // column 2 holds 1000 + small steps: float rounding of the input
        for (int i = 0; i < scaled.rows(); i++) {
            assertEquals(0f, scaled.x()[i * 3 + 1], "constant column must map to 0, not NaN");
        }
    }

    @Test
    void minmaxMapsTheTrainingRangeToZeroOne() {
        Dataset scaled = Scaling.MINMAX.fit(sample()).apply(sample());
        for (int j : new int[] {0, 2}) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int i = 0; i < scaled.rows(); i++) {
                min = Math.min(min, scaled.x()[i * 3 + j]);
                max = Math.max(max, scaled.x()[i * 3 + j]);
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
        }
        for (int i = 0; i < scaled.rows(); i++) {
            assertEquals(0f, scaled.x()[i * 3 + 1]);
        }
    }

    @Test
    void statisticsComeFromTheTrainingSetOnly() {
        Dataset all = ClassicSets.load("iris");
        TrainTest tt = Split.split(all, 0.3, 1);
        TrainTest scaled = Scaling.STANDARD.apply(tt);
        double[] trainMean = mean(scaled.train());
        double[] testMean = mean(scaled.test());
        Scaler scaler = Scaling.STANDARD.fit(tt.train());
        for (int j = 0; j < 4; j++) {
            assertEquals(0, trainMean[j], 1e-5);
            assertEquals(1, std(scaled.train())[j], 1e-5);
            // the test set goes through the training set's map, so its mean is not exactly 0
            double expected = (mean(tt.test())[j] - scaler.offset(j)) / scaler.scale(j);
            assertEquals(expected, testMean[j], 1e-5);
            assertTrue(Math.abs(testMean[j]) > 1e-4);
        }
        // unscaled inputs are untouched
        assertEquals(5.1f, all.x()[0]);
    }

    @Test
    void noneReturnsTheSameData() {
        TrainTest tt = Split.split(sample(), 0.2, 3);
        assertSame(tt, Scaling.NONE.apply(tt));
    }

    @Test
    void parseIsCaseInsensitiveAndListsTheChoices() {
        assertEquals(Scaling.MINMAX, Scaling.parse("MinMax"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scaling.parse("zscore"));
        assertTrue(e.getMessage().contains("none, standard, minmax"), e.getMessage());
    }
}
