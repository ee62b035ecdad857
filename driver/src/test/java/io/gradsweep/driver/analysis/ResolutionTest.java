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
        PairedComparison c = PairedComparison.of(Measure.FINAL_TEST_ACCURACY, List.of(), "tanh", "relu", arm, ref, 5, 0.05, null);
        assertEquals(5, c.test.n());
        assertEquals(9.0, c.test.statistic(), 0);
        assertEquals(1.0, c.test.pValue(), 1e-12);
        // Walsh averages: 6 at +0.1 (among the positives), 3 at -0.1, 6 at 0 (across): the median, 8th of 15, is 0
        assertEquals(0.0, c.effect.estimate(), 0);
    }

    private static PairedComparison compare(Measure m, double[] a, double[] b, Double margin) {
        List<TrialRecord> arm = new ArrayList<>();
        List<TrialRecord> ref = new ArrayList<>();
        for (int r = 0; r < a.length; r++) {
            arm.add(trial("elu", r, "ok", 10, null, a[r]));
            ref.add(trial("relu", r, "ok", 10, null, b[r]));
        }
        PairedComparison c = PairedComparison.of(m, List.of(), "elu", "relu", arm, ref, a.length, 0.05, margin);
        return c.withHolm(c.test.pValue());
    }

    @Test
    void identicalArmsAreATieNotAnAbsentTest() {
        double[] same = {0.71, 0.9, 0.83, 0.77, 0.8};
        PairedComparison c = compare(Measure.FINAL_TEST_ACCURACY, same, same.clone(), null);
        assertEquals(0, c.test.n());
        assertEquals(0.0, c.effect.estimate(), 0);
        // TOST: every d - 0.01 is negative, so each one-sided exact p is 1/2^5 = 0.03125 <= 0.05
        assertEquals(0.03125, c.equivalence.pValue(), 1e-12);
        assertEquals("tie (every pair equal at the resolution)", c.verdict());
    }

    /** A systematic effect of 1e-7 in mean log10 loss: detectable with paired seeds, and negligible. */
    @Test
    void aTinySystematicEffectIsCalledNegligible() {
        double[] b = {-0.61, -0.72, -0.55, -0.68, -0.7, -0.59, -0.64, -0.66, -0.71, -0.58};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] - 1e-5 * (1 + i % 3); // beyond the 1e-6 relative tolerance, far inside 0.01
        }
        PairedComparison c = compare(Measure.LOG_LOSS_AREA, a, b, null);
        assertEquals(10, c.test.n());
        // all 10 negative: exact two-sided p = 2/2^10 (R: wilcox.test(d, exact = TRUE) gives 0.001953)
        assertEquals(2 / 1024.0, c.test.pValue(), 1e-12);
        assertEquals("different, but by less than the smallest effect of interest", c.verdict());
        PairedComparison declared = compare(Measure.LOG_LOSS_AREA, a, b, 1e-6);
        assertEquals("different", declared.verdict(), "a declared margin below the effect: not negligible");
    }
}
