package io.gradsweep.driver.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Wilcoxon signed-rank test that paired differences are symmetric about 0, two-sided, with the
 * matched-pairs rank-biserial correlation as effect size.
 *
 * <p>Zero differences are dropped before ranking (Wilcoxon's method, as R's {@code wilcox.test});
 * tied |differences| get mid-ranks. The p-value is exact when at most {@value #MAX_EXACT} pairs
 * remain and no |differences| tie; otherwise it is the normal approximation with tie and
 * continuity corrections, as R's {@code wilcox.test(d, exact = FALSE, correct = TRUE)}.
 *
 * <p>Not commons-math3's {@code WilcoxonSignedRankTest}: it keeps zeros, its normal approximation
 * corrects neither ties nor continuity, and its exact p enumerates all 2^n sign patterns and is
 * not capped at 1.
 */
public final class WilcoxonSignedRank {
    /** Largest n for the exact p-value. */
    public static final int MAX_EXACT = 25;

    private final int n;
    private final int zeroCount;
    private final int nanCount;
    private final double positiveRankSum;
    private final double negativeRankSum;
    private final boolean exact;
    private final double pValue;

    private WilcoxonSignedRank(int n, int zeroCount, int nanCount, double positiveRankSum, double negativeRankSum,
            boolean exact, double pValue) {
        this.n = n;
        this.zeroCount = zeroCount;
        this.nanCount = nanCount;
        this.positiveRankSum = positiveRankSum;
        this.negativeRankSum = negativeRankSum;
        this.exact = exact;
        this.pValue = pValue;
    }

    /**
     * The test of {@code differences} (e.g. loss of A minus loss of B, pair by pair). NaN
     * differences and zeros are dropped and counted. No pair left (empty, all zero or NaN): n = 0,
     * W+ = W- = 0, p-value and effect size NaN, since there is no evidence either way.
     */
    public static WilcoxonSignedRank test(double[] differences) {
        double[] kept = Arrays.stream(differences).filter(d -> !Double.isNaN(d) && d != 0).toArray();
        int nanCount = Samples.countNaN(differences);
        int zeroCount = differences.length - nanCount - kept.length;
        int n = kept.length;
        if (n == 0) {
            return new WilcoxonSignedRank(0, zeroCount, nanCount, 0, 0, false, Double.NaN);
        }
        double[] magnitudes = Arrays.stream(kept).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitudes);
        double positive = 0;
        for (int i = 0; i < n; i++) {
            if (kept[i] > 0) {
                positive += ranks[i];
            }
        }
        double negative = n * (n + 1) / 2.0 - positive;
        double tieTerm = tieTerm(magnitudes);
        boolean exact = n <= MAX_EXACT && tieTerm == 0;
        double p = exact ? exactP(n, (int) Math.round(positive)) : normalP(n, positive, tieTerm);
        return new WilcoxonSignedRank(n, zeroCount, nanCount, positive, negative, exact, p);
    }

    /** Sum of t^3 - t over groups of t tied |differences|. */
    private static double tieTerm(double[] magnitudes) {
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

    /**
     * 2 min(P(W <= w), P(W >= w)), capped at 1, under the null distribution of W+ for n untied
     * ranks: the number of subsets of {1..n} with each sum, by dynamic programming (n^3 / 4 steps,
     * not 2^n).
     */
    static double exactP(int n, int w) {
        int max = n * (n + 1) / 2;
        long[] ways = new long[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int sum = max; sum >= rank; sum--) {
                ways[sum] += ways[sum - rank];
            }
        }
        double total = Math.pow(2, n);
        long atOrBelow = 0;
        for (int sum = 0; sum <= w; sum++) {
            atOrBelow += ways[sum];
        }
        long atOrAbove = 0;
        for (int sum = w; sum <= max; sum++) {
            atOrAbove += ways[sum];
        }
        return Math.min(1, 2 * Math.min(atOrBelow, atOrAbove) / total);
    }

    /** Normal approximation with tie-corrected variance and a continuity correction of 1/2 toward the mean. */
    private static double normalP(int n, double positive, double tieTerm) {
        double centred = positive - n * (n + 1) / 4.0;
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm / 48);
        if (sd == 0) {
            return Double.NaN; // unreachable for n >= 1 (the variance is at least n / 4); kept as a guard
        }
        double z = (centred - 0.5 * Math.signum(centred)) / sd;
        NormalDistribution normal = new NormalDistribution();
        return Math.min(1, 2 * Math.min(normal.cumulativeProbability(z), normal.cumulativeProbability(-z)));
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

    /** W+: sum of the ranks of the positive differences (R's V). */
    public double positiveRankSum() {
        return positiveRankSum;
    }

    /** W-: sum of the ranks of the negative differences; W+ + W- = n (n + 1) / 2. */
    public double negativeRankSum() {
        return negativeRankSum;
    }

    /** True when the p-value is exact, false when it is the normal approximation (or NaN). */
    public boolean exact() {
        return exact;
    }

    /** Two-sided p-value; NaN when n = 0. */
    public double pValue() {
        return pValue;
    }

    /**
     * Matched-pairs rank-biserial correlation (Kerby 2014), (W+ - W-) / (W+ + W-), in [-1, 1]:
     * +1 when every difference is positive. NaN when n = 0.
     */
    public double rankBiserialCorrelation() {
        return n == 0 ? Double.NaN : (positiveRankSum - negativeRankSum) / (positiveRankSum + negativeRankSum);
    }

    @Override
    public String toString() {
        return "WilcoxonSignedRank[n=" + n + ", zeros=" + zeroCount + ", nan=" + nanCount + ", W+=" + positiveRankSum
            + ", W-=" + negativeRankSum + ", exact=" + exact + ", p=" + pValue + "]";
    }
}
