package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freireich et al. (1963) 6-MP leukaemia remission times, the textbook example of Gehan (1965),
 * Kleinbaum and Klein (Survival Analysis, ch. 2) and Klein and Moeschberger (sec. 4.2): published
 * S(t) and Greenwood SE to 3 and 4 decimals; full precision from scipy 1.17 {@code stats.ecdf(...).sf}
 * and its {@code confidence_interval(method="log-log")}, an implementation independent of this one
 * (driver/src/test/python/stats_references.py).
 */
class KaplanMeierTest {
    /** 6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+ ("+" censored). */
    static final double[] SIX_MP = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    static final boolean[] SIX_MP_RELAPSED = {true, true, true, false, true, false, true, false, false, true, true,
        false, false, false, true, true, false, false, false, false, false};

    @Test
    void sixMpCurveMatchesPublishedEstimatesAndGreenwoodErrors() {
        KaplanMeier km = KaplanMeier.fit(SIX_MP, SIX_MP_RELAPSED);
        List<KaplanMeier.Step> steps = km.steps();
        double[] times = {6, 7, 10, 13, 16, 22, 23};
        int[] atRisk = {21, 17, 15, 12, 11, 7, 6};
        int[] events = {3, 1, 1, 1, 1, 1, 1};
        double[] published = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        double[] publishedSe = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
        assertEquals(times.length, steps.size());
        for (int i = 0; i < times.length; i++) {
            KaplanMeier.Step step = steps.get(i);
            assertEquals(times[i], step.time());
            assertEquals(atRisk[i], step.atRisk(), "at risk at " + times[i]);
            assertEquals(events[i], step.events(), "events at " + times[i]);
            assertEquals(published[i], step.survival(), 5e-4, "S at " + times[i]);
            assertEquals(publishedSe[i], step.standardError(), 5e-5, "SE at " + times[i]);
            assertEquals(1 - step.survival(), step.reachedFraction(), 1e-15);
        }
        assertEquals(21, km.n());
        assertEquals(9, km.events());
    }

    @Test
    void sixMpCurveAndLogLogBandsMatchScipy() {
        List<KaplanMeier.Step> steps = KaplanMeier.fit(SIX_MP, SIX_MP_RELAPSED).steps();
        double[] survival = {0.8571428571428571, 0.8067226890756302, 0.7529411764705881, 0.6901960784313724,
            0.6274509803921567, 0.53781512605042, 0.4481792717086834};
        double[] se = {0.07636035483212125, 0.0869352851800572, 0.09634965299432051, 0.10681470777500983,
            0.11405386525675254, 0.12823375169303403, 0.13459145675576048};
        double[] lower = {0.6197179552659838, 0.5631465646222333, 0.5031995107999564, 0.43161022248618397,
            0.36751085598750194, 0.267778936767135, 0.18805200595923235};
        double[] upper = {0.951551747646997, 0.9228090192028804, 0.8893618351692655, 0.8490659633494507,
            0.8049121894718412, 0.7467907176353944, 0.6801426284952414};
        for (int i = 0; i < survival.length; i++) {
            KaplanMeier.Step step = steps.get(i);
            assertEquals(survival[i], step.survival(), 1e-12);
            assertEquals(se[i], step.standardError(), 1e-12);
            assertEquals(lower[i], step.lower(), 1e-9);
            assertEquals(upper[i], step.upper(), 1e-9);
        }
    }

    @Test
    void sixMpMedianIs23WithLogLogIntervalFrom13AndNoUpperBound() {
        // median 23 is published (Kleinbaum and Klein); the lower band first drops to <= 1/2 at 13
        // (0.4316) and the upper band never does (0.6801 at the last event): R's 13 and NA
        KaplanMeier km = KaplanMeier.fit(SIX_MP, SIX_MP_RELAPSED);
        assertEquals(23, km.medianTime());
        assertEquals(13, km.medianInterval().lower());
        assertTrue(Double.isNaN(km.medianInterval().upper()));
    }

