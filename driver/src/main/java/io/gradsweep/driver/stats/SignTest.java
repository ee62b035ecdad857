package io.gradsweep.driver.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The exact sign test that positive and negative paired differences are equally likely: ties
 * (zero differences) are dropped and the count of positives is Binomial(n, 1/2) under the null.
 * Two-sided p = min(1, 2 P(X <= min(positives, negatives))), as R's
 * {@code binom.test(positives, n)} (the null distribution is symmetric, so R's "as or less likely"
 * rule gives the same value).
 */
public final class SignTest implements java.io.Serializable {
    private final int positives;
    private final int negatives;
    private final double pValue;

    private SignTest(int positives, int negatives, double pValue) {
        this.positives = positives;
        this.negatives = negatives;
        this.pValue = pValue;
    }

    /**
     * The test of {@code positives} against {@code negatives}. None of either (every pair tied):
     * p = 1, the exact p of the degenerate null.
     */
    public static SignTest test(int positives, int negatives) {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got positives " + positives + ", negatives "
                + negatives);
        }
        int n = positives + negatives;
        if (n == 0) {
            return new SignTest(0, 0, 1);
        }
        double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(positives, negatives));
        return new SignTest(positives, negatives, Math.min(1, 2 * tail));
    }

    /**
     * The test of the signs of {@code differences}; zeros and NaN dropped. All zero: p = 1; no
     * difference at all (empty or all NaN): p NaN.
     */
    public static SignTest of(double[] differences) {
        int positives = 0;
        int negatives = 0;
        int zeros = 0;
        for (double d : differences) {
            if (d > 0) {
                positives++;
            } else if (d < 0) {
                negatives++;
            } else if (d == 0) {
                zeros++;
            }
        }
        return positives + negatives + zeros == 0 ? new SignTest(0, 0, Double.NaN) : test(positives, negatives);
    }

    /** 2 / 2^n capped at 1: the smallest two-sided p with n untied pairs. */
    public static double minimumPValue(int n) {
        return MinimumP.smallestTwoSided(n);
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return negatives;
    }

    /** Pairs used: positives + negatives. */
    public int n() {
        return positives + negatives;
    }

    /** Two-sided exact p; 1 when every pair tied; NaN only from {@link #of} with no differences. */
    public double pValue() {
        return pValue;
    }

    /** Always true: the binomial distribution is the test's exact null distribution. */
    public boolean exact() {
        return true;
    }

    /** The smallest two-sided p these n pairs could give. */
    public double minimumPValue() {
        return MinimumP.smallestTwoSided(n());
    }

    /** A caption phrase, e.g. "exact sign test, 7 of 9 pairs positive, ties dropped". */
    public String method() {
        return "exact sign test, " + positives + " of " + n() + " pairs positive, ties dropped";
    }

    @Override
    public String toString() {
        return "SignTest[+" + positives + ", -" + negatives + ", p=" + pValue + "]";
    }
}
