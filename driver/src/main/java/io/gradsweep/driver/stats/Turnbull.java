package io.gradsweep.driver.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turnbull's (1976) nonparametric maximum likelihood estimate of a distribution from
 * interval-censored times: each run is known only to have reached the threshold in (left, right]
 * (between the evaluation before and the one at which it was first seen there; right = +inf for a
 * run that never did). The mass sits on the innermost intervals (a left end followed by a right
 * end with no end in between) and is found by the self-consistency (EM) iteration
 * p_j <- (1/n) sum_i a_ij p_j / sum_k a_ik p_k. Within an innermost interval the NPMLE does not
 * say where the mass lies, so the survival function is given as bounds.
 */
public final class Turnbull implements java.io.Serializable {
    /** Convergence: the largest change of a mass in one iteration. */
    static final double TOLERANCE = 1e-13;
    static final int MAX_ITERATIONS = 1_000_000;

    /** An innermost interval (lower, upper] and its probability mass. */
    public record Mass(double lower, double upper, double probability) implements java.io.Serializable {
    }

    private final List<Mass> masses;
    private final int n;
    private final int iterations;
    private final boolean converged;

    private Turnbull(List<Mass> masses, int n, int iterations, boolean converged) {
        this.masses = List.copyOf(masses);
        this.n = n;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * The NPMLE from intervals (left[i], right[i]], left < right, right = +inf for never reached.
     * Rows where either end is NaN are refused: the caller decides what a missing time means.
     */
    public static Turnbull fit(double[] left, double[] right) {
        int n = left.length;
        if (right.length != n) {
            throw new IllegalArgumentException("left and right differ in length: " + n + " and " + right.length);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(left[i]) || Double.isNaN(right[i]) || !(left[i] < right[i])
                || left[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("interval " + i + " must be (left, right] with left < right, got ("
                    + left[i] + ", " + right[i] + "]");
            }
        }
        if (n == 0) {
            return new Turnbull(List.of(), 0, 0, true);
        }
        List<double[]> inner = innermostIntervals(left, right);
        int m = inner.size();
        boolean[][] contains = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                contains[i][j] = left[i] <= inner.get(j)[0] && inner.get(j)[1] <= right[i];
            }
        }
        double[] p = new double[m];
        Arrays.fill(p, 1.0 / m);
        double[] next = new double[m];
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            Arrays.fill(next, 0);
            for (int i = 0; i < n; i++) {
                double total = 0;
                for (int j = 0; j < m; j++) {
                    total += contains[i][j] ? p[j] : 0;
                }
                for (int j = 0; j < m; j++) {
                    if (contains[i][j]) {
                        next[j] += p[j] / total / n;
                    }
                }
            }
            double change = 0;
            for (int j = 0; j < m; j++) {
                change = Math.max(change, Math.abs(next[j] - p[j]));
            }
            System.arraycopy(next, 0, p, 0, m);
            converged = change < TOLERANCE;
        }
        List<Mass> masses = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            masses.add(new Mass(inner.get(j)[0], inner.get(j)[1], p[j]));
        }
        return new Turnbull(masses, n, iteration, converged);
    }

    /**
     * Innermost intervals: sort all ends, a right end before a left end at the same value (for
     * half-open (l, r] intervals, (a, x] and (x, b] do not meet), and take each left end that is
     * immediately followed by a right end.
     */
    static List<double[]> innermostIntervals(double[] left, double[] right) {
        int n = left.length;
        double[][] ends = new double[2 * n][]; // {value, 0 = right end / 1 = left end}
        for (int i = 0; i < n; i++) {
            ends[2 * i] = new double[] {left[i], 1};
            ends[2 * i + 1] = new double[] {right[i], 0};
        }
        Arrays.sort(ends, Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        List<double[]> inner = new ArrayList<>();
        for (int k = 0; k + 1 < ends.length; k++) {
            if (ends[k][1] == 1 && ends[k + 1][1] == 0) {
                inner.add(new double[] {ends[k][0], ends[k + 1][0]});
            }
        }
        return inner;
    }

    /** The innermost intervals in time order with their masses (some may be ~0). */
    public List<Mass> masses() {
        return masses;
    }

    /** The masses above {@code threshold}: the intervals where the estimated curve drops. */
    public List<Mass> support(double threshold) {
        return masses.stream().filter(mass -> mass.probability() > threshold).toList();
    }

    /** Runs used. */
    public int n() {
        return n;
    }

    public int iterations() {
        return iterations;
    }

    /** False when the EM iteration stopped at its limit before the masses settled. */
    public boolean converged() {
        return converged;
    }

    /**
     * Bounds of S(t) = P(not yet reached by t): the NPMLE fixes S outside the innermost intervals;
     * inside one it can lie anywhere between these. lower = 1 - mass of intervals starting before
     * t, upper = 1 - mass of intervals ending at or before t.
     */
    public ConfidenceInterval survivalBounds(double t) {
        double possiblyBefore = 0;
        double certainlyBefore = 0;
        for (Mass mass : masses) {
            if (mass.lower() < t) {
                possiblyBefore += mass.probability();
            }
            if (mass.upper() <= t) {
                certainlyBefore += mass.probability();
            }
        }
        return new ConfidenceInterval(Math.max(0, 1 - possiblyBefore), Math.min(1, 1 - certainlyBefore), Double.NaN);
    }

    public String method() {
        return "Turnbull NPMLE (self-consistency EM, " + iterations + " iterations" + (converged ? "" : ", NOT converged")
            + "), " + n + " interval-censored runs";
    }
}
