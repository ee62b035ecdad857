package io.gradsweep.driver.stats;

import java.util.Locale;

/**
 * Nonparametric two one-sided tests (TOST; Schuirmann 1987, Wellek 2010 ch. 5) that a paired
 * effect lies within +-margin, the smallest effect of interest: the exact signed-rank test of
 * d - margin against "shifted below 0" and of d + margin against "shifted above 0". Equivalence
 * is shown when both reject, so p = the larger one-sided p. A non-significant difference test
 * is not evidence of no effect; this is.
 *
 * <p>With n pairs the smallest one-sided p is 1/2^n, so with 4 pairs nothing can show
 * equivalence at 0.05: {@link #minimumPValue()} says so. Shifted differences are snapped to 12
 * significant digits of the data's scale, so that d - margin and margin - d' that are equal in
 * decimal (0.3 - 0.1 and 0.1 - (-0.1)) tie as they should rather than by floating-point luck.
 */
public final class EquivalenceTest implements java.io.Serializable {
    private final double margin;
    private final double alpha;
    private final SignedRankTest belowUpper;
    private final SignedRankTest aboveLower;

    private EquivalenceTest(double margin, double alpha, SignedRankTest belowUpper, SignedRankTest aboveLower) {
        this.margin = margin;
        this.alpha = alpha;
        this.belowUpper = belowUpper;
        this.aboveLower = aboveLower;
    }

    /** TOST of {@code differences} (arm minus reference) against +-{@code margin} at significance {@code alpha}. */
    public static EquivalenceTest pairedTost(double[] differences, double margin, double alpha) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("equivalence margin must be positive and finite, got " + margin);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("significance level alpha must be in (0, 1), got " + alpha);
        }
        double scale = margin;
        for (double d : differences) {
            if (!Double.isNaN(d)) {
                scale = Math.max(scale, Math.abs(d) + margin);
            }
        }
        double quantum = scale * 1e-12;
        double[] minusMargin = new double[differences.length];
        double[] plusMargin = new double[differences.length];
        for (int i = 0; i < differences.length; i++) {
            minusMargin[i] = snap(differences[i] - margin, quantum);
            plusMargin[i] = snap(differences[i] + margin, quantum);
        }
        return new EquivalenceTest(margin, alpha, SignedRankTest.test(minusMargin), SignedRankTest.test(plusMargin));
    }

    private static double snap(double x, double quantum) {
        return Double.isNaN(x) ? x : Math.rint(x / quantum) * quantum;
    }

    /** The TOST p: the larger of the two one-sided p-values; NaN when no pairs. */
    public double pValue() {
        return Math.max(pValueUpper(), pValueLower());
    }

    /** One-sided p that the effect lies below +margin (signed-rank of d - margin, P(V <= v)). */
    public double pValueUpper() {
        return belowUpper.pValueLess();
    }

    /** One-sided p that the effect lies above -margin (signed-rank of d + margin, P(V >= v)). */
    public double pValueLower() {
        return aboveLower.pValueGreater();
    }

    /** True when both one-sided tests reject at alpha: the effect is within +-margin. */
    public boolean equivalent() {
        return pValue() <= alpha;
    }

    /** The smallest TOST p these pairs could give: 1/2^n for the smaller n of the two shifted tests. */
    public double minimumPValue() {
        int n = Math.min(belowUpper.n(), aboveLower.n());
        return n == 0 ? Double.NaN : MinimumP.smallestOneSided(n);
    }

    /** True when even the most favourable data could not show equivalence with these pairs. */
    public boolean cannotShowEquivalence() {
        return !(minimumPValue() <= alpha);
    }

    public double margin() {
        return margin;
    }

    public double alpha() {
        return alpha;
    }

    /** True when both one-sided p-values are exact. */
    public boolean exact() {
        return belowUpper.exact() && aboveLower.exact();
    }

    /** The signed-rank test of d - margin. */
    public SignedRankTest upperTest() {
        return belowUpper;
    }

    /** The signed-rank test of d + margin. */
    public SignedRankTest lowerTest() {
        return aboveLower;
    }

    public String method() {
        return String.format(Locale.ROOT, "TOST, two one-sided %s tests against +-%s, %d pairs",
            exact() ? "exact signed-rank" : "signed-rank (normal approximation)", fmt(margin),
            Math.max(belowUpper.n() + belowUpper.zeroCount(), aboveLower.n() + aboveLower.zeroCount()));
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+$", "");
    }

    @Override
    public String toString() {
        return "EquivalenceTest[margin=" + margin + ", p=" + pValue() + ", equivalent=" + equivalent() + "]";
    }
}
