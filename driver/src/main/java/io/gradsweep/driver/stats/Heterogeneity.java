package io.gradsweep.driver.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Heterogeneity of one effect across cells (e.g. a paired effect estimated in each dataset or
 * width), as in meta-analysis: Cochran's Q, the inverse-variance weighted squared deviations from
 * the fixed-effect pooled estimate, chi-square with k - 1 df under homogeneity; and Higgins and
 * Thompson's (2002) I^2 = (Q - df) / Q (floored at 0), the share of the spread not explained by
 * within-cell error, with their interval from the standard error of ln H (H^2 = Q / df; eq. 8
 * and 9 of the paper: test-based when Q > k, else the small-heterogeneity form).
 */
public final class Heterogeneity {
    private final int k;
    private final double q;
    private final double pooledEstimate;
    private final double pooledStandardError;
    private final ConfidenceInterval hInterval;

    private Heterogeneity(int k, double q, double pooledEstimate, double pooledStandardError,
            ConfidenceInterval hInterval) {
        this.k = k;
        this.q = q;
        this.pooledEstimate = pooledEstimate;
        this.pooledStandardError = pooledStandardError;
        this.hInterval = hInterval;
    }

    /** Q and I^2 of {@code estimates} with their {@code standardErrors} (each > 0), 95% interval. */
    public static Heterogeneity cochranQ(double[] estimates, double[] standardErrors) {
        return cochranQ(estimates, standardErrors, 0.95);
    }

    /** As {@link #cochranQ(double[], double[])} with intervals at {@code level}. */
    public static Heterogeneity cochranQ(double[] estimates, double[] standardErrors, double level) {
        Samples.checkLevel(level);
        if (estimates.length != standardErrors.length) {
            throw new IllegalArgumentException("estimates and standard errors differ in length: " + estimates.length
                + " and " + standardErrors.length);
        }
        double sumW = 0;
        double sumWy = 0;
        for (int i = 0; i < estimates.length; i++) {
            double se = standardErrors[i];
            if (!(se > 0) || Double.isInfinite(se) || !Double.isFinite(estimates[i])) {
                throw new IllegalArgumentException("cell " + i + ": need a finite estimate and a positive finite"
                    + " standard error, got " + estimates[i] + " and " + se);
            }
            double w = 1 / (se * se);
            sumW += w;
            sumWy += w * estimates[i];
        }
        int k = estimates.length;
        if (k == 0) {
            return new Heterogeneity(0, Double.NaN, Double.NaN, Double.NaN, ConfidenceInterval.undefined(level));
        }
        double pooled = sumWy / sumW;
        double q = 0;
        for (int i = 0; i < k; i++) {
            double dev = estimates[i] - pooled;
            q += dev * dev / (standardErrors[i] * standardErrors[i]);
        }
        return new Heterogeneity(k, q, pooled, Math.sqrt(1 / sumW), hInterval(q, k, level));
    }

    /** The statistics from a published Q and number of cells k (no pooled estimate). */
    public static Heterogeneity fromQ(double q, int k, double level) {
        Samples.checkLevel(level);
        if (!(q >= 0) || k < 2) {
            throw new IllegalArgumentException("need Q >= 0 and k >= 2 cells, got Q " + q + " and k " + k);
        }
        return new Heterogeneity(k, q, Double.NaN, Double.NaN, hInterval(q, k, level));
    }

    /** Interval of H = sqrt(Q / (k - 1)), each bound floored at 1 (Higgins and Thompson 2002, eq. 8-9). */
    private static ConfidenceInterval hInterval(double q, int k, double level) {
        if (k < 2) {
            return ConfidenceInterval.undefined(level);
        }
        double h = Math.max(1, Math.sqrt(q / (k - 1)));
        double seLnH;
        if (q > k) {
            seLnH = 0.5 * (Math.log(q) - Math.log(k - 1)) / (Math.sqrt(2 * q) - Math.sqrt(2.0 * k - 3));
        } else if (k > 2) {
            seLnH = Math.sqrt(1.0 / (2 * (k - 2)) * (1 - 1.0 / (3.0 * (k - 2) * (k - 2))));
        } else {
            return new ConfidenceInterval(Double.NaN, Double.NaN, level); // two cells with Q <= 2: undefined
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(Math.max(1, Math.exp(Math.log(h) - z * seLnH)),
            Math.max(1, Math.exp(Math.log(h) + z * seLnH)), level);
    }

    /** Cells. */
    public int k() {
        return k;
    }

    /** Cochran's Q. */
    public double q() {
        return q;
    }

    public int degreesOfFreedom() {
        return k - 1;
    }

    /** P(chi-square with k - 1 df >= Q); NaN with fewer than 2 cells. */
    public double pValue() {
        return k < 2 ? Double.NaN : Gamma.regularizedGammaQ((k - 1) / 2.0, q / 2);
    }

    /** False: the chi-square distribution of Q is asymptotic in the cells' sizes. */
    public boolean exact() {
        return false;
    }

    /** I^2 = max(0, (Q - df) / Q), as a fraction. */
    public double iSquared() {
        if (k < 2) {
            return Double.NaN;
        }
        return q > 0 ? Math.max(0, (q - (k - 1)) / q) : 0;
    }

    /** H = sqrt(Q / df), floored at 1 as in the paper. */
    public double h() {
        return k < 2 ? Double.NaN : Math.max(1, Math.sqrt(q / (k - 1)));
    }

    /** Interval of H. */
    public ConfidenceInterval hInterval() {
        return hInterval;
    }

    /** Interval of I^2, (H^2 - 1) / H^2 at H's bounds. */
    public ConfidenceInterval iSquaredInterval() {
        return new ConfidenceInterval(toI2(hInterval.lower()), toI2(hInterval.upper()), hInterval.level());
    }

    private static double toI2(double h) {
        return (h * h - 1) / (h * h);
    }

    /** The inverse-variance (fixed-effect) pooled estimate; NaN from {@link #fromQ}. */
    public double pooledEstimate() {
        return pooledEstimate;
    }

    public double pooledStandardError() {
        return pooledStandardError;
    }

    public String method() {
        return String.format(Locale.ROOT, "Cochran's Q (chi-square, %d df) and I^2 with Higgins-Thompson interval,"
            + " %d cells", k - 1, k);
    }

    @Override
    public String toString() {
        return "Heterogeneity[k=" + k + ", Q=" + q + ", p=" + pValue() + ", I2=" + iSquared() + "]";
    }
}
