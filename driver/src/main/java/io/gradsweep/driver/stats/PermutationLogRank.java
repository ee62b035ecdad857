package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The log-rank test by permutation, for arms too small for its chi-square approximation: under
 * the null the arm labels are exchangeable, so the p-value is the share of relabellings (same arm
 * sizes) whose |O - E| for arm A is at least the observed one. O - E is a sum of fixed per-run
 * log-rank scores, delta_i minus the pooled Nelson-Aalen cumulative hazard at t_i (Peto and Peto
 * 1972), so a relabelling only re-sums scores. Exact enumeration when there are at most
 * {@code permutations} relabellings (the values of R's {@code coin::logrank_test(distribution =
 * "exact")}); otherwise {@code permutations} seeded random relabellings with p = (1 + #{as
 * extreme}) / (1 + B) (Phipson and Smyth 2010), a valid p that is never 0.
 */
public final class PermutationLogRank implements java.io.Serializable {
    private final double statistic;
    private final double pValue;
    private final boolean exact;
    private final long permutations;
    private final long seed;
    private final int nA;
    private final int nB;

    private PermutationLogRank(double statistic, double pValue, boolean exact, long permutations, long seed, int nA,
            int nB) {
        this.statistic = statistic;
        this.pValue = pValue;
        this.exact = exact;
        this.permutations = permutations;
        this.seed = seed;
        this.nA = nA;
        this.nB = nB;
    }

    /**
     * Arm A (times, reached) against arm B. Runs with a NaN time are dropped. {@code seed} (from
     * {@link Streams#derive}) drives the random relabellings when enumeration is too large. No
     * event at all, or an empty arm: p NaN.
     */
    public static PermutationLogRank compare(double[] timesA, boolean[] reachedA, double[] timesB, boolean[] reachedB,
            long seed, int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
        }
        if (timesA.length != reachedA.length || timesB.length != reachedB.length) {
            throw new IllegalArgumentException("times and reached differ in length: arm A " + timesA.length + " and "
                + reachedA.length + ", arm B " + timesB.length + " and " + reachedB.length);
        }
        int n = 0;
        double[] times = new double[timesA.length + timesB.length];
        boolean[] reached = new boolean[times.length];
        int nA = 0;
        for (int i = 0; i < timesA.length; i++) {
            if (!Double.isNaN(timesA[i])) {
                times[n] = timesA[i];
                reached[n++] = reachedA[i];
                nA++;
            }
        }
        for (int i = 0; i < timesB.length; i++) {
            if (!Double.isNaN(timesB[i])) {
                times[n] = timesB[i];
                reached[n++] = reachedB[i];
            }
        }
        int nB = n - nA;
        double[] scores = logRankScores(Arrays.copyOf(times, n), Arrays.copyOf(reached, n));
        double observed = 0;
        boolean anyEvent = false;
        for (int i = 0; i < n; i++) {
            observed += i < nA ? scores[i] : 0;
            anyEvent |= reached[i];
        }
        if (nA == 0 || nB == 0 || !anyEvent) {
            return new PermutationLogRank(observed, Double.NaN, false, 0, seed, nA, nB);
        }
        double scale = 0;
        for (double s : scores) {
            scale += Math.abs(s);
        }
        // relabellings reproduce the observed sum up to rounding; count them as "as extreme"
        double threshold = Math.abs(observed) - 1e-9 * Math.max(1, scale);
        double count = CombinatoricsUtils.binomialCoefficientDouble(n, nA);
        if (count <= permutations) {
            long extreme = countExact(scores, nA, threshold);
            long total = Math.round(count);
            return new PermutationLogRank(observed, (double) extreme / total, true, total, seed, nA, nB);
        }
        Well19937c random = new Well19937c(seed);
        int[] index = new int[n];
        long extreme = 0;
        for (int b = 0; b < permutations; b++) {
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            double sum = 0;
            for (int i = 0; i < nA; i++) { // partial Fisher-Yates: a uniform random subset of size nA
                int j = i + random.nextInt(n - i);
                int swap = index[i];
                index[i] = index[j];
                index[j] = swap;
                sum += scores[index[i]];
            }
            if (Math.abs(sum) >= threshold) {
                extreme++;
            }
        }
        return new PermutationLogRank(observed, (1.0 + extreme) / (1.0 + permutations), false, permutations, seed, nA,
            nB);
    }

    /**
     * delta_i - H(t_i), H the pooled Nelson-Aalen estimate sum over event times t_j <= t_i of d_j / Y_j
     * (runs censored at t_j still at risk there); the scores sum to 0.
     */
    static double[] logRankScores(double[] times, boolean[] reached) {
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        double[] scores = new double[n];
        double hazard = 0;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            int j = i;
            int events = 0;
            while (j < n && times[order[j]] == times[order[i]]) {
                events += reached[order[j]] ? 1 : 0;
                j++;
            }
            hazard += (double) events / atRisk;
            for (int k = i; k < j; k++) {
                scores[order[k]] = (reached[order[k]] ? 1 : 0) - hazard;
            }
            atRisk -= j - i;
            i = j;
        }
        return scores;
    }

    /** Subsets of size k whose score sum has |sum| >= threshold, by depth-first enumeration. */
    private static long countExact(double[] scores, int k, double threshold) {
        return count(scores, 0, k, 0, threshold);
    }

    private static long count(double[] scores, int from, int left, double sum, double threshold) {
        if (left == 0) {
            return Math.abs(sum) >= threshold ? 1 : 0;
        }
        long total = 0;
        for (int i = from; i <= scores.length - left; i++) {
            total += count(scores, i + 1, left - 1, sum + scores[i], threshold);
        }
        return total;
    }

    /** O - E for arm A: positive when A reached the threshold more often (sooner) than expected. */
    public double statistic() {
        return statistic;
    }

    /** Two-sided permutation p; NaN when nothing can be compared. */
    public double pValue() {
        return pValue;
    }

    /** True when every relabelling was enumerated. */
    public boolean exact() {
        return exact;
    }

    /** Relabellings used: all of them when exact, else the random ones drawn. */
    public long permutations() {
        return permutations;
    }

    /** The seed of the random relabellings (unused when exact). */
    public long seed() {
        return seed;
    }

    /**
     * A floor on the p these arm sizes allow: 1 / C(n, nA) when exact (the most extreme relabelling
     * alone; ties in the scores can raise it), 1 / (1 + B) for B random relabellings.
     */
    public double minimumPValue() {
        if (permutations == 0) {
            return Double.NaN;
        }
        return exact ? 1.0 / permutations : 1.0 / (1 + permutations);
    }

    public String method() {
        String runs = nA + " and " + nB + " runs";
        if (permutations == 0) {
            return "permutation log-rank, nothing to compare, " + runs;
        }
        return exact ? "exact permutation log-rank over all " + permutations + " relabellings, " + runs
            : String.format(Locale.ROOT, "permutation log-rank, %d random relabellings (seed %d), %s", permutations,
                seed, runs);
    }

    @Override
    public String toString() {
        return "PermutationLogRank[O-E=" + statistic + ", p=" + pValue + ", exact=" + exact + ", permutations="
            + permutations + "]";
    }
}