    @Test
    void survivalAtIsAStepFunctionThatStartsAtOne() {
        KaplanMeier km = KaplanMeier.fit(SIX_MP, SIX_MP_RELAPSED);
        assertEquals(1.0, km.survivalAt(5.9));
        assertEquals(0.8571428571428571, km.survivalAt(6), 1e-12);
        assertEquals(0.8067226890756302, km.survivalAt(9.5), 1e-12);
        assertEquals(0.4481792717086834, km.survivalAt(1000), 1e-12);
    }

    @Test
    void curveReachingZeroHasMedianAndBothIntervalBounds() {
        // 3, 5, 5, 8, 10, 12, 15, 20, all events. scipy log-log bands: lower <= 1/2 first at 3 (0.3870),
        // upper <= 1/2 first at 15 (0.4227); S = 0 at 20 where the bands are undefined (NaN in scipy)
        double[] times = {3, 5, 5, 8, 10, 12, 15, 20};
        boolean[] all = new boolean[times.length];
        Arrays.fill(all, true);
        KaplanMeier km = KaplanMeier.fit(times, all);
        // S(8) = 7/8 x 5/7 x 4/5 is 1/2 up to rounding: the median is 8 by "smallest t with S <= 1/2"
        // (R reports 9, the middle of the flat [8, 10) at exactly 1/2)
        assertEquals(8, km.medianTime());
        assertEquals(3, km.medianInterval().lower());
        assertEquals(15, km.medianInterval().upper());
        assertEquals(0.4227058325239688, km.steps().get(5).upper(), 1e-9);
        KaplanMeier.Step last = km.steps().get(6);
        assertEquals(0.0, last.survival());
        assertEquals(1.0, last.reachedFraction());
        assertEquals(0.0, last.lower());
        assertTrue(Double.isNaN(last.upper()));
        assertTrue(Double.isNaN(last.greenwoodVariance()));
    }

    @Test
    void allCensoredRunsGiveAFlatCurveWithoutMedian() {
        KaplanMeier km = KaplanMeier.fit(new double[] {100, 100, 80}, new boolean[3]);
        assertEquals(3, km.n());
        assertEquals(0, km.events());
        assertTrue(km.steps().isEmpty());
        assertEquals(1.0, km.survivalAt(1e9));
        assertTrue(Double.isNaN(km.medianTime()));
        assertTrue(Double.isNaN(km.medianInterval().lower()));
        assertTrue(Double.isNaN(km.medianInterval().upper()));
    }

    @Test
    void noRunsGiveAnEmptyCurve() {
        KaplanMeier km = KaplanMeier.fit(new double[0], new boolean[0]);
        assertEquals(0, km.n());
        assertTrue(km.steps().isEmpty());
        assertTrue(Double.isNaN(km.medianTime()));
    }

    @Test
    void oneRunThatReachedDropsTheCurveToZeroAtItsTime() {
        KaplanMeier km = KaplanMeier.fit(new double[] {40}, new boolean[] {true});
        assertEquals(1, km.steps().size());
        assertEquals(0.0, km.steps().get(0).survival());
        assertEquals(40, km.medianTime());
        assertEquals(40, km.medianInterval().lower());
        assertTrue(Double.isNaN(km.medianInterval().upper()));
    }

    @Test
    void runsWithNaNTimeAreExcludedAndCounted() {
        double[] times = SIX_MP.clone();
        double[] withNaN = Arrays.copyOf(times, times.length + 2);
        withNaN[times.length] = Double.NaN;
        withNaN[times.length + 1] = Double.NaN;
        boolean[] reached = Arrays.copyOf(SIX_MP_RELAPSED, times.length + 2);
        reached[times.length] = true;
        KaplanMeier km = KaplanMeier.fit(withNaN, reached);
        assertEquals(21, km.n());
        assertEquals(2, km.nanCount());
        assertEquals(KaplanMeier.fit(SIX_MP, SIX_MP_RELAPSED).steps(), km.steps());
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[2], new boolean[3]));
    }
}
