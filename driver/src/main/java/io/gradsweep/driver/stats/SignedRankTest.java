package io.gradsweep.driver.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The Wilcoxon signed-rank test that paired differences are symmetric about 0, exact even with
 * ties. Zeros are dropped (Wilcoxon's method), tied |differences| get mid-ranks, and for up to
 * {@value #MAX_EXACT} pairs the p-value comes from the exact permutation distribution of V over
 * the 2^n sign flips of these very mid-ranks (the values of R's {@code exactRankTests::wilcox.exact}
 * and {@code coin::wilcoxsign_test(distribution = "exact")}). Above that, the normal approximation
 * with tie-corrected variance and continuity correction (R's {@code wilcox.test(exact = FALSE)}).
 *
 * <p>Callers pass differences already rounded to the measure's resolution, so that ties and zeros
 * are real ties and zeros rather than floating-point noise.
 */
public final class SignedRankTest implements java.io.Serializable {
    /** Largest number of non-zero pairs for which the p-value is exact. */
    public static final int MAX_EXACT = 50;

    private final int n;
    private final int zeroCount;
    private final int nanCount;
    private final boolean tied;
    private final double statistic;
    private final boolean exact;
    private final double pValue;
    private final double pValueGreater;
    private final double pValueLess;

    private SignedRankTest(int n, int zeroCount, int nanCount, boolean tied, double statistic, boolean exact,
            double pValue, double pValueGreater, double pValueLess) {
        this.n = n;
        this.zeroCount = zeroCount;
        this.nanCount = nanCount;
        this.tied = tied;
        this.statistic = statistic;
        this.exact = exact;
        this.pValue = pValue;
        this.pValueGreater = pValueGreater;
        this.pValueLess = pValueLess;
    }

    /**
     * The test of {@code differences} (arm minus reference, pair by pair). NaN and zero differences
     * are dropped and counted. Every difference zero (identical arms): n = 0, p = 1 and exact, the
     * exact p of the one remaining (empty) sign pattern. No difference at all (empty or all NaN):
     * every p NaN.
     */
    public static SignedRankTest test(double[] differences) {
        double[] kept = Arrays.stream(differences).filter(d -> !Double.isNaN(d) && d != 0).toArray();
        int nanCount = Samples.countNaN(differences);
        int zeroCount = differences.length - nanCount - kept.length;
        int n = kept.length;
        if (n == 0 && zeroCount > 0) {
            // identical arms: the only sign pattern is the empty one, so the exact p is 1
            return new SignedRankTest(0, zeroCount, nanCount, false, 0, true, 1, 1, 1);
        }
        if (n == 0) {
            return new SignedRankTest(0, zeroCount, nanCount, false, 0, false, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] magnitudes = Arrays.stream(kept).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitudes);
        int[] doubledRanks = new int[n];
        int doubledV = 0;
        for (int i = 0; i < n; i++) {
            doubledRanks[i] = (int) Math.round(2 * ranks[i]); // mid-ranks are multiples of 1/2
            if (kept[i] > 0) {
                doubledV += doubledRanks[i];
            }
        }
        double tieTerm = tieTerm(magnitudes);
        boolean tied = tieTerm > 0;
        double v = doubledV / 2.0;
        if (n <= MAX_EXACT) {
            SignedRankDistribution null0 = SignedRankDistribution.ofDoubledRanks(doubledRanks);
            double greater = null0.atOrAbove(doubledV);
            double less = null0.atOrBelow(doubledV);
            // the null distribution is symmetric about n(n+1)/4, so this is also P(|V - mean| >= |v - mean|)
            double two = Math.min(1, 2 * Math.min(greater, less));
            return new SignedRankTest(n, zeroCount, nanCount, tied, v, true, two, greater, less);
        }
        NormalDistribution normal = new NormalDistribution();
        double centred = v - n * (n + 1) / 4.0;
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm / 48);
        double greater = normal.cumulativeProbability(-(centred - 0.5) / sd);
        double less = normal.cumulativeProbability((centred + 0.5) / sd);
        // R's continuity correction: half a unit toward the mean, by the sign of the deviation
        double z = (centred - 0.5 * Math.signum(centred)) / sd;
        double two = Math.min(1, 2 * normal.cumulativeProbability(-Math.abs(z)));
        return new SignedRankTest(n, zeroCount, nanCount, tied, v, false, two, greater, less);
    }

    /** Sum of t^3 - t over groups of t tied magnitudes. */
    static double tieTerm(double[] magnitudes) {
        double[] sorted = magnitudes.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** V: the sum of the (mid-)ranks of the positive differences (R's V). */
    public double statistic() {
        return statistic;
    }

    /** Pairs used: non-zero, non-NaN differences. */
    public int n() {
        return n;
    }

    /** Zero differences dropped. */
    public int zeroCount() {
        return zeroCount;
    }

    /** NaN differences dropped. */
    public int nanCount() {
        return nanCount;
    }

    /** True when some |differences| tie (mid-ranks were used). */
    public boolean tied() {
        return tied;
    }

    /** True when the p-values are exact (enumeration), false for the normal approximation or no data. */
    public boolean exact() {
        return exact;
    }

    /** Two-sided p; 1 when every difference is zero; NaN when there are no differences. */
    public double pValue() {
        return pValue;
    }

    /** One-sided p against differences shifted above 0: P(V >= v). */
    public double pValueGreater() {
        return pValueGreater;
    }

    /** One-sided p against differences shifted below 0: P(V <= v). */
    public double pValueLess() {
        return pValueLess;
    }

    /**
     * The smallest two-sided p attainable with these n pairs, 2 / 2^n (all signs alike is the one
     * most extreme pattern, tied ranks or not); 1 when n = 0.
     */
    public double minimumPValue() {
        return MinimumP.smallestTwoSided(n);
    }

    /** Matched-pairs rank-biserial correlation (Kerby 2014): (V - (S - V)) / S with S = n(n+1)/2. */
    public double rankBiserialCorrelation() {
        if (n == 0) {
            return Double.NaN;
        }
        double sum = n * (n + 1) / 2.0;
        return (2 * statistic - sum) / sum;
    }

    /** A caption phrase, e.g. "exact signed-rank, mid-ranks, 5 pairs, 1 zero dropped". */
    public String method() {
        String kind = exact ? "exact signed-rank" : "signed-rank, normal approximation";
        return kind + (tied ? ", mid-ranks" : "") + ", " + n + (n == 1 ? " pair" : " pairs") + ", " + zeroCount
            + (zeroCount == 1 ? " zero" : " zeros") + " dropped";
    }

    @Override
    public String toString() {
        return "SignedRankTest[n=" + n + ", zeros=" + zeroCount + ", V=" + statistic + ", exact=" + exact + ", p="
            + pValue + "]";
    }
}
