package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank (Mantel-Cox) test that k time-to-threshold curves are equal: at each distinct
 * event time, observed against expected events per group given the risk sets, with the
 * hypergeometric variance; the statistic (O - E)' V^-1 (O - E) over k - 1 groups is chi-square
 * with k - 1 degrees of freedom (Collett 2015, sec. 2.6; the same statistic as R's
 * {@code survdiff} with rho = 0). Censoring is "reached = false", as in {@link KaplanMeier}.
 */
public final class LogRankTest {
    private final double statistic;
    private final int degreesOfFreedom;
    private final double pValue;
    private final double[] observed;
    private final double[] expected;
    private final int nanCount;

    private LogRankTest(double statistic, int degreesOfFreedom, double pValue, double[] observed, double[] expected,
            int nanCount) {
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
        this.pValue = pValue;
        this.observed = observed;
        this.expected = expected;
        this.nanCount = nanCount;
    }

    /** Two groups: a (times, reached) and b (times, reached). */
    public static LogRankTest compare(double[] timesA, boolean[] reachedA, double[] timesB, boolean[] reachedB) {
        return compare(new double[][] {timesA, timesB}, new boolean[][] {reachedA, reachedB});
    }

    /**
     * k >= 2 groups: {@code times[g][i]}, {@code reached[g][i]}. Runs with a NaN time are
     * excluded and counted. When nothing can be compared (no event at all, or every event at a
     * time only one group is at risk, so V = 0) the statistic and p-value are NaN. A group
     * without runs still counts in the degrees of freedom; the variance then is singular and the
     * result NaN, so leave empty groups out before calling.
     */
    public static LogRankTest compare(double[][] times, boolean[][] reached) {
        int k = times.length;
        if (k < 2 || reached.length != k) {
            throw new IllegalArgumentException("need >= 2 groups of times with as many of reached, got " + k
                + " and " + reached.length);
        }
        int nanCount = 0;
        double[][] sortedTimes = new double[k][];
        double[][] sortedEventTimes = new double[k][];
        TreeSet<Double> eventTimes = new TreeSet<>();
        for (int g = 0; g < k; g++) {
            if (times[g].length != reached[g].length) {
                throw new IllegalArgumentException("group " + g + ": times and reached differ in length: "
                    + times[g].length + " and " + reached[g].length);
            }
            sortedTimes[g] = Samples.withoutNaN(times[g]);
            nanCount += times[g].length - sortedTimes[g].length;
            Arrays.sort(sortedTimes[g]);
            double[] groupTimes = times[g];
            boolean[] groupReached = reached[g];
            sortedEventTimes[g] = IntStream.range(0, groupTimes.length)
                .filter(i -> groupReached[i] && !Double.isNaN(groupTimes[i])).mapToDouble(i -> groupTimes[i]).sorted()
                .toArray();
            for (double t : sortedEventTimes[g]) {
                eventTimes.add(t);
            }
        }
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] variance = new double[k][k];
        int[] atRisk = new int[k];
        int[] eventsAt = new int[k];
        for (double t : eventTimes) {
            int total = 0;
            int totalEvents = 0;
            for (int g = 0; g < k; g++) {
                atRisk[g] = sortedTimes[g].length - firstAtOrAbove(sortedTimes[g], t);
                eventsAt[g] = firstAbove(sortedEventTimes[g], t) - firstAtOrAbove(sortedEventTimes[g], t);
                total += atRisk[g];
                totalEvents += eventsAt[g];
            }
            double share = (double) totalEvents / total;
            // hypergeometric covariance factor; 0 when everyone at risk has the event at t
            double spread = total > 1 ? (double) totalEvents * (total - totalEvents) / (total - 1) : 0;
            for (int g = 0; g < k; g++) {
                observed[g] += eventsAt[g];
                expected[g] += atRisk[g] * share;
                double pg = (double) atRisk[g] / total;
                for (int h = 0; h < k; h++) {
                    double ph = (double) atRisk[h] / total;
                    variance[g][h] += spread * pg * ((g == h ? 1 : 0) - ph);
                }
            }
        }
        double statistic = statistic(observed, expected, variance);
        // the upper tail directly: 1 - cdf would lose every digit of a p-value below about 1e-16
        double pValue = Double.isNaN(statistic) ? Double.NaN : Gamma.regularizedGammaQ((k - 1) / 2.0, statistic / 2);
        return new LogRankTest(statistic, k - 1, pValue, observed, expected, nanCount);
    }

    /** Index of the first value >= t in ascending {@code sorted} (its length if none). */
    private static int firstAtOrAbove(double[] sorted, double t) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Index of the first value > t in ascending {@code sorted} (its length if none). */
    private static int firstAbove(double[] sorted, double t) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** (O - E)' V^-1 (O - E) over the first k - 1 groups (the k-th is determined by the others). */
    private static double statistic(double[] observed, double[] expected, double[][] variance) {
        int m = observed.length - 1;
        RealMatrix v = new Array2DRowRealMatrix(m, m);
        RealVector difference = new ArrayRealVector(m);
        for (int g = 0; g < m; g++) {
            difference.setEntry(g, observed[g] - expected[g]);
            for (int h = 0; h < m; h++) {
                v.setEntry(g, h, variance[g][h]);
            }
        }
        try {
            RealVector solved = new LUDecomposition(v).getSolver().solve(difference);
            return difference.dotProduct(solved);
        } catch (SingularMatrixException e) {
            return Double.NaN;
        }
    }

    /** Chi-square statistic. */
    public double statistic() {
        return statistic;
    }

    /** k - 1. */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** Upper-tail chi-square probability of the statistic. */
    public double pValue() {
        return pValue;
    }

    /** Observed events per group. */
    public double[] observed() {
        return observed.clone();
    }

    /** Expected events per group under equal curves. */
    public double[] expected() {
        return expected.clone();
    }

    /** Runs excluded because their time was NaN. */
    public int nanCount() {
        return nanCount;
    }

    @Override
    public String toString() {
        return "LogRankTest[chisq=" + statistic + ", df=" + degreesOfFreedom + ", p=" + pValue + ", observed="
            + Arrays.toString(observed) + ", expected=" + Arrays.toString(expected) + "]";
    }
}
