package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/**
 * Spearman's rho and its Bonett-Wright interval against a published example and R 4.x values
 * computed offline (the R lines are in each test's comment; R is not needed to run the tests).
 */
class RankCorrelationTest {
    /**
     * The example of Bonett's statpsych package, ci.spear(.05, y, x) (dgbonett.github.io/statpsych,
     * reference/ci.spear.html): Estimate 0.8699639, LL 0.5840951, UL 0.9638297. The data have ties
     * (28 three times, 40 twice). R 4.x: cor(x, y, method = "spearman") = 0.869963904042688;
     * tanh(atanh(r) -+ qnorm(0.975) * sqrt((1 + r^2 / 2) / 12)) = 0.584095093759472, 0.963829674156994;
     * at 90%: 0.650089590575879, 0.955408753281324.
     */
    @Test
    void matchesBonettsPublishedSpearmanInterval() {
        double[] y = {21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19};
        double[] x = {67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51};
        RankCorrelation r = RankCorrelation.spearman(x, y, 0.95);
        assertEquals(0.869963904042688, r.rho(), 1e-12);
        assertEquals(0.8699639, r.rho(), 5e-8, "statpsych's printed estimate");
        assertEquals(0.5840951, r.interval().lower(), 5e-8, "statpsych's printed LL");
        assertEquals(0.9638297, r.interval().upper(), 5e-8, "statpsych's printed UL");
        assertEquals(0.584095093759472, r.interval().lower(), 1e-12);
        assertEquals(0.963829674156994, r.interval().upper(), 1e-12);
        assertEquals(15, r.n());
        RankCorrelation r90 = RankCorrelation.spearman(x, y, 0.90);
        assertEquals(0.650089590575879, r90.interval().lower(), 1e-12);
        assertEquals(0.955408753281324, r90.interval().upper(), 1e-12);
        // and commons-math3's own Spearman (average ranks for ties) agrees on rho
        assertEquals(new SpearmansCorrelation().correlation(x, y), r.rho(), 1e-12);
    }

    /** R's rank(): ties share the mean of their positions. R 4.x: rank(c(3, 1, 3, 2, 3)) = 4 1 4 2 4. */
    @Test
    void midranksShareTies() {
        assertArrayEquals(new double[] {4, 1, 4, 2, 4}, RankCorrelation.midranks(new double[] {3, 1, 3, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.midranks(new double[] {1, Double.NaN}));
    }

    /**
     * Censored times ranked tied above every observed one. R 4.x, with censored times as Inf so
     * rank() ties them last:
     * t <- c(3, 5, 5, 8, 10, 10, 2, 7, 10, 4); obs <- c(T, T, T, T, F, F, T, T, T, T)
     * s <- c(1.2, 2.5, 2.0, 3.1, 4.0, 2.2, 0.7, 3.3, 2.9, 1.1)
     * rank(ifelse(obs, t, Inf)) = 2.0 4.5 4.5 7.0 9.5 9.5 1.0 6.0 8.0 3.0
     * cor(rank(ifelse(obs, t, Inf)), rank(s)) = 0.780502314648453; its interval (n - 3 = 7)
     * 0.197880660304567, 0.955615349183540. Ranked as plain numbers (the censored 10s tied with the
     * observed 10) rho is 0.781630967718763: the test tells the two apart.
     */
    @Test
    void censoredTimesRankTiedAboveEveryObservedTime() {
        double[] t = {3, 5, 5, 8, 10, 10, 2, 7, 10, 4};
        boolean[] observed = {true, true, true, true, false, false, true, true, true, true};
        double[] s = {1.2, 2.5, 2.0, 3.1, 4.0, 2.2, 0.7, 3.3, 2.9, 1.1};
        double[] ranks = RankCorrelation.ranksCensoredLast(t, observed);
        assertArrayEquals(new double[] {2.0, 4.5, 4.5, 7.0, 9.5, 9.5, 1.0, 6.0, 8.0, 3.0}, ranks);
        RankCorrelation r = RankCorrelation.ofRanks(ranks, RankCorrelation.midranks(s), 0.95);
        assertEquals(0.780502314648453, r.rho(), 1e-12);
        assertEquals(0.197880660304567, r.interval().lower(), 1e-12);
        assertEquals(0.955615349183540, r.interval().upper(), 1e-12);
        double asNumbers = RankCorrelation.spearman(t, s, 0.95).rho();
        assertEquals(0.781630967718763, asNumbers, 1e-12);
        assertTrue(Math.abs(asNumbers - r.rho()) > 1e-4);
    }

    /** A censored time before an observed one has no known place: refused, not guessed. */
    @Test
    void aTimeCensoredBeforeAnObservedOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.ranksCensoredLast(new double[] {5, 3, 8}, new boolean[] {true, false, true}));
        assertTrue(e.getMessage().contains("censored at 3.0"), e.getMessage());
    }

