package io.gradsweep.driver.analysis;

import static io.gradsweep.driver.analysis.TimeToThresholdTest.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ties decided at the measure's resolution, not by exact double equality. */
class ResolutionTest {
    @Test
    void theCountOfTestRowsIsFoundFromTheAccuracies() {
        assertEquals(360, Resolution.denominator(359 / 360.0));
        assertEquals(8, Resolution.denominator(0.875));
        assertEquals(0, Resolution.denominator(Math.PI / 4), "not a fraction with a small denominator");
        double[] values = {331 / 360.0, 0.875, 17 / 20.0, 1.0};
        assertEquals(1 / 360.0, Resolution.of(Measure.FINAL_TEST_ACCURACY, values).difference(332 / 360.0, 331 / 360.0), 0);
    }

    @Test
    void accuraciesWorthTheSameRowsGiveAnExactZeroAndEqualDifferencesTie() {
        // 0.3 - 0.2 and 0.2 - 0.1 are both one row in ten, but differ in the last bit as doubles
        assertNotEquals(0.3 - 0.2, 0.2 - 0.1);
        Resolution tenths = Resolution.of(Measure.FINAL_TEST_ACCURACY, new double[] {0.1, 0.2, 0.3});
        assertEquals(tenths.difference(0.3, 0.2), tenths.difference(0.2, 0.1), 0);
        assertEquals(0.0, tenths.difference(0.1 + 0.2, 0.3), 0);
    }

    @Test
    void lossesEqualWithinTheRelativeToleranceAreTied() {
        Resolution r = Resolution.of(Measure.BEST_TEST_LOSS, new double[] {0.5});
        assertEquals(0.0, r.difference(0.5 * (1 + 1e-9), 0.5), 0);
        assertNotEquals(0.0, r.difference(0.5 * (1 + 1e-4), 0.5));
    }

    /**
     * Five pairs whose accuracies differ by one test row each way, computed so that the doubles
     * differ: with the tie recognised, the five |differences| share one mid-rank 3, V = 3 x 3 = 9
     * for three positives, and the exact p over the 2^5 sign flips is 1 (P(V <= 6) and P(V >= 9)
     * each 16/32 or more, since V = 3k for k positives: binomial(5, 1/2) tails).
     */
    @Test
    void aPairedComparisonSnapsDifferencesBeforeTheTest() {
        List<TrialRecord> arm = new ArrayList<>();
        List<TrialRecord> ref = new ArrayList<>();
        double[] a = {0.3, 0.2, 0.1 + 0.2, 0.7, 0.6};
        double[] b = {0.2, 0.1, 0.2, 0.8, 0.7};
        for (int r = 0; r < 5; r++) {
            arm.add(trial("tanh", r, "ok", 10, null, a[r]));
            ref.add(trial("relu", r, "ok", 10, null, b[r]));
        }
        PairedComparison c = PairedComparison.of(Measure.FINAL_TEST_ACCURACY, List.of(), "tanh", "relu", arm, ref, 5, 0.05);
        assertEquals(5, c.test.n());
        assertEquals(9.0, c.test.statistic(), 0);
        assertEquals(1.0, c.test.pValue(), 1e-12);
        // Walsh averages: 6 at +0.1 (among the positives), 3 at -0.1, 6 at 0 (across): the median, 8th of 15, is 0
        assertEquals(0.0, c.effect.estimate(), 0);
    }
}
