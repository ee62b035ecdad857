package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The 6-MP and placebo arms of Freireich et al. (1963): chi-square 16.79, p = 4.17e-05 (Kleinbaum and
 * Klein, ch. 2; R {@code survdiff} prints 16.8 and expected 19.3 and 10.7). Full precision: scipy 1.17
 * {@code stats.logrank} (two groups) and a k-group textbook implementation in numpy that agrees with
 * scipy on two groups (driver/src/test/python/stats_references.py).
 */
class LogRankTestTest {
    private static final double[] PLACEBO = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};

    @Test
    void sixMpAgainstPlaceboMatchesPublishedChiSquare() {
        LogRankTest test = LogRankTest.compare(KaplanMeierTest.SIX_MP, KaplanMeierTest.SIX_MP_RELAPSED, PLACEBO,
            allReached(PLACEBO.length));
        assertEquals(16.79, test.statistic(), 0.005);
        assertEquals(4.17e-5, test.pValue(), 0.005e-5);
        assertEquals(16.792940989216536, test.statistic(), 1e-9); // scipy
        assertEquals(4.1688091093345355e-05, test.pValue(), 1e-12); // scipy
        assertEquals(1, test.degreesOfFreedom());
        assertArrayEquals(new double[] {9, 21}, test.observed());
        assertArrayEquals(new double[] {19.25050095, 10.74949905}, test.expected(), 1e-8);
    }

    @Test
    void threeGroupsUseTheFullCovarianceWithTwoDegreesOfFreedom() {
        double[][] times = {{2, 4, 4, 7, 9, 12, 15}, {3, 5, 8, 8, 11, 14, 18, 21}, {1, 2, 3, 6, 6, 10}};
        boolean[][] reached = {
            {true, true, false, true, true, false, true},
            {true, false, true, true, true, true, false, true},
            {true, true, true, true, false, true}};
        LogRankTest test = LogRankTest.compare(times, reached);
        assertEquals(2, test.degreesOfFreedom());
        assertEquals(5.167119153579198, test.statistic(), 1e-9);
        assertEquals(0.07550476011833722, test.pValue(), 1e-12);
        assertArrayEquals(new double[] {5, 6, 5}, test.observed());
        assertArrayEquals(new double[] {4.923709623709623, 8.86909618159618, 2.207194194694195}, test.expected(), 1e-9);
    }

    @Test
    void twoGroupsOfTheThreeMatchScipy() {
        LogRankTest test = LogRankTest.compare(new double[] {2, 4, 4, 7, 9, 12, 15},
            new boolean[] {true, true, false, true, true, false, true}, new double[] {3, 5, 8, 8, 11, 14, 18, 21},
            new boolean[] {true, false, true, true, true, true, false, true});
        assertEquals(0.6744303794068531, test.statistic(), 1e-9);
        assertEquals(0.41151122624588554, test.pValue(), 1e-12);
    }

    @Test
    void identicalGroupsGiveZeroAndPOne() {
        LogRankTest test = LogRankTest.compare(PLACEBO, allReached(PLACEBO.length), PLACEBO, allReached(PLACEBO.length));
        assertEquals(0, test.statistic(), 1e-12);
        assertEquals(1, test.pValue(), 1e-12);
    }

    @Test
    void noEventsGiveNaNStatisticAndPValue() {
        LogRankTest test = LogRankTest.compare(new double[] {5, 6}, new boolean[2], new double[] {7}, new boolean[1]);
        assertTrue(Double.isNaN(test.statistic()));
        assertTrue(Double.isNaN(test.pValue()));
    }

    @Test
    void emptyGroupGivesNaN() {
        LogRankTest test = LogRankTest.compare(PLACEBO, allReached(PLACEBO.length), new double[0], new boolean[0]);
        assertTrue(Double.isNaN(test.statistic()));
        assertTrue(Double.isNaN(test.pValue()));
    }

    @Test
    void runsWithNaNTimeAreExcludedAndCounted() {
        double[] placeboWithNaN = Arrays.copyOf(PLACEBO, PLACEBO.length + 1);
        placeboWithNaN[PLACEBO.length] = Double.NaN;
        LogRankTest test = LogRankTest.compare(KaplanMeierTest.SIX_MP, KaplanMeierTest.SIX_MP_RELAPSED, placeboWithNaN,
            allReached(placeboWithNaN.length));
        assertEquals(1, test.nanCount());
        assertEquals(16.792940989216536, test.statistic(), 1e-9);
    }

    @Test
    void oneGroupIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> LogRankTest.compare(new double[][] {PLACEBO}, new boolean[][] {allReached(PLACEBO.length)}));
    }

    private static boolean[] allReached(int n) {
        boolean[] reached = new boolean[n];
        Arrays.fill(reached, true);
        return reached;
    }
}