    /**
     * Within strata: ranks taken within each stratum, centred, one correlation. R 4.x:
     * g <- c(1,1,1,1,1, 2,2,2,2,2, 3,3,3,3); a <- c(5,3,8,1,9, 2,2,7,4,6, 1,1,1,1)
     * b <- c(2.0,1.0,3.5,0.5,2.5, 9,8,12,10,11, 3,4,5,6)
     * stratum 3 (a constant) left out; ra <- ave(a, g, FUN = rank) (and rb), centred by ave(ra, g):
     * cor = 0.936783914552392 over 10 runs in 2 strata, the same as the partial correlation
     * cor(resid(lm(ra ~ factor(g))), resid(lm(rb ~ factor(g)))); interval with n - 2 - 2 = 6:
     * 0.635945593628642, 0.990470913708620. The pooled Spearman of the same 10 runs is 0.303952771840032:
     * the strata's levels would dominate it.
     */
    @Test
    void withinStrataCorrelatesRanksTakenInsideEachStratum() {
        List<double[]> a = List.of(new double[] {5, 3, 8, 1, 9}, new double[] {2, 2, 7, 4, 6}, new double[] {1, 1, 1, 1});
        List<double[]> b = List.of(new double[] {2.0, 1.0, 3.5, 0.5, 2.5}, new double[] {9, 8, 12, 10, 11},
                new double[] {3, 4, 5, 6});
        RankCorrelation r = RankCorrelation.withinStrata(a.stream().map(RankCorrelation::midranks).toList(),
                b.stream().map(RankCorrelation::midranks).toList(), 0.95);
        assertEquals(0.936783914552392, r.rho(), 1e-12);
        assertEquals(10, r.n());
        assertEquals(2, r.groups());
        assertEquals(0.635945593628642, r.interval().lower(), 1e-12);
        assertEquals(0.990470913708620, r.interval().upper(), 1e-12);
        double[] pooledA = {5, 3, 8, 1, 9, 2, 2, 7, 4, 6};
        double[] pooledB = {2.0, 1.0, 3.5, 0.5, 2.5, 9, 8, 12, 10, 11};
        assertEquals(0.303952771840032, RankCorrelation.spearman(pooledA, pooledB, 0.95).rho(), 1e-12);
    }

    /** No interval where Fisher's z is infinite or there are too few degrees of freedom; no rho without variation. */
    @Test
    void degenerateCasesHaveNoInterval() {
        RankCorrelation perfect = RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10}, 0.95);
        assertEquals(1.0, perfect.rho());
        assertTrue(Double.isNaN(perfect.interval().lower()) && Double.isNaN(perfect.interval().upper()));
        RankCorrelation three = RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {2, 1, 3}, 0.95);
        assertEquals(0.5, three.rho(), 1e-12);
        assertTrue(Double.isNaN(three.interval().lower()), "n - 3 = 0: no interval");
        RankCorrelation flat = RankCorrelation.spearman(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 0.95);
        assertTrue(Double.isNaN(flat.rho()));
    }
}
