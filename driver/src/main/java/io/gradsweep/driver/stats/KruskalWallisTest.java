package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Heterogeneity of a paired effect across cells without standard errors: the Kruskal-Wallis test
 * that the paired differences of k cells come from one distribution, with mid-ranks and the tie
 * correction (R's {@code kruskal.test}). Its chi-square p needs several pairs per cell, so the p
 * reported is the permutation p of H over reassignments of the pooled differences to cells of the
 * same sizes: exact enumeration when there are at most {@code permutations} of them, else seeded
 * random reassignments with p = (1 + #{as extreme}) / (1 + B). Use {@link Heterogeneity} instead
 * when each cell has an estimate and a standard error.
 */
public final class KruskalWallisTest {
    private final double statistic;
    private final double chiSquareP;
    private final double pValue;
    private final boolean exact;
    private final long permutations;
    private final long seed;
    private final int[] sizes;

    private KruskalWallisTest(double statistic, double chiSquareP, double pValue, boolean exact, long permutations,
            long seed, int[] sizes) {
        this.statistic = statistic;
        this.chiSquareP = chiSquareP;
        this.pValue = pValue;
        this.exact = exact;
        this.permutations = permutations;
        this.seed = seed;
        this.sizes = sizes;
    }

    /**
     * The test across {@code cells} (each the paired differences of one cell). NaN values are
     * dropped and empty cells skipped; fewer than 2 cells left: p NaN. Every value tied: H is
     * undefined, p = 1 (no cell differs from another).
     */
    public static KruskalWallisTest test(double[][] cells, long seed, int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
        }
        double[][] kept = Arrays.stream(cells).map(Samples::withoutNaN).filter(c -> c.length > 0)
            .toArray(double[][]::new);
        int k = kept.length;
        int[] sizes = Arrays.stream(kept).mapToInt(c -> c.length).toArray();
        int total = Arrays.stream(sizes).sum();
        if (k < 2) {
            return new KruskalWallisTest(Double.NaN, Double.NaN, Double.NaN, false, 0, seed, sizes);
        }
        double[] pooled = new double[total];
        int at = 0;
        for (double[] cell : kept) {
            System.arraycopy(cell, 0, pooled, at, cell.length);
            at += cell.length;
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
        double tieCorrection = 1 - SignedRankTest.tieTerm(pooled) / ((double) total * total * total - total);
        if (tieCorrection <= 0) {
            return new KruskalWallisTest(Double.NaN, 1, 1, true, 1, seed, sizes);
        }
        double observed = rankSquares(ranks, sizes);
        double h = h(observed, total, tieCorrection);
        double chiSquareP = Gamma.regularizedGammaQ((k - 1) / 2.0, h / 2);
        double threshold = observed * (1 - 1e-12); // reassignments equal to the observed one up to rounding
        double count = reassignments(sizes);
        if (count <= permutations) {
            long[] tally = new long[2]; // {as extreme, all}
            enumerate(ranks, sizes, new boolean[total], 0, 0, threshold, tally);
            return new KruskalWallisTest(h, chiSquareP, (double) tally[0] / tally[1], true, tally[1], seed, sizes);
        }
        Well19937c random = new Well19937c(seed);
        double[] shuffled = ranks.clone();
        long extreme = 0;
        for (int b = 0; b < permutations; b++) {
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double swap = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = swap;
            }
            extreme += rankSquares(shuffled, sizes) >= threshold ? 1 : 0;
        }
        return new KruskalWallisTest(h, chiSquareP, (1.0 + extreme) / (1.0 + permutations), false, permutations, seed,
            sizes);
    }

    /** sum over cells of R_g^2 / n_g, cells taking consecutive blocks of {@code ranks}: H grows with it. */
    private static double rankSquares(double[] ranks, int[] sizes) {
        double sum = 0;
        int at = 0;
        for (int size : sizes) {
            double r = 0;
            for (int i = at; i < at + size; i++) {
                r += ranks[i];
            }
            sum += r * r / size;
            at += size;
        }
        return sum;
    }

    private static double h(double rankSquares, int n, double tieCorrection) {
        return (12.0 / (n * (n + 1.0)) * rankSquares - 3.0 * (n + 1)) / tieCorrection;
    }

    /** N! / prod n_g!: the reassignments of N values to cells of these sizes. */
    private static double reassignments(int[] sizes) {
        double logCount = 0;
        int n = 0;
        for (int size : sizes) {
            for (int i = 1; i <= size; i++) {
                n++;
                logCount += Math.log(n) - Math.log(i);
            }
        }
        return Math.exp(logCount);
    }

    /**
     * Every way to give the unused values to cell {@code cell} onward, filling each cell in index
     * order; {@code sum} accumulates R_g^2 / n_g of the finished cells.
     */
    private static void enumerate(double[] ranks, int[] sizes, boolean[] used, int cell, double sum,
            double threshold, long[] tally) {
        if (cell == sizes.length - 1) { // the last cell takes what is left
            double r = 0;
            for (int i = 0; i < ranks.length; i++) {
                r += used[i] ? 0 : ranks[i];
            }
            double total = sum + r * r / sizes[cell];
            tally[0] += total >= threshold ? 1 : 0;
            tally[1]++;
            return;
        }
        choose(ranks, sizes, used, cell, 0, sizes[cell], 0, sum, threshold, tally);
    }

    private static void choose(double[] ranks, int[] sizes, boolean[] used, int cell, int from, int left,
            double rankSum, double sum, double threshold, long[] tally) {
        if (left == 0) {
            enumerate(ranks, sizes, used, cell + 1, sum + rankSum * rankSum / sizes[cell], threshold, tally);
            return;
        }
        for (int i = from; i < ranks.length; i++) {
            if (!used[i]) {
                used[i] = true;
                choose(ranks, sizes, used, cell, i + 1, left - 1, rankSum + ranks[i], sum, threshold, tally);
                used[i] = false;
            }
        }
    }

    /** H, tie-corrected; NaN when every value ties or fewer than 2 cells. */
    public double statistic() {
        return statistic;
    }

    /** The permutation p (exact or Monte Carlo); 1 when every value ties; NaN with fewer than 2 cells. */
    public double pValue() {
        return pValue;
    }

    /** The asymptotic chi-square p with k - 1 df (R's kruskal.test), for reference. */
    public double chiSquarePValue() {
        return chiSquareP;
    }

    /** True when every reassignment was enumerated. */
    public boolean exact() {
        return exact;
    }

    public long permutations() {
        return permutations;
    }

    public long seed() {
        return seed;
    }

    /** Cells used. */
    public int cells() {
        return sizes.length;
    }

    public String method() {
        String what = "Kruskal-Wallis across " + sizes.length + " cells (" + Arrays.stream(sizes).sum() + " values)";
        if (sizes.length < 2) {
            return what + ", nothing to compare";
        }
        return exact ? what + ", exact permutation p over all " + permutations + " reassignments"
            : String.format(Locale.ROOT, "%s, permutation p from %d random reassignments (seed %d)", what, permutations,
                seed);
    }
}
