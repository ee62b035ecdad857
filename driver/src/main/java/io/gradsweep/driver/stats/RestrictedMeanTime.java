package io.gradsweep.driver.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Restricted mean time to reach a threshold within a budget tau: the area under the Kaplan-Meier
 * curve of "not yet reached" from 0 to tau, i.e. the mean of min(T, tau). Unlike the median it is
 * defined however many runs never reach the threshold, and runs that never do count as taking the
 * whole budget. Variance by the Greenwood plug-in (Miller 1981), sum over event times t_j <= tau of
 * (area from t_j to tau)^2 d_j / (Y_j (Y_j - d_j)), exactly as R's survRM2 {@code rmst1} and
 * {@code print(survfit(...), rmean = tau)}.
 */
public final class RestrictedMeanTime {
    private final double tau;
    private final int n;
    private final double estimate;
    private final double variance;

    private RestrictedMeanTime(double tau, int n, double estimate, double variance) {
        this.tau = tau;
        this.n = n;
        this.estimate = estimate;
        this.variance = variance;
    }

    /**
     * The restricted mean of {@code times} up to {@code tau}; {@code reached[i]} false means run i
     * stopped at {@code times[i]} without reaching the threshold. NaN times are excluded. tau must
     * not pass the last observed time unless the curve has reached 0 there (beyond it the curve is
     * unknown). No runs: NaN.
     */
    public static RestrictedMeanTime of(double[] times, boolean[] reached, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("restriction time tau must be positive and finite, got " + tau);
        }
        KaplanMeier km = KaplanMeier.fit(times, reached);
        if (km.n() == 0) {
            return new RestrictedMeanTime(tau, 0, Double.NaN, Double.NaN);
        }
        double last = Double.NEGATIVE_INFINITY;
        for (double t : times) {
            if (!Double.isNaN(t)) {
                last = Math.max(last, t);
            }
        }
        if (tau > last && km.survivalAt(last) > 0) {
            throw new IllegalArgumentException("restriction time tau = " + tau + " is beyond the last observed time "
                + last + ", where the curve is still " + km.survivalAt(last) + "; use tau <= " + last);
        }
        var steps = km.steps().stream().filter(s -> s.time() <= tau).toList();
        int m = steps.size();
        // areas[j]: the area from the j-th event time to the next (or tau) at the curve's value after it
        double[] areas = new double[m];
        double area = steps.isEmpty() ? tau : steps.get(0).time(); // S = 1 before the first event
        for (int j = 0; j < m; j++) {
            double end = j + 1 < m ? steps.get(j + 1).time() : tau;
            areas[j] = (end - steps.get(j).time()) * steps.get(j).survival();
            area += areas[j];
        }
        double variance = 0;
        double tail = 0; // area from t_j to tau
        for (int j = m - 1; j >= 0; j--) {
            tail += areas[j];
            KaplanMeier.Step step = steps.get(j);
            int atRisk = step.atRisk();
            int events = step.events();
            if (atRisk > events) { // survRM2 counts 0 where everyone at risk reaches it
                variance += tail * tail * events / ((double) atRisk * (atRisk - events));
            }
        }
        return new RestrictedMeanTime(tau, km.n(), area, variance);
    }

    /** {@code a} minus {@code b} with a normal interval and two-sided p (survRM2's unadjusted contrast). */
    public static Difference difference(RestrictedMeanTime a, RestrictedMeanTime b, double level) {
        Samples.checkLevel(level);
        if (a.tau != b.tau) {
            throw new IllegalArgumentException("restricted means differ in tau: " + a.tau + " and " + b.tau);
        }
        double estimate = a.estimate - b.estimate;
        double se = Math.sqrt(a.variance + b.variance);
        NormalDistribution normal = new NormalDistribution();
        double z = normal.inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = se > 0 ? 2 * normal.cumulativeProbability(-Math.abs(estimate) / se)
            : estimate == 0 ? 1 : Double.NaN;
        return new Difference(estimate, se, new ConfidenceInterval(estimate - z * se, estimate + z * se, level), p,
            a.tau, a.n, b.n);
    }

    /** tau: the budget the mean is restricted to. */
    public double tau() {
        return tau;
    }

    /** Runs used. */
    public int n() {
        return n;
    }

    /** The restricted mean time to reach the threshold, in [0, tau]. */
    public double estimate() {
        return estimate;
    }

    /** Greenwood plug-in variance of the estimate. */
    public double variance() {
        return variance;
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** Normal interval estimate +- z se, as survRM2. */
    public ConfidenceInterval interval(double level) {
        Samples.checkLevel(level);
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(estimate - z * standardError(), estimate + z * standardError(), level);
    }

    /** Always false: the interval is the normal approximation. */
    public boolean exact() {
        return false;
    }

    public String method() {
        return "restricted mean time to threshold up to " + fmt(tau) + " (area under Kaplan-Meier), Greenwood variance";
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%g", x);
    }

    /**
     * A difference of restricted means (arm minus reference) with its normal interval and p of
     * difference 0 (a Wald test, approximate).
     */
    public record Difference(double estimate, double standardError, ConfidenceInterval interval, double pValue,
            double tau, int nA, int nB) implements java.io.Serializable {
        /** Always false: Wald interval and p. */
        public boolean exact() {
            return false;
        }

        public String method() {
            return "difference in restricted mean time up to " + fmt(tau) + ", normal approximation (Wald), " + nA
                + " and " + nB + " runs";
        }
    }
}
